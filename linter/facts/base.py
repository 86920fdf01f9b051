"""The fact base compiled for matching: regexes built once per process from the cached data."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from linter.facts.frameterms import FrameTerms
from linter.knowledge.crosscheck import WARN_ONLY, source_refs
from linter.regexcache import lazy
from linter.text.terms import compile_terms, expand, term_pattern

# Which quantity kinds a fact of a given kind can be stated as.
KIND_ACCEPTS = {
    "percent": ("percent", "pp"),
    "count": ("count", "number"),
    "dose": ("dose",),
    "duration": ("duration",),
    "p-value": ("p-value",),
    "ratio": ("ratio",),
    "wbc": ("wbc", "number", "count"),
    "age": ("age", "duration"),
    "pp": ("pp",),
    "yearspan": ("yearspan",),
}


def _shown(x) -> str:
    """A number as written in the data, with thousands separators ("1,444")."""
    s = str(x)
    return f"{int(s):,}" if s.isdigit() and len(s) > 3 else s


def _num(x) -> tuple[float, int]:
    s = str(x)
    return float(s), (len(s.split(".")[1]) if "." in s else 0)


@dataclass(frozen=True)
class Value:
    low: float
    high: float
    decimals: int
    arm: str
    label: str
    cues: object  # compiled regex or None
    also: tuple
    time: float | None
    unit: str | None = None  # the value's own unit, where it differs from the fact's
    others: tuple = ()  # the `also` values that carry a label, as ("90", "all patients")

    @property
    def point(self) -> bool:
        return self.low == self.high

    @cached_property
    def refs(self) -> tuple:  # what a number is compared with: (low, high), then each `also`
        return ((self.low, self.high), *((a, a) for a in self.also))

    @cached_property
    def rounding(self) -> float:  # half the step of the value's last digit, and a hair more
        return 0.5 * 10 ** (-self.decimals) + 1e-9

    def text(self, unit: str) -> str:
        unit = self.unit if self.unit is not None else unit

        def fmt(v):
            if 1900 <= v <= 2100 and not self.decimals and not unit:
                return f"{v:g}"  # a year
            return f"{v:,.{self.decimals}f}" if self.decimals or v >= 1000 else f"{v:g}"
        body = fmt(self.low) if self.point else f"{fmt(self.low)}–{fmt(self.high)}"
        return f"{body}{unit}" if unit in ("%", "") else f"{body} {unit}"

    def described(self, unit: str) -> str:
        """The value with every labelled alternative: "93% (or 90%: all patients)"."""
        unit = self.unit if self.unit is not None else unit
        text = self.text(unit)
        alts = [f"{n}{unit}: {label}" if unit in ("%", "") else f"{n} {unit}: {label}"
                for n, label in self.others]
        return f"{text} (or {'; or '.join(alts)})" if alts else text


@dataclass(frozen=True)
class Conflict:
    pattern: object
    says: str
    unless: object
    error: bool = True  # False: the sentence is about another fact, not wrong about this one


@dataclass(frozen=True)
class Contradiction:
    groups: list
    says: str
    scope: object = None  # the fact's own trial, setting or convention: fire only when named
    outside: object = None  # another setting, where the fact does not speak

    def in_scope(self, sentence: str, context=()) -> bool:
        """Whether a sentence is about this contradiction's own subject: the sentence decides,
        else the nearest earlier text that names a setting; where nothing says, it is not."""
        if self.scope is None and self.outside is None:
            return True
        for text in (sentence, *context):
            if not text:
                continue
            if self.outside is not None and self.outside.search(text):
                return False
            if self.scope is not None and self.scope.search(text):
                return True
        return self.scope is None


class Fact:
    """One fact of the reference, with its term groups compiled."""

    def __init__(self, data: dict, vocabulary: dict, sources: dict):
        self.data = data
        self.id = data["id"]
        self.kind = data.get("quantity", "none")
        self.accepts = KIND_ACCEPTS.get(self.kind, ())
        self.unit = data.get("unit", "%" if self.kind == "percent" else "")
        self.status = data["status"]
        # A disputed fact, or one that rests on a secondary report alone, can only warn.
        self.warn_only = self.status in WARN_ONLY
        self.severity = "warning" if self.warn_only else "error"
        self.relative = data.get("relative", False)
        self.direction = data.get("direction")
        self.qualifier = data.get("qualifier", "exact")
        self.measure = data.get("measure")
        self.design = data["design"]
        self.subject_terms = data.get("subject", [])
        self.subject = compile_terms(self.subject_terms, vocabulary)
        self.subject_groups = frozenset(t[1:] for t in self.subject_terms if t.startswith("@"))
        self.subject_parts = [compile_terms([t], vocabulary) for t in self.subject_terms]
        self.subject_key = tuple(self.subject_terms)  # facts with the same subject share answers
        self.keys = [compile_terms(group, vocabulary) for group in data.get("keys", [])]
        self.key_groups = tuple(g for g in self.keys if g is not None)  # those that can match
        self.boost = compile_terms(data.get("boost", []), vocabulary)
        self.of = compile_terms(data.get("of", []), vocabulary)
        endpoint = data.get("endpoint", {})
        self.endpoint_name = endpoint.get("name", "")
        self.endpoint_terms = compile_terms(endpoint.get("terms", []), vocabulary)
        self.endpoint_conflicts = [self._conflict(c, vocabulary) for c in endpoint.get("conflicts", [])]
        population = data.get("population", {})
        self.population_name = population.get("name", "")
        self.population_terms = compile_terms(population.get("terms", []), vocabulary)
        self.identify = tuple(data.get("identify", ("measure", "subject") if self.subject_terms
                                       else ("measure",)))
        self.population_conflicts = [self._conflict(c, vocabulary) for c in population.get("conflicts", [])]
        self.time = data.get("time", {})
        self.claim = [compile_terms(g, vocabulary) for g in data.get("claim", [])]
        self.contradictions = [Contradiction([compile_terms(g, vocabulary) for g in c["terms"]], c["says"],
                                             compile_terms(c.get("scope", []), vocabulary),
                                             compile_terms(c.get("outside", []), vocabulary))
                               for c in data.get("contradictions", [])]
        self.sources = cited(data, sources)
        self.values = tuple(self._value(v, vocabulary) for v in data.get("values", []))
        self.decimal_values = tuple(v for v in self.values if v.decimals)  # a value's fingerprint
        # The fact's own words (a subgroup named in them is one the fact is about).
        self.own_patterns = tuple(p for p in (
            *self.keys, self.endpoint_terms, self.of, self.subject,
            *(c.pattern for c in (*self.population_conflicts, *self.endpoint_conflicts)))
            if p is not None)

    @staticmethod
    def _conflict(c: dict, vocabulary) -> Conflict:
        return Conflict(compile_terms(c["terms"], vocabulary), c["says"],
                        compile_terms(c.get("unless", []), vocabulary), c.get("error", True))

    @staticmethod
    def _value(v: dict, vocabulary) -> Value:
        if "value" in v:
            x, d = _num(v["value"])
            lo = hi = x
        else:
            lo, d1 = _num(v["low"])
            hi, d2 = _num(v["high"])
            d = max(d1, d2)
        also = tuple(_num(a["value"] if isinstance(a, dict) else a)[0] for a in v.get("also", []))
        others = tuple((_shown(a["value"]), a["label"]) for a in v.get("also", []) if isinstance(a, dict))
        return Value(lo, hi, d, v.get("arm", "overall"), v.get("label", ""),
                     compile_terms(v.get("cues", []), vocabulary), also, v.get("time"), v.get("unit"),
                     others)

    @property
    def time_value(self) -> float | None:
        """The fact's time frame in months, when it has one."""
        t = self.time
        if "value" not in t:
            return None
        return t["value"] * {"day": 1 / 30.4, "week": 12 / 52, "month": 1, "year": 12}[t.get("unit", "year")]

    @property
    def time_label(self) -> str:
        t = self.time
        if t.get("label"):
            return t["label"]
        if "value" in t:
            return f"{t['value']:g}-{t.get('unit', 'year')}"
        if "span" in t:
            return f"{t['span'][0]}–{t['span'][1]}"
        return ""

    def capped(self, severity: str) -> str:
        """A rule's severity for a finding about this fact: at most a warning if it only warns."""
        return "warning" if self.warn_only and severity == "error" else severity

    def expected_text(self, arm: str | None = None) -> str:
        values = [v for v in self.values if arm is None or v.arm == arm] or list(self.values)
        parts = []
        for v in values:
            text = v.text(self.unit)
            if self.relative:
                text += " relative " + {"decrease": "reduction", "increase": "increase"}.get(
                    self.direction, "change")
            if v.label and len(self.values) > 1:
                text += f" ({v.label})"
            parts.append(text)
        # Values of one arm are alternatives (an interim analysis and its update); of two, a comparison.
        out = (" or " if len({v.arm for v in values}) == 1 else " vs ").join(parts)
        extra = ", ".join(x for x in (self.time_label and f"{self.time_label}", self.endpoint_name,
                                      self.population_name) if x)
        return f"{out}; {extra}" if extra else out


