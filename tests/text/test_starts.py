"""Where a match can begin: the search from those places alone answers as the full search, and it
tries the expression at far fewer places."""
import re

from conftest import random_texts

from linter.text.starts import candidates, scan, starts
from linter.text.terms import Terms, term_pattern


def test_starts_are_the_literal_words_a_match_opens_with():
    cases = {
        r"\bsafer": {"safer"},
        r"\b(?:is|are|it\s+is)\s+safe\b": {"is", "are", "it"},
        r"(?:far|much)?\s*safer": None,  # may open with a space
        r"(?:far|much)?safer": {"far", "much", "safer"},
        r"(?<!not )\bcures?\b": {"cure"},
        r"(?-i:\bOS\b)": {"os"},
        r"make[sd]?\s+sure": {"make"},
        r"(?:\w+\s+)?proof": None,
        r"[ab]c": None,
        r"(?:x|)y": {"xy", "y"},
        r"(?:x|)": None,
        r"é+": None,
        r"100\s*%": {"100"},
        r"(?:eliminates?|eradicates?)\s+all": {"eliminate", "eradicate"},  # parsed as e(?:...)
        r"a\b(?=\s)lot": {"alot"},
        r"a{0,2}b": {"a", "b"},
        r"(?:ab)+c": {"ab"},
        "(unclosed": None,
    }
    got = {p: starts(p, re.IGNORECASE) for p in cases}
    assert got == {p: (frozenset(v) if v is not None else None) for p, v in cases.items()}


_WORDS = ("safer is are it it's safe make makes sure proof always cures cure every child all children "
          "only attacks will never won't survival alive OS os relapse relapsed remission in the a "
          "100 % effective side effects none most are mild far much fewer 5-year years of for without "
          "leaves wipe wiped out guaranteed no risk ſafe İs n = 12 ≥ 3 KMT2A U.S. UK").split()


def _texts(seed: int, count: int):
    return random_texts(_WORDS, seed, count, 60, (" ", " ", ", ", "-", ". ", "\n", ""))


def _regex_lists(shipped: list) -> list[tuple]:
    return sorted({found for strings in shipped
                   if (found := tuple(t for t in strings if t.startswith("re:")))})


def test_searching_from_the_starts_finds_what_the_full_search_finds(shipped_lists):
    lists = _regex_lists(shipped_lists)
    assert len(lists) > 30
    searched = 0
    for n, terms in enumerate(lists):
        regex = re.compile("|".join(term_pattern(t) for t in terms), re.IGNORECASE)
        begins = starts(regex.pattern, re.IGNORECASE)
        if begins is None:
            continue
        for text in _texts(n, 40):
            low = text.lower()
            if len(low) != len(text) or any(c in text for c in "\u0130\u0131\u017f\u212a"):
                continue
            size = len(text)
            for lo, hi in [(0, size), (0, size // 2), (size // 3, size - 2), (7, 7)] + \
                    [(lo, min(size, lo + w)) for lo in range(0, size, 29) for w in (15, 60)]:
                full = [(m.span(), m.group(0)) for m in regex.finditer(text, lo, hi)]
                assert [(m.span(), m.group(0)) for m in scan(regex.match, begins, text, low[lo:hi], lo, hi, False)] \
                    == full, (terms, text, lo, hi)
                first = scan(regex.match, begins, text, low[lo:hi], lo, hi, True)
                expected = regex.search(text, lo, hi)
                assert (first and first.span()) == (expected and expected.span())
                searched += 1
    assert searched > 20_000


def test_term_lists_answer_as_before_with_and_without_the_starts(shipped_lists):
    lists = _regex_lists(shipped_lists)
    for n, terms in enumerate(lists):
        fast, plain = Terms((*terms, "relapse", "wipe~ out")), Terms((*terms, "relapse", "wipe~ out"))
        plain._starts = None  # never searched from the starts
        for text in _texts(100 + n, 15):
            size = len(text)
            for lo, hi in ((0, None), (0, size // 2), (size // 4, size - 3)):
                assert [m.span() for m in fast.finditer(text, lo, hi)] == \
                    [m.span() for m in plain.finditer(text, lo, hi)], (terms, text, lo, hi)
                a, b = fast.search(text, lo, hi), plain.search(text, lo, hi)
                assert (a and a.span()) == (b and b.span()), (terms, text, lo, hi)


def test_a_long_text_is_tried_only_where_a_match_can_begin():
    tried = []
    regex = re.compile(r"(?:far|much)?safer|\bfewer\s+side\s+effects", re.IGNORECASE)

    def match(text, at, end):
        tried.append(at)
        return regex.match(text, at, end)

    text = "Treatment went on for years. " * 70 + "It is much safer, with fewer side effects."
    begins = starts(regex.pattern, re.IGNORECASE)
    found = scan(match, begins, text, text.lower(), 0, len(text), False)
    assert [m.group(0) for m in found] == ["safer", "fewer side effects"]  # "much safer" is spaced
    assert [m.span() for m in found] == [m.span() for m in regex.finditer(text)]
    assert sorted(begins) == ["far", "fewer", "much", "safer"] and len(tried) == 3 < len(text) // 500
    assert candidates("a safer, safer", ("safer", "afe")) == [2, 3, 9, 10]
    assert candidates("safer, safer", ("safer", "afe"), 2) == [2, 3, 9, 10]


def test_an_atomic_group_is_read_as_its_body():
    assert starts(r"(?>foo|fab)bar") == frozenset({"foobar", "fabbar"})
    assert starts(r"(?>x+)y") is not None
