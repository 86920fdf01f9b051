"""Term lists written for fast search (linter.text.alternations) match as the plain alternation
does, span for span; and the modifiers found with them are those found without."""
import re

import pytest

from linter.text import modifiers
from linter.text.alternations import alternation, for_lowered, lowered_text
from linter.text.terms import expand, term_pattern

TEXTS = [
    "The rash was NOT seen, but fever - which lasted - persisted; However, none of them "
    "relapsed, though No Change was noted while on treatment, yet cannot rule out it.",
    "Butter, yetis and whichever: NOT ONLY that -- still; whose \u2014 cause of death was "
    "unknown, apart from one; Aside-From two. Nonetheless instead-of none. Isn't it? CAN'T.",
    "Neither the drug nor the dose was the reason for relapse; absence of fever; free of it. "
    "Disease-free survival; Event-Free; relapse was ruled out; tests came back negative.",
    "It may be, perhaps, if the trial had... Historically, in the 1990s, children in Europe "
    "per year; according to the NHS, experts say that reportedly 5% relapse. - none",
]


def _lists():
    for kind in modifiers.shipped().kinds:
        for key in ("forward", "narrow", "backward", "both", "pseudo", "terminate"):
            terms = expand(kind._terms[key] or [], {})
            if terms:
                yield kind.name, key, [term_pattern(t) for t in terms]


def _spans(pattern, text, lo):
    return [m.span() for m in pattern.finditer(text, lo)]


def test_every_list_matches_as_the_plain_alternation_and_in_lowered_text():
    grouped = lowerable = 0
    for name, key, patterns in _lists():
        plain = re.compile("|".join(patterns), re.IGNORECASE)
        written = re.compile(alternation(patterns), re.IGNORECASE)
        grouped += written.pattern != plain.pattern
        lowered = for_lowered(written)
        lowerable += lowered is not None
        for text in TEXTS:
            for lo in range(0, len(text), 9):
                want = _spans(plain, text, lo)
                assert _spans(written, text, lo) == want, (name, key)
                if lowered is not None:
                    assert _spans(lowered, text.lower(), lo) == want, (name, key)
    assert grouped >= 7 and lowerable >= 20  # every kind's termination list at least


def test_alternation_keeps_order_and_alternatives_of_their_own():
    assert alternation([r"(?:;)", r"\bbut\b", r"\byet\b", r"\bstill\b", r"\bx|y", r"\bnor\b"]) == (
        r"(?:;)|\b(?:but\b|yet\b|still\b)|\bx|y|\b(?:nor\b)")
    assert alternation([r"\bbut\b", r"(?:\bnot\s+only)"]) == r"\b(?:but\b|(?:not\s+only))"
    assert alternation([r"(?:;)", r"(?:,)", r"\bbut\b"]) == r"(?:;)|(?:,)|\bbut\b"  # too few
    assert alternation([r"(?:\bx)|(?:y)", r"\ba"]) == r"(?:\bx)|(?:y)|\ba"  # not one group


@pytest.mark.parametrize("source", [r"\bHIV\b", r"(?-i:\bhiv\b)", r"\x41ids", r"\N{LATIN SMALL LETTER A}",
                                    r"(a)\1", r"(?i)x"])
def test_a_pattern_that_may_not_match_the_same_in_lowered_text_has_no_copy(source):
    assert for_lowered(re.compile(source, re.IGNORECASE)) is None


def test_a_pattern_that_does_not_ignore_case_has_no_copy():
    from linter.regexcache import lazy

    assert for_lowered(re.compile(r"\bnot\b")) is None
    assert for_lowered(lazy(r"\bnot\b", re.I)).pattern == r"\bnot\b"
    assert for_lowered(re.compile(r"\bnot\s+(?:only|just)\b", re.I)).pattern == r"\bnot\s+(?:only|just)\b"


def test_a_text_that_lowercases_out_of_place_is_searched_as_it_is():
    assert lowered_text("Not \u0130stanbul") is None and lowered_text("Not X") == "not x"


def test_modifiers_found_with_the_lowered_copies_are_those_found_without(monkeypatch):
    texts = TEXTS + ["\u212aelvin was not seen; no change.", "NOT ONE OF THEM, never again."]

    base = modifiers.shipped()

    def found():  # a model of its own: each list's copies are made on first use
        model = modifiers.Model([{"terminate": base.common, "kinds": base.data}])
        return [model.find(text, lo, len(text)) for text in texts for lo in (0, 5, 17)]

    fast = found()
    monkeypatch.setattr(modifiers, "lowered_text", lambda text: None)
    assert found() == fast
    monkeypatch.setattr(modifiers, "for_lowered", lambda pattern: None)
    assert found() == fast
    assert sum(len(f) for f in fast) > 20


def test_a_pattern_with_a_letter_beyond_ascii_gets_no_copy_for_lower_cased_text():
    """Lower-cased text would not hold "Ü", and ignoring case "µ" also matches "μ": such a list
    is searched as it is, with the matches case-blind search gives."""
    for source in ("\u00dcber kein", "\u03a3-score", "\u00b5g dose", "caf\u00e9"):
        assert for_lowered(re.compile(source, re.I)) is None, source


def test_a_modifier_list_with_a_letter_beyond_ascii_finds_its_trigger_in_any_case():
    from linter.text.modifiers import Model

    model = Model([{"kinds": {"negated": {"max_words": 12, "forward": ["\u00dcber kein"]}}}])
    for text in ("Es gab \u00fcber kein Risiko.", "Es gab \u00dcber kein Risiko."):
        assert [(m.trigger, m.scope) for m in model.find(text)] == [((7, 16), (16, 24))], text


def test_a_character_without_case_beyond_ascii_keeps_the_copy():
    assert for_lowered(re.compile("\\s[\u2013\u2014]\\s|\\bbut\\b", re.I)) is not None
