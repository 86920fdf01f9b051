"""A plain `check` is run without click: it reads exactly the arguments click would give it,
answers exactly as click's command does, and leaves everything else to click. A config file
that validated once is read back from the data cache, never trusted blindly."""
import errno
import json
import os
import subprocess
import sys

import pytest

from linter import cli as cli_module
from linter import config
from linter.knowledge import cache

BAD = "# Draft\n\nBlinatumomab is a miracle drug that cures leukemia.\n"


@pytest.mark.parametrize("args, expected", [
    (["check"], {"paths": ()}),
    (["check", "a.md", "-", "b.md"], {"paths": ("a.md", "-", "b.md")}),
    (["check", "--", "-v.md", "--", "--format"], {"paths": ("-v.md", "--", "--format")}),
    (["check", "a.md", "--no-cache", "--format", "github", "--fail-on", "error", "--preset",
      "strict", "--jobs", "2"],
     {"paths": ("a.md",), "no_cache": True, "fmt": "github", "fail_on": "error",
      "preset": "strict", "jobs": 2}),
    (["check", "--jobs", "007", "", "a.md"], {"paths": ("", "a.md"), "jobs": 7}),
])
def test_a_plain_check_is_read_here(args, expected):
    assert cli_module.plain_check(args) == expected


@pytest.mark.parametrize("args", [
    [], ["--help"], ["--version"], ["rules"], ["check", "--help"], ["check", "-h"],
    ["check", "-v.md"], ["check", "--format=json"], ["check", "--format", "JSON"],
    ["check", "--format"], ["check", "--format", "--no-cache"], ["check", "--jobs", "0"],
    ["check", "--jobs", "x"], ["check", "--jobs", "\u00b2"], ["check", "-j", "2"],
    ["check", "--no-cache", "--no-cache"], ["check", "--fail-on", "error", "--fail-on", "info"],
    ["check", "--select", "STAT"], ["check", "--ignore", "OVER"], ["check", "--config", "x.yaml"],
    ["check", "--reference", "f.yaml"], ["check", "--rules", "r.yaml"], ["validate", "--", "x"],
])
def test_everything_else_is_left_to_click(args):
    assert cli_module.plain_check(args) is None


def test_shell_completion_is_left_to_click(monkeypatch):
    monkeypatch.setenv("_MEDLINT_COMPLETE", "bash_complete")
    assert cli_module.plain_check(["check", "a.md"]) is None


@pytest.mark.parametrize("args", [
    ["check", "bad.md"],
    ["check", "--no-cache", "--", "bad.md", "clean.md"],
    ["check", "--format", "json", "bad.md", "missing.md"],
    ["check", "bad.md", "--format", "github", "--fail-on", "error"],
    ["check", "--format", "sarif", "--preset", "strict", "--jobs", "2", "bad.md", "clean.md"],
    ["check", "--fail-on", "never", "--", "-v.md", "bad.md"],
    ["check", "clean.md"],
    ["check"],
    ["check", "binary.md", "folder"],
])
def test_a_plain_check_answers_as_click_does(cli, write, monkeypatch, args):
    write("bad.md", BAD)
    write("clean.md", "# Leukemia\n\nLeukemia is a cancer of the blood.\n\n*This page is for "
          "general information only and does not replace advice from your child's doctor or "
          "care team.*\n")
    write("binary.md", b"\x00\x01", mode="bytes")
    write("folder/notes.rst", "not a draft\n")
    assert cli_module.plain_check(args) is not None
    plain = cli(*args)
    monkeypatch.setattr(cli_module, "plain_check", lambda args: None)
    assert cli(*args) == plain


def _python(code: str, cwd, cache_dir) -> str:
    env = dict(os.environ, MEDLINT_CACHE_DIR=str(cache_dir))
    done = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)
    return done.stdout.splitlines()[-1]


RUN = ("import sys; from linter.cli import main; code = main({args!r}); "
       "print(code, sorted(m for m in ('click', 'yaml', 'jsonschema') if m in sys.modules))")


