"""Block structure from pyromark's byte ranges: character offsets after multi-byte text, tight
list items, wrapped code spans, escaped pipes in tables, and blocks with no text."""
from linter.document.blocks import _Offsets
from linter.document.markdown import Block, parse


def spans(doc):
    return [(b.kind, doc.text[b.start:b.end]) for b in doc.blocks]


def test_byte_ranges_become_character_offsets():
    body = "aé中😀b\nx"
    to_char = _Offsets(body, 10)
    assert [to_char(len(body[:i].encode())) for i in range(len(body) + 1)] == \
        [10 + i for i in range(len(body) + 1)]


def test_positions_after_accents_and_emoji():
    doc = parse("# Café 😀\n\nNaïve “quote” then 96% of µg/m² doses.\n", "d.md")
    (_, heading), (_, para) = spans(doc)
    assert heading == "Café 😀"
    assert para == "Naïve “quote” then 96% of µg/m² doses."
    assert doc.position(doc.text.index("96%")) == (3, 20)


def test_tight_list_items_are_paragraphs_and_nested_items_their_own():
    doc = parse("- first *item*\n  lazy line\n  - nested item\n- last\n", "d.md")
    assert spans(doc) == [("paragraph", "first *item*\n  lazy line"),
                          ("paragraph", "nested item"), ("paragraph", "last")]
    assert all(b.list_item for b in doc.blocks)
    assert doc.prose.splitlines()[0] == "  first  item "


def test_a_code_span_wrapped_onto_the_next_line_is_not_prose():
    doc = parse("Run `medlint check\n  --format json` on 96% of drafts.\n", "d.md")
    assert doc.prose.splitlines() == ["Run" + " " * 15, " " * 16 + " on 96% of drafts."]


def test_an_escaped_pipe_stays_inside_its_cell():
    doc = parse("| a | b |\n|---|---|\n| x \\| y | 5% |\n", "d.md")
    row = doc.blocks[-1]
    assert [doc.text[a:b] for a, b in row.cells] == ["x \\| y", "5%"]
    assert row == Block("table_row", 22, 33, header=0, cells=((22, 28), (31, 33)))


def test_an_empty_heading_still_opens_a_section():
    doc = parse("# \n\nText under it.\n", "d.md")
    assert [(b.kind, b.section) for b in doc.blocks] == [("heading", None), ("paragraph", 0)]


def test_html_and_code_blocks_are_not_blocks_of_prose():
    doc = parse("<div>\n96% here\n</div>\n\n```\n97% here\n```\n\n    98% here\n\nText.\n", "d.md")
    assert spans(doc) == [("paragraph", "Text.")]
