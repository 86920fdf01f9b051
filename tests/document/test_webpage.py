"""HTML pages in: the main text only, positions in the HTML source, declared encodings."""
from __future__ import annotations

import bisect
import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from linter.document.frontmatter import front_matter
from linter.document.webpage import parse_html
from linter.engine import lint_document, lint_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_main_text_only_with_source_positions(cli):
    code, out, err = cli("check", "--format", "json", str(FIXTURES / "page.html"))
    assert (code, err) == (1, "")
    got = [(f["line"], f["column"], f["end_line"], f["end_column"], f["rule"], f["found"])
           for f in json.loads(out)["findings"]]
    # Not flagged: the title, style, script, site header, navigation, hidden paragraph, aside
    # and site footer, all of which carry hype or certainty words.
    assert got == [(15, 67, 15, 70, "STAT002", "96%"), (17, 8, 17, 15, "OVER004", "miracle")]


def test_page_structure_becomes_blocks():
    doc = parse_html((FIXTURES / "page.html").read_text(encoding="utf-8"))
    got = [(b.kind, b.level, b.list_item, doc.prose[b.start:b.end][:40]) for b in doc.blocks]
    assert got == [
        ("heading", 1, False, "Blinatumomab & your child"),
        ("paragraph", 0, False, "Adding blinatumomab to chemotherapy rais"),
        ("heading", 2, False, "Side effects"),
        ("paragraph", 0, True, "Fever and low blood pressure (cytokine r"),
        ("paragraph", 0, True, "Confusion or seizures can happen; the ca"),
        ("paragraph", 0, False, "This page is for information only and do"),
    ]
    assert "B-ALL.[^1] This treatment" in doc.text
    assert "your child\u2019s doctor" in doc.text


def test_entities_and_tables_keep_exact_positions():
    source = ("<table><tr><th>Arm</th><th>3-year DFS</th></tr>\n"
              "<tr><td>Blinatumomab&nbsp;plus chemotherapy</td><td>99&#37;</td></tr></table>")
    doc = parse_html(source)
    rows = [(b.kind, b.header, doc.prose[b.start:b.end]) for b in doc.blocks]
    assert rows == [("table_row", None, "Arm   3-year DFS"),
                    ("table_row", 0, "Blinatumomab\u00a0plus chemotherapy   99%")]
    start = doc.text.index("plus")
    assert doc.position(start) == (2, source.split("\n")[1].index("plus") + 1)
    assert doc.position(doc.text.index("99")) == (2, source.split("\n")[1].index("99") + 1)


def _block(doc, offset):
    return bisect.bisect_right([b.start for b in doc.blocks], offset) - 1


@pytest.mark.parametrize("name", ["mixed-errors.md", "parent-questions.md", "clinician-tables.md",
                                  "questions.md", "global-brief.md"])
def test_html_version_of_a_markdown_draft_gives_the_same_findings(name, ctx):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    _, body = front_matter(text, name)
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    page = f"<!DOCTYPE html><html><body><main>{md.render(text[body:])}</main></body></html>"

    def comparable(result):
        doc = result.document
        return sorted((f.rule, f.message, f.fact, f.expected, f.sources,
                       _block(doc, f.start) if f.end > f.start else None) for f in result.findings)
    assert comparable(lint_document(parse_html(page, "page.html"), ctx)) == \
        comparable(lint_text(text, name, ctx))


def _page(charset_meta: str, body: str) -> str:
    return f"<html><head>{charset_meta}</head><body><p>{body}</p></body></html>"


def test_declared_legacy_charset_is_honoured(cli, tmp_path):
    page = _page('<meta charset="windows-1252">', "Caf\u00e9 news: CAR-T is a miracle.")
    (tmp_path / "legacy.html").write_bytes(page.encode("cp1252"))
    code, out, err = cli("check", "--format", "json", "legacy.html")
    findings = json.loads(out)["findings"]
    assert (code, err) == (1, "")
    assert [(f["rule"], f["line"], f["column"]) for f in findings if f["rule"] == "OVER004"] == \
        [("OVER004", 1, page.index("miracle") + 1)]


def test_http_equiv_charset_and_byte_order_mark(tmp_path, cli):
    page = _page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
                 "Na\u00efve hope: CAR-T is a miracle.")
    (tmp_path / "a.html").write_bytes(page.encode("latin-1"))
    (tmp_path / "b.html").write_bytes(b"\xef\xbb\xbf" + _page("", "CAR-T is a miracle.").encode())
    code, out, err = cli("check", "--format", "json", "a.html", "b.html")
    assert (code, err) == (1, "")
    assert sorted((f["path"], f["rule"]) for f in json.loads(out)["findings"]
                  if f["rule"] == "OVER004") == [("a.html", "OVER004"), ("b.html", "OVER004")]


