"""Property tests that look for trouble: generated drafts, front matter, config files and rule
packs, built from the characters and words that matter to the parsers and checks.

Invariants: only InputError or DataError ever escapes; every finding's span lies inside the
text; the same input gives the same findings; the command line's JSON is the library's findings.
The runs are derandomized so that CI sees the same examples every time.
"""
import contextlib
import io
import json
import os
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter import config as config_mod
from linter.cli import main
from linter.document.markdown import parse
from linter.engine import lint_text
from linter.errors import DataError, InputError, MedlintError
from linter.knowledge import load as knowledge

SETTINGS = settings(max_examples=80, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])

MARKDOWN = ["\n", "\n\n", " ", "  ", "\t", "\r\n", "# ", "## ", "> ", "- ", "1. ", "|", " | ",
            "|---|", "```", "`", "``", "<!--", "-->", "<!-- medlint-disable OVER004 -->",
            "<!-- medlint-enable -->", "<!-- medlint-disable-next-line -->", "[", "]", "](",
            "(", ")", "![", "*", "**", "_", "~~", "\\", "<a href=x>", "</a>", "<", ">",
            "https://example.org/a.", "www.x.org", '"', "'", "\u201c", "\u201d", "\u2011", "é",
            "\U0001f600", "---\n", "...", ".", ",", ";", ":", "?", "!"]
WORDS = ["96%", "98%", "87.9%", "9%", "1,440", "0.5", "61 percent", "3-year", "5-year",
         "2025", "three", "survival", "disease-free survival", "overall survival", "blinatumomab",
         "chemotherapy", "AALL1731", "standard-risk", "high-risk", "children", "miracle",
         "cures", "guaranteed", "no side effects", "studies show", "may", "not", "relapse",
         "doctor", "information only", "vs", "from", "to", "fell", "rose", "P<0.001", "[1]"]
PIECE = st.one_of(st.sampled_from(MARKDOWN), st.sampled_from(WORDS),
                  st.text(alphabet=" abc1%.-", max_size=4))
DRAFT = st.lists(PIECE, max_size=60).map("".join)


def findings_of(result):
    return [(f.rule, f.start, f.end, f.severity, f.message, f.fact, f.expected)
            for f in result.findings]


@SETTINGS
@given(text=DRAFT, suffix=st.sampled_from([".md", ".txt"]))
def test_any_draft_lints_within_its_text_and_the_same_every_time(ctx, text, suffix):
    try:
        first = lint_text(text, "draft" + suffix, ctx)
    except InputError:
        return
    for f in first.findings:
        assert 0 <= f.start <= f.end <= len(text), f
    assert len(first.document.prose) == len(text)
    assert findings_of(lint_text(text, "draft" + suffix, ctx)) == findings_of(first)


YAML_PIECES = ["a: ", "b: ", "title: ", "updated: ", "medlint:\n  ignore: [", "OVER004",
               "]", "[", "{", "}", ", ", "- ", "\n", "\n  ", "&x ", "*x", "!!timestamp ",
               "!!binary ", "!!python/name:os.system ", "<<: ", "? ", "'", '"', "#", "|",
               ">", "2025-02-30", "2025-01-01", "12:30", "0x1F", "1e999", "9" * 30, "null",
               "yes", "~", ":", "%", "@", "`", "\t", "---", "...", "\u00e9"]
FRONT = st.lists(st.sampled_from(YAML_PIECES), max_size=30).map("".join)


@SETTINGS
@given(front=FRONT)
def test_any_front_matter_parses_or_is_an_input_error(front):
    text = f"---\n{front}\n---\n\nBlinatumomab is a miracle.\n"
    try:
        doc = parse(text, "d.md")
    except InputError as err:
        assert str(err).startswith("d.md") and "\n" not in str(err)
        return
    assert isinstance(doc.front_matter, dict)


CONFIG_KEYS = list(config_mod.DEFAULTS) + ["fail_on", "x", "severity"]
CONFIG_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
              st.sampled_from(["warning", "off", "STAT", "*.md", "strict", "OVER004", "", "../x"])),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.sampled_from(["STAT001", "a", "OVER004"]), inner,
                                            max_size=3)),
    max_leaves=8)


@SETTINGS
@given(data=st.dictionaries(st.sampled_from(CONFIG_KEYS), CONFIG_VALUES, max_size=5),
       junk=FRONT)
def test_any_config_loads_or_is_a_data_error(data, junk):
    with tempfile.TemporaryDirectory() as tmp:
        for text in (yaml.safe_dump(data), junk):
            path = Path(tmp) / ".medlint.yaml"
            path.write_text(text, encoding="utf-8")
            try:
                cfg = config_mod.load(path)
            except DataError as err:
                assert all(str(path) in p and "\n" not in p for p in err.problems)
                continue
            assert set(config_mod.DEFAULTS) <= set(cfg.values)


TERM = st.one_of(st.sampled_from(["miracle", "re:(a+)+$", "re:\\bcure[sd]?\\b", "re:(", "@hype",
                                  "@nothing", "re:(?<=a+)b", "x*", "re:a{99999}", "re:[a-"]),
                 st.text(alphabet="ab()[]{}*+?|\\^$.-: re@", max_size=12))


@SETTINGS
@given(terms=st.lists(TERM, min_size=1, max_size=4),
       sentence=st.lists(PIECE, max_size=20).map("".join))
def test_any_rule_pack_loads_or_is_a_data_error_and_then_runs(ctx, terms, sentence):
    pack = {"pack": "house", "rules": [{
        "code": "HOUSE001", "name": "house.term", "kind": "phrase", "category": "style",
        "severity": "warning", "message": "house term", "rationale": "r", "source": "s",
        "terms": terms, "examples": {"flag": ["x"], "pass": ["y"]}}]}
    base = [(p, p.read_text(encoding="utf-8")) for p in knowledge.base_files([])]
    try:
        kb = knowledge.build(base + [(Path("house.yaml"), yaml.safe_dump(pack))])
    except DataError as err:
        assert all("\n" not in p for p in err.problems)
        return
    from linter.engine import Context

    house = Context(kb, ctx.config)
    try:
        result = lint_text(sentence + " text.\n", "d.md", house)
    except MedlintError:  # an expression over its time limit
        return
    assert all(0 <= f.start <= f.end <= len(sentence) + 7 for f in result.findings)


@settings(max_examples=25, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=DRAFT.filter(lambda t: t.strip() and "\x00" not in t))
def test_the_command_line_reports_what_the_library_finds(ctx, text):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "draft.md")
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["check", "--format", "json", "--fail-on", "never", path])
        try:
            result = lint_text(text.replace("\r\n", "\n").replace("\r", "\n"), path, ctx)
        except InputError:
            assert code == 2 and err.getvalue().count("\n") == 1
            return
    assert code == 0, err.getvalue()
    doc = result.document
    expected = sorted((path, *doc.position(f.start), *doc.position(max(f.start, f.end)), f.rule,
                       f.message) for f in result.findings)
    got = sorted((f["path"], f["line"], f["column"], f["end_line"], f["end_column"], f["rule"],
                  f["message"]) for f in json.loads(out.getvalue())["findings"])
    assert got == expected


@pytest.mark.parametrize("text", ["", " \n", "\x00abc"])
def test_the_library_refuses_what_the_reader_would(ctx, text):
    from linter.document.reader import decode

    with pytest.raises(InputError):
        decode(text.encode(), "d.md")
