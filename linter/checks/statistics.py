"""Wrong statistics (rules/statistics.yaml): the problems the per-number verdicts found
(linter/facts/verdicts.py), each reported by the loaded rule whose `check` it fails.

Checks: value, endpoint, time (time frame), population, direction (direction or arms swapped),
relative (a relative change stated as percentage points). The rule gives the code, category,
severity and message ('"{match}" {detail}'); a finding about a disputed or only reported
fact is at most a warning.
With no rule for a check loaded, its problems are not reported.
"""
from __future__ import annotations

from linter.finding import Finding

KINDS = ("statistic",)
CHECKS = ("value", "endpoint", "time", "population", "direction", "relative")


def check(view, rules):
    by_check = {}
    for rule in rules:
        by_check.setdefault(rule.check, rule)
    for verdict in view.verdicts:
        p = verdict.problem
        rule = by_check.get(p.check) if p is not None else None
        if rule is None:
            continue
        severity = p.fact.capped(rule.severity) if p.fact is not None else rule.severity
        yield Finding(rule.code, rule.category, severity, p.start, p.end,
                      rule.message.format(match=p.match, detail=p.detail), fact=p.fact_id,
                      found=p.found, expected=p.expected, sources=p.sources)
