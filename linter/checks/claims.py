"""Unsupported claims: specific factual claims with nothing behind them (rules/unsupported.yaml).

Checks, by the rule's `check`:
- contradiction: a claim the reference contradicts ("blinatumomab is a daily pill"), from the
  facts' `contradictions`; flagged with what the evidence says, cited or not;
- evidence: "studies show", "research proves", "experts expect" with no source in the sentence;
- statistic: a share, rate or relative change that no fact supports and no source backs;
- causal: "accounts for most relapses", "prevents relapse", "children who ... relapse less" with
  no source and no fact;
- comparison: "less toxic than chemotherapy", "as effective as" with no source and no fact.
A sentence cites a source when it, or the sentence before it in the same paragraph, has a link,
a footnote marker, or names a study, journal, agency or author (citations.py). One finding per sentence.
"""
from __future__ import annotations

import re

from linter.facts.matching import candidates, subject_level
from linter.facts.values import value_matches
from linter.finding import Finding
from linter.regexcache import compile as rx
from linter.regexcache import lazy
from linter.text.compose import rule_pattern
from linter.text.hedging import negated, quoted
from linter.text.strength import purpose

KINDS = ("claim",)
CLAIM_KINDS = ("percent", "ratio", "pp")
# Sub-checks in the order they are tried; one finding per sentence. The last three need a
# sentence that cites no source and is not a quotation.
ORDER = ("contradiction", "disputed", "evidence", "statistic", "causal", "comparison")
UNCITED = frozenset({"evidence", "statistic", "causal", "comparison"})


def prepare(rule, vocabulary):
    """A rule's `terms` and `compose:` entries as one matcher."""
    return rule_pattern(rule.data, vocabulary)


def check(view, rules):
    by_check: dict = {}
    for rule in rules:
        by_check.setdefault(rule.check, rule)  # the first rule of each sub-check, as listed
    order = [(name, by_check[name]) for name in ORDER if name in by_check]
    doc = view.doc
    for scope in view.scopes:
        if scope.asked or view.reference_section(scope.heading):
            continue  # a question claims nothing ("Is blinatumomab a pill?")
        uncited = None
        for name, rule in order:
            if name in UNCITED:
                if uncited is None:
                    # A source named in the sentence, or in the one before it in the same
                    # paragraph, stands behind the claim.
                    uncited = not scope.quote and not view.cites(doc.text[scope.start:scope.raw_end]) \
                        and not (scope.lead and view.cites(scope.lead[0]))
                if not uncited:
                    break
            finding = CHECKS[name](view, scope, rule)
            if finding is not None:
                yield finding
                break


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


def _contradiction(view, scope, rule):
    text = scope.text
    possible = view.fact_screens(text)[0]
    if not possible:
        return None
    doc, fb = view.doc, view.factbase
    anaphor = _ANAPHOR.search(text) is not None
    # Words of certainty ("guarantees a cure") make the claim an overclaim: reported as one.
    certain = rule.matcher("exceptions")
    # Every way of matching needs the last group (the claim's predicate) in the sentence.
    for fact, rule_of_fact, _ in possible:
        groups = rule_of_fact.groups
        if groups[-1].search(text) is None:
            continue
        says = rule_of_fact.says
        # A contradiction stays in its scope: the same trial, setting or convention.
        if not rule_of_fact.in_scope(scope.text, (*scope.lead[:2], scope.heading)):
            continue
        matches = _in_order(groups, scope.text)
        if not matches and fact.subject is not None and len(groups) > 1 \
                and anaphor and subject_level(fact, scope, fb) == 1 \
                and any(groups[0].search(text) for text in scope.before[:2]):
            # "The drug ... works for T-cell ALL too": "it" stands for the claim's subject when
            # the sentences just before name it, not for any other part of the claim
            matches = _in_order([_ANAPHOR, *groups[1:]], scope.text)
        if not matches:
            continue
        last = max(matches, key=lambda m: m.start())
        start = scope.start + last.start()
        if negated(doc.prose, start, scope.start) or quoted_scope(doc, scope, start) \
                or view.modifiers.governed(doc.prose, start, ("refuted",), scope.start):
            continue  # denied, quoted, or reported as a myth ("some websites say ...")
        if certain is not None and certain.search(last.group(0)):
            continue
        if fact.subject is not None and not fact.subject.search(scope.text) \
                and subject_level(fact, scope, fb) is None:
            continue
        found = " ".join(last.group(0).split())
        return Finding(rule.code, rule.category, fact.capped(rule.severity), start,
                       scope.start + last.end(), rule.message.format(match=found, says=says),
                       fact=fact.id, found=found, expected=fact.data["statement"],
                       sources=fact.sources)
    return None


