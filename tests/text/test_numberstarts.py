"""The places a number may start, found in the lower-cased text (linter.text.numberstarts),
are those numbers.NUMBER_START finds in the text itself, match for match."""
from linter.text import quantities as qs
from linter.text.literals import foldable
from linter.text.numbers import NUMBER_START
from linter.text.numberstarts import LOWER_START, NUMBER_WORD, lowered_scan

TEXTS = [
    "Seven of Twelve children (58.3%) and ONE-third of 1,440 adults relapsed by 2.5 years.",
    "A hundred and two patients; AN  THOUSAND trials; an hundred; a dozen eggs; a  Million.",
    "twenty-one, Eighteen, eighteenth, sevens, x1one, ninety\u00e9, \u00e9ten, stone, Tenth.",
    "Someone often noted .5 and 0.75 and 12,345,678.9 and 1,23 and \u0663\u0664 in nine\n"
    "Fivefold, fifty five, FORTY-TWO, zero; a billion or a trillion; an Eleven-year-old.",
    "About three out of four children diagnosed with leukemia have ALL, two in ten do not.",
    "It was a, an or the hundred: an\thundred, a\nthousand, a dozenth, A hundredfold.",
]


def _scan_plain(text, lo, hi):
    out, pos = [], lo
    while (m := NUMBER_START.search(text, pos, hi)) is not None:
        out.append(m.span())
        pos = m.end()
    return out


def _scan_lowered(text, lo, hi):
    scan, off = lowered_scan(text, lo, text[lo:hi].lower())
    out, pos = [], lo
    while (m := LOWER_START.search(scan, pos - off, hi - off)) is not None:
        out.append((m.start() + off, m.end() + off))
        pos = m.end() + off
    return out


def _windows(text):
    """Every sentence-like window, and windows starting and ending inside words."""
    yield 0, len(text)
    for lo in range(0, len(text), 7):
        yield lo, min(len(text), lo + 41)


def test_the_lowered_search_finds_what_number_start_finds():
    compared = 0
    for text in TEXTS:
        assert not foldable(text)
        for lo, hi in _windows(text):
            assert _scan_lowered(text, lo, hi) == _scan_plain(text, lo, hi), (text, lo, hi)
            compared += 1
    assert compared > 80
    assert len(_scan_plain(TEXTS[1], 0, len(TEXTS[1]))) >= 6


def test_a_word_boundary_at_the_window_start_is_read_from_the_text():
    text = "someone said seven"  # "one" inside "someone" is no number word
    lo = text.index("one")
    assert _scan_lowered(text, lo, len(text)) == _scan_plain(text, lo, len(text)) == [(13, 18)]


def test_number_word_says_whether_the_lowered_text_has_a_number_word():
    got = [NUMBER_WORD.search(t.lower()) is not None for t in TEXTS + ["stone wall", "tenth"]]
    assert got == [True] * len(TEXTS) + [False, False]


def test_extract_reads_the_same_quantities_as_with_number_start(monkeypatch):
    found = [qs.extract(text, lo, hi) for text in TEXTS for lo, hi in _windows(text)]
    monkeypatch.setattr(qs, "LOWER_START", NUMBER_START)
    monkeypatch.setattr(qs, "lowered_scan", lambda text, lo, low: (text, 0))
    plain = [qs.extract(text, lo, hi) for text in TEXTS for lo, hi in _windows(text)]
    assert found == plain
    assert sum(len(f) for f in found) > 50


SHARE_TEXTS = TEXTS + [
    "Nine Out Of Ten, one in every FOUR, 3 in 10 adults, Two-Thirds and ONE QUARTER of them.",
    "Nearly All children, almost half of relapses, just over a third; under two fifths said so.",
    "One in 2019 was not; 1 in 5 years; 9 of every 10 babies; 45 out of 100 and 7 in 1,000.",
    "Half a day, two and a half years, cut in half; three halves; an eighth of 12 cases.",
    "Xone in ten, someone in five, 1.5 in 100 per cent, one of 4% and two of every three.",
]


def test_shares_found_in_the_lowered_text_are_those_found_in_the_text():
    from linter.text import shares as sh
    from linter.text.quantity import Taken

    def read(folds):
        out = []
        for text in SHARE_TEXTS:
            for lo, hi in _windows(text):
                out.append(list(sh.shares(text, lo, hi, text[lo:hi].lower(), Taken(), folds)))
        return out

    lowered, plain = read(False), read(True)
    assert lowered == plain
    assert sum(len(found) for found in plain) > 40


def test_a_lazily_compiled_pattern_is_lowered_too():
    import re

    from linter.regexcache import lazy
    from linter.text.numberstarts import lowered

    low = lowered(lazy(r"\bnine\s+in\s+ten\b", re.IGNORECASE | re.MULTILINE))
    assert low.search("nine in ten") and not low.search("Nine in ten")
    assert [m.span() for m in low.finditer("x\nnine in ten")] == [(2, 13)]
