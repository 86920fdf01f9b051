"""A sieve answers for many pieces tests at once (text/sieve.py): exactly as asking each test on
its own (literals.Shape.may_hold), and reading each distinct word once."""
import random
import sys

import pytest

from linter.facts.screens import screens
from linter.text import modifiers
from linter.text.literals import FOLDS, Shape, needs_of, plan, term_list_needs
from linter.text.sieve import Sieve
from linter.text.terms import expand


def _matchers(ctx):
    fb = ctx.factbase
    found = [c.groups[-1] for _, c in fb.contradictions]
    found += [g for f in fb.claim_facts for g in f.claim if g is not None]
    found += [rule.prepared for rule in ctx.rules if rule.prepared is not None]
    found += [rule.matcher(key) for rule in ctx.rules for key in ("near", "exceptions")
              if rule.matcher(key) is not None]
    return [m for m in found if hasattr(m, "finditer")]  # term lists, not other rules' tables


def _planned(ctx) -> list:
    """The planned pieces of every shipped matcher that has them, and of the modifier triggers."""
    planned = [needs_of(m) for m in _matchers(ctx)]
    for kind in modifiers.shipped().kinds:
        for key in ("forward", "backward", "both", "narrow"):
            terms = kind._terms[key]
            if terms:
                planned.append(plan(term_list_needs(expand(terms, {}))))
    return planned


def _texts(planned, seed: int, count: int):
    """Sentences made of the tests' own pieces, whole, inside longer words, in capitals, run
    together and with other words, and now and then a folding or other non-ASCII character."""
    pieces = sorted({lit for p in planned if p for _, alts in p for alt in alts for lit, _ in alt})
    other = ["the", "children", "survival", "é", "naïve", "x", "12", "50%", "ſo", "\u0130n", "\u212a", "ß"]
    rnd = random.Random(seed)
    for _ in range(count):
        words = []
        for _ in range(rnd.randint(1, 14)):
            w = rnd.choice(pieces) if rnd.random() < 0.7 else rnd.choice(other)
            shape = rnd.random()
            if shape < 0.15:
                w = w.upper()
            elif shape < 0.3:
                w = rnd.choice(("un", "s", "é", "_")) + w + rnd.choice(("ed", "s", "", "ü"))
            elif shape < 0.4:
                w = w.capitalize()
            words.append(w)
        yield "".join(w + rnd.choice((" ", " ", ", ", "-", ". ", "", "'", "\u00a0")) for w in words)


def test_a_sieve_answers_as_each_test_asked_alone(ctx):
    planned = _planned(ctx)
    assert len(planned) > 100 and sum(p is None for p in planned) < len(planned) // 2
    sieve = Sieve(planned)
    texts = list(_texts(planned, 3, 1500))
    got, expected = [], []
    for text in texts:
        for shape in (Shape(text), Shape.lowered(text.lower())):
            got.append(sorted(sieve.passing(shape)))
            expected.append([i for i, p in enumerate(planned) if shape.may_hold(p)])
    assert got == expected
    # the texts tell: most tests are turned away from most texts, and every test passes some
    assert sum(map(len, expected)) < len(expected) * len(planned) // 2
    assert set().union(*map(set, expected)) == set(range(len(planned)))


def test_a_text_with_a_folding_character_passes_every_test():
    sieve = Sieve([plan(term_list_needs(["relapse"])), None, plan(term_list_needs(["cure"]))])
    assert [sorted(sieve.passing(Shape(t))) for t in ("A cure.", "\u017furvival", "The \u212aids")] == \
        [[1, 2], [0, 1, 2], [0, 1, 2]]


@pytest.mark.parametrize("text, expected", [
    ("Blinatumomab is no cure.", [0, 2]),  # "no" a whole word, "cure" anywhere
    ("Nothing cures it.", [2]),  # "no" inside a word is no whole word
    ("It is curable, not 1 year.", [2, 3]),  # a piece across words: "1 year"
    ("1  year", []),
])
def test_whole_words_pieces_inside_words_and_pieces_across_words(text, expected):
    planned = [plan(term_list_needs(["no"])), plan(term_list_needs(["cure~ forever"])),
               plan(term_list_needs(["cur*"])), plan(term_list_needs(["re:1 year"]))]
    sieve = Sieve(planned)
    assert sorted(sieve.passing(Shape(text))) == expected
    assert expected == [i for i, p in enumerate(planned) if Shape(text).may_hold(p)]


def test_each_distinct_word_is_read_once():
    sieve = Sieve([plan(term_list_needs(["relapse*", "no cure"]))])
    texts = ["No cure yet.", "Relapse: no cure.", "NO CURE, no relapse."]
    for text in texts * 3:
        sieve.passing(Shape(text))
    assert sieve._count == len({"no", "cure", "yet", "relapse"})


def test_only_the_folding_characters_lower_to_ascii_word_characters():
    # the sieve reads a piece of word characters inside the text's words: sound only if no other
    # character lowers to an ASCII letter, digit or underscore
    odd = {chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF
           and any(ch.isascii() and (ch.isalnum() or ch == "_") for ch in chr(c).lower())}
    assert odd <= set(FOLDS)


def test_the_fact_bases_screens_answer_as_each_contradiction_and_claim_asked_alone(ctx):
    fb = ctx.factbase
    built = screens(fb)
    assert screens(fb) is built  # once per fact base
    planned = [needs for _, _, needs in built.contradictions]
    planned += [needs_of(g) for f in fb.claim_facts for g in f.claim if g is not None]
    got, expected = [], []
    for text in _texts(planned, 5, 1500):
        shape = Shape(text)
        got.append(built.screened(shape))
        expected.append(([(f, c, n) for f, c, n in built.contradictions if shape.may_hold(n)],
                         [f for f in fb.claim_facts
                          if all(g is not None and shape.may_hold(needs_of(g)) for g in f.claim)]))
    assert got == expected
    assert [(f, c) for f, c, _ in built.contradictions] == fb.contradictions
    assert sum(len(c) + len(f) for c, f in expected) > len(expected)  # the texts hold claims
