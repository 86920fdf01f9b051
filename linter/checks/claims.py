"""Unsupported claims: specific factual claims with nothing behind them (rules/unsupported.yaml).

Checks, by the rule's `check`:
- contradiction: a claim the reference contradicts ("blinatumomab is a daily pill"), from the
  facts' `contradictions`; flagged with what the evidence says, cited or not;
- evidence: "studies show", "research proves", "experts expect" with no source in the sentence;
- statistic: a share, rate or relative change that no fact supports and no source backs;
- causal: "accounts for most relapses", "prevents relapse", "children who ... relapse less" with
  no source and no fact;
- comparison: "less toxic than chemotherapy", "as effective as" with no source and no fact.
A sentence cites a source when it has a link, a footnote marker, or names a study, journal,
agency or author (citations.py). One finding per sentence.
"""
from __future__ import annotations

import re

from linter.checks import statistics
from linter.checks.phrases import quiet
from linter.text.citations import cites
from linter.document.scopes import scopes
from linter.facts.base import factbase
from linter.finding import Finding
from linter.text.hedging import negated
from linter.text.modifiers import model, quoted
from linter.text.strength import purpose
from linter.facts.matching import subject_level
from linter.regexcache import compile as rx

CLAIM_KINDS = ("percent", "ratio", "pp")


def check(doc, ctx):
    rules = {r["check"]: r for r in ctx.knowledge.rules if r["kind"] == "claim"}
    if not rules:
        return
    fb = factbase(ctx)
    records = {}
    for r in statistics.analyse(doc, ctx):
        records.setdefault(r.scope.sentence, []).append(r)
    terms = _Terms(ctx)
    for scope in scopes(doc):
        if reference_section(scope):
            continue
        finding = None
        if "contradiction" in rules:
            finding = _contradiction(doc, scope, rules["contradiction"], fb)
        if finding is None and "disputed" in rules:
            finding = _disputed(doc, scope, rules["disputed"], fb)
        if finding is None and not scope.quote and not cites(doc.text[scope.start:scope.raw_end]):
            for name in ("evidence", "statistic", "causal", "comparison"):
                if name in rules:
                    finding = CHECKS[name](doc, scope, rules[name], fb, terms, records)
                    if finding is not None:
                        break
        if finding is not None:
            yield finding