def test_a_plain_check_imports_no_click_and_a_known_config_no_yaml(tmp_path):
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    (tmp_path / ".medlint.yaml").write_text("fail-on: error\n", encoding="utf-8")
    check = RUN.format(args=["check", "--no-cache", "bad.md"])
    # The first run parses and validates the config; later runs read its settings back.
    assert _python(check, tmp_path, tmp_path / "cache") == "0 ['jsonschema', 'yaml']"
    assert _python(check, tmp_path, tmp_path / "cache") == "0 []"
    assert _python(RUN.format(args=["check", "--no-cache", "--select", "OVER", "bad.md"]),
                   tmp_path, tmp_path / "cache") == "0 ['click']"


def test_a_config_is_read_back_only_from_its_own_well_formed_entry(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDLINT_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / ".medlint.yaml"
    path.write_text("ignore: [OVER004]\nseverity: {STAT001: warning}\nmax-file-size: 2048\n",
                    encoding="utf-8")
    parsed = dict(config.load(path).values)  # parsed, validated and stored
    assert parsed["ignore"] == ["OVER004"] and parsed["max-file-size"] == 2048
    assert dict(config.load(path).values) == parsed  # read back
    (entry,) = (tmp_path / "cache").glob("config-*")
    key = entry.name.removeprefix("config-").removesuffix(".marshal")
    for wrong in ({"ignore": "OVER004"}, {"ignore": [4]}, {"max-file-size": True},
                  {"severity": {"STAT001": 1}}, {"unknown": []}, ["ignore"], None):
        cache.store("config", key, wrong)  # checksummed, but not what a config can hold
        assert dict(config.load(path).values) == parsed
    entry.write_bytes(entry.read_bytes()[:-3] + b"\x00\x00\x00")  # torn or edited
    assert dict(config.load(path).values) == parsed
    path.write_text("fail-on: never\n", encoding="utf-8")  # another text: another entry
    assert config.load(path)["fail-on"] == "never" and config.load(path)["ignore"] == []


def test_an_invalid_config_is_never_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDLINT_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / ".medlint.yaml"
    path.write_text("fail-on: sometimes\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(config.DataError) as err:
            config.load(path)
        assert err.value.problems[0].startswith(f"{path}:1: fail-on:")
    assert not list((tmp_path / "cache").glob("config-*"))


def test_the_json_report_of_a_plain_check_is_the_librarys(cli, write, ctx):
    from linter.engine import lint_text

    write("bad.md", BAD)
    code, out, _ = cli("check", "--no-cache", "--format", "json", "bad.md")
    rules = [(f["rule"], f["line"], f["column"]) for f in json.loads(out)["findings"]]
    result = lint_text(BAD, "bad.md", ctx)
    assert rules == [(f.rule, *result.document.position(f.start)) for f in result.findings]


@pytest.mark.parametrize("raised, code", [
    (KeyboardInterrupt(), 2), (EOFError(), 2), (BrokenPipeError(errno.EPIPE, "Broken pipe"), 1),
    (BrokenPipeError(), 0), (OSError(errno.EIO, "I/O error"), 3)])
def test_what_escapes_a_plain_check_ends_as_it_does_under_click(cli, monkeypatch, raised, code):
    from linter.commands import app, check

    def fail(*args, **kwargs):
        raise raised

    monkeypatch.setattr(check, "check_files", fail)
    monkeypatch.setattr(app, "check_files", fail)
    monkeypatch.setattr(sys, "stdout", sys.stdout)  # a closed pipe replaces the streams
    monkeypatch.setattr(sys, "stderr", sys.stderr)
    monkeypatch.delenv("MEDLINT_DEBUG", raising=False)
    plain = cli("check", "draft.md")
    monkeypatch.setattr(cli_module, "plain_check", lambda args: None)
    assert cli("check", "draft.md") == plain
    assert plain[0] == code
