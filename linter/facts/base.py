"""The fact base compiled for matching: regexes built once per process from the cached data."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from linter.regexcache import compile as rx
from linter.text.terms import compile_terms

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

    @property
    def point(self) -> bool:
        return self.low == self.high

    def text(self, unit: str) -> str:
        def fmt(v):
            if 1900 <= v <= 2100 and not self.decimals and not unit:
                return f"{v:g}"  # a year
            return f"{v:,.{self.decimals}f}" if self.decimals or v >= 1000 else f"{v:g}"
        body = fmt(self.low) if self.point else f"{fmt(self.low)}–{fmt(self.high)}"
        return f"{body}{unit}" if unit in ("%", "") else f"{body} {unit}"


@dataclass(frozen=True)
class Conflict:
    pattern: object
    says: str
    unless: object
    error: bool = True  # False: the sentence is about another fact, not wrong about this one


class Fact:
    """One fact of the reference, with its term groups compiled."""

    def __init__(self, data: dict, vocabulary: dict, sources: dict):
        self.data = data
        self.id = data["id"]
        self.kind = data.get("quantity", "none")
        self.accepts = KIND_ACCEPTS.get(self.kind, ())
        self.unit = data.get("unit", "%" if self.kind == "percent" else "")
        self.status = data["status"]
        self.severity = "warning" if self.status == "disputed" else "error"
        self.relative = data.get("relative", False)
        self.direction = data.get("direction")
        self.qualifier = data.get("qualifier", "exact")
        self.design = data["design"]
        self.subject_terms = data.get("subject", [])
        self.subject = compile_terms(self.subject_terms, vocabulary)
        self.subject_groups = frozenset(t[1:] for t in self.subject_terms if t.startswith("@"))
        self.subject_parts = [compile_terms([t], vocabulary) for t in self.subject_terms]
        self.keys = [compile_terms(group, vocabulary) for group in data.get("keys", [])]
        self.boost = compile_terms(data.get("boost", []), vocabulary)
        self.of = compile_terms(data.get("of", []), vocabulary)
        endpoint = data.get("endpoint", {})
        self.endpoint_name = endpoint.get("name", "")
        self.endpoint_terms = compile_terms(endpoint.get("terms", []), vocabulary)
        self.endpoint_conflicts = [self._conflict(c, vocabulary) for c in endpoint.get("conflicts", [])]
        population = data.get("population", {})
        self.population_name = population.get("name", "")
        self.population_conflicts = [self._conflict(c, vocabulary) for c in population.get("conflicts", [])]
        self.time = data.get("time", {})
        self.claim = [compile_terms(g, vocabulary) for g in data.get("claim", [])]
        self.contradictions = [([compile_terms(g, vocabulary) for g in c["terms"]], c["says"])
                               for c in data.get("contradictions", [])]
        self.sources = tuple(sources[s]["short"] for s in data["sources"]
                             if s in sources and sources[s].get("kind") != "document") or \
            tuple(sources[s]["short"] for s in data["sources"] if s in sources)
        self.values = tuple(self._value(v, vocabulary) for v in data.get("values", []))

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
        return Value(lo, hi, d, v.get("arm", "overall"), v.get("label", ""),
                     compile_terms(v.get("cues", []), vocabulary),
                     tuple(_num(a)[0] for a in v.get("also", [])), v.get("time"))

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
        out = " vs ".join(parts)
        extra = ", ".join(x for x in (self.time_label and f"{self.time_label}", self.endpoint_name,
                                      self.population_name) if x)
        return f"{out}; {extra}" if extra else out


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
        self.anchors = [n for n in self.subjects if n not in treatments]

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
    def claim_facts(self) -> list[Fact]:
        return [f for f in self.facts if f.claim]

    @cached_property
    def contradiction_facts(self) -> list[Fact]:
        return [f for f in self.facts if f.contradictions]


def factbase(ctx) -> FactBase:
    """The compiled fact base for a run (built once, on first use)."""
    fb = ctx.compiled.get("factbase")
    if fb is None:
        fb = ctx.compiled["factbase"] = FactBase(ctx.knowledge)
    return fb


_SEPARATORS = rx(r"[;:]|,(?!\d{3})|\s(?:and|but|while|whereas)\s|\s[-–—]\s")


def clause_bounds(text: str, lo: int, hi: int, a: int, b: int) -> tuple[int, int]:
    """The clause of text[lo:hi] around span [a, b): bounded by ; : , and conjunctions."""
    # The separators of a sentence are found once and bisected for each of its numbers: a
    # rescan per number made a sentence of thousands of numbers take seconds.
    memo = _SEPARATOR_MEMO[0]
    if memo is None or memo[0] is not text or memo[1] != lo or memo[2] != hi:
        spans = [m.span() for m in _SEPARATORS.finditer(text, lo, hi)]
        memo = _SEPARATOR_MEMO[0] = (text, lo, hi, [s for s, _ in spans], [e for _, e in spans])
    starts, ends = memo[3], memo[4]
    k = bisect.bisect_right(ends, a)
    j = bisect.bisect_left(starts, b)
    return (ends[k - 1] if k else lo), (starts[j] if j < len(starts) else hi)


_SEPARATOR_MEMO: list = [None]  # (text, lo, hi, separator starts, separator ends)
