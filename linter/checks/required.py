"""Required elements: notices a document must contain (rules/disclaimers.yaml).

A rule is satisfied when one paragraph of the document matches every term group of `requires`,
or of one of its `alternatives`, or of an audience's own alternatives (front matter `audience:`
or the config's `audience`). `trigger` limits a rule to documents that mention one of its terms,
and `benefit` to documents where one paragraph names both a trigger and a benefit, stated as a
result: a benefit that is the question or aim of a study ("studies how well it works", "to test
whether it improves survival"; a hypothetical scope of the modifier model) is not one presented.
A paragraph with one of the rule's `denials` ("no side effects") does not count. A notice may
also be in a web page's site boilerplate (its footer, say): the notice is on the page, though
that text is not otherwise linted.
A missing element is reported at line 1, column 1.
"""
from __future__ import annotations

from types import MappingProxyType

from linter.finding import Finding
from linter.text.hedging import negated
from linter.text.terms import compile_terms

KINDS = ("required",)
CHECKS = ()


def _audience(doc, config) -> str:
    fm = doc.front_matter if isinstance(doc.front_matter, dict) else {}
    settings = fm.get("medlint") if isinstance(fm.get("medlint"), dict) else {}
    return str(settings.get("audience") or fm.get("audience") or config["audience"]).lower()


def _compile(sets, vocab) -> tuple:
    return tuple(tuple(compile_terms(g, vocab) for g in groups) for groups in sets)


def prepare(rule, vocab):
    """The rule's sets of term groups, compiled once: the general ones, and per audience."""
    data = rule.data
    general = [data["requires"], *data.get("alternatives", [])]
    return MappingProxyType({
        "": _compile(general, vocab),
        **{audience: _compile(sets, vocab) for audience, sets in data.get("audiences", {}).items()},
    })


def check(view, rules):
    doc = view.doc
    audience = _audience(doc, view.config)
    whole = doc.prose
    for rule in rules:
        trigger = rule.matcher("trigger")
        benefit = rule.matcher("benefit")
        if trigger is not None and not trigger.search(whole):
            continue
        if benefit is not None and not _together(view, trigger, benefit):
            continue
        sets = rule.prepared[""] + rule.prepared.get(audience, ())
        if not _satisfied(doc, sets, rule.matcher("denials")):
            # A template like every rule's message, with no placeholders: {{ is a brace.
            yield Finding(rule.code, rule.category, rule.severity, 0, 0, rule.message.format())


def _together(view, trigger, benefit) -> bool:
    """Whether one paragraph names a trigger (a treatment) and a benefit as a result: a treatment
    named in passing is not a treatment presented for its benefits, nor is one whose benefit is
    only what a study asks."""
    prose = view.doc.prose
    for block in view.doc.blocks:
        if trigger is not None and not trigger.search(prose, block.start, block.end):
            continue
        for m in benefit.finditer(prose, block.start, block.end):
            if view.modifiers.governed(prose, m.start(), ("hypothetical",)) is None:
                return True
    return False


def _paragraphs(doc):
    """The text of every paragraph, then of every block of a page's site boilerplate (a
    Markdown document has none)."""
    for block in doc.blocks:
        yield doc.prose[block.start:block.end]
    yield from getattr(doc, "boilerplate", ())


def _satisfied(doc, sets, denials) -> bool:
    for text in _paragraphs(doc):
        if denials is not None and any(not negated(text, m.start()) for m in denials.finditer(text)):
            continue
        for groups in sets:
            if all(g is not None and g.search(text) for g in groups):
                return True
    return False
