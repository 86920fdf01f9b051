"""The document model: exact offsets back into the original file, what counts as prose, and
sentence splitting."""
import textwrap

import pytest

from linter.document.markdown import parse
from linter.document.sentences import split_sentences
from linter.errors import InputError


def doc_of(text, path="d.md"):
    return parse(textwrap.dedent(text), path)


def position_of(doc, needle):
    return doc.position(doc.prose.index(needle))


def test_position_after_front_matter():
    doc = doc_of("""\
        ---
        title: A draft
        tags: [a, b]
        ---

        # Heading

        The miracle is here.
        """)
    assert doc.front_matter["title"] == "A draft"
    assert position_of(doc, "miracle") == (8, 5)
    assert "title" not in doc.prose  # front matter is not prose


def test_position_in_wrapped_paragraph():
    doc = doc_of("""\
        First line of a paragraph that
        wraps onto a second line with a miracle
        and a third.
        """)
    assert position_of(doc, "miracle") == (2, 33)


def test_position_in_list_item_and_nested_item():
    doc = doc_of("""\
        Intro.

        - first item
        - second item has a miracle
          continued on a lazy line with a cure
            - nested item with breakthrough
        """)
    assert position_of(doc, "miracle") == (4, 21)
    assert position_of(doc, "cure") == (5, 35)
    assert position_of(doc, "breakthrough") == (6, 24)
    assert not doc.blocks[0].list_item and all(b.list_item for b in doc.blocks[1:])


def test_position_in_table_cell_and_header_link():
    doc = doc_of("""\
        | Group | Blina | Chemo |
        |---|---|---|
        | All randomized | 96.0% | 87.9% |
        """)
    assert position_of(doc, "87.9%") == (3, 28)
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert rows[1].header == doc.blocks.index(rows[0])
    assert len(rows[1].cells) == 3


def test_blockquote_is_marked_quote_with_offsets():
    doc = doc_of("""\
        Text.

        > Blina was a miracle for our daughter.
        """)
    quote = [b for b in doc.blocks if b.quote]
    assert quote and position_of(doc, "miracle") == (3, 15)


def test_code_urls_html_and_link_targets_are_not_prose():
    doc = doc_of("""\
        See [the paper](https://example.org/cure-96) and https://example.org/miracle now.
        Inline `cure rate 98%` code. <span>miracle</span> <!-- a comment with cure -->

        ```
        cures 100% of children
        ```

            indented code: miracle
        """)
    assert "the paper" in doc.prose
    for hidden in ("example.org", "cure-96", "cure rate 98%", "cures 100%", "indented code",
                   "span", "a comment"):
        assert hidden not in doc.prose, hidden
    assert "miracle" in doc.prose  # the text inside the span is prose
    assert len(doc.prose) == len(doc.text)


