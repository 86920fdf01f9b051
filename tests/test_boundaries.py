"""Error boundaries and exit codes in-process: an internal error costs only its file and exits 3;
SARIF columns count UTF-16 units; a failed cache write leaves no temporary file."""
import json

import pytest

from linter.knowledge import cache

GOOD = "# Draft\n\nBlinatumomab is a miracle drug.\n"


def test_an_internal_error_names_its_file_exits_3_and_spares_the_others(cli, write, monkeypatch):
    from linter import engine, runner

    real = engine.lint_document

    def broken(doc, ctx):
        if doc.path.endswith("boom.md"):
            raise RuntimeError("a bug")
        return real(doc, ctx)

    monkeypatch.setattr(engine, "lint_document", broken)
    monkeypatch.setattr(runner, "lint_document", broken)
    monkeypatch.delenv("MEDLINT_DEBUG", raising=False)
    write("boom.md", GOOD)
    write("good.md", GOOD)
    code, out, err = cli("check", "--no-cache", "--format", "json", "boom.md", "good.md")
    assert code == 3
    assert err == ("medlint: error: boom.md: internal error: RuntimeError: a bug "
                   "(set MEDLINT_DEBUG=1 for details)\n")
    assert sorted((f["path"], f["rule"]) for f in json.loads(out)["findings"]) == \
        [("good.md", "DISC001"), ("good.md", "OVER004")]


def test_input_and_internal_errors_together_exit_with_the_worst(cli, write, monkeypatch):
    from linter import engine, runner

    monkeypatch.setattr(engine, "lint_document", lambda doc, ctx: 1 / 0)
    monkeypatch.setattr(runner, "lint_document", lambda doc, ctx: 1 / 0)
    write("good.md", GOOD)
    code, _, err = cli("check", "--no-cache", "missing.md", "good.md")
    assert code == 3
    assert err.splitlines() == [
        "medlint: error: missing.md: no such file or directory",
        "medlint: error: good.md: internal error: ZeroDivisionError: division by zero "
        "(set MEDLINT_DEBUG=1 for details)"]


def test_sarif_columns_count_utf16_code_units(cli, write):
    write("emoji.md", "# \U0001f600 Draft\n\n\U0001f600\U0001f600 This is a miracle drug.\n")
    code, out, _ = cli("check", "--format", "sarif", "--select", "OVER004", "emoji.md")
    run = json.loads(out)["runs"][0]
    assert run["columnKind"] == "utf16CodeUnits"
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    # "miracle" starts at code point 14 of line 3; each emoji before it is two UTF-16 units.
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 16, 23)
    _, out, _ = cli("check", "--format", "json", "--select", "OVER004", "emoji.md")
    assert [(f["line"], f["column"]) for f in json.loads(out)["findings"]] == [(3, 14)]


def test_a_failed_cache_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDLINT_CACHE_DIR", str(tmp_path))

    def full_disk(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.os, "replace", full_disk)
    cache.store("knowledge", "abc", {"x": 1})
    assert list(tmp_path.iterdir()) == []


def test_a_cache_entry_is_only_read_back_under_its_own_kind_and_key(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDLINT_CACHE_DIR", str(tmp_path))
    cache.store("knowledge", "abc", {"x": 1})
    assert cache.load("knowledge", "abc") == {"x": 1}
    (tmp_path / "knowledge-abd.marshal").write_bytes((tmp_path / "knowledge-abc.marshal").read_bytes())
    (tmp_path / "config-abc.marshal").write_bytes((tmp_path / "knowledge-abc.marshal").read_bytes())
    assert cache.load("knowledge", "abd") is None
    assert cache.load("config", "abc") is None


@pytest.mark.parametrize("flip", [0, 8, 20, 45, -1])
def test_a_cache_entry_with_any_byte_changed_is_rebuilt(tmp_path, monkeypatch, flip):
    monkeypatch.setenv("MEDLINT_CACHE_DIR", str(tmp_path))
    cache.store("knowledge", "abc", {"facts": ["a" * 40]})
    path = tmp_path / "knowledge-abc.marshal"
    data = bytearray(path.read_bytes())
    data[flip] ^= 0x01
    path.write_bytes(bytes(data))
    assert cache.load("knowledge", "abc") is None


def test_validated_data_is_built_once_then_read_from_the_cache(tmp_path, monkeypatch):
    from linter.knowledge import load as loading
    from linter.knowledge.paths import shipped

    monkeypatch.setenv("MEDLINT_CACHE_DIR", str(tmp_path))
    builds = []
    real = loading.build
    monkeypatch.setattr(loading, "build", lambda texts: builds.append(1) or real(texts))
    first = loading.load([shipped("reference")])
    again = loading.load([shipped("reference")])
    assert (len(builds), again) == (1, first)


def test_data_is_validated_again_when_the_validating_code_changes(tmp_path, monkeypatch):
    from linter.knowledge import load as loading
    from linter.knowledge.paths import shipped

    monkeypatch.setenv("MEDLINT_CACHE_DIR", str(tmp_path))
    builds = []
    real = loading.build
    monkeypatch.setattr(loading, "build", lambda texts: builds.append(1) or real(texts))
    loading.load([shipped("reference")])
    code = loading._validators()
    monkeypatch.setattr(loading, "_validators", lambda: code + b"# a new check\n")
    loading.load([shipped("reference")])
    loading.load([shipped("reference")])
    assert len(builds) == 2  # once for each version of the code
