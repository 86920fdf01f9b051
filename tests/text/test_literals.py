"""The literal pieces an expression cannot match without (text/literals.py): what they are, and
that a text the test turns away never holds a match."""
import re

import pytest

from linter.text import modifiers
from linter.text.literals import Shape, needs, pieces

IC = re.IGNORECASE


@pytest.mark.parametrize("pattern, flags, expected", [
    (r"\bno\b", IC, {(("no", True),)}),
    # Every piece of a sequence is needed; a piece between word edges is a whole word.
    (r"\black[\s-]+of\b", IC, {(("lack", True), ("of", True))}),
    (r"\bcan\s?not\b", IC, {(("can", False), ("not", False))}),
    (r"\b(?:is|are)\s+(?:\w+\s+)?ruled\s+out", IC,
     {(("is", True), ("out", False), ("ruled", False)),
      (("are", True), ("out", False), ("ruled", False))}),
    (r"(?:^|\s)[-:]\s*none\b", IC, {(("none", False),)}),
    (r"\b\w+n't\b", IC, {(("n't", False),)}),
    (r"\bnever\b|\bwithout\b", IC, {(("never", True),), (("without", True),)}),
    (r"(?:ab)+c", 0, {(("ab", False), ("c", False))}),
    # A part that may be absent, a class or a lookaround gives no piece.
    (r"(?:abc)?x*", 0, None),
    (r"no|\d+", 0, None),
    (r"(?=abc)\w+", 0, None),
    (r"[abc]+", 0, None),
    # Only ASCII letters are kept: "µ" matches "μ" when case is ignored.
    (r"µg", IC, {(("g", False),)}),
    # Word edges as ASCII reads them are not the text's words.
    (r"\bno\b", IC | re.ASCII, None),
])
def test_pieces(pattern, flags, expected):
    found = pieces(pattern, flags)
    assert ({tuple(sorted(alt)) for alt in found} if found is not None else None) == expected


# Sentences of every shape the trigger lists read: triggers in capitals, hyphenated, at the
# edges, inside longer words, and texts without any.
TEXTS = [
    "Blinatumomab is not a cure.", "NO CHANGE was seen.", "It isn't a pill; it can't be.",
    "A pulmonary embolism was ruled out.", "Relapse-free survival was 80%.", "It cannot help.",
    "Notably, nothing is known.", "Survival was 90% at five years.", "The diagnosis was made.",
    "Nobody knows. Neither drug works, nor does the other.", "Fever: none.", "no",
    "Without treatment, the disease progresses.", "It may help some children.",
    "Myth: it is contagious.", "It's a common myth that it spreads.", "denied",
    "If it works, it will be used in the future.", "Doctors say it cures leukemia.",
    "About 3,000 children are diagnosed a year.", "It was tested in mice.", "",
    "Results came back negative.", "In the 1960s, it was fatal.", "Ignoring the rash,",
    "The infection resolved.", "She had no fever, but he reports nausea.", "knot another",
    "\u017fome children", "It is \u212anown to work.", "The drug is N\u0130T safe.",
    "The cancer can not spread.", "CANNOT", "It is free of charge, and relapse-free.",
    "Lack-of-effect was seen.", "It fails to respond.", "instead-of", "No one knows.",
    "Tests were not\npresent.", "It was\tRULED\u00a0out.", "x\u2013none", ":none",
]


def _patterns():
    model = modifiers.shipped()
    for kind in model.kinds:
        for key in ("forward", "backward", "both", "narrow", "pseudo", "terminate"):
            pattern = kind._get(key)
            if pattern is not None:
                yield f"{kind.name}.{key}", pattern


def test_a_text_turned_away_holds_no_match():
    """Every trigger list of the shipped model, on every text: the test never turns away a
    text the expression matches (whole lists compared)."""
    searched, held = [], []
    for name, pattern in _patterns():
        found = needs(pattern.pattern, pattern.flags)
        for text in TEXTS:
            if pattern.search(text):
                searched.append((name, text))
                if Shape(text).may_hold(found):
                    held.append((name, text))
    assert held == searched