def _disputed(view, scope, rule):
    """A sentence repeating a claim the fact base marks as disputed."""
    doc = view.doc
    for fact in view.fact_screens(scope.text)[1]:  # those whose every group may match
        if fact.status != "disputed":
            continue
        last = None
        for g in fact.claim:  # every group must match; the first that does not ends the test
            last = g.search(scope.text)
            if last is None:
                break
        if last is None:
            continue
        # `last` is the claim's own words, not its subject
        start = scope.start + last.start()
        if negated(doc.prose, start, scope.start):
            continue
        found = " ".join(last.group(0).split())
        return Finding(rule.code, rule.category, rule.severity, start,
                       scope.start + last.end(), rule.message.format(
                           match=found, says=fact.data.get("note") or fact.data["statement"]),
                       fact=fact.id, found=found, expected=fact.data["statement"],
                       sources=fact.sources)
    return None


def quoted_scope(doc, scope, start):
    return scope.quote or quoted(doc.text, start, start + 1)


_ANAPHORA = rx(r"\b(?:the|this|that|these|those|the\s+same|our|their)\s+"
                      r"(?:\w+\s+)?(?:study|studies|trial|trials|research|analysis|review|paper)\b", re.I)


_OWN = lazy(r"\b(?:our|my|we)\s+(?:\w+\s+){0,2}?(?:data|results|findings|study|trial|research|"
          r"analysis|work|survey)?\s*$|\b(?:our|my)\s+(?:\w+\s+){0,2}$", re.I)


def _evidence(view, scope, rule):
    doc = view.doc
    if scope.is_heading:
        return None
    terms = rule.matcher("terms")
    m = terms.search(doc.prose, scope.start, scope.end) \
        if terms is not None and view.may_match(terms, scope.text) else None
    if m is None or negated(doc.prose, m.start(), scope.start, model_=view.modifiers):
        return None
    if _OWN.search(doc.prose, max(scope.start, m.start() - 30), m.start()):
        return None  # "our data show": the writer reports their own work
    # A sentence whose figures the reference confirms is supported whoever it credits.
    if any(r.supported and r.fact is not None for r in view.verdicts_by_sentence.get(scope.sentence, ())):
        return None
    # "The study found ..." leans on a study named just before.
    if _ANAPHORA.search(doc.prose, max(scope.start, m.start() - 25), m.end()) and any(
            view.cites(t) for t in scope.before[:3]):
        return None
    found = " ".join(m.group(0).split())
    return Finding(rule.code, rule.category, rule.severity, m.start(), m.end(),
                   rule.message.format(match=found), found=found)


# A rate whose subject is the writer's own organisation: "We see ...", "Our program treats ...".
_OUR = lazy(r"\b(?:we|our)\s+(?:[\w'\u2019-]+\s+){0,4}$", re.I)


def _statistic(view, scope, rule):
    doc = view.doc
    if scope.is_heading:
        return None
    near = rule.matcher("near")
    health = near is None or (view.may_match(near, scope.text) and near.search(scope.text) is not None)
    exceptions = rule.matcher("exceptions")
    spans = [m.span() for m in exceptions.finditer(doc.prose, scope.start, scope.end)] \
        if exceptions is not None and view.may_match(exceptions, scope.text) else []
    scopes = view.modifiers
    for r in view.verdicts_by_sentence.get(scope.sentence, ()):
        q = r.quantity
        if r.supported or r.problem is not None or q.attributive:
            continue
        rate = q.kind == "count" and _PEOPLE.match(doc.prose, q.end) \
            and scopes.governed(doc.prose, q.start, ("per-time",), scope.start, q.end)
        if q.kind not in CLAIM_KINDS and not rate:
            continue  # a count is a statistic when it is a rate: "5,000 children a year"
        if not health:
            continue  # a share of doses, of a budget or of a plan is no health claim
        if rate and _OUR.search(doc.prose, max(scope.start, q.start - 50), q.start):
            continue  # "our clinic sees 60 new patients a year": the organisation's own figure
        if any(a <= q.start and q.end <= b for a, b in spans):
            continue  # a tally with its counts: the writer's own data
        if quoted(doc.text, q.start, q.end):
            continue  # someone else's words, reported as theirs
        if _given(view, r) or _restated(view, r):
            continue  # the reference gives this figure, or it restates one the text gave
        found = " ".join(q.text.split())
        return Finding(rule.code, rule.category, rule.severity, q.start, q.end,
                       rule.message.format(match=found), found=found)
    return None


