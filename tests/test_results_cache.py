"""The per-file result cache: what its key depends on, and entries it must never trust."""
import dataclasses
import datetime
import json

import pytest

from linter import runner
from linter.config import DEFAULTS, Config
from linter.document.markdown import parse
from linter.output.rows import rows
from linter.results_cache import (
    MAGIC,
    ResultCache,
    _hash,
    context_fingerprint,
    decode,
    encode,
)

DRAFT = b"""\
# Draft

Blinatumomab is a miracle drug.

In AALL1731, 3-year disease-free survival with blinatumomab was 98% versus 87.9% with chemotherapy alone.
"""


@pytest.fixture
def store(ctx, tmp_path):
    return ResultCache(ctx, tmp_path / "results")


@pytest.fixture
def draft(write):
    return str(write("draft.md", DRAFT, mode="bytes"))


def entries(store):
    return sorted(p for p in store.folder.rglob("*") if p.is_file())


def report(result):
    return rows([result])


def test_an_entry_holds_what_linting_found(ctx, store, draft):
    fresh = runner.lint_one(draft, ctx)
    stored = runner.lint_one(draft, ctx, store)
    assert len(entries(store)) == 1
    hit = runner._probe(draft, ctx, store)
    assert report(hit) == report(stored) == report(fresh)
    assert sorted(f.rule for f in hit.findings) == ["DISC001", "DISC002", "OVER004", "STAT001"]


def test_the_key_follows_text_path_data_and_configuration(ctx, store):
    key = store.key("a.md", DRAFT)
    assert store.key("a.md", DRAFT) == key
    assert store.key("b.md", DRAFT) != key
    assert store.key("a.md", DRAFT + b"\n") != key
    other_config = dataclasses.replace(ctx, config=Config({**DEFAULTS, "audience": "clinician"}))
    assert ResultCache(other_config, store.folder).key("a.md", DRAFT) != key
    assert ResultCache(dataclasses.replace(ctx, ignore=("OVER",)), store.folder).key("a.md", DRAFT) != key
    facts = [dict(f) for f in ctx.knowledge.facts]
    facts[0]["values"] = [{"value": 1, "arm": "overall"}]
    data = dataclasses.replace(ctx.knowledge, facts=facts)
    assert ResultCache(dataclasses.replace(ctx, knowledge=data), store.folder).key("a.md", DRAFT) != key


def test_todays_date_is_part_of_the_key_only_when_a_rule_compares_dates(ctx):
    today = datetime.date.today().isoformat().encode()
    assert today not in context_fingerprint(ctx)
    strict = dataclasses.replace(ctx, config=Config({**DEFAULTS, "preset": "strict"}))
    assert today in context_fingerprint(strict)


def _entry(store, draft, ctx):
    runner.lint_one(draft, ctx, store)
    (path,) = entries(store)
    return path


@pytest.mark.parametrize("damage", [
    lambda data: data[:-5],                                  # torn write
    lambda data: data.replace(b"STAT001", b"STAT002"),       # edited payload, checksum kept
    lambda data: data.replace(b"medlint-results 1", b"medlint-results 0"),  # another format
    lambda data: b"",
    lambda data: b"\x00" * 100,
])
def test_a_damaged_entry_is_ignored_and_rewritten(ctx, store, draft, damage):
    path = _entry(store, draft, ctx)
    good = path.read_bytes()
    path.write_bytes(damage(good))
    assert runner._probe(draft, ctx, store) is None
    again = runner.lint_one(draft, ctx, store)
    assert report(again) == report(runner.lint_one(draft, ctx))
    assert path.read_bytes() == good


def test_an_entry_stored_under_another_key_is_not_used(ctx, store, draft, write):
    other = str(write("other.md", DRAFT.replace(b"98%", b"96%"), mode="bytes"))
    path = _entry(store, draft, ctx)
    target = store._file(store.key(other, DRAFT.replace(b"98%", b"96%")))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(path.read_bytes())  # a copy: right checksum, wrong key
    assert runner._probe(other, ctx, store) is None


