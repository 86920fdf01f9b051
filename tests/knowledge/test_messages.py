"""A rule's `message` is a template its kind fills in: a placeholder the kind does not provide,
an unclosed brace or a format the values cannot take is a data error at load naming the file,
line and key, and listing the placeholders the kind provides."""
from __future__ import annotations

import copy
import re

import pytest
from conftest import rule_pack

from linter.commands.examples import findings_for
from linter.context import Context
from linter.knowledge.rule import PLACEHOLDERS, placeholders

KEYS = {"phrase": "terms: [wonder drug]\n", "substitution": "terms: [wonder drug]\nsuggest: drug\n",
        "required": "requires: [[disclaimer]]\n", "statistic": "check: value\n",
        "scope/population": "check: population\nterms: [all children]\n",
        "scope/design": "check: design\nterms: [safer]\n", "claim/contradiction": "check: contradiction\n",
        "claim/evidence": "check: evidence\n", "metadata/author": "check: author\n",
        "metadata/stale": "check: stale\n"}


def _pack(kind_check: str, message: str) -> str:
    kind = kind_check.split("/")[0]
    return rule_pack(kind, KEYS[kind_check], message=message, flag="It is a wonder drug.",
                     passed="It is a drug.")


def _problem(detail: str) -> str:
    return f"pack.yaml:7: rules[0].message: {detail}"


@pytest.mark.parametrize("kind, message, problem", [
    ("phrase", "{match} is {nope}",
     "unknown placeholder {nope}; phrase rules provide {match}, {suggestion}"),
    ("substitution", "{match}: say {suggest}",
     "unknown placeholder {suggest}; substitution rules provide {match}, {suggestion}"),
    ("required", "no {match}", "unknown placeholder {match}; required rules provide none"),
    ("statistic", "{match} is not {fact}",
     "unknown placeholder {fact}; statistic rules with check value provide {match}, {detail}"),
    ("scope/population", "{match} is not {populaton}",
     "unknown placeholder {populaton}; scope rules with check population provide {match}, "
     "{population}, {says}"),
    ("scope/design", "{match} in {population}",
     "unknown placeholder {population}; scope rules with check design provide {match}"),
    ("claim/evidence", "{match}: {says}",
     "unknown placeholder {says}; claim rules with check evidence provide {match}"),
    ("metadata/author", "no author {match}",
     "unknown placeholder {match}; metadata rules with check author provide {days}"),
    ("phrase", "{match} is {0}",
     "unknown placeholder {0}; phrase rules provide {match}, {suggestion}"),
    ("phrase", "{match} is {}",
     "a placeholder needs a name; phrase rules provide {match}, {suggestion}"),
    ("phrase", "{match.upper} is hype",
     "unknown placeholder {match.upper}; phrase rules provide {match}, {suggestion}"),
    ("phrase", "{match is hype",
     "expected '}' before end of string (write a literal brace as {{ or }})"),
    ("phrase", "{match} is } hype",
     "Single '}' encountered in format string (write a literal brace as {{ or }})"),
    ("phrase", "{match:d} is hype",
     "Unknown format code 'd' for object of type 'str' (placeholders of phrase rules: {match}, "
     "{suggestion})"),
])
def test_bad_message_is_a_data_error(cli, write, kind, message, problem):
    write("pack.yaml", _pack(kind, message))
    write("w.md", "It is a wonder drug.\n")
    code, out, err = cli("validate", "pack.yaml")
    assert (code, out.splitlines(), err) == (2, [_problem(problem)], "1 problem found.\n")
    code, out, err = cli("check", "--rules", "pack.yaml", "w.md")
    assert (code, out, err) == (2, "", f"medlint: error: {_problem(problem)}\n")


VALID = "All data files are valid and every example behaves as labelled."
UNFLAGGED = "pack.yaml: TEAM001: example should be flagged: 'It is a wonder drug.'"


@pytest.mark.parametrize("kind, message, report", [
    ("phrase", "{match!r} is hype; {suggestion:>3}", VALID),
    ("phrase", "a {{literal}} brace and {match}", VALID),
    ("substitution", "say {suggestion}, not {match}", VALID),
    ("required", "add a {{disclaimer}}", "pack.yaml: TEAM001: example should pass: 'It is a drug.'"),
    # These kinds do not flag the pack's examples; their messages load all the same.
    ("statistic", "{match} {detail}", UNFLAGGED),
    ("scope/population", "{match}: {population}, {says}", UNFLAGGED),
    ("claim/contradiction", "{match}: {says}", UNFLAGGED),
    ("metadata/stale", "older than {days:d} days", UNFLAGGED),
])
def test_messages_with_the_kinds_placeholders_load(cli, write, kind, message, report):
    write("pack.yaml", _pack(kind, message))
    _, out, _ = cli("validate", "--no-cache", "pack.yaml")
    assert out.splitlines() == [report]


def test_a_phrase_message_as_reported(cli, write):
    write("pack.yaml", _pack("phrase", "a {{literal}} brace and {match!r}"))
    write("w.md", "It is a wonder drug.\n")
    _, out, _ = cli("check", "--rules", "pack.yaml", "w.md")
    assert out.splitlines()[0] == "w.md:1:9: TEAM001 [warning] a {literal} brace and 'wonder drug'"


def test_every_placeholder_is_filled_by_its_check(ctx):
    """Each shipped rule, its message made of every placeholder its kind lists, still reports
    its flag examples, with no placeholder left: the table promises nothing the checks lack."""
    tried = set()
    for rule in ctx.knowledge.rules:
        check = f"{rule['kind']}/{rule.get('check', '')}"
        names = placeholders(rule["kind"], rule.get("check", ""))
        data = {**rule, "message": "".join(f"<{{{n}}}>" for n in names) + "|end"}
        knowledge = copy.copy(ctx.knowledge)
        knowledge.rules = [data if r is rule else r for r in ctx.knowledge.rules]
        one = Context(knowledge, ctx.config)
        for example in rule["examples"]["flag"]:
            text, front = (example, None) if isinstance(example, str) else \
                (example["text"], example.get("front_matter"))
            findings = [f for f in findings_for(text, one, front) if f.rule == rule["code"]]
            assert findings, (rule["code"], text)
            for f in findings:
                assert re.fullmatch(r"(?:<[^<>{}]+>)*\|end", f.message, re.S), f.message
                assert f.message.count("<") == len(names)
        tried.add(check if check in PLACEHOLDERS else rule["kind"])
    assert tried == {"phrase", "required", "statistic", "scope/population",
                     "scope", "claim/contradiction", "claim/disputed", "claim", "metadata"}
