"""Claims stretched beyond what a study covered, using the fact base:

- population (OVER006): a treatment's benefit stated for a population the study excluded
  ("the benefit applies equally to NCI high-risk B-ALL" when the trial was standard-risk);
- design (OVER007): a causal or comparative claim that a single-arm study with historical
  controls cannot support ("this study proves blinatumomab causes fewer side effects").
Sentences whose numbers the statistic checker tied to a fact are left to it.
"""
from __future__ import annotations

from linter.facts.attributes import population_conflict
from linter.facts.matching import subject_level
from linter.finding import Finding

KINDS = ("scope",)


def check(view, rules):
    doc = view.doc
    fb = view.factbase
    tied = {r.scope.sentence for r in view.verdicts if r.fact is not None}
    for scope in view.scopes:
        if scope.is_heading:
            continue
        for rule in rules:
            if rule.check == "population" and scope.sentence in tied:
                continue  # the statistic checker already judged this sentence's population
            terms = rule.matcher("terms")
            m = terms.search(doc.prose, scope.start, scope.end) if terms is not None else None
            if m is None or view.quiet(rule, m.start(), m.end(), scope.sentence):
                continue
            finding = CHECKS[rule.check](doc, scope, rule, m, fb)
            if finding is not None:
                yield finding
                break


def _population(doc, scope, rule, m, fb):
    """Flag when every fact about the sentence's treatment (narrowed to the endpoint it names)
    excludes the population it names: if one of them covers it, the claim may be about that one."""
    about = []
    for fact in fb.facts:
        if fact.subject is None or fact.design not in ("randomized", "single-arm") \
                or not fact.population_conflicts:
            continue
        if subject_level(fact, scope, fb) is None:
            continue
        about.append(fact)
    named = [f for f in about if f.endpoint_terms is not None and f.endpoint_terms.search(scope.text)]
    if named:
        about = named
    if not about or not any(f.subject.search(scope.text) for f in about) and not named:
        return None
    hits = []
    for fact in about:
        hit = population_conflict(fact, scope)
        if hit is None:
            return None
        hits.append((fact, hit))
    fact, (conflict, pm) = hits[0]
    start = scope.start + pm.start()
    message = rule.message.format(match=pm.group(0), population=fact.population_name,
                                     says=conflict.says)
    return Finding(rule.code, rule.category, fact.capped(rule.severity), start,
                   scope.start + pm.end(), message, fact=fact.id, found=pm.group(0),
                   expected=fact.population_name, sources=fact.sources)


def _design(doc, scope, rule, m, fb):
    context = " ".join((*scope.before, scope.heading, scope.title))
    for fact in fb.facts:
        if fact.design != "single-arm" or not fact.subject_parts:
            continue
        in_sentence = sum(1 for p in fact.subject_parts if p.search(scope.text))
        anywhere = sum(1 for p in fact.subject_parts if p.search(scope.text) or p.search(context))
        if in_sentence == 0 or anywhere < 2 or subject_level(fact, scope, fb) is None:
            continue
        found = " ".join(m.group(0).split())
        message = rule.message.format(match=found)
        return Finding(rule.code, rule.category, fact.capped(rule.severity), m.start(), m.end(),
                       message, fact=fact.id, found=found,
                       expected="a single-arm study compared with historical controls",
                       sources=fact.sources)
    return None


CHECKS = {"population": _population, "design": _design}
