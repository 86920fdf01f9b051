"""Find the numbers a sentence states, with exact spans, units, qualifiers and ranges.

Kinds: percent (also fractions and "9 in 10", in percent), pp (percentage points), count,
dose, wbc (cells per microlitre), duration, age, p-value, ratio, number (no unit) and
yearspan. Numbers that are not claims are skipped: dates and years, identifiers ("CD19",
"AALL1731", "Interfant-06"), citation markers, grades and phases, money, phone numbers,
confidence levels ("95% CI") and thread counters ("(3/12)").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from linter.regexcache import compile as rx

WORD_VALUES = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
WORD_VALUES.update({w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())})
WORD_VALUES.update({"hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12})

_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
NUMWORD = (rf"(?:(?:{_TENS})(?:[\s\-\u2010\u2011](?:{_ONES}))?|(?:a|one)\s+hundred|a\s+dozen|"
           r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
           r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)")
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
NUMBER = rf"(?:{DIGITS}|\b{NUMWORD}\b)"

FRACTIONS = {
    "half": 50.0, "one half": 50.0, "a half": 50.0, "one-half": 50.0,
    "a third": 33.3, "one third": 33.3, "one-third": 33.3, "two thirds": 66.7, "two-thirds": 66.7,
    "a quarter": 25.0, "one quarter": 25.0, "one-quarter": 25.0, "three quarters": 75.0,
    "three-quarters": 75.0, "a fifth": 20.0, "one fifth": 20.0, "one-fifth": 20.0,
    "a tenth": 10.0, "one tenth": 10.0, "one-tenth": 10.0,
    "nearly all": 95.0, "almost all": 95.0, "virtually all": 97.0, "nearly every": 95.0,
    "almost every": 95.0, "virtually every": 97.0,
}
_FRACTION = rx(
    r"\b(?:(?:just\s+)?(?:over|under)\s+)?(nearly all|almost all|virtually all|nearly every|"
    r"almost every|virtually every|two[\s-]thirds|three[\s-]quarters|(?:a|one)[\s-](?:half|third|"
    r"quarter|fifth|tenth)|half)\b", re.I)
_IN_FRACTION = rx(
    rf"\b({NUMBER})\s+(?:(?!in\b|out\b|of\b)[A-Za-z'\u2019]+\s+){{0,2}}(?:in|out\s+of|of(?=\s+every\b))\s+(?:every\s+)?({NUMBER})\b(?!\s*(?:%|percent|per\s*cent|[-\s]?(?:years?|months?|weeks?|days?)\b))",
    re.I)
_NUMBER = rx(NUMBER, re.I)

_UNITS = [
    ("pp", rx(r"\s*(?:percentage|percent|%)[\s-]+points?\b|\s*pp\b|\s*points?\b(?=\s+(?:better|higher|lower|"
              r"worse|more|less|fewer|greater|smaller|difference|gap|absolute))", re.I)),
    ("percent", rx(r"\s*(?:%|percent\b|per\s+cent\b)", re.I)),
    ("dose", rx(
        r"\s*(mg|milligrams?|µg|μg|mcg|ug|micrograms?)\s*(?:/|per\s+)(?:m²|m2|m\^2|square\s+met(?:re|er)s?)"
        r"(?:\s+of\s+body\s+surface\s+area)?\s*(?:(?:/\s*|per\s+|a\s+|each\s+)?(?:day|d)\b|daily\b)?", re.I)),
    ("wbc", rx(r"\s*(?:/\s*(?:µL|μL|uL|mm3|mm³)|(?:cells\s+)?per\s+(?:microlit(?:re|er)|µL|cubic\s+millimet(?:re|er)))", re.I)),
    ("wbc9", rx(r"\s*(?:×|x)\s*10(?:⁹|\^9|9)\s*/\s*L", re.I)),
    ("duration", rx(r"([\s\-\u2010\u2011]*)(years?|yrs?|months?|mos?|weeks?|wks?|days?)\b", re.I)),
]
_COUNT_NOUNS = (r"children|child|patients?|infants?|babies|baby|kids?|adults?|people|participants|"
                r"countries|cycles?|courses?|cent(?:er|re)s|hospitals|sites|doses|cases|deaths|"
                r"families|trials|studies|teenagers|adolescents|young\s+people|boys|girls|"
                r"prior\s+lines|lines|patients")
_COUNT = rx(rf"\s+(?:[A-Za-z\-]+\s+){{0,2}}?({_COUNT_NOUNS})\b", re.I)

_QUALIFIERS = [
    ("about", r"about|around|approximately|approx\.?|roughly|some|circa|ca\.|close\s+to|~|≈|an\s+estimated|estimated|something\s+like|only\s+about|just\s+about|on\s+average"),
    ("nearly", r"nearly|almost|just\s+under|not\s+quite"),
    ("over", r"more\s+than|over|greater\s+than|above|exceed(?:s|ing)?|surpass(?:es|ing)?|in\s+excess\s+of|just\s+over|well\s+over|upwards\s+of|>"),
    ("at-least", r"at\s+least|no\s+fewer\s+than|no\s+less\s+than|≥|>=|or\s+more"),
    ("under", r"less\s+than|fewer\s+than|under|below|well\s+under|well\s+below|<"),
    ("at-most", r"up\s+to|as\s+many\s+as|as\s+much\s+as|at\s+most|no\s+more\s+than|≤|<="),
]
_QUALIFIER_BEFORE = rx(
    r"(?:" + "|".join(f"(?P<q_{name.replace('-', '_')}>(?<![\\w])(?:{pat}))" for name, pat in _QUALIFIERS)
    + r")\s*(?:of\s+)?(?:the\s+)?$", re.I)
_OR_MORE_AFTER = rx(r"\s*(?:or\s+more|or\s+(?:higher|above|older|longer)|\+)", re.I)

_RELATIVE_AFTER = rx(
    r"\s*(?:(less|lower|fewer|smaller|reduction|reduced|decrease|decline|drop|fall|cut)|"
    r"(more|higher|greater|increase|rise|jump|gain|larger))\b(?!\s+than\s+\d)", re.I)
_RELATIVE_BEFORE = rx(
    r"\b(?:(fell|fallen|falls?|falling|dropped|drops?|dropping|decreased|decreases?|declined|declines?|"
    r"reduced|reduces?|lowered|lowers?|cut|cuts|shrank|went\s+down|gone\s+down)|"
    r"(rose|risen|rises?|rising|increased|increases?|grew|grown|grows?|climbed|climbs?|jumped|jumps?|went\s+up|gone\s+up|raised|boosted))"
    r"\s+(?:by\s+)?(?:(?:about|around|roughly|nearly|almost|some|over|more\s+than)\s+)?$", re.I)
_CHANGE_VERB = rx(
    r"\b(?:(cut|cuts|reduced?|reduces|lowered|lowers?|decreased?|decreases|shrank|fell|dropped)|"
    r"(raised?|raises|increased?|increases|boosted?|boosts|improved?|improves|rose|grew))\b", re.I)
_DIRECTION_WORDS = rx(
    r"\b(?:(rose|risen|rising|increased|increasing|grew|grown|climbed|went\s+up|improved|jumped|raised|boosted|lifted|pushed)|"
    r"(fell|fallen|falling|dropped|decreased|decreasing|declined|went\s+down|worsened|shrank|lowered|reduced|cut))\b", re.I)

_SKIP_BEFORE = rx(
    r"(?:\b(?:grade|grades|phase|stage|chromosomes?|day|days|version|v|no|number|page|pages|pp?|vol|"
    r"volume|issue|ref|reference|table|figure|fig|step|item|question|cycle|arm|trisomy|trisomies|"
    r"CD|week|post|posts|part|section|chapter|level|tier|type|dose\s+level|ICD|rule|line|lines|"
    r"registered\s+charity\s+no|charity\s+no|tel|call\s+us\s+on)\.?(?:[ \t]?[#:])?[ \t]?(?:(?:≥|>=|<=|≤|>|<)[ \t]?)?$"
    r"|[#^£$€¥±]\s*$|\[\^?\s*$|[A-Za-z_][\-\u2010\u2011]$|[A-Za-z_]$|\d[.,:/]$|/$)", re.I)
_UNIT_ABBR = rx(r"(?:yrs?|mos?|wks?|d)\b", re.I)
_SKIP_AFTER = rx(r"[Kk]\b|:\d|/\d|\s*\d{3}\s+\d{4}|\s\d{3,}|-\d{1,2}-\d{1,2}\b")
_SKIP_BEFORE_2 = rx(r"\d\s$|\b\d{4}-(?:\d{1,2}-)?$|CI,?\s*[\d.]+\s*(?:to|–|-)\s*$|±\s*$")
_YEAR = rx(r"(?:19|20)\d\d")
_YEAR_CLAIM = rx(r"\s*(?:%|percent|children|patients)", re.I)
_MONTHS = (r"January|February|March|April|May|June|July|August|September|October|November|"
           r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_DATE_AFTER = rx(rf"\s*(?:{_MONTHS})\b", re.I)
_DATE_BEFORE = rx(rf"\b(?:{_MONTHS})\.?\s*$", re.I)
_CI_AFTER = rx(r"\s*(?:%|percent)?\s*(?:CI|confidence\s+interval)\b", re.I)
_CI_CONTEXT = rx(r"(?:\bCI\b|confidence\s+interval)[,:]?\s*$", re.I)
_P_VALUE = rx(r"\b[Pp]\s*(=|<|>|≤|≥|<=|>=)\s*(0?\.\d+|1(?:\.0+)?)")
_YEAR_SPAN = rx(r"\b((?:19|20)\d{2})\s*(?:–|—|-|to|and|through|until|till)\s*((?:19|20)\d{2})\b")
_RATIO = rx(rf"\b(twice|two\s+times|three\s+times|four\s+times|({DIGITS}|{NUMWORD})[\s-]*(?:times|fold))"
                    r"\s+(?:as\s+\w+|more|less|higher|lower|greater)", re.I)
_MULTIPLIED = rx(r"\b(?:doubled|doubles|doubling|tripled|triples|tripling|quadrupled|quadruples)\b", re.I)
_HALVE = rx(r"\b(?:cut|reduce[sd]?|drop(?:ped)?|fall|fell)\b[^.;]{0,40}?\bin\s+half\b|\bhalve[sd]?\b", re.I)
_AGE_BEFORE = rx(r"\b(?:aged?|ages|years\s+old|between\s+ages?)\s*(?:of\s+)?(?:between\s+)?$", re.I)
_RANGE_JOIN = rx(r"\s*(?:%|percent|per\s+cent)?\s*(?:–|—|-|to|and)\s*(?:≤|<|<=)?\s*$", re.I)


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    kind: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str = ""
    qualifier: str = "exact"
    relative: bool = False
    direction: str | None = None
    attributive: bool = False  # "3-year", "28-day": a time frame, not a stated figure
    decimals: int = 0
    words: bool = False  # written in words or as a fraction
    noun: str = ""  # what the share is of: "child" in "one child in three", "relapses" in "half of relapses"
    vague: bool = False  # "nearly all", "almost every": too rough to call a figure wrong

    @property
    def bounds(self) -> tuple[float, float]:
        if self.low is not None:
            return self.low, self.high
        return self.value, self.value


def number_value(token: str) -> tuple[float, int]:
    t = token.strip().lower().replace("\u2010", "-").replace("\u2011", "-")
    if t[0].isdigit() or t[0] == ".":
        t = t.replace(",", "")
        decimals = len(t.split(".")[1]) if "." in t else 0
        return float(t), decimals
    t = re.sub(r"\s+", " ", t)
    if t in WORD_VALUES:
        return float(WORD_VALUES[t]), 0
    parts = re.split(r"[\s-]", t)
    return float(WORD_VALUES.get(parts[0], 0) + WORD_VALUES.get(parts[-1], 0)), 0


def _qualifier(text: str, start: int, lo: int) -> tuple[str, int]:
    window = text[max(lo, start - 30):start]
    m = _QUALIFIER_BEFORE.search(window)
    if not m:
        return "exact", start
    name = next(k for k, v in m.groupdict().items() if v)[2:].replace("_", "-")
    return name, start - (len(window) - m.start())


def extract(text: str, lo: int = 0, hi: int | None = None) -> list[Quantity]:
    """Quantities stated in text[lo:hi], in order of position."""
    hi = len(text) if hi is None else hi
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def free(a, b):
        return all(b <= x or a >= y for x, y in taken)

    def add(q: Quantity):
        found.append(q)
        taken.append((q.start, q.end))

    low = text[lo:hi].lower()
    # Cheap substring tests first: most sentences need only the plain number pass.
    for m in (_P_VALUE.finditer(text, lo, hi) if "p" in low else ()):
        value, decimals = number_value(m.group(2))
        add(Quantity(m.start(), m.end(), m.group(0), "p-value", value, unit="p",
                     qualifier={"<": "under", ">": "over", "≤": "at-most", "<=": "at-most",
                                "≥": "at-least", ">=": "at-least"}.get(m.group(1), "exact"),
                     decimals=decimals))
    for m in (_YEAR_SPAN.finditer(text, lo, hi) if ("19" in low or "20" in low) else ()):
        add(Quantity(m.start(), m.end(), m.group(0), "yearspan", low=float(m.group(1)),
                     high=float(m.group(2))))
    for m in (_RATIO.finditer(text, lo, hi) if ("twice" in low or "times" in low or "fold" in low) else ()):
        word = m.group(1).lower()
        value = 2.0 if word.startswith(("twice", "two")) else 3.0 if word.startswith("three") else \
            4.0 if word.startswith("four") else number_value(m.group(2))[0]
        add(Quantity(m.start(), m.end(), m.group(0), "ratio", value, relative=True, words=True))
    for m in (_MULTIPLIED.finditer(text, lo, hi) if ("doubl" in low or "tripl" in low or "quadrupl" in low) else ()):
        if free(m.start(), m.end()):
            value = {"doubl": 2.0, "tripl": 3.0, "quadr": 4.0}[m.group(0).lower()[:5]]
            add(Quantity(m.start(), m.end(), m.group(0), "ratio", value, relative=True,
                         direction="increase", words=True))
    for m in (_HALVE.finditer(text, lo, hi) if "half" in low or "halve" in low else ()):
        if free(m.start(), m.end()):
            add(Quantity(m.start(), m.end(), m.group(0), "percent", 50.0, relative=True,
                         direction="decrease", words=True, qualifier="about"))
    for m in (_IN_FRACTION.finditer(text, lo, hi) if re.search(r"\s(?:in|of)\s", low) else ()):
        if not free(m.start(), m.end()):
            continue
        n, _ = number_value(m.group(1))
        d, _ = number_value(m.group(2))
        if not (0 < n < d <= 1000) or re.match(r"(?:19|20)\d\d$", m.group(2)):
            continue
        qual, qstart = _qualifier(text, m.start(), lo)
        between = re.findall(r"[A-Za-z'\u2019]+", text[m.end(1):m.start(2)])
        noun = " ".join(w for w in between if w.lower() not in ("in", "out", "of", "every"))
        per_hundred = d in (100, 1000)  # "96 out of every 100" is a percentage written out, as exact
        add(Quantity(qstart, m.end(), text[qstart:m.end()], "percent", round(100 * n / d, 1),
                     unit="%", qualifier=qual if qual != "exact" or per_hundred else "about",
                     words=not per_hundred, decimals=0 if d == 100 else 1,
                     noun=noun or _of_noun(text, m.end(), hi)))
    fractional = any(w in low for w in ("half", "third", "quarter", "fifth", "tenth", " all", "every"))
    for m in (_FRACTION.finditer(text, lo, hi) if fractional else ()):
        if not free(m.start(), m.end()):
            continue
        phrase = re.sub(r"^(?:just\s+)?(?:over|under)\s+", "", m.group(1).lower())
        phrase = re.sub(r"\s+", " ", phrase)
        value = FRACTIONS.get(phrase, FRACTIONS.get(phrase.replace("-", " ")))
        if value is None:
            continue
        if phrase == "half" and re.search(r"\bin\s+$", text[max(lo, m.start() - 4):m.start()]):
            continue
        if _PART_OF_DURATION.match(text, m.end(), hi) or (
                "half" in phrase and re.search(r"\band\s+$", text[max(lo, m.start() - 5):m.start()])):
            continue  # "two and a half years", "half a day": a duration, not a share
        qual, qstart = _qualifier(text, m.start(), lo)
        lead = m.group(0)[:m.start(1) - m.start()].lower()
        if "over" in lead:
            qual = "over"
        elif "under" in lead:
            qual = "under"
        elif qual == "exact":
            qual = "about"
        rel, direction = _change_by(text, qstart, lo)
        add(Quantity(qstart, m.end(), text[qstart:m.end()], "percent", value, unit="%",
                     qualifier=qual, words=True, noun=_of_noun(text, m.end(), hi),
                     vague=" all" in phrase or "every" in phrase, relative=rel, direction=direction))
    for m in _NUMBER.finditer(text, lo, hi):
        if not free(m.start(), m.end()):
            continue
        q = _number_quantity(text, m, lo, hi)
        if q is not None and free(q.start, q.end):
            add(q)
    found.sort(key=lambda q: q.start)
    return _join_ranges(text, found)


def _number_quantity(text: str, m, lo: int, hi: int) -> Quantity | None:
    token = m.group(0)
    start, end = m.start(), m.end()
    before = text[max(lo, start - 40):start]
    after = text[end:min(hi, end + 60)]
    is_word = token[0].isalpha()
    if not is_word:
        if _SKIP_BEFORE.search(before) or (after[:1].isalpha() and not _UNIT_ABBR.match(after)):
            return None
        if _SKIP_AFTER.match(after) or _SKIP_BEFORE_2.search(before) or \
                (len(token) >= 5 and "," not in token and "." not in token):
            return None  # phone numbers, registration numbers, times, ISO dates, "1.2K", CI bounds
        if _DATE_AFTER.match(after) or _DATE_BEFORE.search(before):
            return None
        if _YEAR.fullmatch(token) and not _YEAR_CLAIM.match(after):
            return None
        if _CI_AFTER.match(after) or _CI_CONTEXT.search(before[-12:]):
            return None
    value, decimals = number_value(token)
    qual, qstart = _qualifier(text, start, lo)
    for kind, pattern in _UNITS:
        u = pattern.match(text, end, hi)
        if not u:
            continue
        if kind == "duration":
            joiner, unit = u.group(1), u.group(2).lower()
            unit = {"yr": "year", "yrs": "year", "mo": "month", "mos": "month", "wk": "week",
                    "wks": "week"}.get(unit, unit.rstrip("s"))
            attributive = bool(re.fullmatch(r"[\-\u2010\u2011]", joiner.strip() or " ")) and "-" in joiner \
                or "\u2010" in joiner or "\u2011" in joiner
            if _AGE_BEFORE.search(before) or re.match(r"\s+old\b", text[u.end():u.end() + 6]):
                kind = "age"
            q_end = u.end()
            more = _OR_MORE_AFTER.match(text, q_end, hi)
            if more and qual == "exact":
                qual, q_end = "at-least", more.end()
            return Quantity(qstart, q_end, text[qstart:q_end], kind, value, unit=unit,
                            qualifier=qual, attributive=attributive, decimals=decimals,
                            words=is_word)
        if kind == "wbc9":
            kind, value = "wbc", value * 1000
        unit = {"percent": "%", "pp": "pp", "wbc": "/uL"}.get(kind, "")
        if kind == "dose":
            unit = "mg/m2/day" if u.group(1).lower().startswith(("mg", "milli")) else "ug/m2/day"
        q_end = u.end()
        rel, direction = False, None
        if kind == "percent":
            r = _RELATIVE_AFTER.match(text, q_end, hi)
            b = _RELATIVE_BEFORE.search(text[max(lo, qstart - 40):qstart])
            if r:
                rel, direction = True, "decrease" if r.group(1) else "increase"
            elif b:
                rel, direction = True, "decrease" if b.group(1) else "increase"
            else:
                rel, direction = _change_by(text, qstart, lo)
        if kind == "pp":
            r = _RELATIVE_AFTER.match(text, q_end, hi)
            if r:
                direction = "decrease" if r.group(1) else "increase"
        return Quantity(qstart, q_end, text[qstart:q_end], kind, value, unit=unit, qualifier=qual,
                        relative=rel, direction=direction, decimals=decimals, words=is_word,
                        noun=_of_noun(text, q_end, hi) if kind == "percent" else "")
    c = _COUNT.match(text, end, hi)
    if c:
        noun = c.group(1).lower()
        if _AGE_BEFORE.search(before):
            return None
        return Quantity(qstart, end, text[qstart:end], "count", value, unit=noun, qualifier=qual,
                        decimals=decimals, words=is_word)
    if is_word:
        return None
    if _AGE_BEFORE.search(before):
        return Quantity(qstart, end, text[qstart:end], "age", value, unit="year", qualifier=qual)
    return Quantity(qstart, end, text[qstart:end], "number", value, qualifier=qual,
                    decimals=decimals)


_PART_OF_DURATION = rx(r"\s+(?:an?\s+)?(?:years?|months?|weeks?|days?|hours?|decades?)\b", re.I)
_OF_NOUN = rx(
    r"\s+of\s+(?:(?:all|the|these|those|their|our|such|its)\s+)*((?:[A-Za-z\-]+\s+){0,2}?"
    r"(?:children|child|kids|kid|patients|infants|babies|relapses|cases|deaths|people|adults|"
    r"families|participants|responders|survivors|boys|girls|teenagers|adolescents))\b", re.I)


def _of_noun(text: str, end: int, hi: int) -> str:
    """The population a share is of: "60% of childhood cases" -> "childhood cases"."""
    m = _OF_NOUN.match(text, end, hi)
    return m.group(1) if m else ""


def _change_by(text: str, start: int, lo: int):
    """"cut the risk of relapse by 61%", "dropped by half": a relative change with its direction."""
    if not re.search(r"\bby\s+$", text[max(lo, start - 4):start]):
        return False, None
    clause = re.split(r"[;:,.]", text[max(lo, start - 60):start])[-1]
    v = _CHANGE_VERB.search(clause)
    if not v:
        return False, None
    return True, "decrease" if v.group(1) else "increase"


def _join_ranges(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Merge "85–90%", "85 to 90 percent", "between 15% and 20%" into one range quantity."""
    out: list[Quantity] = []
    for q in qs:
        prev = out[-1] if out else None
        age = prev is not None and prev.kind == "age" and q.kind in ("number", "duration")
        if prev is not None and (prev.kind in ("number", q.kind) or age) \
                and q.kind not in ("yearspan", "ratio", "p-value") \
                and prev.low is None and q.low is None and not q.words and not prev.words \
                and _RANGE_JOIN.search(text[prev.start:q.start]) and q.start - prev.end <= 6:
            joiner = text[prev.end:q.start]
            between = re.search(r"\bbetween\s+$", text[max(0, prev.start - 9):prev.start], re.I)
            if re.search(r"\bfrom\s+$", text[max(0, prev.start - 6):prev.start], re.I):
                out.append(q)  # "from 87.9% to 96%" is a change, not a range
                continue
            if "and" in joiner and not between:
                out.append(q)
                continue
            lo_v, hi_v = prev.value, q.value
            if lo_v is None or hi_v is None or lo_v >= hi_v:
                out.append(q)
                continue
            start = prev.start - (len("between ") if between else 0)
            qual = prev.qualifier if prev.qualifier != "exact" else q.qualifier
            merged = Quantity(start, q.end, text[start:q.end], "age" if age else q.kind, None,
                              low=lo_v, high=hi_v,
                              unit=q.unit, qualifier=qual if qual in ("about", "exact") else "exact",
                              relative=q.relative, direction=q.direction,
                              attributive=q.attributive,
                              decimals=max(prev.decimals, q.decimals))
            out[-1] = merged
            continue
        out.append(q)
    return out


def direction_words(text: str, lo: int, hi: int):
    """(start, end, 'increase'|'decrease') for each change verb in text[lo:hi]."""
    for m in _DIRECTION_WORDS.finditer(text, lo, hi):
        yield m.start(), m.end(), "increase" if m.group(1) else "decrease"