def test_undeclared_legacy_encoding_is_refused(cli, tmp_path):
    (tmp_path / "page.html").write_bytes(_page("", "Caf\u00e9 news").encode("cp1252"))
    code, out, err = cli("check", "page.html")
    assert (code, err) == (2, "medlint: error: page.html: not UTF-8 (byte 0xe9 at offset 31) and "
                              "no charset declared; add <meta charset=\"...\"> or save it as UTF-8\n")


def test_an_unknown_declared_charset_is_named(cli, tmp_path):
    page = _page('<meta charset="bogus">', "Caf\u00e9 news")
    (tmp_path / "page.html").write_bytes(page.encode("cp1252"))
    code, out, err = cli("check", "page.html")
    at = page.encode("cp1252").index(b"\xe9")
    assert (code, err) == (2, f"medlint: error: page.html: not UTF-8 (byte 0xe9 at offset {at}) and "
                              "its charset 'bogus' is no encoding label a browser knows; add "
                              "<meta charset=\"...\"> or save it as UTF-8\n")



def test_note_numbers_powers_and_inline_code():
    doc = parse_html("<p>Survival was 96%<sup><a href='#r3'>3</a></sup> and 90%<sup>[4]</sup>; "
                     "counts under 10<sup>9</sup>/L. Run <code>medlint</code> on it.</p>"
                     "<pre>a miracle</pre>")
    assert doc.text == ("Survival was 96%[^3] and 90%[^4]; counts under 10^9/L. Run  on it.\n")
    assert [(b.kind, b.start, b.end) for b in doc.blocks] == [("paragraph", 0, len(doc.text) - 1)]


_NOTICE = ("This site is for general information only and does not replace advice from your "
           "child's doctor.")


def _site(footer: str, main: str = "<h1>ALL</h1><p>Leukemia is a cancer of the blood.</p>") -> str:
    return ("<!DOCTYPE html><html><head><title>Site</title><script>var x = 1;</script></head><body>"
            "<header><a href='/'>Hospital</a><nav><a href='/find'>Find a doctor</a></nav></header>"
            f"<main>{main}</main><footer>{footer}</footer></body></html>")


def test_site_boilerplate_is_kept_apart_from_the_text():
    page = ("<html><body><header>Hospital <b>home</b><nav>Menu</nav></header>"
            "<aside><p>Donate</p><p>today</p></aside><main><p>Main text.</p><button>Go</button></main>"
            "<div>Outside main</div><div hidden>Hidden</div><footer><p>Footer one</p>"
            "<p style='display: none'>Gone</p><p>Footer <i>two</i></p></footer>"
            "<script>var s;</script></body></html>")
    doc = parse_html(page)
    assert [doc.prose[b.start:b.end] for b in doc.blocks] == ["Main text."]
    assert doc.boilerplate == ("Hospital home", "Donate", "today", "Outside main", "Footer one",
                               "Footer two")


def test_notice_in_the_site_footer_is_on_the_page(ctx):
    def found(page):
        result = lint_document(parse_html(page, "page.html"), ctx)
        return [(f.rule, *result.document.position(f.start)) for f in result.findings]

    assert found(_site(f"<p>Hospital, 1 Main St.</p><p>{_NOTICE}</p>")) == []
    # Hidden, in the navigation, or in a script it is not on the page.
    missing = [("DISC001", 1, 1)]
    assert found(_site(f"<p hidden>{_NOTICE}</p>")) == missing
    assert found(_site(f"<nav>{_NOTICE}</nav>")) == missing
    assert found(_site(f"<script>// {_NOTICE}</script>")) == missing
    # The footer counts only for notices: its claims are not linted, nor do they ask for one.
    assert found(_site("<p>Blinatumomab cures leukemia, a miracle.</p>"
                       f"<p>{_NOTICE}</p>")) == []


@pytest.mark.parametrize("fmt", ["json", "sarif", "text"])
def test_document_level_findings_of_a_page_are_at_line_1_column_1(cli, tmp_path, fmt):
    # the first text starts mid-line and a finding starts on it; the missing notices do not
    page = "<html><body><main><p>Miracle drug raised survival, says the blinatumomab team.</p></main></body></html>\n"
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    code, out, err = cli("check", "--format", fmt, "p.html")
    col = page.index("Miracle") + 1
    if fmt == "json":
        got = [(f["rule"], f["line"], f["column"], f["end_line"], f["end_column"])
               for f in json.loads(out)["findings"]]
        assert got == [("DISC001", 1, 1, 1, 1), ("DISC002", 1, 1, 1, 1), ("OVER004", 1, col, 1, col + 7)]
    elif fmt == "sarif":
        regions = [r["locations"][0]["physicalLocation"]["region"]
                   for r in json.loads(out)["runs"][0]["results"]]
        assert [(g["startLine"], g["startColumn"]) for g in regions] == [(1, 1), (1, 1), (1, col)]
    else:
        assert [line.split(" ")[0] for line in out.splitlines()[:3]] == \
            ["p.html:1:1:", "p.html:1:1:", f"p.html:1:{col}:"]
