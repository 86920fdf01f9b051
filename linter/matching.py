"""Decide which fact a stated number is about, and whether its value agrees.

A fact is a candidate for a number when the number's kind fits, every key term group of the
fact appears in the sentence, and the fact's subject (a drug, a trial) is named in the sentence
or in the text before it without another treatment standing nearer. Candidates are scored on
how close their terms sit to the number, on a matching value (a decimal such as 84.8 is a
fingerprint), and on the partner of a "96% vs 87.9%" pair; the best one wins only by a margin.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from linter.context import Scope
from linter.factbase import Fact, FactBase, Value, clause_bounds
from linter.quantities import Quantity
from linter.regexcache import compile as rx

POPULATION_NOUNS = rx(
    r"(?:the|their|his|her|its|all|these|those|our|such|newly|diagnosed|young|\s)*\s*"
    r"(?:[\w-]+\s+){0,2}?"
    r"(children|child|kids?|patients?|infants?|babies|baby|people|participants|cases|relapses?|"
    r"deaths|those|them|these|adults|adolescents|boys|girls|families|survivors|responders|"
    r"pediatric|paediatric|childhood|B-ALL|T-ALL|ALL|leuk|infant|newly|randomi|treated|recipients|"
    r"young|kmt2a|standard|high|the\s+\w+\s+group)", re.I)
_PAIR_JOIN = rx(
    r"^\s*(?:\([^()]*\))?\s*(?:(?:with|in|on|for|among)\s+[^,;.%]{0,45}?)?[,;]?\s*"
    r"(vs\.?|versus|compared\s+(?:with|to)|against|and|to|from|or)\s*(?:the\s+)?$", re.I)
_DIFFERENCE = rx(r"\b(?:difference|absolute|gap|higher|lower|more|fewer|better|improvement|"
                         r"benefit)\b", re.I)
_NEGATED = rx(r"\bnot\s+(?:about\s+|the\s+)?$", re.I)
_FOLLOW_UP = rx(r"(?:follow[\s-]?up|median|after\s+a\s+median)[^.;]{0,25}$", re.I)
_TIME_CUE = rx(
    r"(?:\b(?:at|after|over|by|within)\s+$)|(?:^\s*(?:later|after\s+(?:diagnosis|treatment)|on|out)\b)", re.I)


@dataclass
class Candidate:
    fact: Fact
    score: float
    value: Value | None  # the value of the fact the number matches, if any
    strong: bool  # enough evidence to say a non-matching number is wrong
    partner: bool = False
    notes: list = field(default_factory=list)


def quantity_arm(q: Quantity, scope: Scope, fact: Fact, doc_prose: str) -> str | None:
    """The arm a number is stated for, from a cue right after it (or a table column header)."""
    if scope.cells:
        # The number's column header, then the row's own label cells ("Chemotherapy alone").
        column = next((i for i, (a, b) in enumerate(scope.cells) if a <= q.start < b), None)
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


PEOPLE = {"children", "child", "kids", "kid", "patients", "patient", "infants", "infant", "babies",
          "baby", "people", "participants", "adults", "adolescents", "teenagers", "young people",
          "boys", "girls", "cases", "families"}


def same_noun(found: str, unit: str) -> bool:
    """Whether a counted noun ("babies") fits a fact's unit ("children")."""
    found, unit = found.lower().split()[-1:] or [""], unit.lower().split()[-1:] or [""]
    found, unit = found[0], unit[0]
    if not unit or not found:
        return True
    if found in PEOPLE and unit in PEOPLE:
        return True
    return found.rstrip("s") == unit.rstrip("s") or found.startswith(unit.rstrip("s"))


_NUMBER_LABEL = rx(r"(?:\bn\s*=\s*|:\s*|\(\s*)$", re.I)


def labelled_number(q: Quantity, fact: Fact, prose: str, scope: Scope) -> bool:
    """A bare number ("1,440", "30") counts as a fact's figure only when labelled: "n = 30",
    "Randomized: 1,440", or right after the fact's own terms ("randomized 1,440 children")."""
    before = prose[max(scope.start, q.start - 30):q.start]
    if _NUMBER_LABEL.search(before):
        return True
    terms = fact.endpoint_terms
    return terms is not None and any(m.end() >= len(before) - 2 for m in terms.finditer(before))


def tolerance(q: Quantity, ref: float) -> float:
    if q.qualifier in ("about", "nearly") or q.words:
        if q.kind in ("percent", "pp"):
            return max(0.06 * abs(ref), min(2.5, 0.3 * abs(ref)))
        return max(0.1 * abs(ref), 1)
    return 0.5 * 10 ** (-q.decimals) + 1e-9