def _given(view, r) -> bool:
    """Whether a reference fact gives this value for the key terms and subject the sentence
    states, though the number's claim frame kept it from being tied ("... and about half of all
    relapses happen in children first classed as standard risk", where the sentence's other
    clause lends a measure): a figure the reference supports is not unsupported; whether it is
    stated for the right measure is the statistic kind's question."""
    return any(c.value is not None and c.strong
               for c in candidates(r.quantity, r.scope, view.factbase, view.doc.prose))


def _restated(view, r) -> bool:
    """Whether a share only restates another the text gives: a value of a study's fact that a
    figure a few sentences before was tied to, with the study named again ("In AALL0031, 70% ...
    transplant did best, 70 percent versus 65 percent for the imatinib group"); the rest of a
    share stated just before ("94% survive five years ... the 6% who don't"); or the starting
    value of a trend whose present value the reference supports ("rose to 90 percent from 84
    percent")."""
    q = r.quantity
    if q.kind != "percent" or q.relative or q.value is None or r.frame is None:
        return False
    here = view.scope_index.get(id(r.scope), -1)
    # The facts tied to figures of the four sentences before this one.
    tied = {v.fact.id: v.fact for v in (view.verdicts_around(here - 1, 3) if here > 0 else ())
            if v.fact is not None and v.fact.subject is not None}
    exact = q.qualifier == "exact" and not q.vague  # "~half" is no study's figure restated
    if exact and any(f.subject.search(r.scope.text) and any(value_matches(q, val, f) for val in f.values)
                     for f in tied.values()):
        return True

    def others():  # the shares of this sentence and the three before it
        return (v for v in (view.verdicts_around(here, 3) if here >= 0 else ())
                if v is not r and v.quantity.kind == "percent"
                and v.quantity.value is not None and not v.quantity.relative)

    if (r.frame.measure or "").startswith("not-") and any(
            v.quantity.start < q.start and abs(v.quantity.value + q.value - 100) <= 0.5
            for v in others()):
        return True
    return "historical" in r.frame.modifiers and any(
        v.scope is r.scope and v.supported and v.fact is not None for v in others())


_PEOPLE = lazy(r"\s+(?:[\w-]+\s+){0,2}?(?:children|kids|babies|infants|people|patients|adults|"
             r"teens|teenagers|adolescents|cases|deaths|boys|girls|families)\b", re.I)


def _comparison(view, scope, rule):
    """A comparison of benefit or harm between treatments that no fact backs and no source names."""
    if scope.is_heading or any(r.fact is not None
                               for r in view.verdicts_by_sentence.get(scope.sentence, ())):
        return None
    if _ANAPHORA.search(scope.text) and any(view.cites(t) for t in scope.before[:3]):
        return None  # "this study ..." leans on a study named just before
    return _claim_words(view, scope, rule)


def _causal(view, scope, rule):
    if any(r.fact is not None for r in view.verdicts_by_sentence.get(scope.sentence, ())):
        return None  # its figures are tied to a fact: the statistic checker judges the claim
    return _claim_words(view, scope, rule)


def _claim_words(view, scope, rule):
    doc = view.doc
    terms = rule.prepared
    m = terms.search(doc.prose, scope.start, scope.end) \
        if terms is not None and view.may_match(terms, scope.text) else None
    if m is None or view.quiet(rule, m.start(), m.end(), scope.sentence):
        return None
    near = rule.matcher("near")
    if near is not None and not (view.may_match(near, scope.text) and near.search(scope.text)):
        return None
    if purpose(doc.prose, m.start(), scope.start, scope.end, model=view.modifiers):
        return None  # "infusions to help prevent infections": an aim, not a claim
    for fact in view.fact_screens(scope.text)[1]:  # those whose every group may match
        if all(g.search(scope.text) for g in fact.claim):
            return None
    found = " ".join(m.group(0).split())
    return Finding(rule.code, rule.category, rule.severity, m.start(), m.end(),
                   rule.message.format(match=found), found=found)


CHECKS = {"contradiction": _contradiction, "disputed": _disputed, "evidence": _evidence,
          "statistic": _statistic, "causal": _causal, "comparison": _comparison}
