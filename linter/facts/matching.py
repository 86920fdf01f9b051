"""Decide which fact a stated number is about, and whether its value agrees.

A fact is a candidate for a number when the number's kind fits, every key term group of the
fact appears in the sentence, and the fact's subject (a drug, a trial) is named in the sentence
or in the text before it without another treatment standing nearer. Candidates are scored on
how close their terms sit to the number, on a matching value (a decimal such as 84.8 is a
fingerprint), and on the partner of a "96% vs 87.9%" pair; the best one wins only by a margin.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from linter.document.scopes import Scope
from linter.facts.attributes import tiers
from linter.facts.base import Fact, FactBase, Value
from linter.facts.decisions import conflicting
from linter.facts.frames import total_before
from linter.facts.reach import reach
from linter.facts.values import arm_difference, same_noun, value_matches
from linter.regexcache import compile as rx
from linter.regexcache import lazy
from linter.text.quantities import Quantity

_VERSUS = lazy(r"\b(?:vs\.?|versus|compared\s+with)\s", re.I)
_PAIR_JOIN = lazy(
    r"^\s*(?:\([^()]*\))?\s*(?:(?:with|in|on|for|among)\s+[^,;.%]{0,45}?)?[,;]?\s*"
    r"(vs\.?|versus|compared\s+(?:with|to)|against|and|to|from|or)\s*(?:the\s+)?$", re.I)
_DIFFERENCE = rx(r"\b(?:difference|absolute|gap|higher|lower|more|fewer|better|improvement|"
                         r"benefit)\b", re.I)


@dataclass
class Candidate:
    fact: Fact
    score: float
    value: Value | None  # the value of the fact the number matches, if any
    strong: bool  # enough evidence to say a non-matching number is wrong
    partner: bool = False


def quantity_arm(q: Quantity, scope: Scope, fact: Fact, doc_prose: str) -> str | None:
    """The arm a number is stated for, from a cue right after it (or a table column header)."""
    if scope.cells:
        # The number's column header, then the row's own label cells ("Chemotherapy alone").
        column = next((i for i, (a, b) in enumerate(scope.cells) if a <= q.start < b), None)
        if column is not None and _VERSUS.search(doc_prose, *scope.cells[column]):
            return None  # "96.0% vs 87.9%" in one cell: the pair's order tells the arms
        labels = []
        if column is not None and column < len(scope.header_cells):
            labels.append(scope.header_cells[column])
        labels += [doc_prose[a:b] for i, (a, b) in enumerate(scope.cells)
                   if i != column and not re.search(r"\d", doc_prose[a:b])]
        for label in labels:
            for v in fact.values:
                if v.cues is not None and v.cues.search(label):
                    return v.arm
        return None
    after = doc_prose[q.end:min(q.end + 45, scope.end)]
    after = re.split(r"\b(?:vs\.?|versus|compared|against)\b|[;,.](?!\d)", after)[0]
    best = None
    for v in fact.values:
        if v.cues is None:
            continue
        m = v.cues.search(after)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), v.arm)
    if best:
        return best[1]
    return None


def pairs(qs: list[Quantity], prose: str, table: bool = False) -> dict:
    """{quantity: (partner, position)} for "A vs B" pairs; position 0 = treatment side.

    In a table row, two numbers in neighbouring cells are a pair in column order.
    """
    out = {}
    for a, b in zip(qs, qs[1:]):
        if a.kind != b.kind or a.kind in ("yearspan", "p-value"):
            continue
        between = prose[a.end:b.start]
        if table and not between.strip():
            out[a], out[b] = (b, 0), (a, 1)
            continue
        m = _PAIR_JOIN.match(between)
        if not m or len(between) > 70:
            continue
        joiner = m.group(1).lower()
        lead = prose[max(0, a.start - 6):a.start].lower()
        if joiner == "to" and "from" in lead:  # "from B to A": B is the comparator
            out[a], out[b] = (b, 1), (a, 0)
        elif joiner == "from":  # "to A, from B"
            out[a], out[b] = (b, 0), (a, 1)
        elif joiner in ("to", "or"):
            continue
        else:
            out[a], out[b] = (b, 0), (a, 1)
    return out


_NUMBER_LABEL = rx(r"(?:\bn\s*=\s*|:\s*|\(\s*)$", re.I)


def labelled_number(q: Quantity, fact: Fact, prose: str, scope: Scope) -> bool:
    """A bare number ("1,440", "30") counts as a fact's figure only when labelled: "n = 30",
    "Randomized: 1,440", or right after the fact's own terms ("randomized 1,440 children")."""
    before = prose[max(scope.start, q.start - 30):q.start]
    if _NUMBER_LABEL.search(before):
        return True
    terms = fact.endpoint_terms
    return terms is not None and any(m.end() >= len(before) - 2 for m in terms.finditer(before))


