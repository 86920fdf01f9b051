"""Wrong statistics (rules/statistics.yaml): the problems the per-number verdicts found
(linter/facts/verdicts.py), each reported by the loaded rule whose `check` it fails.

Checks: value, endpoint, time (time frame), population, direction (direction or arms swapped),
relative (a relative change stated as percentage points); and unchecked: a sentence too long to
weigh its figures (facts/verdicts.py LONGEST_SENTENCE), reported once. The rule gives the code, category,
severity and message ('"{match}" {detail}'); a finding about a disputed or only reported
fact is at most a warning.
With no rule for a check loaded, its problems are not reported.
"""
from __future__ import annotations

from linter.facts.verdicts import LONGEST_SENTENCE, overlong
from linter.finding import Finding

KINDS = ("statistic",)
CHECKS = ("value", "endpoint", "time", "population", "direction", "relative", "unchecked")


def check(view, rules):
    by_check = rules_by_check(rules)
    for verdict in view.verdicts:
        finding = report(verdict.problem, by_check)
        if finding is not None:
            yield finding
    rule = by_check.get("unchecked")
    if rule is not None:
        for scope in overlong(view.scopes):
            yield unchecked(scope, rule)


def unchecked(scope, rule) -> Finding:
    """The notice for a sentence whose figures were not weighed: it quotes the sentence's first
    words and gives its length."""
    words = scope.text[:80].split()[:6]
    match = " ".join(words) + " ..."
    detail = f"{scope.end - scope.start:,} characters, over {LONGEST_SENTENCE:,}"
    return Finding(rule.code, rule.category, rule.severity, scope.start, scope.end,
                   rule.message.format(match=match, detail=detail))


def rules_by_check(rules) -> dict:
    """{check: the first loaded rule for it}."""
    by_check: dict = {}
    for rule in rules:
        by_check.setdefault(rule.check, rule)
    return by_check


def report(p, by_check):
    """The finding for a verdict's problem, by the loaded rule for its check (None: no problem,
    or no rule for it)."""
    rule = by_check.get(p.check) if p is not None else None
    if rule is None:
        return None
    severity = p.fact.capped(rule.severity) if p.fact is not None else rule.severity
    return Finding(rule.code, rule.category, severity, p.start, p.end,
                   rule.message.format(match=p.match, detail=p.detail), fact=p.fact_id,
                   found=p.found, expected=p.expected, sources=p.sources)
