"""Shared fixtures: a context over the shipped data, a linter for snippets, the CLI in-process."""
from __future__ import annotations

import json
import os
import random
import textwrap
from pathlib import Path

import pytest

from linter.cli import main
from linter.config import load
from linter.engine import build_context, lint_text

ROOT = Path(__file__).resolve().parent.parent
# A medical-advice notice that satisfies DISC001.
DISCLAIMED = ("\n\n*This article is for general information only and does not replace advice from "
              "your child's doctor or care team.*\n")
# A team's own rule pack of one phrase rule, for tests of what --rules loads.
TEAM_PACK = """\
rules:
  - code: TEAM001
    name: team.miracle
    kind: phrase
    category: style
    severity: warning
    message: '"{match}" is not our style'
    rationale: We describe results.
    terms: [miracle]
    examples: {flag: ["A miracle."], pass: ["A drug."]}
"""


@pytest.fixture(autouse=True, scope="session")
def _cache_dir(tmp_path_factory):
    """Keep the data cache inside the test run, never in the user's home."""
    os.environ["MEDLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("medlint-cache"))
    yield


@pytest.fixture(scope="session")
def ctx(_cache_dir):
    return build_context(load(None))


class Linted:
    """Findings of one snippet, with positions, for table-driven assertions."""

    def __init__(self, result):
        self.result = result
        self.findings = result.findings

    def codes(self):
        return [f.rule for f in self.findings]

    def at(self, code):
        f = next(f for f in self.findings if f.rule == code)
        line, col = self.result.document.position(f.start)
        return f, line, col

    def of_category(self, category):
        return [f.rule for f in self.findings if f.category == category]

    def categories(self):
        return {f.category for f in self.findings}


@pytest.fixture(scope="session")
def lint(ctx):
    def run(text: str, path: str = "draft.md", dedent: bool = True) -> Linted:
        if dedent:
            text = textwrap.dedent(text)
        return Linted(lint_text(text, path, ctx))
    return run


@pytest.fixture
def cli(capsys, monkeypatch, tmp_path):
    """Run medlint in-process: returns (exit code, stdout, stderr). Runs in tmp_path."""
    monkeypatch.chdir(tmp_path)

    def run(*args):
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err
    return run


@pytest.fixture
def write(tmp_path):
    def make(name: str, text: str, mode: str = "text"):
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if mode == "bytes":
            p.write_bytes(text)
        else:
            p.write_text(textwrap.dedent(text), encoding="utf-8")
        return p
    return make


def json_findings(out: str):
    return json.loads(out)["findings"]


@pytest.fixture(scope="session")
def shipped_lists() -> list[tuple]:
    """Every list of strings under any key of rules/*.yaml and reference/*.yaml, as tuples: the
    term lists, for tests that compare a faster reading of every list with a plain one."""
    import yaml

    out = []

    def walk(node):
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            strings = tuple(t for t in node if isinstance(t, str))
            if strings:
                out.append(strings)
            for value in node:
                walk(value)

    for path in sorted([*(ROOT / "rules").glob("*.yaml"), *(ROOT / "reference").glob("*.yaml")]):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return out


def random_texts(words, seed: int, count: int, most: int, joins=(" ", " ", ", ", "-", ". ", "")):
    """`count` texts of 3 to `most` of `words`, each followed by one of `joins`, the same for the
    same seed: for tests comparing a faster reading of a text with a plain one."""
    rnd = random.Random(seed)
    for _ in range(count):
        chosen = [rnd.choice(words) for _ in range(rnd.randint(3, most))]
        yield "".join(w + rnd.choice(joins) for w in chosen)


def record_calls(monkeypatch, owner, name: str, what=lambda *args: args) -> list:
    """Replace owner.name by a wrapper that calls it and records what(*args) of each call: the
    returned list, for tests counting the work a shortcut saves."""
    calls: list = []
    real = getattr(owner, name)

    def recording(*args, **kwargs):
        calls.append(what(*args, **kwargs))
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, recording)
    return calls


# One rule in a team's pack, for tests of how packs are read: `extra` holds the kind's own keys.
_RULE = """\
rules:
  - code: TEAM001
    name: team.one
    kind: {kind}
    category: style
    severity: warning
    message: '{message}'
    rationale: r
{extra}    examples: {{flag: [{flag}], pass: [{passed}]}}
"""


def rule_pack(kind: str, extra: str = "", message: str = "m", flag: str = "x", passed: str = "y") -> str:
    """A pack of one rule of `kind`; its message is on line 7."""
    return _RULE.format(kind=kind, message=message, flag=json.dumps(flag), passed=json.dumps(passed),
                        extra=textwrap.indent(extra, "    "))