def test_prose_view_keeps_length_and_line_breaks():
    text = "# Title\n\n**Bold** and _italic_ and ~~struck~~ text.\n"
    doc = parse(text, "x.md")
    assert len(doc.prose) == len(text)
    assert [i for i, c in enumerate(doc.prose) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    assert "Bold" in doc.prose and "**" not in doc.prose


def test_plain_text_file_is_all_prose_but_urls():
    doc = parse("A cure at https://example.org/x.\n\nSecond paragraph.\n", "notes.txt")
    assert not doc.markdown
    assert len(doc.blocks) == 2
    assert "example.org" not in doc.prose and "A cure at" in doc.prose


def test_control_comments_found_outside_code():
    doc = doc_of("""\
        <!-- medlint-disable OVER004 -->
        Text.

        ```
        <!-- medlint-disable -->
        ```
        """)
    assert [(c.kind, c.codes) for c in doc.controls] == [("disable", ("OVER004",))]


def test_broken_front_matter_is_an_input_error_with_line():
    with pytest.raises(InputError, match=r"d.md:3: front matter is not valid YAML"):
        doc_of("""\
            ---
            title: ok
            bad: [unclosed
            ---
            Text.
            """)


def test_unicode_hyphens_read_as_hyphens():
    doc = parse("Disease\u2011free survival was 96%.\n", "x.md")
    assert "Disease-free" in doc.prose


@pytest.mark.parametrize("text, expected", [
    ("Dr. Rau led it. The trial was large.", ["Dr. Rau led it.", "The trial was large."]),
    ("Gupta et al. reported it. It was big.", ["Gupta et al. reported it.", "It was big."]),
    ("Some drugs, e.g. imatinib, help. Others do not.", ["Some drugs, e.g. imatinib, help.", "Others do not."]),
    ("Blina vs. chemo was compared. Done.", ["Blina vs. chemo was compared.", "Done."]),
    ("DFS was 96.0% (P<0.001). Next one.", ["DFS was 96.0% (P<0.001).", "Next one."]),
    ("Reviewed by Dr. A. Lindqvist today. Fine.", ["Reviewed by Dr. A. Lindqvist today.", "Fine."]),
    ("Side effects? Basically none. It's fine!", ["Side effects?", "Basically none.", "It's fine!"]),
    ('She said "It works." Then left.', ['She said "It works."', "Then left."]),
    ("Ends with a number 3.5. Then 4 more.", ["Ends with a number 3.5.", "Then 4 more."]),
])
def test_sentence_splitting(text, expected):
    assert [text[a:b] for a, b in split_sentences(text, 0, len(text))] == expected


def test_sentences_never_cross_blocks():
    doc = doc_of("""\
        # Heading without a stop

        A sentence
        wrapped over lines. Another one.

        - item one
        - item two
        """)
    texts = [" ".join(doc.sentence_text(s).split()) for s in doc.sentences]
    assert texts == ["Heading without a stop", "A sentence wrapped over lines.", "Another one.",
                     "item one", "item two"]


@pytest.mark.parametrize("body", [
    'title: "A: b"\nauthor: Jo',
    "date: 2025-01-01\nversion: 1.4\nn: 3\nflag: true\nempty:",
    "title: Two pumps and a popsicle\nreviewed_by: 'Dr. A. Lindqvist, oncologist'",
    "tags: [a, b]\nmedlint:\n  ignore: [OVER004]",
    "x: yes\ny: ~",
    "audience: clinician",
])
def test_front_matter_fast_path_agrees_with_yaml(body):
    from linter.knowledge.yamlfile import read_yaml

    doc = parse(f"---\n{body}\n---\n# T\n", "d.md")
    assert doc.front_matter == read_yaml(body).data


def test_plain_text_paragraphs_split_at_a_line_ending_in_other_white_space():
    # A no-break space or tab at a line's end still leaves the next blank line a paragraph break.
    text = "First paragraph ends here.\u00a0\n\nSecond paragraph.\t\n \u00a0\nThird one.\n"
    doc = parse(text, "notes.txt")
    assert [text[b.start:b.end] for b in doc.blocks] == [
        "First paragraph ends here.", "Second paragraph.", "Third one."]


def test_inline_material_is_the_match_of_the_plain_alternation():
    """The two expressions for inline material that is not prose find, from every position,
    the match the one alternation they stand for finds (texts built from the characters and
    pieces it reads)."""
    import random
    import re

    from linter.document.inline import _INLINE_NONPROSE, _URL

    plain = re.compile(
        r"(?P<code>`+)|(?P<comment><!--)|(?P<image>!\[[^\]]{0,1000}\]\([^)]{0,2000}\))"
        r"|(?P<auto><(?:https?|ftp|mailto):[^>\s]{0,2000}>)"
        r"|(?P<html></?[A-Za-z][A-Za-z0-9-]{0,100}(?:\s[^<>]{0,2000})?/?>)"
        r"|(?P<dest>\]\((?:[^()\s]|\([^()]{0,500}\)){0,2000}(?:\s+\"[^\"]{0,1000}\")?\))"
        r"|(?P<url>(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,:;!?'\"])"
        r"|(?P<mark>\*+|~~|(?<![\w])_+|_+(?![\w])|\\(?=[!-/:-@\[-`{-~]))", re.S)

    def leftmost(text, pos):
        found = [m for m in (_INLINE_NONPROSE.search(text, pos), _URL.search(text, pos)) if m]
        return min((m.span() for m in found), default=None)

    rng = random.Random(13)
    pieces = ["https://x.org/a.", "www.a.b", "<!--", "-->", "`", "``", "![i](u)", "](x \"t\")",
              "<https://a>", "</b>", "<a href=x>", "**", "_", "__", "\\*", "~~", "(", ")", "[",
              "]", " ", "a", "h", "w", "\n", "<", "!", "~"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) for _ in range(3000)]
    cases = [(t, pos) for t in texts for pos in range(0, len(t) + 1, 3)]
    assert [leftmost(t, pos) for t, pos in cases] \
        == [(m.span() if (m := plain.search(t, pos)) else None) for t, pos in cases]