def subject_level(fact: Fact, scope: Scope, fb: FactBase, at: int | None = None) -> int | None:
    """2 = named in the sentence, 1 = named earlier, 0 = fact has no subject, None = not about it.

    Looking back from the sentence, the first text that names any treatment or trial decides:
    it must name more of the fact's own subjects than of other ones. Within the sentence, when a
    position is given, the trial named nearest the number decides, else the treatment
    ("blinatumomab ...; tisagenlecleucel ... 52%" is about tisagenlecleucel; "imatinib 340 mg/m²
    in EsPhALL2010" is EsPhALL's). The answers are the sentence's (linter.facts.reach).
    """
    return reach(scope, fb).subject_level(fact, at)


_SHARE_OF = rx(r"\s*of\s+(.{0,40})", re.I | re.S)
_OF_WHOLE = rx(r"\s+(?:out\s+)?of\s+(?:the\s+|all\s+|these\s+|those\s+)?(\d[\d,]*)\b(?!\s*%)", re.I)
_PART_OF = rx(r"(?<![\d.,])(\d[\d,]*)\s+(?:out\s+)?of\s+(?:the\s+|all\s+|these\s+|those\s+)?$", re.I)


def _other_side(q: Quantity, prose: str, lo: int, hi: int) -> float | None:
    """In "X of N", the other number: N for the part X, X for the whole N. A fact about one of
    them is not a fact about the other ("28 of 30 babies": 28 is not the enrolment of 30; nor
    is 718 in "1,440 randomized (718 ..., 722 ...)")."""
    if q.kind not in ("count", "number"):
        return None
    m = _OF_WHOLE.match(prose, q.end, hi) or _PART_OF.search(prose, max(lo, q.start - 30), q.start)
    return float(m.group(1).replace(",", "")) if m else total_before(q, prose, lo)


def _both_arms(a: Quantity, b: Quantity, fact: Fact) -> bool:
    values = fact.decimal_values
    if len(values) < 2:
        return False
    va = next((v for v in values if value_matches(a, v, fact)), None)
    vb = next((v for v in values if v is not va and value_matches(b, v, fact)), None)
    return va is not None and vb is not None