def test_scopes_with_and_without_the_test(monkeypatch):
    """The scopes of every kind are the same when every text is searched."""
    model = modifiers.shipped()
    fast = [model.find(t) for t in TEXTS]
    model._memo.clear()
    monkeypatch.setattr(Shape, "may_hold", lambda self, found: True)
    plain = [model.find(t) for t in TEXTS]
    model._memo.clear()
    assert fast == plain


def test_a_sentence_without_trigger_words_is_not_searched():
    """A sentence with a figure and no negation word: none of the negation trigger lists is
    searched."""
    kind = next(k for k in modifiers.shipped().kinds if k.name == "negated")
    shape = Shape("Overall survival was 90% at five years in the trial.")
    assert [needs is not None and not shape.may_hold(needs)
            for *_, needs in kind.triggers()] == [True, True, True]


def test_letters_that_fold_to_ascii_are_always_searched():
    found = needs(r"\bsome\b", IC)
    assert re.search(r"\bsome\b", "\u017fome", IC)
    assert Shape("\u017fome").may_hold(found)
    assert not Shape("handsome").may_hold(found)


# Sentences of the kind the claim checks read, with and without their words.
CLAIMS = [
    "Blinatumomab is a daily pill taken by mouth.", "Studies show that it works.",
    "Research proves this drug is safe.", "It is less toxic than chemotherapy.",
    "It prevents relapse in most children.", "Children who get it relapse less often.",
    "Zero side effects were reported.", "It wipes out leukemia for good.",
    "It is as effective as a transplant.", "Experts expect it to replace chemotherapy.",
    "About 90% of children are cured.", "The infusion runs for 28 days.",
    "CAR T-cell therapy is given once.", "It only kills the cancer cells.",
    "Most children are cured, doctors say.", "Tisagenlecleucel is a one-time infusion.",
    "It guarantees a cure.", "It doesn't need whole-body radiation.",
    "Nothing here names a treatment.", "The weather was fine.",
]


def _matchers(ctx):
    """Every term matcher of the shipped rules and facts that the checks gate with the test."""
    seen = {}
    for rule in ctx.rules:
        for name, matcher in [("prepared", getattr(rule, "prepared", None)),
                              *getattr(rule, "matchers", {}).items()]:
            if hasattr(matcher, "search"):
                seen.setdefault(id(matcher), (f"{rule.code}.{name}", matcher))
    fb = ctx.factbase
    for fact, c in fb.contradictions:
        for i, group in enumerate(c.groups):
            if group is not None:
                seen.setdefault(id(group), (f"{fact.id}.contradiction.{i}", group))
    for fact in fb.claim_facts:
        for i, group in enumerate(fact.claim):
            if group is not None:
                seen.setdefault(id(group), (f"{fact.id}.claim.{i}", group))
    return list(seen.values())


def test_term_matchers_turn_away_only_texts_without_a_match(ctx):
    """Terms, unions of them and composed claims: the test never turns away a text that the
    matcher finds something in (whole lists compared)."""
    from linter.text.literals import needs_of

    matchers = _matchers(ctx)
    assert len(matchers) > 50
    found, held = [], []
    for name, matcher in matchers:
        planned = needs_of(matcher)
        for text in TEXTS + CLAIMS:
            if matcher.search(text) is not None:
                found.append((name, text))
                if Shape(text).may_hold(planned):
                    held.append((name, text))
    assert held == found
    assert len(found) > 40


def test_plain_terms_need_their_words():
    from linter.text.literals import term_needs

    assert term_needs("relapse-free survival") == frozenset({frozenset(
        {("relapse", True), ("free", True), ("survival", True)})})
    assert term_needs("cure*") == frozenset({frozenset({("cure", False)})})
    assert term_needs("wipe~ out") == frozenset({frozenset({("out", True)})})
    assert term_needs("wipe~") is None
    assert term_needs("e.g.") == frozenset({frozenset({("e.g.", False)})})


def test_an_atomic_group_is_read_as_its_body():
    """`(?>...)` is an expression Python accepts: a term list holding one is searched, not
    refused with an internal error."""
    from linter.text.terms import compile_terms

    found = compile_terms(["re:(?>foo)bar", "x"], {}).finditer("a foobar x")
    assert [m.group(0) for m in found] == ["foobar", "x"]
