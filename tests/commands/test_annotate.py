"""`medlint annotate`: a commented copy of a Word draft; the draft itself is never written."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from md2docx import convert

from linter.commands.annotate import comment_lines
from linter.document import formats, word
from linter.engine import lint_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
W = word.W


def anchors(path) -> dict:
    """comment id -> the text its range covers, read back from the saved document."""
    body = docx.Document(path).element.body
    open_, texts = {}, {}
    for el in body.iter():
        if el.tag == W + "commentRangeStart":
            open_[el.get(W + "id")] = []
        elif el.tag == W + "commentRangeEnd":
            texts[int(el.get(W + "id"))] = "".join(open_.pop(el.get(W + "id")))
        elif el.tag == W + "t":
            for parts in open_.values():
                parts.append(el.text or "")
    return texts


def _paragraph_text(doc, i) -> str:
    return "".join(t for _, _, _, t, _ in word.items(doc.paragraphs[i][1], doc.word.part.rels))


def expected_comments(draft, ctx) -> list:
    """(anchor text, comment text) for every finding, from a fresh read of the draft."""
    doc = formats.load(str(draft), 10**7)
    out = []
    for f in lint_document(doc, ctx).findings:
        if f.end > f.start:
            i, a = doc.location(f.start)
            j, b = doc.location(f.end - 1)
            assert i == j, "a finding in these drafts stays in one paragraph"
            anchor = _paragraph_text(doc, i)[a:b + 1]
        else:
            anchor = _paragraph_text(doc, 0)
        out.append((anchor, "\n".join(comment_lines(f))))
    return out


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "draft.docx"
    convert((FIXTURES / "mixed-errors.md").read_text(encoding="utf-8"), path)
    return path


def _digest(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_every_finding_becomes_a_comment_on_its_words(draft, cli, ctx, tmp_path):
    before = _digest(draft)
    code, out, err = cli("annotate", str(draft), "-o", "reviewed.docx")
    wanted = expected_comments(draft, ctx)
    assert (code, err) == (0, "")
    assert out == f"Wrote reviewed.docx with {len(wanted)} comments.\n"
    assert _digest(draft) == before
    reviewed = tmp_path / "reviewed.docx"
    spans = anchors(reviewed)
    comments = docx.Document(reviewed).comments
    got = [(spans[c.comment_id], c.text) for c in comments]
    assert sorted(got) == sorted(wanted)
    assert {c.author for c in comments} == {"medlint"}
    assert len(wanted) == 13


def test_the_copy_still_reads_as_the_same_draft(draft, cli, ctx, tmp_path):
    """Splitting runs for the comments changes nothing a reader or medlint sees."""
    cli("annotate", str(draft), "-o", "reviewed.docx")
    first = formats.load(str(draft), 10**7)
    second = formats.load(str(tmp_path / "reviewed.docx"), 10**7)
    assert second.text == first.text
    assert [f.rule for f in lint_document(second, ctx).findings] == \
        [f.rule for f in lint_document(first, ctx).findings]


def test_existing_output_needs_force(draft, cli, tmp_path):
    (tmp_path / "reviewed.docx").write_bytes(b"keep me")
    code, out, err = cli("annotate", str(draft), "-o", "reviewed.docx")
    assert (code, out, err) == (2, "", "medlint: error: reviewed.docx: already exists; use --force "
                                       "to replace it\n")
    assert (tmp_path / "reviewed.docx").read_bytes() == b"keep me"
    code, _, err = cli("annotate", str(draft), "-o", "reviewed.docx", "--force")
    assert (code, err) == (0, "")
    assert docx.Document(tmp_path / "reviewed.docx").comments


@pytest.mark.parametrize("umask, existing, mode", [
    (0o022, None, 0o644),  # a new copy: what a plain write makes, 0666 less the umask
    (0o002, None, 0o664),
    (0o077, None, 0o600),
    (0o022, 0o664, 0o664),  # a replaced file keeps its permissions, whatever the umask
    (0o077, 0o644, 0o644),
    (0o002, 0o600, 0o600),
])
@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_copy_has_the_permissions_of_a_plain_write(draft, cli, tmp_path, umask, existing,
                                                       mode):
    target = tmp_path / "reviewed.docx"
    if existing is not None:
        target.write_bytes(b"old")
        target.chmod(existing)
    old = os.umask(umask)
    try:
        code, _, err = cli("annotate", str(draft), "-o", "reviewed.docx", "--force")
    finally:
        os.umask(old)
    assert (code, err, oct(target.stat().st_mode & 0o777)) == (0, "", oct(mode))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.docx", "reviewed.docx"]


def test_never_writes_over_the_draft(draft, cli):
    before = _digest(draft)
    code, out, err = cli("annotate", str(draft), "-o", str(draft), "--force")
    assert (code, err) == (2, f"medlint: error: {draft}: is the draft itself; medlint never "
                              f"writes to the draft\n")
    assert _digest(draft) == before


def test_a_failed_save_leaves_nothing_behind(draft, cli, tmp_path, monkeypatch):
    def broken(self, target):
        Path(target).write_bytes(b"partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(docx.document.Document, "save", broken)
    code, out, err = cli("annotate", str(draft), "-o", "reviewed.docx")
    assert (code, err) == (2, "medlint: error: reviewed.docx: cannot write (No space left on "
                              "device)\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.docx"]


def test_only_word_drafts_can_be_annotated(cli, write):
    write("draft.md", "CAR-T is a miracle.\n")
    code, out, err = cli("annotate", "draft.md", "-o", "out.docx")
    assert (code, err) == (2, "medlint: error: draft.md: annotate writes Word comments and needs "
                              "a .docx draft\n")


def test_annotate_is_listed_in_help(cli):
    code, out, _ = cli("--help")
    assert code == 0
    assert "annotate  Write a copy of a Word draft with one comment per finding" in out


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_opens_the_copy_with_every_comment_anchored(draft, cli, ctx, tmp_path):
    cli("annotate", str(draft), "-o", "reviewed.docx")
    env = {**os.environ, "HOME": str(tmp_path)}  # a fresh LibreOffice profile
    for target in ("docx:MS Word 2007 XML", "pdf"):
        run = subprocess.run(["soffice", "--headless", "--convert-to", target, "--outdir",
                              str(tmp_path / "lo"), str(tmp_path / "reviewed.docx")],
                             capture_output=True, text=True, env=env, timeout=300)
        assert run.returncode == 0, run.stderr
    assert (tmp_path / "lo" / "reviewed.pdf").stat().st_size > 0
    resaved = tmp_path / "lo" / "reviewed.docx"
    spans = anchors(resaved)
    got = [(spans[c.comment_id], c.text) for c in docx.Document(resaved).comments]
    assert sorted(got) == sorted(expected_comments(draft, ctx))
