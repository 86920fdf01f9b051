"""A bad rule pack is a data error naming the file, the line and the key path: an unknown kind,
an unknown `check:` for a kind, a key the kind does not read, a duplicate code, an unknown
vocabulary group."""
from __future__ import annotations

import textwrap

import pytest
from conftest import rule_pack


def _pack(kind, extra=""):
    return rule_pack(kind, textwrap.dedent(extra))


@pytest.mark.parametrize("pack, problems", [
    (_pack("frase", "terms: [x]\n"),
     ["pack.yaml:4: rules[0].kind: 'frase' is not one of ['phrase', 'substitution', 'required', "
      "'claim', 'statistic', 'scope', 'metadata']"]),
    (_pack("scope", "check: desing\nterms: [x]\n"),
     ["pack.yaml:9: rules[0].check: 'desing' is not one of ['population', 'design']"]),
    (_pack("statistic", "check: value\nterms: [x]\n"),
     ["pack.yaml:10: rules[0].terms: unknown key for this kind (allowed: code, name, aliases, "
      "kind, category, severity, presets, message, rationale, source, examples, check)"]),
    (_pack("claim"), ["pack.yaml:2: rules[0]: 'check' is required (missing key)"]),
    (_pack("phrase", "terms: ['@nowhere']\n"),
     ["pack.yaml:2: rules[0]: unknown vocabulary group '@nowhere'"]),
    (_pack("phrase", "terms: [x]\n") + _pack("phrase", "terms: [y]\n").replace("rules:\n", ""),
     ["pack.yaml:11: rules[1].code: duplicate rule code 'TEAM001' (also in pack.yaml)"]),
])
def test_bad_pack_is_reported_with_file_line_and_key(cli, write, pack, problems):
    write("pack.yaml", pack)
    code, out, err = cli("validate", "pack.yaml")
    assert (code, out.splitlines(), err) == (2, problems, f"{len(problems)} problem{'s' if len(problems) > 1 else ''} found.\n")
    code, out, err = cli("check", "--rules", "pack.yaml", "-")
    assert (code, out) == (2, "")
    assert err.splitlines() == [f"medlint: error: {p}" for p in problems]
