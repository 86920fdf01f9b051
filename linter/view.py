"""The per-document view every check reads: the parsed document, the scope of each sentence and
the verdict on each number, computed once per document and never changed by a check.

Checks receive the view and their own rules, nothing else: no check runs or imports another,
and nothing is kept between documents.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from linter.document.markdown import Document
from linter.document.scopes import asks, scopes
from linter.facts.screens import screens
from linter.text.citations import cites
from linter.text.hedging import hedged, negated, quoted
from linter.text.literals import Shape, needs_of


@dataclass(frozen=True, eq=False)
class DocumentView:
    doc: Document
    ctx: object  # the run's Context (linter/context.py)

    @property
    def prose(self) -> str:
        return self.doc.prose

    @property
    def config(self):
        return self.ctx.config

    @property
    def factbase(self):
        return self.ctx.factbase

    @cached_property
    def scopes(self) -> tuple:
        return scopes(self.doc)

    @cached_property
    def verdicts(self) -> tuple:
        """The verdict on every number of the document (linter/facts/verdicts.py)."""
        from linter.facts.verdicts import analyse

        return analyse(self.doc.prose, self.scopes, self.ctx.factbase)

    @cached_property
    def verdicts_by_sentence(self) -> dict:
        out: dict = {}
        for v in self.verdicts:
            out.setdefault(v.scope.sentence, []).append(v)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def scope_index(self) -> dict:
        """Each scope's place in document order, by identity."""
        return {id(s): i for i, s in enumerate(self.scopes)}

    @cached_property
    def verdicts_by_scope(self) -> tuple:
        """The verdicts of each scope, by the scope's place in document order."""
        out: list = [[] for _ in self.scopes]
        for v in self.verdicts:
            i = self.scope_index.get(id(v.scope))
            if i is not None:
                out[i].append(v)
        return tuple(tuple(v) for v in out)

    def verdicts_around(self, here: int, before: int):
        """The verdicts of scope `here` and of the `before` scopes before it, in order."""
        by_scope = self.verdicts_by_scope
        return (v for i in range(max(0, here - before), min(here + 1, len(by_scope)))
                for v in by_scope[i])

    @cached_property
    def modifiers(self):
        """The run's modifier scope model: the shipped one, extended by a team's file."""
        from linter.text.modifiers import model

        return model(self.ctx.knowledge)

    def sentence_at(self, offset: int):
        """The sentence at a prose offset (or the nearest one before it)."""
        sentences = self.doc.sentences
        i = bisect.bisect_right(self.doc.sentence_starts, offset) - 1
        return sentences[i] if i >= 0 else None

    @cached_property
    def _cited(self) -> dict:
        return {}

    @cached_property
    def _shapes(self) -> dict:
        return {}

    @cached_property
    def _screened(self) -> dict:
        return {}

    def fact_screens(self, text: str) -> tuple[list, list]:
        """The fact base's (fact, contradiction, pieces) whose predicate, and the claim facts
        each group of which, may match `text` (a sentence): the others hold none of the literal
        pieces every match needs (facts/screens.py). Once per text."""
        hit = self._screened.get(text)
        if hit is None:
            hit = self._screened[text] = screens(self.factbase).screened(self.shape(text))
        return hit

    def shape(self, text: str) -> Shape:
        """A text as the literal-pieces test reads it (text/literals.py), once per document."""
        shape = self._shapes.get(text)
        if shape is None:
            shape = self._shapes[text] = Shape(text)
        return shape

    def may_match(self, matcher, text: str) -> bool:
        """False when `matcher` surely finds nothing in `text` (a sentence or a paragraph): the
        text holds none of the literal pieces its matches need."""
        return self.shape(text).may_hold(needs_of(matcher))

    def cites(self, raw: str) -> bool:
        """Whether a text cites a source: a link, a footnote, a named study, journal or agency.
        A sentence is asked about as itself, as the lead of the next one and as the text before
        several others: each text is read once."""
        known = self._cited
        hit = known.get(raw)
        if hit is None:
            hit = known[raw] = cites(raw, self.ctx.cited_studies)
        return hit

    def reference_section(self, heading: str) -> bool:
        """Sources, references and further-reading lists hold titles, not claims."""
        return self.ctx.reference_heading(heading or "")

    def quiet(self, rule, start: int, end: int, sentence) -> bool:
        """Whether a match must stay quiet: hedged, negated, quoted, a question or a cited title."""
        doc = self.doc
        lo = sentence.start if sentence else 0
        if sentence is not None and end <= sentence.end and asks(doc.prose[sentence.start:sentence.end]):
            return True  # a question asks; it does not claim
        if sentence is not None and self.reference_section(doc.heading_text(sentence.block)):
            return True
        scopes = self.modifiers
        if rule.hedge and (hedged(doc.prose, start, lo, model_=scopes)
                           or negated(doc.prose, start, lo, model_=scopes)):
            return True
        if rule.quoted == "skip":
            block = doc.blocks[sentence.block] if sentence else None
            if (block is not None and block.quote) or quoted(doc.text, start, end):
                return True
        return False