_MONTHS = {"day": 1 / 30.4, "days": 1 / 30.4, "week": 12 / 52, "weeks": 12 / 52, "month": 1,
           "months": 1, "year": 12, "years": 12}


def in_fact_units(q: Quantity, fact: Fact) -> Quantity:
    """A duration or age restated in the unit of the fact (18 months -> 1.5 years)."""
    if q.kind not in ("duration", "age") or q.unit not in _MONTHS or fact.unit.strip() not in _MONTHS:
        return q
    factor = _MONTHS[q.unit] / _MONTHS[fact.unit.strip()]
    if abs(factor - 1) < 1e-9:
        return q
    conv = (lambda x: None if x is None else x * factor)
    return Quantity(q.start, q.end, q.text, q.kind, conv(q.value), conv(q.low), conv(q.high),
                    fact.unit.strip(), q.qualifier, q.relative, q.direction, q.attributive,
                    max(q.decimals, 1) if factor < 1 else q.decimals, q.words, q.noun)


def value_matches(q: Quantity, v: Value, fact: Fact) -> bool:
    q = in_fact_units(q, fact)
    dlo, dhi = q.bounds
    refs = [(v.low, v.high)] + [(a, a) for a in v.also]
    for rlo, rhi in refs:
        ref_round = 0.5 * 10 ** (-v.decimals) + 1e-9
        if fact.qualifier in ("under", "over", "at-least", "at-most") and q.low is None:
            # A threshold ("WBC < 50,000"): the number itself must be the threshold.
            if abs(q.value - rlo) <= max(tolerance(q, rlo), ref_round):
                return True
            continue
        if q.low is not None:  # a range in the draft
            tol = max(tolerance(q, rlo), ref_round) if q.qualifier == "about" else ref_round
            if rlo == rhi:  # it must contain the reference value
                if dlo - tol <= rlo <= dhi + tol:
                    return True
                continue
            if fact.kind == "yearspan":  # a period: both years must be right
                if dlo == rlo and dhi == rhi:
                    return True
                continue
            # Against a reference range: the same range, or one inside the other.
            if (abs(dlo - rlo) <= tol and abs(dhi - rhi) <= tol) or (dlo - tol <= rlo and rhi <= dhi + tol) \
                    or (rlo - tol <= dlo and dhi <= rhi + tol):
                return True
            continue
        d = q.value
        tol = max(tolerance(q, rlo), ref_round)
        if q.qualifier in ("exact", "about"):
            if rlo - tol <= d <= rhi + tol:
                return True
        elif q.qualifier == "nearly":  # just under the number: "nearly 9 in 10" for 87.9
            if rhi >= d - tol and rlo <= d + ref_round:
                return True
        elif q.qualifier == "over":
            if rhi > d - ref_round:
                return True
        elif q.qualifier == "at-least":
            if rhi >= d - ref_round:
                return True
        elif q.qualifier == "under":
            if rlo < d + ref_round:
                return True
        elif q.qualifier == "at-most":
            if rlo <= d + ref_round:
                return True
    return False


def _subject_level(fact: Fact, scope: Scope, fb: FactBase, at: int | None = None) -> int | None:
    """2 = named in the sentence, 1 = named earlier, 0 = fact has no subject, None = not about it.

    Looking back from the sentence, the first text that names any treatment or trial decides:
    it must name more of the fact's own subjects than of other ones. Within the sentence, when a
    position is given, the subject named nearest before it decides ("blinatumomab ...;
    tisagenlecleucel ... 52%" is about tisagenlecleucel).
    """
    if fact.subject is None:
        return 0
    others = [p for name, p in fb.subjects.items() if name not in fact.subject_groups]
    if at is not None:
        # Trials and populations decide before drugs: "EsPhALL2010: imatinib 340" is EsPhALL's.
        local = at - scope.start
        found = fb.mentions(scope.text)
        for names in (fb.anchors, fb.treatments):
            mine = [p for name in names if name in fact.subject_groups
                    for p in found[name] if p < local]
            theirs = [p for name in names if name not in fact.subject_groups
                      for p in found[name] if p < local]
            if mine and (not theirs or max(mine) > max(theirs)):
                return 2
            if theirs and (not mine or max(theirs) > max(mine)):
                return None
    levels = [(scope.text, 2)]
    if scope.header:
        levels.append((scope.header, 2))
    if scope.table:
        levels.append((scope.table, 1))
    levels += [(t, 1) for t in scope.before] + [(scope.heading, 1), (scope.title, 1)]
    for text, level in levels:
        if not text:
            continue
        mine = sum(1 for p in fact.subject_parts if p.search(text))
        theirs = sum(1 for p in others if p.search(text))
        if mine and mine > theirs:
            return level
        if theirs:
            return None
    return None


