"""An HTML page's bytes: every charset label the HTML standard knows is read as a browser reads
it or refused in one line; NUL bytes are refused as the Markdown reader refuses them; a tag of
unbounded attributes is refused; the open-element stack gives what it gave before it kept
indexes."""
from __future__ import annotations

import json

import pytest
import webencodings

from linter.document import htmltokens
from linter.document.webpage import parse_html
from linter.errors import InputError

BODY = "CAR-T is a miracle."
GOOD = "# Blinatumomab\n\nThis new drug is a miracle cure.\n"
GOOD_RULES = [("DISC001", 1, 1), ("OVER001", 3, 20), ("OVER004", 3, 20)]


def _page(meta: str, body: str = BODY) -> str:
    return f"<html><head>{meta}</head><body><p>{body}</p></body></html>"


def _rules(out: str, path: str) -> list:
    return [(f["rule"], f["line"], f["column"]) for f in json.loads(out)["findings"]
            if f["path"] == path]


@pytest.mark.parametrize("label", sorted(webencodings.LABELS))
def test_every_charset_label_is_read_or_refused_in_one_line(label):
    data = _page(f'<meta charset="{label}">').encode("ascii")
    if webencodings.LABELS[label] == "replacement":
        with pytest.raises(InputError) as caught:
            htmltokens.decode(data, "p.html")
        assert str(caught.value) == (f'p.html: its charset ("{label}") is one the HTML standard '
                                     f'has browsers refuse to decode; save the page as UTF-8')
    else:
        assert htmltokens.decode(data, "p.html") == data.decode("ascii")


@pytest.mark.parametrize("label", ["iso-2022-kr", "hz-gb-2312", "csiso2022kr", "replacement"])
def test_a_charset_browsers_refuse_is_an_input_error_beside_good_files(cli, write, label):
    write("page.html", _page(f'<meta charset="{label}">'))
    write("good.md", GOOD)
    code, out, err = cli("check", "--format", "json", "page.html", "good.md")
    assert (code, err) == (2, f'medlint: error: page.html: its charset ("{label}") is one the HTML '
                              f'standard has browsers refuse to decode; save the page as UTF-8\n')
    assert _rules(out, "good.md") == GOOD_RULES


@pytest.mark.parametrize("meta", [
    '<meta charset="utf-16">', '<meta charset="UTF-16LE">', '<meta charset="utf-16be">',
    '<meta http-equiv="Content-Type" content="text/html; charset=utf-16">',
    '<meta charset="utf-8">', ""])
def test_utf16_declared_in_ascii_bytes_reads_as_utf8(cli, write, meta):
    # The HTML standard's prescan: a declaration the bytes themselves can be read in is UTF-8.
    page = _page(meta, "Caf\u00e9 news: " + BODY)
    (write("page.html", "x").parent / "page.html").write_bytes(page.encode("utf-8"))
    code, out, err = cli("check", "--format", "json", "page.html")
    assert (code, err) == (1, "")
    assert ("OVER004", 1, page.index("miracle") + 1) in _rules(out, "page.html")


def test_x_user_defined_reads_as_windows_1252_and_its_undefined_bytes_as_controls():
    page = _page('<meta charset="x-user-defined">', "Caf\x80 \x81 \x9d " + BODY)
    assert htmltokens.decode(page.encode("latin-1"), "p.html") == page.replace("\x80", "\u20ac")
    latin = _page('<meta charset="iso-8859-1">', "\x81\x8d\x8f\x90\x9d \x93q\x94")
    assert htmltokens.decode(latin.encode("latin-1"), "p.html") == \
        latin.replace("\x93", "\u201c").replace("\x94", "\u201d")


def test_gbk_reads_as_gb18030():
    page = _page('<meta charset="gbk">', "\u4e2d\u6587 \U00020000 " + BODY)
    assert htmltokens.decode(page.encode("gb18030"), "p.html") == page