class _Terms:
    """A rule's term lists by key ("pattern": its terms and `compose:` entries together), and
    the run's modifier model (the shipped one, extended by a team's file)."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.scopes = model(ctx.knowledge)

    def __call__(self, rule, key):
        ctx = self.ctx
        if key != "pattern":
            return ctx.terms(rule, key)
        cache_key = ("claim-pattern", rule["code"])
        if cache_key not in ctx.compiled:
            from linter.checks.phrases import rule_pattern

            ctx.compiled[cache_key] = rule_pattern(rule, ctx.knowledge.vocabulary)
        return ctx.compiled[cache_key]


def _in_order(groups, text: str, window: int = 160):
    """Every group matched within a window, the last (the predicate) after the first (the
    subject); the matches, or None."""
    if not groups or any(g is None for g in groups):
        return None
    first = groups[0].search(text)
    if first is None:
        return None
    out = [first]
    for g in groups[1:-1]:
        m = g.search(text)
        if m is None:
            return None
        out.append(m)
    if len(groups) > 1:
        last = groups[-1].search(text, first.end())
        if last is None:
            return None
        out.append(last)
    if max(m.end() for m in out) - min(m.start() for m in out) > window:
        return None
    return out


_ANAPHOR = rx(r"\b(?:it|it's|its|this|that|the\s+(?:drug|treatment|therapy|medicine|immunotherapy)|"
             r"this\s+(?:drug|treatment|therapy|medicine|immunotherapy))\b", re.I)


def _contradiction(doc, scope, rule, fb):
    for fact in fb.contradiction_facts:
        for rule_of_fact in fact.contradictions:
            groups, says = rule_of_fact
            # A contradiction stays in its scope: the same trial, setting or convention.
            if not rule_of_fact.in_scope(scope.text, (*scope.lead[:2], scope.heading)):
                continue
            matches = _in_order(groups, scope.text)
            if not matches and fact.subject is not None and len(groups) > 1 \
                    and _ANAPHOR.search(scope.text) and subject_level(fact, scope, fb) == 1:
                # "The drug ... works for T-cell ALL too": the subject named just before
                matches = _in_order([_ANAPHOR, *groups[1:]], scope.text)
            if not matches:
                continue
            last = max(matches, key=lambda m: m.start())
            start = scope.start + last.start()
            if negated(doc.prose, start, scope.start) or quoted_scope(doc, scope, start):
                continue
            if fact.subject is not None and not fact.subject.search(scope.text) \
                    and subject_level(fact, scope, fb) is None:
                continue
            found = " ".join(last.group(0).split())
            return Finding(rule["code"], rule["category"], fact.capped(rule["severity"]), start,
                           scope.start + last.end(), rule["message"].format(match=found, says=says),
                           fact=fact.id, found=found, expected=fact.data["statement"],
                           sources=fact.sources)
    return None


def _disputed(doc, scope, rule, fb):
    """A sentence repeating a claim the fact base marks as disputed."""
    for fact in fb.claim_facts:
        if fact.status != "disputed":
            continue
        matches = [g.search(scope.text) if g is not None else None for g in fact.claim]
        if not matches or not all(matches):
            continue
        last = matches[-1]  # the claim's own words, not its subject
        start = scope.start + last.start()
        if negated(doc.prose, start, scope.start):
            continue
        found = " ".join(last.group(0).split())
        return Finding(rule["code"], rule["category"], rule["severity"], start,
                       scope.start + last.end(), rule["message"].format(
                           match=found, says=fact.data.get("note") or fact.data["statement"]),
                       fact=fact.id, found=found, expected=fact.data["statement"],
                       sources=fact.sources)
    return None


def quoted_scope(doc, scope, start):
    from linter.text.hedging import quoted

    return scope.quote or quoted(doc.text, start, start + 1)


_ANAPHORA = rx(r"\b(?:the|this|that|these|those|the\s+same|our|their)\s+"
                      r"(?:\w+\s+)?(?:study|studies|trial|trials|research|analysis|review|paper)\b", re.I)


_OWN = rx(r"\b(?:our|my|we)\s+(?:\w+\s+){0,2}?(?:data|results|findings|study|trial|research|"
          r"analysis|work|survey)?\s*$|\b(?:our|my)\s+(?:\w+\s+){0,2}$", re.I)


def reference_section(scope) -> bool:
    """Sources, references and further-reading lists hold titles, not claims."""
    return bool(REFERENCE_HEADING.match(scope.heading or ""))


REFERENCE_HEADING = rx(r"\s*(?:sources?|references?|further\s+reading|read\s+more|"
                               r"bibliography|citations?|links|resources)\b", re.I)


def _evidence(doc, scope, rule, fb, rule_terms, records):
    if scope.is_heading:
        return None
    terms = rule_terms(rule, "terms")
    m = terms.search(doc.prose, scope.start, scope.end) if terms is not None else None
    if m is None or negated(doc.prose, m.start(), scope.start, model_=rule_terms.scopes):
        return None
    if _OWN.search(doc.prose, max(scope.start, m.start() - 30), m.start()):
        return None  # "our data show": the writer reports their own work
    # A sentence whose figures the reference confirms is supported whoever it credits.
    if any(r.supported and r.fact is not None for r in records.get(scope.sentence, ())):
        return None
    # "The study found ..." leans on a study named just before.
    if _ANAPHORA.search(doc.prose, max(scope.start, m.start() - 25), m.end()) and any(
            cites(t) for t in scope.before[:3]):
        return None
    found = " ".join(m.group(0).split())
    return Finding(rule["code"], rule["category"], rule["severity"], m.start(), m.end(),
                   rule["message"].format(match=found), found=found)


def _statistic(doc, scope, rule, fb, rule_terms, records):
    near = rule_terms(rule, "near")
    if scope.is_heading:
        return None
    health = near is None or near.search(scope.text) is not None
    exceptions = rule_terms(rule, "exceptions")
    spans = [m.span() for m in exceptions.finditer(doc.prose, scope.start, scope.end)] \
        if exceptions is not None else []
    if scope.lead and cites(scope.lead[0]):
        return None  # the sentence before, in the same paragraph, names the source
    for r in records.get(scope.sentence, ()):
        q = r.quantity
        if r.supported or r.finding is not None or q.attributive:
            continue
        rate = q.kind == "count" and _PEOPLE.match(doc.prose, q.end) \
            and rule_terms.scopes.governed(doc.prose, q.start, ("per-time",), scope.start, q.end)
        if q.kind not in CLAIM_KINDS and not rate:
            continue  # a count is a statistic when it is a rate: "5,000 children a year"
        if not health:
            continue  # a share of doses, of a budget or of a plan is no health claim
        if any(a <= q.start and q.end <= b for a, b in spans):
            continue  # a tally with its counts: the writer's own data
        if quoted(doc.text, q.start, q.end):
            continue  # someone else's words, reported as theirs
        found = " ".join(q.text.split())
        return Finding(rule["code"], rule["category"], rule["severity"], q.start, q.end,
                       rule["message"].format(match=found), found=found)
    return None


_PEOPLE = rx(r"\s+(?:[\w-]+\s+){0,2}?(?:children|kids|babies|infants|people|patients|adults|"
             r"teens|teenagers|adolescents|cases|deaths|boys|girls|families)\b", re.I)


def _comparison(doc, scope, rule, fb, rule_terms, records):
    """A comparison of benefit or harm between treatments that no fact backs and no source names."""
    if scope.is_heading or any(r.fact is not None for r in records.get(scope.sentence, ())):
        return None
    if _ANAPHORA.search(scope.text) and any(cites(t) for t in scope.before[:3]):
        return None  # "this study ..." leans on a study named just before
    return _causal(doc, scope, rule, fb, rule_terms, {})


def _causal(doc, scope, rule, fb, rule_terms, records):
    if any(r.fact is not None for r in records.get(scope.sentence, ())):
        return None  # its figures are tied to a fact: the statistic checker judges the claim
    terms = rule_terms(rule, "pattern")
    m = terms.search(doc.prose, scope.start, scope.end) if terms is not None else None
    if m is None or quiet(doc, rule, m.start(), m.end(), scope.sentence, rule_terms.ctx):
        return None
    near = rule_terms(rule, "near")
    if near is not None and not near.search(scope.text):
        return None
    if purpose(doc.prose, m.start(), scope.start, scope.end, model=rule_terms.scopes):
        return None  # "infusions to help prevent infections": an aim, not a claim
    for fact in fb.claim_facts:
        if all(g is not None and g.search(scope.text) for g in fact.claim):
            return None
    found = " ".join(m.group(0).split())
    return Finding(rule["code"], rule["category"], rule["severity"], m.start(), m.end(),
                   rule["message"].format(match=found), found=found)


CHECKS = {"evidence": _evidence, "statistic": _statistic, "causal": _causal,
          "comparison": _comparison}
