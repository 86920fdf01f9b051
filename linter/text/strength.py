"""Claim strength of a sentence: none, correlational, conditional-causal or direct-causal.

The scheme of Sumner et al. (BMJ 2014) and Yu et al. (EMNLP 2019). The cues are data (the
`strength:` section of rules/modifiers.yaml): a cause/effect word stated as fact is a direct
causal claim ("reduces", and "suggests that X reduces Y" too), inside a hedged scope a
conditional one ("may reduce"), inside a hypothetical scope no claim ("to test whether it
reduces"); an association or a difference between groups is correlational. An effect word used
as an adjective ("associated with reduced risk") is no causal cue.
"""
from __future__ import annotations

import re

from linter.regexcache import compile as rx
from linter.text import modifiers
from linter.text.terms import term_pattern

_AFTER_ASSOCIATION = 8  # words after an association cue that still belong to it
ORDER = ("none", "correlational", "conditional-causal", "direct-causal")


class Cues:
    __slots__ = ("causal", "weak", "correlational", "non_causal", "none_when", "conditional_when")

    def __init__(self, data: dict):
        def pattern(key):
            terms = data.get(key) or []
            return rx("|".join(term_pattern(t) for t in terms), re.IGNORECASE) if terms else None

        self.causal = pattern("causal")
        self.weak = pattern("weak_causal")
        self.correlational = pattern("correlational")
        self.non_causal = pattern("non_causal")
        self.none_when = tuple(data.get("none_when") or ())
        self.conditional_when = tuple(data.get("conditional_when") or ())


_CUES: dict = {}


def _cues(model) -> Cues:
    cues = _CUES.get(id(model))
    if cues is None:
        cues = _CUES[id(model)] = Cues(model.strength)
    return cues


def strength(text: str, lo: int = 0, hi: int | None = None, model=None) -> str:
    """The claim strength of the sentence text[lo:hi]."""
    model = model or modifiers.shipped()
    cues = _cues(model)
    hi = len(text) if hi is None else hi
    best = "none"
    if cues.causal is not None:
        adjectives = [m.span() for m in cues.non_causal.finditer(text, lo, hi)] if cues.non_causal else []
        mods = model.find(text, lo, hi)
        first_corr = cues.correlational.search(text, lo, hi) if cues.correlational else None
        for m in cues.causal.finditer(text, lo, hi):
            if any(a <= m.start() < b for a, b in adjectives):
                continue
            if first_corr is not None and first_corr.start() < m.start() \
                    and len(text[first_corr.end():m.start()].split()) <= _AFTER_ASSOCIATION:
                continue  # "associated with a lower risk of": the effect word is the association's
            kinds = {mod.kind for mod in mods if mod.covers(m.start(), m.end())}
            if kinds & set(cues.none_when):
                continue
            found = "conditional-causal" if kinds & set(cues.conditional_when) else "direct-causal"
            if ORDER.index(found) > ORDER.index(best):
                best = found
            if best == "direct-causal":
                return best
    correlational = cues.correlational is not None and cues.correlational.search(text, lo, hi)
    if best == "none" and cues.weak is not None and not correlational:
        mods = model.find(text, lo, hi)
        for m in cues.weak.finditer(text, lo, hi):
            kinds = {mod.kind for mod in mods if mod.covers(m.start(), m.end())}
            if kinds & set(cues.conditional_when) and not kinds & set(cues.none_when):
                return "conditional-causal"
    if best == "none" and correlational:
        return "correlational"
    return best


def purpose(text: str, start: int, lo: int = 0, hi: int | None = None, model=None) -> bool:
    """Whether the effect word at `start` names an aim, not a result ("infusions to help
    prevent infections", "strategies to reduce", "to test whether it reduces")."""
    model = model or modifiers.shipped()
    cues = _cues(model)
    hi = len(text) if hi is None else hi
    if cues.non_causal is not None and any(
            m.start() <= start < m.end() for m in cues.non_causal.finditer(text, lo, hi)):
        return True
    return any(mod.kind in cues.none_when and mod.covers(start) for mod in model.find(text, lo, hi))