@pytest.mark.parametrize("row", [
    ["STAT001", "wrong-statistic", "fatal", 0, 1, "m", None, None, None, [], 1, 1, 1, 2, None],
    ["STAT001", "wrong-statistic", "error", -1, 1, "m", None, None, None, [], 1, 1, 1, 2, None],
    ["STAT001", "wrong-statistic", "error", 0, 1, "m", None, None, None, [3], 1, 1, 1, 2, None],
    ["STAT001", "wrong-statistic", "error", 0, True, "m", None, None, None, [], 1, 1, 1, 2, None],
    ["STAT001", "wrong-statistic", "error", 0, 1, "m", None, None, None, [], 1, 1, 1, 2, 7],
    ["STAT001", "wrong-statistic", "error", 0, 1, "m", None, None, None, [], 1, 1, 1, 2],
    {"rule": "STAT001"},
])
def test_an_entry_of_the_wrong_shape_is_not_used(row, store):
    key = store.key("a.md", DRAFT)
    good = ["STAT001", "wrong-statistic", "error", 0, 1, "m", None, None, None, [], 1, 1, 1, 2, None]
    payload = json.dumps([good]).encode()
    data = MAGIC + key.encode() + b"\n" + _hash(key.encode(), payload).encode() + b"\n" + payload
    assert decode(data, key) is not None  # the same entry with a well-formed row is used
    payload = json.dumps([row] if isinstance(row, list) else row).encode()
    data = MAGIC + key.encode() + b"\n" + _hash(key.encode(), payload).encode() + b"\n" + payload
    assert decode(data, key) is None


def test_encode_and_decode_round_trip(ctx, draft, store):
    result = runner.lint_document(parse(DRAFT.decode(), draft), ctx)
    # a document-level finding has no position of its own (reported at 1:1): none is kept for it
    assert any(f.document_level for f in result.findings)
    starts = {f.start: result.document.position(f.start) for f in result.findings if not f.document_level}
    ends = {f.end: result.document.position(f.end) for f in result.findings if not f.document_level}
    key = store.key(draft, DRAFT)
    findings, got_starts, got_ends, paragraphs = decode(encode(key, result.findings, starts, ends), key)
    assert findings == result.findings and paragraphs is None
    assert got_starts == starts and got_ends == ends


def test_no_cache_reads_and_writes_nothing(cli, write, tmp_path, monkeypatch):
    monkeypatch.setenv("MEDLINT_CACHE_DIR", str(tmp_path / "cache"))
    write("draft.md", DRAFT, mode="bytes")
    cli("check", "--no-cache", "draft.md")
    assert not (tmp_path / "cache" / "results").exists()
    cli("check", "draft.md")
    assert len(list((tmp_path / "cache" / "results").rglob("*"))) == 2  # a folder and an entry


def test_an_unwritable_cache_only_costs_time(ctx, draft, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    store = ResultCache(ctx, blocked / "results")
    assert report(runner.lint_one(draft, ctx, store)) == report(runner.lint_one(draft, ctx))
    assert not list(tmp_path.glob("**/*.tmp"))


def _severity_from_compiled_rules(ctx, code, default):
    """Context.severity as the compiled rules give it (the data's own presets, read once)."""
    if code in ctx.config["severity"]:
        return ctx.config["severity"][code]
    rule = ctx.rule_index.get(code)
    return (rule.presets.get(ctx.config["preset"]) if rule is not None else None) or default


@pytest.mark.parametrize("preset", ["default", "strict"])
def test_severities_read_off_the_data_are_the_compiled_rules(ctx, preset):
    overrides = {"OVER004": "info", "STAT003": "off"}
    cfg = Config({**DEFAULTS, "preset": preset, "severity": overrides})
    run = dataclasses.replace(ctx, config=cfg)
    codes = [r["code"] for r in run.knowledge.rules] + ["NOPE001"]
    assert any(r.presets for r in run.rules)  # the strict preset changes some
    assert [run.severity(c, "warning") for c in codes] == \
        [_severity_from_compiled_rules(run, c, "warning") for c in codes]


def test_a_rerun_with_every_result_stored_compiles_no_rule(tmp_path):
    import os
    import subprocess
    import sys

    (tmp_path / "draft.md").write_bytes(DRAFT)
    code = ("import sys; from linter.cli import main; code = main(['check', 'draft.md']); "
            "print(code, [m for m in ('linter.checks', 'linter.document.markdown', 'linter.view')"
            " if m in sys.modules])")
    env = dict(os.environ, MEDLINT_CACHE_DIR=str(tmp_path / "cache"))
    runs = [subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, text=True,
                           capture_output=True, timeout=120).stdout.splitlines()
            for _ in range(2)]
    first, again = runs
    assert first[-1] == "1 ['linter.checks', 'linter.document.markdown', 'linter.view']"
    assert again == first[:-1] + ["1 []"]  # the same report, read back
