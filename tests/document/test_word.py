"""Word documents in: the same findings as the Markdown version, at the right paragraphs; what
Word shows as the text (tracked insertions yes, deletions and comments no, footnotes yes)."""
from __future__ import annotations

import bisect
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from md2docx import convert

from linter.document import formats
from linter.engine import lint_document, lint_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _block(doc, offset):
    return bisect.bisect_right([b.start for b in doc.blocks], offset) - 1


def _comparable(result):
    doc = result.document
    return sorted((f.rule, f.message, f.fact, f.expected, f.sources, f.severity,
                   _block(doc, f.start) if f.end > f.start else None) for f in result.findings)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.md")))
def test_word_version_of_a_markdown_draft_gives_the_same_findings(name, ctx, tmp_path):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    target = tmp_path / (Path(name).stem + ".docx")
    convert(text, target)
    markdown = lint_text(text, name, ctx)
    word = lint_document(formats.load(str(target), 10**7), ctx)
    assert _comparable(word) == _comparable(markdown)


def _wrapped(tag, text, deleted=False):
    t = "w:delText" if deleted else "w:t"
    return parse_xml(f'<w:{tag} xmlns:w="{W_NS}" w:id="9" w:author="A" w:date="2025-01-01T00:00:00Z">'
                     f'<w:r><{t} xml:space="preserve">{text}</{t}></w:r></w:{tag}>')


def _add_footnote(document, paragraph, text):
    xml = (f'<w:footnotes xmlns:w="{W_NS}">'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           f'<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
           '</w:footnote></w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                xml.encode(), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    paragraph._p.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:footnoteReference w:id="1"/></w:r>'))


@pytest.fixture
def revised(tmp_path):
    """A draft with a tracked insertion, a tracked deletion, a Word comment and a footnote."""
    document = docx.Document()
    document.add_heading("Blinatumomab for families", level=1)
    p = document.add_paragraph("Our nurses call the new schedule ")
    p._p.append(_wrapped("ins", "a miracle"))
    p._p.append(_wrapped("del", "a breakthrough", deleted=True))
    p.add_run(" for busy parents.")
    commented = document.add_paragraph("Ask the care team about side effects.")
    document.add_comment(commented.runs, text="This cures nothing, be careful", author="Editor")
    q = document.add_paragraph("The schedule suits most families.")
    _add_footnote(document, q, "Our leaflet says the drug is a game changer.")
    document.add_heading("Sources", level=2)
    document.add_paragraph("Hospital leaflet, 2024.")
    path = tmp_path / "revised.docx"
    document.save(path)
    return path


def test_tracked_changes_comments_and_footnotes(revised, ctx):
    doc = formats.load(str(revised), 10**7)
    result = lint_document(doc, ctx)
    got = [(f.rule, doc.text[f.start:f.end], doc.describe(f.start) if f.end > f.start else None)
           for f in result.findings]
    assert got == [
        ("DISC001", "", None),
        ("OVER004", "miracle", "paragraph 2, character 36"),
        ("OVER004", "game changer", "footnote 1, character 32"),
    ]
    assert "breakthrough" not in doc.text and "cures" not in doc.text
    assert "The schedule suits most families.[^1]" in doc.text
    headings = [(b.level, doc.text[b.start:b.end]) for b in doc.blocks if b.kind == "heading"]
    assert headings == [(1, "Blinatumomab for families"), (2, "Sources")]


def test_positions_are_paragraph_and_rendering_line(revised, cli):
    code, out, err = cli("check", str(revised))
    assert code == 1, err
    lines = [line for line in out.splitlines() if "OVER004" in line or line.startswith("    at:")]
    assert lines == [
        f"{revised}:3:36: OVER004 [warning] \"miracle\" is hype; say what improved, by how much, "
        f"and for whom",
        "    at: paragraph 2, character 36",
        f"{revised}:13:38: OVER004 [warning] \"game changer\" is hype; say what improved, by how "
        f"much, and for whom",
        "    at: footnote 1, character 32",
    ]


def test_heading_levels_lists_and_tables_become_blocks(tmp_path):
    document = docx.Document()
    document.add_heading("Title", level=1)
    document.add_heading("Section", level=3)
    document.add_paragraph("First point", style="List Bullet")
    document.add_paragraph("Someone's words", style="Quote")
    table = document.add_table(rows=2, cols=2)
    for (i, j), value in {(0, 0): "Arm", (0, 1): "DFS", (1, 0): "Blinatumomab", (1, 1): "96%"}.items():
        table.cell(i, j).text = value
    path = tmp_path / "blocks.docx"
    document.save(path)
    doc = formats.load(str(path), 10**7)
    got = [(b.kind, b.level, b.list_item, b.quote, b.header, doc.prose[b.start:b.end])
           for b in doc.blocks]
    assert got == [("heading", 1, False, False, None, "Title"),
                   ("heading", 3, False, False, None, "Section"),
                   ("paragraph", 0, True, False, None, "First point"),
                   ("paragraph", 0, False, True, None, "Someone's words"),
                   ("table_row", 0, False, False, None, "Arm   DFS"),
                   ("table_row", 0, False, False, 4, "Blinatumomab   96%")]
    assert [doc.blocks[i].section for i in range(6)] == [None, 0, 1, 1, 1, 1]


def test_hyperlink_counts_as_a_citation(tmp_path, ctx):
    text = "Nearly 40% of children with ALL relapse, [one review](https://example.org/r) says.\n"
    path = tmp_path / "linked.docx"
    convert(text, path)
    doc = formats.load(str(path), 10**7)
    assert "[one review](https://example.org/r)" in doc.text
    assert _comparable(lint_document(doc, ctx)) == _comparable(lint_text(text, "linked.md", ctx))


def _ole(encrypted: bool) -> bytes:
    body = b"\x00" * 512 + ("EncryptionInfo".encode("utf-16-le") if encrypted else b"WordDocument")
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + body


@pytest.mark.parametrize("content, message", [
    (b"just some text", "not a Word document (a .docx file is a zip archive; this is not)"),
    ("zip", "a zip archive but not a Word document (no Word main document part)"),
    (_ole(True), "the document is password-protected; remove the password in Word "
                 "(File > Info > Protect Document) and save again"),
    (_ole(False), "a Word 97-2003 (.doc) file, not .docx; save it as a Word Document (.docx)"),
])
def test_unreadable_word_files_are_one_line_errors(content, message, cli, tmp_path):
    path = tmp_path / "bad.docx"
    if content == "zip":
        import zipfile

        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("readme.txt", "hello")
    else:
        path.write_bytes(content)
    code, out, err = cli("check", "bad.docx")
    assert (code, err) == (2, f"medlint: error: bad.docx: {message}\n")


def test_word_readers_load_only_when_needed():
    import subprocess
    import sys

    probe = ("import sys; from linter.cli import main; "
             "main(['check', '--fail-on', 'never', 'examples/draft.md']); "
             "print(sorted(m for m in ('docx', 'html5lib', 'lxml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parent.parent.parent)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_reading_leaves_the_file_untouched(revised):
    """Reading never writes: the file's bytes are unchanged."""
    before = revised.read_bytes()
    formats.load(str(revised), 10**7)
    assert revised.read_bytes() == before