def _nearest(pattern, text: str, a: int, b: int, lo: int = 0, hi: int | None = None):
    """The match of pattern nearest the span [a, b) of text and inside text[lo:hi]."""
    best = None
    if pattern is None:
        return None
    hi = len(text) if hi is None else hi
    for m in pattern.finditer(text):
        if m.start() < lo or m.end() > hi:
            continue
        d = max(m.start() - b, a - m.end(), 0)
        if best is None or d < best[0]:
            best = (d, m)
    return best


def _tiers(scope: Scope, prose: str, q: Quantity):
    """The text around a number, from nearest to widest: clause, ;-segment, sentence."""
    c_lo, c_hi = clause_bounds(prose, scope.start, scope.end, q.start, q.end)
    s_lo, s_hi = scope.start, scope.end
    for m in re.finditer(";", prose[scope.start:scope.end]):
        pos = scope.start + m.start()
        if pos < q.start:
            s_lo = pos + 1
        elif pos >= q.end:
            s_hi = pos
            break
    # "Label: value" (a list item, a table-like line): the label belongs to the clause.
    if re.search(r":\s*$", prose[s_lo:c_lo]) and c_lo - s_lo <= 80:
        c_lo = s_lo
    return [(c_lo, c_hi), (s_lo, s_hi), (scope.start, scope.end)]


def arm_difference(fact: Fact) -> Value | None:
    """Treatment minus comparator, in percentage points, for a two-arm percent fact."""
    t = next((v for v in fact.values if v.arm == "treatment" and v.point), None)
    c = next((v for v in fact.values if v.arm == "comparator" and v.point), None)
    if fact.kind != "percent" or t is None or c is None:
        return None
    d = round(t.low - c.low, max(t.decimals, c.decimals))
    return Value(d, d, max(t.decimals, c.decimals), "overall", "absolute difference", None, (), None)


def candidates(q: Quantity, scope: Scope, fb: FactBase, prose: str, partner=None,
               lean_back: bool = False) -> list[Candidate]:
    """Facts this number may be about, best first.

    With lean_back, a fact's key terms may also come from the sentence before (for "It's about
    three-quarters." after a sentence naming KMT2A); such candidates only ever support a number.
    """
    if q.kind == "percent" and not q.relative:
        of = re.match(r"\s*of\s+(.{0,40})", prose[q.end:scope.end], re.I | re.S)
        if of and not POPULATION_NOUNS.match(of.group(1)):
            return []
    tiers = _tiers(scope, prose, q)
    clause = prose[tiers[0][0]:tiers[0][1]]
    segment = prose[tiers[1][0]:tiers[1][1]]
    if scope.cells:  # a column header labels every value under it
        clause = clause + " \n " + scope.header
        segment = segment + " \n " + scope.header
    key_text = scope.key_text
    if lean_back:
        key_text = key_text + " \n " + (scope.before[0] if scope.before else "")
    out = []
    for fact in fb.by_kind.get(q.kind, ()):
        if q.kind == "percent" and q.relative != fact.relative:
            continue
        if q.kind == "count" and not same_noun(q.unit, fact.unit):
            continue
        if q.kind == "number" and not labelled_number(q, fact, prose, scope):
            continue
        diff = None
        if q.kind == "pp" and not fact.relative and fact.kind != "pp":
            diff = arm_difference(fact)
            if diff is None:
                continue
        score = 0.0
        in_clause = True
        ok = True
        any_in_clause = not fact.keys
        if q.kind == "pp" and not fact.relative and fact.kind != "pp":
            # An absolute difference between the arms: "the difference was about 8 points".
            keys = [] if _DIFFERENCE.search(clause) else fact.keys
        else:
            keys = fact.keys
        for group in keys:
            if group is None:
                continue
            if not group.search(key_text):  # most facts fail here: one memoised lookup
                ok = False
                break
            if group.search(clause):
                score += 3
                any_in_clause = True
            elif group.search(segment):
                score += 1.5
            else:
                score += 1
                in_clause = False
        if not ok:
            continue
        if fact.of is not None and q.noun:
            if not fact.of.search(q.noun):
                continue
            score += 2
        level = _subject_level(fact, scope, fb, q.start)
        if level is None:
            continue
        score += {2: 2, 1: 1, 0: 0}[level]
        if fact.boost is not None and fact.boost.search(key_text):
            score += 1
        endpoint_hit = fact.endpoint_terms is not None and fact.endpoint_terms.search(key_text)
        if endpoint_hit:
            score += 2 if fact.endpoint_terms.search(segment) else 1
        if diff is not None:
            matched = diff if value_matches(q, diff, fact) else None
            if matched is None:
                continue  # an absolute difference is checked only where it agrees
        else:
            matched = next((v for v in fact.values if value_matches(q, v, fact)), None)
        if matched is not None:
            score += 4 if q.decimals or matched.decimals else 3
        has_partner = False
        if partner is not None:
            pq = partner[0]
            if any(value_matches(pq, v, fact) for v in fact.values if v is not matched):
                score += 4
                has_partner = True
        strong = has_partner or (in_clause and any_in_clause and (
            endpoint_hit or fact.endpoint_terms is None or not fact.keys))
        if not fact.keys and not has_partner:
            strong = bool(endpoint_hit) and level == 2 and fact.endpoint_terms.search(segment) is not None
        out.append(Candidate(fact, score, matched, strong and not lean_back, has_partner))
    out.sort(key=lambda c: -c.score)
    return out


