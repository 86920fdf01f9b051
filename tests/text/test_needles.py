"""What an expression's matches must hold, and the term lists that skip a stretch without it:
the skip never changes an answer, and it does save the search."""
import re
from pathlib import Path

import yaml
from conftest import random_texts, record_calls

from linter.text.literals import FOLDS, foldable
from linter.text.needles import (
    EXACT,
    Screen,
    may_hold,
    needles_of,
    plain_needle,
    required,
    split,
)
from linter.text.terms import Terms, compile_terms, term_pattern


def test_required_strings_come_from_what_every_match_consumes():
    cases = {
        r"\bn\s*=": {"="},  # punctuation is rarer than a letter
        r"\b(?:stay|remain)s?\s+in\s+remission": {"remission"},
        r"(?:early|late)\s+relapses?": {"relapse"},
        r"(?-i:\bOS\b)": {"os"},  # lowercase: sound, if less telling than the capitals
        r"\balive\b(?!\s+(?:free|without))": {"alive"},  # a lookahead requires nothing
        r"(?<!free )\bsurvival\b": {"survival"},
        r"chemo(?:therapy)?\s*alone": {"chemo"},
        r"(?:grade\s*3|severe)": {"grade", "severe"},
        r"<\s?1 Year": {"1 year"},
        r"(?:\d+|one)\s+years": {"years"},
        r"x{2,3}yz": {"yz"},
        r"\b(?:that|this)(?=\s+\d)": {"that", "this"},  # the parser splits off "th": joined again
        r"\bin\s+the\s+(?:19|20)\d0s": {"19", "20"},  # digits are rarer than "the"
        r"\bage[sd]?\b": {"age"},
        r"(?-i:\bU\.?S\.?(?!\w))": {"u"},
        r"\b(?-i:AALL\d{4}|ELIANA)(?i:x)\b": {"aall", "eliana"},
    }
    assert {p: required(p) for p in cases} == {p: frozenset(v) for p, v in cases.items()}


def test_an_expression_that_may_match_without_a_fixed_ascii_character_has_no_requirement():
    patterns = [r"\d+\s*", r"(?:relapse|\d+)", r"(?:relapse)?\s+", r"[A-Z]{2,}\d{3,}", r"(?=relapse)",
                r"é+", "(unclosed"]
    assert [required(p) for p in patterns] == [None] * len(patterns)


def test_only_the_known_characters_match_an_ascii_letter_without_lowering_to_it():
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    odd = set()
    for letter in "abcdefghijklmnopqrstuvwxyz":
        odd |= {ch for ch in re.findall(letter, every, re.IGNORECASE) if ch.lower() != letter}
    assert odd == {"\u0130", "\u0131", "\u017f"} and odd <= set(FOLDS)


def _vocabulary_terms() -> list[str]:
    data = yaml.safe_load((Path(__file__).parents[2] / "reference" / "vocabulary.yaml").read_text())
    groups = [*data["vocabulary"].values(), *data["measures"].values()]
    groups += [m["terms"] for m in data["frame-modifiers"].values()]
    return sorted({t for g in groups for t in g if t.startswith("re:")})


_WORDS = ("relapse relapsed survival alive free overall OS os remission stayed remain in the a was "
          "chemo chemotherapy alone n = 12 % years old aged age grade 3 ≥ severe high-risk risk of for "
          "children kids who were treated between 1999 and 2004 from to will enrol be enrolled second "
          "study trial those this that 40 ſurvival İn KMT2A U.S. UK came back comes ages").split()


def _texts(seed: int, count: int):
    return random_texts(_WORDS, seed, count, 40)


