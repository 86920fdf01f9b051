"""The screens that skip an expression anchored at the end of the text before a number
(quantity.may_end) answer exactly as the expression alone, on text made of the expressions'
own words, their endings, signs, spaces, line ends, digits and letters that case-blind
matching pairs with ASCII ones; and the test for a number word answers as the text's words."""
from __future__ import annotations

import random
import re

from linter.text import quantities as qs
from linter.text import quantity as qy

_PIECES = ["", " ", "  ", "\t", "\n", " \n", "\n\n", ".", ",", ":", "#", "-", "\u2010", "\u2013",
           "\u00b1", "[", "^", "/", "+", "\u2265", ">=", "<", "=", "~", "\u2248", "$", "\u00a3",
           "1", "12", "2019", "0.5", "_", "\u212a", "\u017f", "\u0131", "\u00e9", "CI", "x", "(",
           ")", "%", "s", "es", "ing", "d", "ed", "'"]


def _words(*patterns) -> list[str]:
    """The expressions' words, and their runs of words joined by spaces ("as many as")."""
    words = {w for p in patterns for w in re.findall(r"[A-Za-z]+", p)}
    runs = {re.sub(r"\\s\+", " ", r) for p in patterns
            for r in re.findall(r"[A-Za-z]+(?:\\s\+[A-Za-z]+)+", p)}
    return sorted(words | runs)


def _texts(words: list[str], n: int = 6000) -> list[str]:
    rng = random.Random(7)
    cases = (str, str.upper, str.title, str.lower)
    out = []
    for w in words:
        for pre in ("", " ", "a ", "x", "1", "\u00e9 "):
            for post in ("", " ", "  ", "\n", " \n", ".", ". ", ": ", " # ", " \u2265 ", "s", "ed ",
                         " of ", "of ", " of the ", " the ", "the ", " of of the\n", " of"):
                out.append(pre + rng.choice(cases)(w) + post)
    for _ in range(n):  # two or three of the words in a row, then an ending
        parts = [rng.choice(words) for _ in range(rng.randint(2, 3))]
        out.append(rng.choice(cases)(" ".join(parts)) + rng.choice(_PIECES) + rng.choice(["", " "]))
    for _ in range(n):
        parts = [rng.choice(words) if rng.random() < 0.5 else rng.choice(_PIECES)
                 for _ in range(rng.randint(1, 6))]
        out.append(rng.choice(cases)(rng.choice(["", " "]).join(parts)))
    return out


def _screened(pattern, words, signs, texts):
    return [bool(pattern.search(t)) if qy.may_end(t.rstrip(), words, signs) else False for t in texts]


def test_qualifier_screen_answers_as_the_expression():
    texts = _texts(_words(qy._QUALIFIER_BEFORE.pattern))
    got = [qy.qualifier_before(t + "5", len(t), 0) for t in texts]
    want = []
    for t in texts:
        m = qy._QUALIFIER_BEFORE.search(t)
        want.append(("exact", len(t)) if m is None else
                    (next(k for k, v in m.groupdict().items() if v)[2:].replace("_", "-"), m.start()))
    assert got == want


def test_skip_screen_answers_as_the_four_expressions():
    patterns = (qs._SKIP_BEFORE, qs._SKIP_BEFORE_2, qs._DATE_BEFORE, qs._CI_CONTEXT)
    texts = _texts(_words(*(p.pattern for p in patterns)))
    got = [qs._skipped("12", t, " was", "full") for t in texts]
    want = [bool(qs._SKIP_BEFORE.search(t) or qs._SKIP_BEFORE_2.search(t) or qs._DATE_BEFORE.search(t)
                 or qs._CI_CONTEXT.search(t[-12:])) for t in texts]
    assert got == want
    assert 0 < sum(want) < len(want)


def test_age_sign_and_change_screens_answer_as_their_expressions():
    for pattern, words in ((qs._AGE_BEFORE, qs._AGE_ENDS), (qs._SIGN, ("minus", "negative")),
                           (qs._RELATIVE_BEFORE, qs._RELATIVE_ENDS)):
        texts = _texts(_words(pattern.pattern), 3000)
        want = [bool(pattern.search(t)) for t in texts]
        assert _screened(pattern, words, "", texts) == want
        assert 0 < sum(want) < len(want)


def test_a_screen_skips_most_text():
    texts = ["patients were ", "the rate was ", "with a median of ", "of whom "]
    assert [qy.may_end(t.rstrip(), qs._SKIP_ENDS, qs._SKIP_SIGNS) for t in texts] == [
        False, False, False, False]


def test_number_word_test_answers_as_the_words_of_the_text():
    from linter.text import numberstarts as ns
    from linter.text.literals import Shape
    texts = ["Seven children", "someone often", "one", "ONE-third", "twenty_one", "x1one",
             "ninety\u00e9", "\u00e9ten", "a dozen eggs", "Tenth", "stone wall", "na\u00efve two",
             "ZERO", "a hundred", "TWO\u212a", "t\u0131en", "nine\n", "fivefold"]
    got, want = [], []
    for t in texts:
        shape = Shape(t)
        if shape.low is not None:
            got.append(ns.NUMBER_WORD.search(shape.low) is not None)
            want.append(not shape.words.isdisjoint(ns._WORDS))
    assert got == want
    assert want.count(True) >= 6 and want.count(False) >= 4


def test_fraction_screen_answers_as_the_expression(monkeypatch):
    from linter.text import shares as sh
    from linter.text.quantity import Taken
    texts = ["Nearly all children recover.", "almost every patient", "Virtually all of them",
             "almo\u017ft all of them", "v\u0130rtually all", "every child in all groups",
             "Half of all cases", "two-thirds of all", "one ſixth of all", "all of the patients",
             "under half of every group", "two and a half years for all", "ALMOST ALL"]

    def run():
        return [list(sh.shares(t, 0, len(t), t.lower(), Taken())) for t in texts]

    screened = run()
    monkeypatch.setattr(sh, "_FRACTION_WORD", re.compile(""))  # every text asked
    assert screened == run()
    assert sum(map(len, screened)) >= 6