def candidates(q: Quantity, scope: Scope, fb: FactBase, prose: str, partner=None,
               lean_back: bool = False, fr=None, qs=()) -> list[Candidate]:
    """Facts this number may be about, best first.

    With lean_back, a fact's key terms may also come from the sentence before (for "It's about
    three-quarters." after a sentence naming KMT2A); such candidates only ever support a number.
    With a claim frame `fr`, a fact that conflicts with it on a slot is no candidate
    (decisions.conflicting); the question a sentence answers counts as part of the sentence.
    """
    if q.kind == "percent" and not q.relative:
        of = _SHARE_OF.match(prose, q.end, scope.end)  # in place: a sentence may be megabytes
        if of and fb.population_nouns is not None and not fb.population_nouns.match(of.group(1)):
            return []
    key_text = scope.key_text
    # An answer takes its question's words; a sentence that points back, its antecedent's.
    lent = " \n ".join(t for t in (fr.question, fr.antecedent) if t) if fr is not None else ""
    if lent:
        key_text = f"{key_text} \n {lent}"
    if lean_back:
        key_text = key_text + " \n " + (scope.before[0] if scope.before else "")
    # Looked up first, searched after: a fact whose key terms or subject cannot occur here is
    # skipped unread (two decimals may name a fact by value; a difference needs no key terms).
    by_value = partner is not None and q.decimals > 0 and partner[0].decimals > 0
    here = reach(scope, fb)
    facts = here.facts_for(q.kind, None if by_value else fb.heads.present(key_text))
    if not facts:
        return []
    (c_lo, c_hi), (s_lo, s_hi), _ = tiers(scope, prose, q)
    clause = prose[c_lo:c_hi]
    segment = prose[s_lo:s_hi]
    if scope.cells:  # a column header labels every value under it
        clause = clause + " \n " + scope.header
        segment = segment + " \n " + scope.header
    if lent:
        segment, clause = f"{segment} \n {lent}", f"{clause} \n {lent}"
    other = _other_side(q, prose, scope.start, scope.end)
    kind = q.kind
    # An absolute difference between the arms: "the difference was about 8 points".
    difference_said = kind == "pp" and _DIFFERENCE.search(clause) is not None
    every_key = here.every_key(key_text)
    if not by_value and kind != "pp":  # no fact lacking a key group is a candidate then
        facts = here.keyed(facts, key_text)
    out = []
    for fact in facts:
        if other is not None and any(v.low <= other <= v.high for v in fact.values):
            continue  # "28 of 30 babies": the fact is about the other number
        if kind == "percent":
            if q.relative != fact.relative:
                continue
        elif kind == "count":
            if not same_noun(q.unit, fact.unit, fb.people):
                continue
        elif kind == "number":
            if not labelled_number(q, fact, prose, scope):
                continue
        diff = None
        keys = fact.key_groups
        if kind == "pp" and not fact.relative and fact.kind != "pp":
            diff = arm_difference(fact)
            if diff is None:
                continue
            if difference_said:
                keys = ()
        named = True
        if keys:
            named = every_key.get(fact)
            if named is None:  # most facts fail here: answered once per fact and text
                named = every_key[fact] = here.names_every_key(fact, key_text)
            # Two decimals that are exactly a fact's two arms ("97.5% versus 90.2%") name it by
            # value: each key group the text lacks scores as its words would (below).
            if not named and not (by_value and _both_arms(q, partner[0], fact)):
                continue
        if fact.of is not None and q.noun and not fact.of.search(q.noun):
            continue
        level = 0 if fact.subject is None else here.subject_level(fact, q.start)
        if level is None and fact.population_terms is not None and not here.names_treatment() \
                and fact.population_terms.search(scope.text):
            level = 1  # the fact's own population, named with no other treatment, resolves it
        if level is None or here.approved(fact, c_lo, c_hi):
            continue  # (a figure stated for a drug's approval or label is not a trial's)
        # The frame's slots last: most facts have failed on their key terms by now.
        if fr is not None and conflicting(fact, fr, q, qs, scope, prose, fb):
            continue
        # Scored once a candidate (each question above only rejects, so the order is free).
        score = 0.0
        in_clause = True
        any_in_clause = not fact.keys
        for group in keys:
            if not named and not here.search(group, key_text):
                score += 3
            elif group.search(clause):
                score += 3
                any_in_clause = True
            elif group.search(segment):
                score += 1.5
            else:
                score += 1
                in_clause = False
        if fact.of is not None and q.noun:
            score += 2
        score += level  # 2 named in the sentence, 1 before it, 0 a fact without a subject
        if fact.boost is not None and here.search(fact.boost, key_text):
            score += 1
        endpoint_hit = fact.endpoint_terms is not None and here.search(fact.endpoint_terms, key_text)
        if endpoint_hit:
            score += 2 if fact.endpoint_terms.search(segment) else 1
        if diff is not None:
            matched = diff if value_matches(q, diff, fact) else None
            if matched is None:
                continue  # an absolute difference is checked only where it agrees
        else:
            matched = None
            for v in fact.values:
                if value_matches(q, v, fact):
                    matched = v
                    break
        if matched is not None:
            score += 4 if q.decimals or matched.decimals else 3
        has_partner = False
        if partner is not None:
            pq = partner[0]
            for v in fact.values:
                if v is not matched and value_matches(pq, v, fact):
                    score += 4
                    has_partner = True
                    break
        # The number's own words naming the fact's measure state its endpoint as well as its terms.
        stated = fr is not None and fr.measure is not None and fr.measure == fact.measure
        # Two or more key groups, all in the number's clause, identify a fact as well as its endpoint.
        own_words = stated and fr.measure_from != "sentence"  # in its clause, cell or question
        strong = has_partner or (in_clause and (any_in_clause or own_words) and (
            endpoint_hit or stated or fact.endpoint_terms is None or not fact.keys
            or len(fact.key_groups) >= 2))
        if not fact.keys and not has_partner:
            # With no key terms, the number's own words must name the measure and the subject must
            # be resolved: in the sentence, or before it when the measure is the frame's.
            strong = bool(endpoint_hit) and fact.endpoint_terms.search(segment) is not None and (
                level == 2 or (stated and level == 1))
        out.append(Candidate(fact, score, matched, strong and not lean_back, has_partner))
    out.sort(key=lambda c: -c.score)
    return out