def stated_time(q: Quantity, qs: list[Quantity], scope: Scope, prose: str):
    """The time frame a sentence gives for a number: (months, text, start) or None.

    The nearest time expression in the number's clause wins, then in its ;-segment, then in
    the sentence; a follow-up time ("median follow-up of 2.5 years") is not a time frame.
    """
    times = []
    for t in qs:
        if t is q or t.kind != "duration" or t.unit not in ("year", "month") or t.value is None:
            continue
        if _FOLLOW_UP.search(prose[max(scope.start, t.start - 40):t.start]):
            continue
        if not t.attributive:
            lead = prose[max(scope.start, t.start - 8):t.start]
            tail = prose[t.end:min(scope.end, t.end + 20)]
            if not (_TIME_CUE.search(lead) or _TIME_CUE.search(tail)
                    or re.match(r"\s*(?:later|after|on\b)", tail, re.I)):
                continue
        times.append(t)
    for lo, hi in _tiers(scope, prose, q):
        inside = [t for t in times if lo <= t.start and t.end <= hi]
        if inside:
            t = min(inside, key=lambda t: abs(t.start - q.start))
            return t.value * (12 if t.unit == "year" else 1), t.text.strip(), t.start
    if scope.header:  # a table column's header: "3-year DFS"
        from linter.quantities import extract

        for t in extract(scope.header):
            if t.kind == "duration" and t.attributive and t.unit in ("year", "month"):
                return t.value * (12 if t.unit == "year" else 1), t.text.strip(), -1
    return None


def endpoint_conflict(fact: Fact, q: Quantity, scope: Scope, prose: str):
    """The conflicting endpoint named nearest the number, unless a right one is nearer.

    Looks in the number's clause first, then its ;-segment, then the whole sentence.
    """
    if not fact.endpoint_conflicts:
        return None
    text = scope.text
    a, b = q.start - scope.start, q.end - scope.start
    for lo, hi in _tiers(scope, prose, q):
        lo, hi = lo - scope.start, hi - scope.start
        right = _nearest(fact.endpoint_terms, text, a, b, lo, hi)
        wrong = None
        for c in fact.endpoint_conflicts:
            if c.unless is not None and c.unless.search(scope.text):
                continue
            hit = _nearest(c.pattern, text, a, b, lo, hi)
            if hit and (wrong is None or hit[0] < wrong[0][0]):
                wrong = (hit, c)
        if wrong is None and right is None:
            continue
        if wrong is not None and right is not None and wrong[0][1].start() <= right[1].start() \
                and right[1].end() <= wrong[0][1].end():
            right = None  # "survival" inside "event-free survival": the longer phrase decides
        if wrong is None or (right is not None and right[0] <= wrong[0][0]):
            return None
        return wrong[1], wrong[0][1]
    return None


def population_conflict(fact: Fact, scope: Scope, context: bool = False):
    """A phrase naming a population the fact does not cover: in the sentence, or also in the
    text just before it and its heading when `context` is set."""
    texts = [scope.text]
    if context:
        texts += [*scope.before[:2], scope.heading]
    for text in texts:
        for c in fact.population_conflicts:
            m = c.pattern.search(text)
            if m and not (c.unless is not None and c.unless.search(scope.text)):
                return c, m
        if text is not scope.text and fact.subject is not None and fact.subject.search(text):
            break  # the text names this fact's own subject: what came before is not its context
    return None