NUL_CASES = [
    ("le.html", _page("", BODY).encode("utf-16-le"), "looks like UTF-16 text without a byte-order "
     "mark; save it as UTF-8 (or UTF-16 with a byte-order mark)"),
    ("be.html", _page("", BODY).encode("utf-16-be"), "looks like UTF-16 text without a byte-order "
     "mark; save it as UTF-8 (or UTF-16 with a byte-order mark)"),
    ("le.md", GOOD.encode("utf-16-le"), "looks like UTF-16 text without a byte-order mark; save "
     "it as UTF-8 (or UTF-16 with a byte-order mark)"),
    ("binary.html", b"<p>\x00\x01\x02\xff\x00</p>", "looks like a binary file (contains NUL "
     "bytes); medlint reads HTML pages"),
    ("binary.md", b"\x7fELF\x02\x01\x01\x00\x00\x00", "looks like a binary file (contains NUL "
     "bytes); medlint reads Markdown and plain text"),
    ("declared.html", _page('<meta charset="windows-1252">', "a\x00b").encode("latin-1"),
     "looks like a binary file (contains NUL bytes); medlint reads HTML pages"),
    ("nul.html", b"\xff\xfe" + _page("", "a\x00b").encode("utf-16-le"),
     "looks like a binary file (contains NUL characters)"),
    ("bom.html", b"\xff\xfe" + "\ud7ff".encode("utf-16-le") + b"\x00\xdc",
     "not valid UTF-16 as its byte-order mark declares (byte 0x00 at offset 4)"),
]


@pytest.mark.parametrize("name, data, message", NUL_CASES, ids=[c[0] for c in NUL_CASES])
def test_nul_bytes_are_refused_alike_by_both_readers(cli, tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    code, out, err = cli("check", "--format", "json", name, "good.md")
    assert (code, err) == (2, f"medlint: error: {name}: {message}\n")
    assert _rules(out, "good.md") == GOOD_RULES


def test_a_utf16_page_with_its_mark_is_read(cli, tmp_path):
    (tmp_path / "page.html").write_bytes(b"\xff\xfe" + _page("").encode("utf-16-le"))
    code, out, err = cli("check", "--format", "json", "page.html")
    assert (code, err) == (1, "")
    assert ("OVER004", 1, _page("").index("miracle") + 1) in _rules(out, "page.html")


def _attributes(n: int) -> str:
    return "<p " + " ".join(f"data-a{i}=x" for i in range(n)) + ">" + BODY + "</p>"


def test_a_tag_of_too_many_attributes_is_refused_beside_good_files(cli, write):
    limit = htmltokens.MAX_ATTRIBUTES
    write("many.html", "<main>\n<p>Fine.</p>\n" + _attributes(limit + 1) + "\n</main>")
    write("enough.html", _attributes(limit))
    write("good.md", GOOD)
    code, out, err = cli("check", "--format", "json", "many.html", "enough.html", "good.md")
    assert (code, err) == (2, f"medlint: error: many.html:3: a tag with more than {limit} "
                              f"attributes; medlint reads pages with at most {limit} on a tag\n")
    enough = _attributes(limit)
    assert _rules(out, "enough.html") == [("DISC001", 1, enough.index(BODY) + 1),
                                          ("OVER004", 1, enough.index("miracle") + 1)]
    assert _rules(out, "good.md") == GOOD_RULES


@pytest.mark.parametrize("page, blocks", [
    # implied end tags: a <p> ends at a block, not past a table cell; a <li> at the next <li>
    ("<p>One<div>Two</div><table><tr><td><p>Three<td>Four</table>",
     [("paragraph", 0, False, False, "One"), ("paragraph", 0, False, False, "Two"),
      ("table_row", 0, False, False, "Three   Four")]),
    ("<ul><li>One<li>Two<ul><li>Three</ul><li>Four</ul>",
     [("paragraph", 0, True, False, "One"), ("paragraph", 0, True, False, "Two"),
      ("paragraph", 0, True, False, "Three"), ("paragraph", 0, True, False, "Four")]),
    # the innermost heading gives the level; text after it closes is no heading
    ("<h2><span>Risks</span><h3>Early</h3></h2><blockquote><div><p>Quoted</div></blockquote>After",
     [("heading", 2, False, False, "Risks"), ("heading", 3, False, False, "Early"),
      ("paragraph", 0, False, True, "Quoted"), ("paragraph", 0, False, False, "After")]),
    # an end tag with no open element of its name changes nothing
    ("<div>One</span></li>Two</div>", [("paragraph", 0, False, False, "OneTwo")]),
    # the page's main text only; its header is its own, the site's is not
    ("<body><header>Site</header><main><header>Title</header><p>Text</main><footer>Foot",
     [("paragraph", 0, False, False, "Title"), ("paragraph", 0, False, False, "Text")]),
])
def test_open_elements_structure(page, blocks):
    doc = parse_html(page)
    assert [(b.kind, b.level, b.list_item, b.quote, doc.prose[b.start:b.end]) for b in doc.blocks] \
        == blocks