def cited(data: dict, sources: dict) -> tuple[str, ...]:
    """The citations a finding shows: publications before source documents, each with where in
    it the figure is ("Locatelli et al., JAMA 2021;325:843, Table 2")."""
    refs = [(i, where) for i, where, _ in source_refs(data) if i in sources]
    shown = [r for r in refs if sources[r[0]].get("kind") != "document"] or refs
    return tuple(sources[i]["short"] + (f", {where}" if where else "") for i, where in shown)


class FactBase:
    def __init__(self, knowledge):
        self.knowledge = knowledge
        vocabulary = knowledge.vocabulary
        self.facts = [Fact(f, vocabulary, knowledge.sources) for f in knowledge.facts]
        self.by_id = {f.id: f for f in self.facts}
        self.by_kind: dict[str, list[Fact]] = {}
        for f in self.facts:
            for k in f.accepts:
                self.by_kind.setdefault(k, []).append(f)
        self.subjects = {name: compile_terms([f"@{name}"], vocabulary)
                         for name in knowledge.subjects if name in vocabulary}
        treatments = set(knowledge.treatments)
        self.treatments = [n for n in self.subjects if n in treatments]
        self._mentions: dict = {}
        self._others: dict = {}
        self.anchors = [n for n in self.subjects if n not in treatments]
        # Trial identifiers ("AALL1731", "CA180-372"): a trial the fact base may not know.
        self.trial_names = compile_terms(["@trial-ids"], vocabulary) if "trial-ids" in vocabulary else None
        # Words that state a drug's approval or label: a figure given with them is not a trial's.
        self.approvals = compile_terms(["@approvals"], vocabulary) if "approvals" in vocabulary else None
        self.population_nouns = _population_nouns(vocabulary)
        self.people = frozenset(t.lower() for t in expand(["@people"], vocabulary))

    def mentions(self, text: str) -> dict:
        """Where each treatment and trial is named in a text: {name: [starts]} (memoised)."""
        hit = self._mentions.get(text)
        if hit is None:
            if len(self._mentions) > 256:
                self._mentions.clear()
            hit = self._mentions[text] = {
                name: [m.start() for m in pattern.finditer(text)]
                for name, pattern in self.subjects.items()}
        return hit

    @cached_property
    def relative_measures(self) -> frozenset:
        """Measures whose facts are relative changes: a percent stated for one is relative."""
        return frozenset(f.measure for f in self.facts if f.relative and f.measure)

    @cached_property
    def frame_terms(self) -> FrameTerms:
        """The claim-frame vocabulary (measures, modifiers, subgroups, places), compiled once."""
        return FrameTerms(self.knowledge, KIND_ACCEPTS)

    @cached_property
    def claim_facts(self) -> list[Fact]:
        return [f for f in self.facts if f.claim]

    @cached_property
    def contradiction_facts(self) -> list[Fact]:
        return [f for f in self.facts if f.contradictions]

    def other_subjects(self, fact) -> list:
        """The subjects whose naming speaks against a fact: every other treatment and trial,
        but for a fact about a drug in general, not the trials of that drug."""
        hit = self._others.get(fact.id)
        if hit is None:
            drug_level = not any(n in fact.subject_groups for n in self.anchors)
            hit = self._others[fact.id] = [
                p for name, p in self.subjects.items() if name not in fact.subject_groups
                and not (drug_level and name in self.anchors)]
        return hit

    @cached_property
    def contradictions(self) -> list:
        """(fact, contradiction) pairs with a claim predicate (a last term group), in order."""
        return [(f, c) for f in self.contradiction_facts for c in f.contradictions
                if c.groups and c.groups[-1] is not None]

    @cached_property
    def heads(self):
        """The heads of every fact's key, subject, population and contradiction terms
        (linter.facts.heads), all known before any text is read."""
        from linter.facts.heads import Heads

        heads = Heads()
        for f in self.facts:
            for group in (*f.keys, *f.subject_parts, f.population_terms,
                          *(c.groups[-1] for c in f.contradictions if c.groups)):
                if group is not None:
                    heads.of(group)
        return heads

    @cached_property
    def trials(self) -> list:
        """The subjects that are trials (anchors that are not subgroups), in order."""
        subgroups = set(self.knowledge.subgroups)
        return [n for n in self.anchors if n not in subgroups]

    @cached_property
    def reachable(self):
        """The facts of each quantity kind looked up by their subject's heads."""
        from linter.facts.heads import Reachable

        return Reachable(self.by_kind, self.heads)


def _population_nouns(vocabulary: dict):
    """What "45% of ..." may be a share of: after determiners and up to two other words, one
    of the vocabulary's `population-nouns` (None when the vocabulary has no such group)."""
    nouns = expand(["@population-nouns"], vocabulary)
    if not nouns:
        return None
    return lazy(r"(?:the|their|his|her|its|all|these|those|our|such|newly|diagnosed|young|\s)*\s*"
                r"(?:[\w-]+\s+){0,2}?(" + "|".join(term_pattern(n) for n in nouns) + ")", re.I)
