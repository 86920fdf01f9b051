"""A bad fact base is a data error naming the file, the line and the key path: a duplicate id,
an unknown source, an unknown vocabulary group, a term that does not compile, a missing example."""
from __future__ import annotations

import pytest

FACT = """\
  - id: {id}
    topic: team
    statement: Widgetomab gave a response rate of 42%.
    status: consistent
    design: randomized
    sources: [{source}]
    keys: [[{key}]]
    quantity: percent
    values: [{{value: 42}}]
    examples:
      flag: [{{text: "Widgetomab gave a response rate of 62%.", rule: STAT001}}]
      pass: {passes}
"""


def _facts(*facts):
    return "facts:\n" + "".join(FACT.format(**{"id": "team-a", "source": "acs", "key": "response",
                                               "passes": '["A 42% rate."]', **f}) for f in facts)


@pytest.mark.parametrize("facts, problems", [
    (_facts({}, {}), ["facts.yaml:14: facts[1].id: duplicate fact id 'team-a' (also in facts.yaml)"]),
    (_facts({"source": "nowhere"}),
     ["facts.yaml:7: facts[0].sources[0]: unknown source id 'nowhere' (not in any sources file)"]),
    (_facts({"key": "'@nowhere'"}), ["facts.yaml:2: facts[0]: unknown vocabulary group '@nowhere'"]),
    (_facts({"key": "'re:(open'"}),
     ["facts.yaml:2: facts[0]: term 're:(open' does not compile: missing ), unterminated subpattern "
      "at position 0"]),
    (_facts({"passes": "[]"}), ["facts.yaml:13: facts[0].examples.pass: [] should be non-empty"]),
])
def test_bad_fact_base_is_reported_with_file_line_and_key(cli, write, facts, problems):
    write("facts.yaml", facts)
    code, out, err = cli("validate", "facts.yaml")
    assert (code, out.splitlines()) == (2, problems)
    code, out, err = cli("check", "--reference", "facts.yaml", "-")
    assert (code, out, err.splitlines()) == (2, "", [f"medlint: error: {p}" for p in problems])
