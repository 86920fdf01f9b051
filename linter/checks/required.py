"""Required elements: notices a document must contain (rules/disclaimers.yaml).

A rule is satisfied when one paragraph of the document matches every term group of `requires`,
or of one of its `alternatives`, or of an audience's own alternatives (front matter `audience:`
or the config's `audience`). `trigger` limits a rule to documents that mention one of its terms,
and `benefit` to documents where one paragraph names both a trigger and a benefit; a paragraph
with one of the rule's `denials` ("no side effects") does not count.
A missing element is reported at line 1, column 1.
"""
from __future__ import annotations

from linter.finding import Finding
from linter.text.hedging import negated
from linter.text.terms import compile_terms


def _audience(doc, ctx) -> str:
    fm = doc.front_matter if isinstance(doc.front_matter, dict) else {}
    settings = fm.get("medlint") if isinstance(fm.get("medlint"), dict) else {}
    return str(settings.get("audience") or fm.get("audience") or ctx.config["audience"]).lower()


def _sets(rule, audience, vocab):
    sets = [rule["requires"], *rule.get("alternatives", []), *rule.get("audiences", {}).get(audience, [])]
    return [[compile_terms(g, vocab) for g in groups] for groups in sets]


def check(doc, ctx):
    vocab = ctx.knowledge.vocabulary
    audience = _audience(doc, ctx)
    whole = doc.prose
    for rule in ctx.knowledge.rules:
        if rule["kind"] != "required":
            continue
        trigger = ctx.terms(rule, "trigger")
        benefit = ctx.terms(rule, "benefit")
        if trigger is not None and not trigger.search(whole):
            continue
        if benefit is not None and not _together(doc, trigger, benefit):
            continue
        denials = ctx.terms(rule, "denials")
        key = ("required-sets", rule["code"], audience)
        if key not in ctx.compiled:
            ctx.compiled[key] = _sets(rule, audience, vocab)
        sets = ctx.compiled[key]
        if not _satisfied(doc, sets, denials):
            yield Finding(rule["code"], rule["category"], rule["severity"], 0, 0, rule["message"])


def _together(doc, trigger, benefit) -> bool:
    """Whether one paragraph names a trigger (a treatment) and a benefit: a treatment named in
    passing is not a treatment presented for its benefits."""
    for block in doc.blocks:
        if (trigger is None or trigger.search(doc.prose, block.start, block.end)) \
                and benefit.search(doc.prose, block.start, block.end):
            return True
    return False


def _satisfied(doc, sets, denials) -> bool:
    for block in doc.blocks:
        text = doc.prose[block.start:block.end]
        if denials is not None and any(not negated(text, m.start()) for m in denials.finditer(text)):
            continue
        for groups in sets:
            if all(g is not None and g.search(text) for g in groups):
                return True
    return False
