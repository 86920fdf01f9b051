"""Hostile Word files: a zip bomb, a lying zip directory, a part named twice, parts of the wrong
shape, and long chains of styles. Each bad file is one line and exit code 2 in check, trace
and annotate, the other files keep their report, and the work stays in proportion to the file."""
from __future__ import annotations

import io
import struct
import zipfile

import docx
import pytest

from linter.document import word

pytestmark = pytest.mark.filterwarnings("ignore:Duplicate name")

GOOD = "# Blinatumomab\n\nThis new drug is a miracle cure.\n"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _base() -> dict:
    """name -> bytes of the parts of a small Word document, in archive order."""
    document = docx.Document()
    document.add_paragraph("Blinatumomab: 3-year disease-free survival was 96%.")
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _write(path, parts, extra=()) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in list(parts.items()) + list(extra):
            archive.writestr(name, data)


def _config(write, size: int) -> None:
    write(".medlint.yaml", f"max-file-size: {size}\n")


def _one_error(cli, *args):
    code, out, err = cli(*args)
    return code, out, err.splitlines()


def test_a_zip_bomb_is_refused_from_the_zip_directory(cli, write, tmp_path):
    _config(write, 65536)  # the parts may unzip to 256 KB together
    parts = _base()
    document = parts["word/document.xml"].decode()
    parts["word/document.xml"] = document.replace("<w:body>", "<w:body>" + " " * 1048576).encode()
    _write(tmp_path / "bomb.docx", parts)
    write("good.md", GOOD)
    unzipped = sum(len(v) for v in parts.values())
    code, out, err = _one_error(cli, "check", "bomb.docx", "good.md")
    assert code == 2
    assert err == [f"medlint: error: bomb.docx: the document unzips to {unzipped / 1048576:.1f} MB, "
                   f"over the 256 KB limit (4 times max-file-size in the config)"]
    assert out.startswith("good.md:1:1: DISC001")
    assert (tmp_path / "bomb.docx").stat().st_size < 65536  # small on disk: the archive is the bomb


def test_a_zip_directory_that_understates_a_part_is_caught_while_unzipping(cli, write, tmp_path):
    parts = _base()
    document = parts["word/document.xml"]
    parts["word/document.xml"] = document.replace(b"<w:body>", b"<w:body>" + b" " * 200000)
    _write(tmp_path / "liar.docx", parts)
    data = bytearray((tmp_path / "liar.docx").read_bytes())
    # Rewrite the declared unzipped size of word/document.xml in the central directory and the
    # local header: 100 bytes, where it unzips to 200 KB.
    name = b"word/document.xml"
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        at = data.find(signature)
        while at != -1:
            name_at = at + (46 if signature == b"PK\x01\x02" else 30)
            if data[name_at:name_at + len(name)] == name:
                struct.pack_into("<I", data, at + offset, 100)
            at = data.find(signature, at + 4)
    (tmp_path / "liar.docx").write_bytes(bytes(data))
    code, out, err = _one_error(cli, "check", "liar.docx")
    assert code == 2
    assert err == ["medlint: error: liar.docx: a damaged zip archive (Bad CRC-32 for file "
                   "'word/document.xml')"]


