"""Reading a draft is linear in its size, for the shapes that once made it quadratic: the lines
of the document readers run (counted, never timed) and the text each sentence is given to lean
on grow with the draft, not with its square; and the one-pass walks give what a plain scan did."""
from __future__ import annotations

import os
import random
import sys

import pytest

import linter.document
from linter.document import blocks, markdown
from linter.document.markdown import parse
from linter.document.scopes import REACH, scopes
from linter.document.webpage import parse_html

DOCUMENT = os.path.dirname(linter.document.__file__)


def lines_run(work) -> int:
    """How many lines of linter/document/ `work()` runs (a loop's test counts each time)."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(DOCUMENT) else None

    old = sys.gettrace()
    sys.settrace(calls)
    try:
        work()
    finally:
        sys.settrace(old)
    return count


def _table(n: int) -> str:
    return "| Arm | 3-year DFS |\n|-|-|\n" + "".join(f"| Arm {i} | {90 + i % 9}% |\n" for i in range(n))


def _definitions(n: int) -> str:  # a paragraph that runs on into lines shaped as definitions
    return "Survival was 96%.\n" + "".join(f"[r{i}]: https://example.org/{i}\n" for i in range(n))


def _heading(n: int) -> str:
    return "# " + "Blinatumomab in children " * n + "\n\n" + "Survival was 96%.\n\n" * n


MARKDOWN = {"table": _table, "definitions": _definitions, "heading": _heading,
            "nested emphasis": lambda n: "Survival was 96%\n" + "*a\n" * n + "a*\n" * n,
            "links": lambda n: "".join(f"See [trial {i}](https://example.org/{i}) `code` here.\n"
                                       for i in range(n))}
HTML = {"divs": lambda n: "<div>" * n + "Survival was 96%.",
        "options": lambda n: "<select><option>" * n,
        "paragraphs": lambda n: "<body>" + "<div><h2>Survival</h2><p>It was 96%<sup>1</sup>." * n,
        "nested lists": lambda n: "<main>" + "<ul><li><blockquote><p>Item 96%" * n}


@pytest.mark.parametrize("shape", sorted(MARKDOWN))
def test_markdown_reading_is_linear(shape):
    counts = [lines_run(lambda: scopes(parse(MARKDOWN[shape](n), "draft.md"))) for n in (250, 1000)]
    assert counts[0] > 0
    assert counts[1] <= 4 * 1.25 * counts[0], counts


@pytest.mark.parametrize("shape", sorted(HTML))
def test_html_reading_is_linear(shape):
    counts = [lines_run(lambda: parse_html(HTML[shape](n), "page.html")) for n in (250, 1000)]
    assert counts[0] > 0
    assert counts[1] <= 4 * 1.25 * counts[0], counts


def _leaned_on(scope) -> int:
    return len(scope.table) + len(scope.header) + len(scope.after) + len(scope.heading) \
        + len(scope.title)


@pytest.mark.parametrize("shape", ["table", "heading"])
def test_what_each_sentence_leans_on_is_bounded_and_shared(shape):
    given, kept = [], []
    for n in (500, 2000):
        found = scopes(parse(MARKDOWN[shape](n), "draft.md"))
        given.append(sum(_leaned_on(s) for s in found))  # what the checks read, sentence by sentence
        distinct = {id(t): len(t) for s in found for t in (s.table, s.header, s.heading, s.title)}
        kept.append(sum(distinct.values()))  # what memory holds
        assert max(_leaned_on(s) for s in found) <= 6 * REACH
    assert given[1] <= 4 * 1.25 * given[0], given
    assert kept[1] <= 4 * 1.25 * kept[0], kept


def test_a_short_table_is_given_whole_and_a_long_one_around_each_row():
    doc = parse(_table(20), "draft.md")
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    found = scopes(doc)
    assert {s.table for s in found} == {doc.prose[rows[0].start:rows[-1].end]}
    assert len({id(s.table) for s in found}) == 1  # one string, not a copy a row
    long = scopes(parse(_table(3000), "draft.md"))
    for s in (long[1], long[1500], long[-1]):
        assert s.text in s.table and REACH <= len(s.table) <= 3 * REACH
        assert s.header.startswith("Arm") and s.header_cells == ("Arm", "3-year DFS")
    assert long[1].table.startswith("Arm") and len(long[1500].table) >= 2 * REACH


def test_a_table_caption_and_heading_are_what_they_were():
    text = ("# Results\n\n| Arm | DFS |\n|-|-|\n| Blinatumomab | 96% |\n| Chemotherapy | 88% |\n\n"
            "Table 1: AALL1731, 3-year disease-free survival.\n")
    found = scopes(parse(text, "draft.md"))
    assert [(s.text.strip(), s.heading, s.after) for s in found] == [
        ("Results", "", ""),
        ("Arm   DFS", "Results", ""),
        ("Blinatumomab   96%", "Results", "Table 1: AALL1731, 3-year disease-free survival."),
        ("Chemotherapy   88%", "Results", "Table 1: AALL1731, 3-year disease-free survival."),
        ("Table 1: AALL1731, 3-year disease-free survival.", "Results", ""),
    ]
    assert found[2].table == found[3].table == found[1].table


HYPHENS = markdown._HYPHEN_TABLE


def _naive_mark_prose(text, prose, pieces):
    """Each line tries every masked span of its paragraph (the walk before it was one pass)."""
    content = "\n".join(text[a:b] for a, b in pieces)
    masked = markdown.nonprose_spans(content)
    if "](" in content:
        masked.extend((i, i + 1) for i in markdown.link_openers(content))
    masked.sort()
    offset = 0
    for a, b in pieces:
        pos, end = offset, offset + (b - a)
        for ms, me in masked:
            if me <= pos or ms >= end:
                continue
            if ms > pos:
                prose[a + pos - offset:a + ms - offset] = content[pos:ms].translate(HYPHENS)
            pos = max(pos, me)
        if pos < end:
            prose[a + pos - offset:b] = content[pos:end].translate(HYPHENS)
        offset = end + 1


def test_one_pass_over_lines_and_spans_blanks_what_a_scan_of_every_span_did():
    rng = random.Random(5)
    parts = ["word ", "`code", "` ", "[link](https://x.org/a b) ", "<b>", "<!--", "-->", "*",
             "_", "https://example.org/x ", "![img](p.png) ", "](", "\\*", "96% ", "(", ")", "\u2011"]
    for _ in range(300):
        lines = ["".join(rng.choice(parts) for _ in range(rng.randint(0, 6)))
                 for _ in range(rng.randint(1, 6))]
        text = "\n".join(lines)
        pieces, pos = [], 0
        for line in lines:
            pieces.append((pos, pos + len(line)))
            pos += len(line) + 1
        fast, slow = [" "] * len(text), [" "] * len(text)
        markdown._mark_prose(text, fast, pieces)
        _naive_mark_prose(text, slow, pieces)
        assert fast == slow, text


def _naive_add(self, a, b, line_of, text, starts):
    """Each inline event walks every line it wraps onto (before lines once done were skipped)."""
    la, lb = line_of(a), line_of(max(a, b - 1))
    self._start(la, a)
    for line in range(la + 1, lb + 1):
        end = starts[line + 1] - 1 if line + 1 < len(starts) else len(text)
        src = text[starts[line]:end]
        self._start(line, starts[line] + len(src) - len(src.lstrip(" \t>")))
    if b > self.ends.get(lb, -1):
        self.ends[lb] = b


def test_lines_wrapped_onto_once_start_their_text_as_when_each_event_walked_them(monkeypatch):
    rng = random.Random(9)
    parts = ["word", "*", "**", "_", "`", "[", "](x)", "> ", "- ", "  ", "96%", "<b>", "\\"]
    drafts = []
    for _ in range(300):
        lines = ["".join(rng.choice(parts) for _ in range(rng.randint(0, 5)))
                 for _ in range(rng.randint(1, 8))]
        drafts.append("\n".join(lines) + "\n")
    fast = [(parse(d).blocks, parse(d).prose) for d in drafts]
    monkeypatch.setattr(blocks._Open, "add", _naive_add)
    assert [(parse(d).blocks, parse(d).prose) for d in drafts] == fast
