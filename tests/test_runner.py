"""Many files: the same report with one process or several, errors kept per file, the progress
line, and the result cache seen from the command line."""
import io
import json
import subprocess
import sys

import pytest

from linter import runner
from linter.output.progress import Progress, for_stream
from linter.output.rows import rows

WRONG = """\
# Draft {n}

Blinatumomab is a miracle drug.

In AALL1731, 3-year disease-free survival with blinatumomab was 98% versus 87.9% with chemotherapy alone.
"""
RIGHT = """\
# Note {n}

In AALL1731, 3-year disease-free survival with blinatumomab was 96% versus 87.9% with chemotherapy alone.

*This page is for general information only and does not replace advice from your child's doctor or care team.*
"""


@pytest.fixture
def folder(write):
    for n in range(14):
        write(f"drafts/{n:02}-{'wrong' if n % 3 else 'right'}.md", (WRONG if n % 3 else RIGHT).format(n=n))
    write("drafts/05-binary.md", b"\x00\x01PNG", mode="bytes")
    write("drafts/sub/empty.md", "\n")
    return "drafts"


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_two_processes_report_byte_for_byte_what_one_does(cli, folder, fmt):
    one = cli("check", "--no-cache", "--jobs", "1", "--format", fmt, folder)
    two = cli("check", "--no-cache", "--jobs", "2", "--format", fmt, folder)
    assert two == one
    code, out, err = one
    assert code == 2  # the two bad files are input errors; the other files are still reported
    assert err.splitlines() == [
        "medlint: error: drafts/05-binary.md: looks like a binary file (contains NUL bytes); "
        "medlint reads Markdown and plain text",
        "medlint: error: drafts/sub/empty.md: file is empty; nothing to check",
    ]


def test_default_jobs_lint_every_file_in_order(cli, folder):
    code, out, _ = cli("check", "--no-cache", "--format", "json", folder)
    report = json.loads(out)
    assert code == 2 and report["summary"]["files"] == 14
    wrong = [f"drafts/{n:02}-wrong.md" for n in range(14) if n % 3]
    stat = [(f["path"], f["line"], f["column"], f["rule"]) for f in report["findings"]
            if f["rule"] == "STAT001"]
    assert stat == [(p, 5, 65, "STAT001") for p in wrong]


def test_a_bug_in_one_file_is_that_files_error(ctx, write, monkeypatch):
    a, b = str(write("a.md", RIGHT.format(n=1))), str(write("b.md", WRONG.format(n=2)))
    expected = runner.lint_one(b, ctx).findings
    real = runner.lint_document

    def lint_document(doc, context):
        if doc.path == a:
            raise ValueError("boom")
        return real(doc, context)

    monkeypatch.setattr(runner, "lint_document", lint_document)
    monkeypatch.delenv("MEDLINT_DEBUG", raising=False)
    results, errors = runner.run([a, b], ctx, cache=False, jobs=1)
    assert errors == [f"{a}: internal error: ValueError: boom (set MEDLINT_DEBUG=1 for details)"]
    assert [r.path for r in results] == [b]
    assert results[0].findings == expected
    assert sorted(f.rule for f in expected) == ["DISC001", "DISC002", "OVER004", "STAT001"]


def test_jobs_must_be_a_positive_number(cli, folder):
    code, _, err = cli("check", "--jobs", "0", folder)
    assert code == 2 and "--jobs" in err and "0" in err


def test_rerun_answers_from_the_cache(ctx, folder, tmp_path, monkeypatch):
    first = runner.run([str(tmp_path / folder)], ctx)
    monkeypatch.setattr(runner, "lint_document", lambda *a: pytest.fail("linted a cached file"))
    again = runner.run([str(tmp_path / folder)], ctx)
    assert rows(again[0]) == rows(first[0]) and again[1] == first[1]


def test_cache_off_and_on_give_the_same_report(cli, folder):
    plain = cli("check", "--no-cache", "--format", "json", folder)
    assert cli("check", "--format", "json", folder) == plain  # writes the cache
    assert cli("check", "--format", "json", folder) == plain  # reads it


def test_concurrent_runs_share_one_cache_folder(write, tmp_path):
    for n in range(30):
        write(f"many/{n:02}.md", (WRONG if n % 2 else RIGHT).format(n=n))
    env = {"MEDLINT_CACHE_DIR": str(tmp_path / "shared-cache"), "PATH": ""}
    cmd = [sys.executable, "-m", "linter", "check", "--format", "json", "--jobs", "1", "many"]
    procs = [subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=subprocess.PIPE) for _ in range(4)]
    outs = [p.communicate()[0] for p in procs]
    plain = subprocess.run([*cmd, "--no-cache"], cwd=tmp_path, env=env, capture_output=True).stdout
    assert outs == [plain] * 4
    assert not list((tmp_path / "shared-cache").rglob("*.tmp"))


def test_progress_waits_a_second_then_counts_and_erases_itself():
    now = [0.0]
    stream = io.StringIO()
    progress = Progress(stream, clock=lambda: now[0])
    progress(1, 100)
    now[0] = 0.5
    progress(2, 100)
    assert stream.getvalue() == ""
    now[0] = 1.2
    progress(50, 100)
    now[0] = 1.25  # too soon to redraw
    progress(51, 100)
    progress.close()
    assert stream.getvalue() == "\rmedlint: 50/100 files checked\r\x1b[K"


def test_no_progress_line_unless_standard_error_is_a_terminal():
    assert for_stream(io.StringIO()) is None


@pytest.mark.parametrize("fmt", ["text", "json", "html"])
def test_word_and_web_pages_read_the_same_from_the_cache(cli, write, tmp_path, fmt):
    from md2docx import convert

    for n in range(10):
        convert(WRONG.format(n=n), tmp_path / f"mixed/{n:02}.docx") if n % 2 else \
            write(f"mixed/{n:02}.html", f"<html><body><h1>Page {n}</h1><p>Blinatumomab is a "
                  f"miracle drug.</p></body></html>")
    files = sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / "mixed").iterdir())
    plain = cli("check", "--no-cache", "--jobs", "1", "--format", fmt, *files)
    assert cli("check", "--jobs", "2", "--format", fmt, *files) == plain  # writes the cache
    assert cli("check", "--format", fmt, *files) == plain  # reads it
    code, out, _ = plain
    assert code == 1 and out.count("OVER004") == 10
    if fmt == "text":
        assert out.count("    at: ") == 10  # each Word finding names its paragraph