def test_skipping_stretches_without_a_required_string_changes_no_answer():
    patterns = _vocabulary_terms()
    assert len(patterns) > 40
    for n, term in enumerate(patterns):
        skipping, plain = Terms((term, "relapse")), Terms((term, "relapse"))
        plain._needles = None  # never skips
        for text in _texts(n, 60):
            for lo, hi in ((0, None), (0, len(text) // 2), (len(text) // 3, len(text) - 2)):
                got = [m.span() for m in skipping.finditer(text, lo, hi)]
                assert got == [m.span() for m in plain.finditer(text, lo, hi)], (term, text, lo, hi)
                first, expected = skipping.search(text, lo, hi), plain.search(text, lo, hi)
                assert (first and first.span()) == (expected and expected.span()), (term, text)


def test_a_stretch_without_the_required_string_is_not_searched(monkeypatch):
    runs = record_calls(monkeypatch, Terms, "_run", lambda self, text, pos, end: (pos, end))
    group = Terms(("re:\\bstay(?:ed)?\\s+in\\s+remission",))
    group._starts = None  # the screen alone, not the search from where a match can begin
    text = "Most children stayed in remission. Few relapsed. Others stay in remission; 5% did not."
    found = [m.span() for m in group.finditer(text, 0, 34)]
    assert [m.span() for m in group.finditer(text, 35, 49)] == []
    assert [m.span() for m in group.finditer(text, 50, len(text))] == [(56, 73)]
    assert found == [(14, 33)] and runs == [(0, 34), (50, len(text))]


def test_a_text_with_a_folding_character_is_always_searched():
    group = Terms(("re:\\bsurviv\\w*",))
    text = "Most children ſurvived."
    assert [m.group(0) for m in group.finditer(text, 0, len(text))] == ["ſurvived"]
    assert term_pattern("re:x") == "(?:x)"


def test_a_plain_term_needs_its_longest_literal_word():
    terms = ["P value", "in each arm", "relapse*", "wipe~ out", "Princess Máxima", "-", "CAR-T cell*", "NCI HR"]
    assert [plain_needle(t) for t in terms] == ["value", "each", "relapse", "out", "princess", None, "cell",
                                                EXACT + "NCI"]


def _vocabulary_lists() -> list:
    data = yaml.safe_load((Path(__file__).parents[2] / "reference" / "vocabulary.yaml").read_text())
    vocabulary = data["vocabulary"]
    lists = [compile_terms(t, vocabulary) for t in data["measures"].values()]
    lists += [compile_terms(m["terms"], vocabulary) for m in data["frame-modifiers"].values()]
    lists += [compile_terms([f"@{name}"], vocabulary) for name in [*data["subgroups"], *data["places"]]]
    return lists + [None]


def test_a_screen_rules_out_only_lists_that_find_nothing_and_its_index_answers_as_a_plain_scan():
    lists = _vocabulary_lists()
    screen = Screen(lists)
    needles = [needles_of(p) if p is not None else () for p in lists]
    ruled_out, indexed = 0, 0
    short = list(_texts(7, 150))
    long = [" ".join(short[i:i + 12]) for i in range(0, 150, 12)]  # long texts are indexed
    for text in short + long:
        low, folds = text.lower(), foldable(text)
        size = len(text)
        stretches = [(0, None), (0, size // 2), (size // 3, size - 2), (5, 5), (-9, None)]
        stretches += [(lo, lo + width) for lo in range(0, size, 37) for width in (20, 90, 400)]
        indexed += size > 1000
        for lo, hi in stretches:
            may = screen.possible(text, lo, hi)
            window = low[lo:hi]
            assert may == [p is not None and (folds or n is None or may_hold(split(n), window, text, lo, hi))
                           for p, n in zip(lists, needles)]
            for pattern, ok in zip(lists, may):
                if not ok and pattern is not None and lo >= 0:
                    ruled_out += 1
                    assert list(pattern.finditer(text, lo, hi)) == [] and pattern.search(text, lo, hi) is None
    assert ruled_out > 10_000 and indexed >= 10


def test_a_screen_says_every_list_may_match_a_text_with_a_folding_character():
    lists = [compile_terms(["survival"], {}), compile_terms(["relapse"], {}), None]
    assert Screen(lists).possible("Most children ſurvived.", 0, 20) == [True, True, False]
    assert Screen(lists).possible("Most children survived.", 0, 20) == [False, False, False]


def test_needles_read_before_compiling_are_those_read_after():
    """Whether a list runs under the time limit is known without compiling it (needles._limited):
    the needles it gives are those given once Terms.regex has decided."""
    from linter.text.needles import regex_needles

    lists = [(t,) for t in _vocabulary_terms()]
    lists += [("re:(a|aa)+b",), ("re:(?:x+)+y", "re:\\bno\\b"), ("re:(unclosed", "re:\\bok\\b"),
              ("re:\\bstay\\s+in\\s+remission", "re:(?:relapse|recur)s?"), ("re:(\\w+)\\s+\\1",),
              ("re:\\bn\\s*=", "re:(?<!free )\\bsurvival\\b")]
    before, after = [], []
    for terms in lists:
        early, late = Terms(terms), Terms(terms)
        found = regex_needles(early)
        assert early._regex is None  # not compiled for its needles
        try:
            late.regex  # noqa: B018 - decides the time limit as a search would
        except Exception:  # noqa: BLE001 - re's or regex's error: a list that does not compile
            continue  # cannot be searched either way
        before.append(found)
        after.append(regex_needles(late))
    assert before == after
    assert len(before) == len(lists) - 1 and before.count(None) >= 3  # (a|aa)+, (x+)+, \\1


def test_a_list_whose_needles_a_text_lacks_is_not_compiled_for_it():
    group = Terms(("re:\\bstay(?:ed)?\\s+in\\s+remission", "re:\\brelapse[sd]?\\b"))
    assert group.search("Most children were treated for two years.") is None
    assert [m.span() for m in group.finditer("Five children were treated.")] == []
    assert group._regex is None
    plain = Terms(group.terms)
    plain._needles = None  # never skips
    text = "Most children stayed in remission."
    assert group.search(text).span() == plain.search(text).span() == (14, 33)
    assert group._regex is not None


def test_a_stretch_with_a_needle_but_not_the_whole_word_is_not_searched(monkeypatch):
    runs = []
    real = Terms._timed
    monkeypatch.setattr(Terms, "_timed", lambda self, method, *a: runs.append(a) or real(self, method, *a))
    group = Terms((r"re:(?-i:\bOS\b)", r"re:\bfigures?\b"))
    assert group.search("Most of those children were treated.") is None  # "os" in "most", "those"
    assert group._regex is None and runs == []
    text = "Five-year OS was 90%."
    assert group.search(text).span() == (10, 12) and len(runs) == 1


def test_a_lowered_shape_answers_as_the_shape_of_the_text():
    from linter.text.literals import Shape, needs, plan, term_list_needs

    plans = [plan(term_list_needs((t,))) for t in _vocabulary_terms()]
    plans += [needs(r"\bno\s+(?:change|increase)\b", re.I), needs(r"\bOS\b", re.I)]
    texts = [t for t in _texts(11, 600) if not foldable(t)]
    assert len([p for p in plans if p]) > 40 and len(texts) > 200
    assert [[Shape.lowered(t.lower()).may_hold(p) for p in plans] for t in texts] == \
        [[Shape(t).may_hold(p) for p in plans] for t in texts]


def test_lists_asking_about_the_same_stretch_read_its_words_once(monkeypatch):
    from linter.text import literals, needles

    asked, read = [], []
    real = literals.Shape.words.fget

    def words(self):
        asked.append(self.low)
        if self._words is None:
            read.append(self.low)
        return real(self)

    monkeypatch.setattr(literals.Shape, "words", property(words))
    needles._SHAPES.clear()
    lists = [Terms((r"re:(?-i:\bOS\b)", r"re:\bfigures?\b")), Terms((r"re:\bOS\s+rate\b",)),
             Terms((r"re:(?-i:\bEFS\b)", r"re:\brate\b"))]
    text = "Most of those figures were rates. Five-year OS was 90%, and the OS rate 88%."
    found = [[m.span() for m in group.finditer(text)] for group in lists]
    assert found == [[(14, 21), (44, 46), (64, 66)], [(64, 71)], [(67, 71)]]
    assert len(asked) == 3 and read == [text.lower()]
