"""Files that are not what they should be: cache entries replaced by a named pipe, a link to an
endless device or a huge sparse file are misses (and rewritten), never a hang; a config file,
--config, --rules or --reference that is a named pipe, a folder or a device is one line, exit
code 2, and is never opened. Run in a fresh process (test_hostile's harness), so a regression
hangs against the guard, not the suite."""
import os
import stat

import pytest
from test_hostile import GOOD, GOOD_RULES, good_rules, medlint

from linter.knowledge import cache
from linter.results_cache import ResultCache


@pytest.fixture
def good(tmp_path):
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    return "good.md"


def _replace(entry, how: str) -> None:
    entry.unlink()
    if how == "pipe":
        os.mkfifo(entry)
    elif how == "endless":
        entry.symlink_to("/dev/zero")
    else:  # a sparse file larger than any entry medlint writes
        with open(entry, "wb") as handle:
            handle.truncate(cache.MAX_ENTRY + 1)


@pytest.mark.parametrize("how", ["pipe", "endless", "huge"])
def test_a_cache_entry_that_is_not_an_entry_is_a_miss_and_rewritten(tmp_path, good, how):
    code, reference, _ = medlint(tmp_path, "check", "--format", "json", good,
                                 env={"MEDLINT_CACHE_DIR": ""})
    medlint(tmp_path, "check", good)
    entries = sorted(p for p in (tmp_path / "cache").rglob("*") if p.is_file())
    assert any("results" in e.parts for e in entries) and any(e.suffix == ".marshal" for e in entries)
    for entry in entries:
        _replace(entry, how)
    code, out, err = medlint(tmp_path, "check", "--format", "json", good)
    assert (code, out, err) == (1, reference, [])
    for entry in entries:  # the next write put a real entry in its place
        mode = os.lstat(entry).st_mode
        assert stat.S_ISREG(mode) and os.path.getsize(entry) < cache.MAX_ENTRY, entry


def test_read_entry_takes_only_regular_files_of_a_size_medlint_writes(tmp_path, monkeypatch):
    real = tmp_path / "real"
    real.write_bytes(b"medlint1 entry")
    link = tmp_path / "link"
    link.symlink_to(real)
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "folder").mkdir()
    assert cache.read_entry(real) == b"medlint1 entry"
    assert [cache.read_entry(tmp_path / name) for name in ("link", "pipe", "folder", "none")] == \
        [None, None, None, None]
    assert cache.read_entry(real, limit=len(b"medlint1 entry")) == b"medlint1 entry"
    assert cache.read_entry(real, limit=len(b"medlint1 entry") - 1) is None


def test_a_value_larger_than_an_entry_may_be_is_not_stored(tmp_path, monkeypatch, ctx):
    monkeypatch.setenv("MEDLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "MAX_ENTRY", 1000)
    cache.store("knowledge", "small", "x" * 100)
    cache.store("knowledge", "large", "x" * 1000)
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["knowledge-small.marshal"]
    assert cache.load("knowledge", "small") == "x" * 100
    monkeypatch.setattr("linter.results_cache.MAX_ENTRY", 10)
    results = ResultCache(ctx, tmp_path / "results")
    results.put("draft.md", b"text", [], {}, {})
    assert not (tmp_path / "results").exists()


def _not_a_file(path, how: str) -> None:
    if how == "pipe":
        os.mkfifo(path)
    elif how == "folder":
        path.mkdir()
    else:
        path.symlink_to("/dev/zero")


KINDS = {"pipe": "a named pipe", "folder": "a folder", "device": "a device"}


@pytest.mark.parametrize("name", [".medlint.yaml", "pyproject.toml"])
@pytest.mark.parametrize("how", sorted(KINDS))
def test_a_found_config_that_is_not_a_file_is_an_error_not_skipped(tmp_path, name, how):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "good.md").write_text("Blinatumomab is a miracle cure.\n")
    _not_a_file(tmp_path / name, how)
    code, out, err = medlint(tmp_path / "drafts", "check", "good.md")
    assert (code, out) == (2, "")
    assert err == [f"medlint: error: {tmp_path / name}: the config file is not a regular file "
                   f"({KINDS[how]})"]


def test_a_config_found_through_a_link_to_a_file_or_a_dangling_link(tmp_path, good):
    (tmp_path / "settings.yaml").write_text("ignore: [OVER001]\n")
    (tmp_path / ".medlint.yaml").symlink_to(tmp_path / "settings.yaml")
    code, out, err = medlint(tmp_path, "check", "--format", "json", good)
    assert (code, err, good_rules(out)) == (1, [], [r for r in GOOD_RULES if r != "OVER001"])
    (tmp_path / "settings.yaml").unlink()  # nothing there: no config, as when there is no file
    code, out, err = medlint(tmp_path, "check", "--format", "json", good)
    assert (code, err, good_rules(out)) == (1, [], GOOD_RULES)


@pytest.mark.parametrize("option, how, message", [
    ("--config", "pipe", "the config file is not a regular file (a named pipe)"),
    ("--config", "device", "the config file is not a regular file (a device)"),
    ("--config", "folder", "is a folder; --config names a file (.medlint.yaml or pyproject.toml)"),
    ("--rules", "pipe", "not a regular file (a named pipe)"),
    ("--rules", "device", "not a regular file (a device)"),
    ("--reference", "pipe", "not a regular file (a named pipe)"),
])
def test_an_option_naming_something_that_is_not_a_file(tmp_path, good, option, how, message):
    _not_a_file(tmp_path / "given", how)
    code, out, err = medlint(tmp_path, "check", option, "given", good)
    assert (code, out, err) == (2, "", [f"medlint: error: given: {message}"])


def test_an_option_naming_nothing_keeps_its_message(tmp_path, good):
    code, out, err = medlint(tmp_path, "check", "--config", "missing.yaml", good)
    assert (code, err) == (2, ["medlint: error: missing.yaml: config file not found"])
    code, out, err = medlint(tmp_path, "check", "--rules", "missing.yaml", good)
    assert (code, err) == (2, ["medlint: error: missing.yaml: no such file or directory"])