def test_max_file_size_applies_to_the_docx_file_itself(cli, write, tmp_path):
    _config(write, 65536)
    parts = _base()
    import random

    noise = random.Random(7).randbytes(100000)  # does not compress: the file is over 64 KB
    with zipfile.ZipFile(tmp_path / "big.docx", "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
        archive.writestr("word/media/noise.bin", noise)
    size = (tmp_path / "big.docx").stat().st_size
    code, out, err = _one_error(cli, "check", "big.docx")
    assert code == 2
    assert err == [f"medlint: error: big.docx: file is {size / 1024:.1f} KB, over the 64 KB limit "
                   f"(max-file-size in the config)"]


def test_text_over_the_limit_is_told_in_units_that_show_it(cli, write, tmp_path):
    _config(write, 409600)  # 400 KB; an empty document's parts alone unzip to about 820 KB
    document = docx.Document()
    for _ in range(100):
        document.add_paragraph("Survival was 96% at three years in the trial. " * 100)  # 4,600
    document.save(tmp_path / "long.docx")
    code, out, err = _one_error(cli, "check", "long.docx")
    assert code == 2
    # reading stops at the first paragraph that takes the text over the limit (the 90th)
    assert err == ["medlint: error: long.docx: the document's text is at least 404.4 KB, over "
                   "the 400 KB limit (max-file-size in the config)"]


def test_a_document_within_the_limits_reads_as_before(cli, write, tmp_path):
    _write(tmp_path / "fine.docx", _base())
    code, out, err = _one_error(cli, "check", "fine.docx")
    assert (code, err) == (1, [])
    assert [line.split(" ")[1] for line in out.splitlines()[:-1]] == ["DISC001", "DISC002"]


_MAIN = ("<w:document xmlns:w='" + W_NS + "'>{}</w:document>")
MALFORMED = [
    ("twice.docx", "word/document.xml", None,
     "a damaged Word document (the part 'word/document.xml' appears twice in the archive)"),
    ("root.docx", "word/document.xml", "<foo/>",
     "not a readable Word document (its main part has no document body)"),
    ("nobody.docx", "word/document.xml", _MAIN.format(""),
     "not a readable Word document (its main part has no document body)"),
    ("notxml.docx", "word/document.xml", "<w:document",
     "not a readable Word document (XMLSyntaxError: "),
]


@pytest.mark.parametrize("name, part, content, message", MALFORMED, ids=[m[0] for m in MALFORMED])
@pytest.mark.parametrize("command", ["check", "trace", "annotate"])
def test_malformed_documents_are_one_line_input_errors(cli, write, tmp_path, name, part, content,
                                                       message, command):
    parts = _base()
    if content is None:
        _write(tmp_path / name, parts, [(part, parts[part])])
    else:
        parts[part] = content.encode()
        _write(tmp_path / name, parts)
    write("good.md", GOOD)
    args = {"check": ["check", name, "good.md"], "trace": ["trace", name],
            "annotate": ["annotate", name, "-o", "out.docx"]}[command]
    code, out, err = _one_error(cli, *args)
    assert code == 2
    assert len(err) == 1 and err[0].startswith(f"medlint: error: {name}: {message}"), err
    assert "internal error" not in err[0]
    if command == "check":
        assert out.startswith("good.md:1:1: DISC001")
    assert not (tmp_path / "out.docx").exists()


def test_a_part_of_the_wrong_shape_inside_the_reader_is_an_input_error(tmp_path, monkeypatch):
    """The reader's own boundary: what python-docx or lxml raise on a part of a shape Word never
    writes becomes a one-line InputError, whatever part it is."""
    _write(tmp_path / "shape.docx", _base())

    def broken(_word):
        raise AttributeError("'lxml.etree._Element' object has no attribute 'body'")

    monkeypatch.setattr(word, "_styles", broken)
    with pytest.raises(word.InputError) as caught:
        word.read(str(tmp_path / "shape.docx"), 1 << 20)
    assert str(caught.value) == (f"{tmp_path / 'shape.docx'}: not a readable Word document "
                                 "(AttributeError: 'lxml.etree._Element' object has no "
                                 "attribute 'body')")


def _styles_xml(styles: list[tuple[str, str, str | None]]) -> bytes:
    out = [f"<w:styles xmlns:w='{W_NS}'>"]
    for sid, name, based in styles:
        out.append(f"<w:style w:type='paragraph' w:styleId='{sid}'><w:name w:val='{name}'/>"
                   + (f"<w:basedOn w:val='{based}'/>" if based else "") + "</w:style>")
    return ("".join(out) + "</w:styles>").encode()


class _Word:
    """What _styles reads of a python-docx Document: its styles element."""

    def __init__(self, xml: bytes):
        from docx.oxml import parse_xml

        self.styles = type("Styles", (), {"element": parse_xml(xml)})()


def test_a_long_chain_of_styles_is_worked_out_once_per_style(monkeypatch):
    n = 3000
    chain = [("S0", "heading 2", None)] + [(f"S{i}", f"s{i}", f"S{i - 1}") for i in range(1, n)]
    calls = []
    own = word._own
    monkeypatch.setattr(word, "_own", lambda style: calls.append(style) or own(style))
    found = word._styles(_Word(_styles_xml(chain)))
    assert len(calls) == n  # each style once, not once per style that is based on it
    assert found["S0"] == found[f"S{n - 1}"] == (2, False, False)


def test_styles_inherit_from_their_bases_and_a_cycle_ends():
    styles = [("Quote", "Quote", None), ("MyQuote", "my quote", "Quote"),
              ("List", "List Paragraph", None), ("MyList", "bullets", "List"),
              ("H", "heading 3", "List"), ("Sub", "sub", "H"),
              ("A", "a", "B"), ("B", "title", "A"), ("Orphan", "orphan", "Missing")]
    found = word._styles(_Word(_styles_xml(styles)))
    assert found == {"Quote": (0, False, True), "MyQuote": (0, False, True),
                     "List": (0, True, False), "MyList": (0, True, False),
                     "H": (3, False, False), "Sub": (3, False, False),
                     "A": (1, False, False), "B": (1, False, False),
                     "Orphan": (0, False, False)}
