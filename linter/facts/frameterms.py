"""The claim-frame vocabulary of a fact base, compiled once: measures, modifiers, subgroups,
places and other diseases (the `measures`, `frame-modifiers`, `subgroups`, `places` and
`other-diseases` keys of vocabulary files)."""
from __future__ import annotations

from linter.text.needles import Screen
from linter.text.terms import compile_terms


class FrameTerms:
    """The frame vocabulary of a fact base, compiled once."""

    def __init__(self, knowledge, accepts: dict):
        vocabulary = knowledge.vocabulary
        self.measures = {name: compile_terms(terms, vocabulary)
                         for name, terms in knowledge.measures.items()}
        self.modifiers = {name: (m["reach"], compile_terms(m["terms"], vocabulary))
                          for name, m in knowledge.frame_modifiers.items()}
        self.subgroups = {name: compile_terms([f"@{name}"], vocabulary)
                          for name in knowledge.subgroups if name in vocabulary}
        self.places = compile_terms([f"@{name}" for name in knowledge.places if name in vocabulary],
                                    vocabulary)
        self.diseases = compile_terms([f"@{name}" for name in knowledge.other_diseases
                                       if name in vocabulary], vocabulary)
        # A stretch is searched only for the lists one of whose strings it holds (needles.py).
        self.measure_screen = Screen(self.measures.values())
        self.modifier_screen = Screen(pattern for _, pattern in self.modifiers.values())
        self.subgroup_screen = Screen(self.subgroups.values())
        # The number kinds each measure is stated in, from the facts that use it: "randomized"
        # next to a percent is not what the percent measures (`accepts`: fact kind -> number kinds).
        self.kinds: dict = {}
        for fact in knowledge.facts:
            if fact.get("measure"):
                self.kinds.setdefault(fact["measure"], set()).update(
                    accepts.get(fact.get("quantity", "none"), ()))
