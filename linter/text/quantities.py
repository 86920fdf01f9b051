"""Find the numbers a sentence states, with exact spans, units, qualifiers and ranges.

Kinds: percent (also fractions and "9 in 10", in percent), pp (percentage points), count,
dose, wbc (cells per microlitre), duration, age, p-value, ratio, number (no unit) and
yearspan. Numbers that are not claims are skipped: dates and years, identifiers ("CD19",
"AALL1731", "Interfant-06"), citation markers, grades and phases, money, phone numbers,
confidence levels ("95% CI") and thread counters ("(3/12)"). A bare "one" is a word, not a
figure. Each piece of text is read once, so the cost is linear in the length of the sentence.
"""
from __future__ import annotations

import re

from linter.regexcache import compile as rx
from linter.regexcache import lazy
from linter.text.literals import foldable
from linter.text.numbers import (
    NUMBER_START,
    number_value,
    read_words,
    scientific,
)
from linter.text.numberstarts import LOWER_START, NUMBER_WORD, lowered_scan
from linter.text.quantity import (
    Quantity,
    Taken,
    may_end,
    qualifier_after,
    qualifier_before,
)
from linter.text.ranges import join_ranges
from linter.text.shares import change_by, of_noun, shares

__all__ = ["Quantity", "extract", "direction_words", "number_value"]

# The unit after a number, each kind tried in this order (the first that fits wins), in one pass.
_UNIT_KINDS = [
    ("pp", r"\s*(?:percentage|percent|%)[\s-]+points?\b|\s*pp\b|\s*points?\b(?=\s+(?:better|higher|lower|"
           r"worse|more|less|fewer|greater|smaller|difference|gap|absolute))"),
    ("percent", r"\s*(?:%|percent(?:s|age)?\b|per\s+cent\b)"),
    ("dose",
     r"\s*(?P<dose_unit>mg|milligrams?|µg|μg|mcg|ug|micrograms?)\s*(?:/|per\s+)(?:m²|m2|m\^2|square\s+met(?:re|er)s?)"
     r"(?:\s+of\s+body\s+surface\s+area)?\s*(?:(?:/\s*|per\s+|a\s+|each\s+)?(?:day|d)\b|daily\b)?"),
    ("wbc", r"\s*(?:/\s*(?:µL|μL|uL|mm3|mm³)|(?:cells\s+)?per\s+(?:microlit(?:re|er)|µL|cubic\s+millimet(?:re|er)))"),
    ("wbc9", r"\s*(?:×|x)\s*10(?:⁹|\^9|9)\s*/\s*L"),
    ("duration", r"(?P<joiner>[\s\-\u2010\u2011]*)(?P<time_unit>years?|yrs?|months?|mos?|weeks?|wks?|days?)\b"),
]
_UNIT = rx("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _UNIT_KINDS), re.I)
_OLD = rx(r"\s+old\b")
_COUNT_NOUNS = (r"children|child|patients?|infants?|babies|baby|kids?|adults?|people|participants|"
                r"countries|cycles?|courses?|cent(?:er|re)s|hospitals|sites|doses|cases|deaths|"
                r"families|trials|studies|teenagers|adolescents|young\s+people|boys|girls|"
                r"prior\s+lines|lines|patients")
_COUNT = rx(rf"\s+(?:[A-Za-z\-]+\s+){{0,2}}?({_COUNT_NOUNS})\b", re.I)
_SIGN = rx(r"\b(?:minus|negative)\s+$", re.I)
_RELATIVE_AFTER = rx(
    r"\s*(?:(less|lower|fewer|smaller|reduction|reduced|decrease|decline|drop|fall|cut)|"
    r"(more|higher|greater|increase|rise|jump|gain|larger))\b(?!\s+than\s+\d)", re.I)
_RELATIVE_BEFORE = lazy(
    r"\b(?:(fell|fallen|falls?|falling|dropped|drops?|dropping|decreased|decreases?|declined|declines?|"
    r"reduced|reduces?|lowered|lowers?|cut|cuts|shrank|went\s+down|gone\s+down)|"
    r"(rose|risen|rises?|rising|increased|increases?|grew|grown|grows?|climbed|climbs?|jumped|jumps?|went\s+up|gone\s+up|raised|boosted))"
    r"\s+(?:by\s+)?(?:(?:about|around|roughly|nearly|almost|some|over|more\s+than)\s+)?$", re.I)
_DIRECTION_WORDS = lazy(
    r"\b(?:(rose|risen|rising|increased|increasing|grew|grown|climbed|went\s+up|improved|jumped|raised|boosted|lifted|pushed)|"
    r"(fell|fallen|falling|dropped|decreased|decreasing|declined|went\s+down|worsened|shrank|lowered|reduced|cut))\b", re.I)
_SKIP_BEFORE = rx(
    r"(?:\b(?:grade|grades|phase|stage|chromosomes?|day|days|version|v|no|number|page|pages|pp?|vol|"
    r"volume|issue|ref|reference|table|figure|fig|step|item|question|cycle|arm|trisomy|trisomies|"
    r"CD|week|post|posts|part|section|chapter|level|tier|type|dose\s+level|ICD|rule|line|lines|"
    r"registered\s+charity\s+no|charity\s+no|tel|call\s+us\s+on)\.?(?:[ \t]?[#:])?[ \t]?(?:(?:≥|>=|<=|≤|>|<)[ \t]?)?$"
    r"|[#^£$€¥±]\s*$|\[\^?\s*$|[A-Za-z_][\-\u2010\u2011]$|[A-Za-z_]$|\d[.,:/+]$|/$)", re.I)
# A number in digits (numbers.DIGITS), written to start with one class of characters: the
# search then skips to the next digit or point instead of trying every position. A sentence
# whose words include no number word ("seven", "a dozen") is searched with it alone
# (numberstarts.NUMBER_WORD tells, in the lower-cased text).
_DIGITS_FIRST = rx(r"[\d.](?:(?<=\d)(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)|(?<=\.)\d+)")
_UNIT_ABBR = rx(r"(?:yrs?|mos?|wks?|d)\b", re.I)
_SKIP_AFTER = rx(r"[Kk]\b|:\d|/\d|\s*\d{3}\s+\d{4}|\s\d{3,}|-\d{1,2}-\d{1,2}\b|-\d+-\d")
_SKIP_BEFORE_2 = rx(r"\d\s$|\d-\d+-$|\b\d{4}-(?:\d{1,2}-)?$|CI,?\s*[\d.]+\s*(?:to|–|-)\s*$|±\s*$")
_YEAR = rx(r"(?:19|20)\d\d")
_YEAR_CLAIM = rx(r"\s*(?:%|percent|children|patients)", re.I)
_MONTHS = (r"January|February|March|April|May|June|July|August|September|October|November|"
           r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_DATE_AFTER = rx(rf"\s*(?:{_MONTHS})\b", re.I)
_DATE_BEFORE = rx(rf"\b(?:{_MONTHS})\.?\s*$", re.I)
_CI_AFTER = rx(r"\s*(?:%|percent)?\s*(?:CI|confidence\s+interval)\b", re.I)
_CI_CONTEXT = rx(r"(?:\bCI\b|confidence\s+interval)[,:]?\s*$", re.I)
_P_VALUE = lazy(r"\b[Pp]\s*(=|<|>|≤|≥|<=|>=)\s*(0?\.\d+|1(?:\.0+)?)")
_YEAR_SPAN = rx(r"\b((?:19|20)\d{2})\s*(?:–|—|-|to|and|through|until|till)\s*((?:19|20)\d{2})\b")
_AGE_BEFORE = rx(r"\b(?:aged?|ages|years\s+old|between\s+ages?)\s*(?:of\s+)?(?:between\s+)?$", re.I)
# The last words a match of _AGE_BEFORE or _RELATIVE_BEFORE ends in (quantity.may_end).
_AGE_ENDS = ("age", "aged", "ages", "old", "of", "between")
_RELATIVE_ENDS = (
    "fell", "fallen", "fall", "falls", "falling", "dropped", "drop", "drops", "dropping",
    "decreased", "decrease", "decreases", "declined", "decline", "declines", "reduced", "reduce",
    "reduces", "lowered", "lower", "lowers", "cut", "cuts", "shrank", "down", "rose", "risen",
    "rise", "rises", "rising", "increased", "increase", "increases", "grew", "grown", "grow",
    "grows", "climbed", "climb", "climbs", "jumped", "jump", "jumps", "up", "raised", "boosted",
    "by", "about", "around", "roughly", "nearly", "almost", "some", "over", "than")
_P_QUALIFIER = {"<": "under", ">": "over", "≤": "at-most", "<=": "at-most", "≥": "at-least",
                ">=": "at-least"}
_ABBREVIATED = {"yr": "year", "yrs": "year", "mo": "month", "mos": "month", "wk": "week",
                "wks": "week"}


def extract(text: str, lo: int = 0, hi: int | None = None) -> list[Quantity]:
    """Quantities stated in text[lo:hi], in order of position."""
    hi = len(text) if hi is None else hi
    found: list[Quantity] = []
    taken = Taken()

    def add(q: Quantity) -> None:
        if taken.free(q.start, q.end):
            found.append(q)
            taken.add(q.start, q.end)

    window = text[lo:hi]
    low = window.lower()
    folds = foldable(window)  # "İ" lowers to two characters: such a text is read number by number
    # Cheap substring tests first: most sentences need only the plain number pass.
    p_value = "p" in low and ("=" in low or "<" in low or ">" in low or "\u2264" in low
                              or "\u2265" in low)  # no p-value without its sign
    for m in (_P_VALUE.finditer(text, lo, hi) if p_value else ()):
        value, decimals = number_value(m.group(2))
        add(Quantity(m.start(), m.end(), m.group(0), "p-value", value, unit="p",
                     qualifier=_P_QUALIFIER.get(m.group(1), "exact"), decimals=decimals))
    for m in (_YEAR_SPAN.finditer(text, lo, hi) if ("19" in low or "20" in low) else ()):
        add(Quantity(m.start(), m.end(), m.group(0), "yearspan", low=float(m.group(1)),
                     high=float(m.group(2))))
    for q in shares(text, lo, hi, low, taken, folds):
        add(q)
    pos = lo
    scan, off, starts = text, 0, _DIGITS_FIRST
    if folds:
        starts = NUMBER_START
    elif NUMBER_WORD.search(low):  # the same places, found in the lower-cased text
        (scan, off), starts = lowered_scan(text, lo, low), LOWER_START
    while True:
        m = starts.search(scan, pos - off, hi - off)
        if m is None:
            break
        start, end = m.start() + off, m.end() + off
        value = None
        if text[start].isalpha():
            value, end = read_words(text, start, hi)
            if value is None:
                pos = m.end() + off
                continue
        pos = end
        if taken.free(start, end):
            q = _number_quantity(text, start, end, value, lo, hi)
            if q is not None:
                add(q)
    found.sort(key=lambda q: q.start)
    return join_ranges(text, found, lo)


def _context(before: str) -> str:
    """How much the text before a number can say about it, from its last visible character:
    "plain" (a space after "%", ";", ")": nothing), "comma" (only "CI, 36"), else "full". The
    patterns that read the text before a number are costly; most numbers need none of them."""
    tail = before.rstrip()
    last = tail[-1:]
    if not last or last.isalnum() or last in _SIGNIFICANT:
        return "full"
    if last == ",":
        return "full" if len(tail) == len(before) else "comma"
    return "plain"


_SIGNIFICANT = ".#:<>=≤≥~≈£$€¥±[^-‐‑–—/+"


def _skipped(token: str, before: str, after: str, context: str) -> bool:
    """Numbers in digits that are no claim: identifiers, dates, times, phone numbers, CI bounds."""
    if after[:1].isalpha() and not _UNIT_ABBR.match(after):
        return True
    if _SKIP_AFTER.match(after) or (len(token) >= 5 and "," not in token and "." not in token):
        return True  # phone numbers, registration numbers, times, ISO dates, "1.2K", CI bounds
    if _DATE_AFTER.match(after) or (_YEAR.fullmatch(token) and not _YEAR_CLAIM.match(after)):
        return True
    if _CI_AFTER.match(after):
        return True
    if context == "comma":
        return bool(_CI_CONTEXT.search(before[-12:]))
    if context == "plain":
        return False
    tail = before.rstrip()
    last = tail[-1:]
    if not (last.isdigit() or last.isalpha() and before[len(tail):] in ("", "\n")
            or may_end(tail, _SKIP_ENDS, _SKIP_SIGNS)):
        return False  # none of the four below can match: no last word or sign of theirs is here
    return bool(_SKIP_BEFORE.search(before) or _SKIP_BEFORE_2.search(before)
                or _DATE_BEFORE.search(before) or _CI_CONTEXT.search(before[-12:]))


# The words and signs a match of _SKIP_BEFORE, _SKIP_BEFORE_2, _DATE_BEFORE or _CI_CONTEXT ends
# in (see quantity.may_end), besides a letter right at the end ("[A-Za-z_]$") and a digit.
_SKIP_ENDS = ("grade", "grades", "phase", "stage", "chromosome", "chromosomes", "day", "days",
              "version", "v", "no", "number", "page", "pages", "p", "pp", "vol", "volume", "issue",
              "ref", "reference", "table", "figure", "fig", "step", "item", "question", "cycle",
              "arm", "trisomy", "trisomies", "cd", "week", "post", "posts", "part", "section",
              "chapter", "level", "tier", "type", "icd", "rule", "line", "lines", "tel", "on",
              "to", "ci", "interval", *(m.lower() for m in _MONTHS.split("|")))
_SKIP_SIGNS = ".#:=<>\u2264\u2265^\u00a3$\u20ac\u00a5\u00b1[-\u2010\u2011,/+_\u2013"


def _number_quantity(text: str, start: int, end: int, word_value, lo: int,
                     hi: int) -> Quantity | None:
    token = text[start:end]
    before = text[max(lo, start - 40):start]
    after = text[end:min(hi, end + 60)]
    is_word = word_value is not None
    context = _context(before)
    if is_word:
        value, decimals = word_value, 0
    else:
        if _skipped(token, before, after, context):
            sci = scientific(text, end, hi, number_value(token)[0])
            if sci is None:
                return None
        value, decimals = number_value(token)
        sci = scientific(text, end, hi, value)
        if sci is not None:
            value, end = sci
            decimals = 0
            after = text[end:min(hi, end + 60)]
    qual, qstart = qualifier_before(text, start, lo) if context == "full" else ("exact", start)
    sign = _SIGN.search(text, max(lo, qstart - 9), qstart) if context == "full" and may_end(
        text[max(lo, qstart - 9):qstart].rstrip(), ("minus", "negative"), "") else None
    aged = context == "full" and may_end(before.rstrip(), _AGE_ENDS, "") \
        and _AGE_BEFORE.search(before) is not None
    if sign:
        value, qstart = -value, sign.start()
    u = _UNIT.match(text, end, hi)
    if u:
        kind = u.lastgroup  # the outermost group: the kind of unit
        if kind == "duration":
            joiner, unit = u.group("joiner"), u.group("time_unit").lower()
            unit = _ABBREVIATED.get(unit, unit.rstrip("s"))
            attributive = bool(re.fullmatch(r"[\-\u2010\u2011]", joiner.strip() or " ")) and "-" in joiner \
                or "\u2010" in joiner or "\u2011" in joiner
            if aged or _OLD.match(text, u.end(), u.end() + 6):
                kind = "age"
            qual, q_end = qualifier_after(text, u.end(), hi, qual)
            return Quantity(qstart, q_end, text[qstart:q_end], kind, value, unit=unit,
                            qualifier=qual, attributive=attributive, decimals=decimals,
                            words=is_word)
        if kind == "wbc9":
            kind, value = "wbc", value * 1000
        unit = {"percent": "%", "pp": "pp", "wbc": "/uL"}.get(kind, "")
        if kind == "dose":
            unit = "mg/m2/day" if u.group("dose_unit").lower().startswith(("mg", "milli")) else "ug/m2/day"
        q_end = u.end()
        rel, direction = False, None
        if kind == "percent":
            rel, direction = _relative(text, qstart, q_end, lo, hi, context)
            if not rel:
                qual, q_end = qualifier_after(text, q_end, hi, qual)
        if kind == "pp":
            r = _RELATIVE_AFTER.match(text, q_end, hi)
            if r:
                direction = "decrease" if r.group(1) else "increase"
        return Quantity(qstart, q_end, text[qstart:q_end], kind, value, unit=unit, qualifier=qual,
                        relative=rel, direction=direction, decimals=decimals, words=is_word,
                        noun=of_noun(text, q_end, hi) if kind == "percent" else "")
    c = _COUNT.match(text, end, hi)
    if c:
        if aged:
            return None
        qual, _ = qualifier_after(text, c.end(), hi, qual)
        return Quantity(qstart, end, text[qstart:end], "count", value, unit=c.group(1).lower(),
                        qualifier=qual, decimals=decimals, words=is_word)
    if is_word and (value == 1 or token.lower() in ("a dozen", "an")):
        return None  # "one of them", "no one": a word, not a figure
    if aged:
        return Quantity(qstart, end, text[qstart:end], "age", value, unit="year", qualifier=qual,
                        words=is_word)
    qual, q_end = qualifier_after(text, end, hi, qual)
    return Quantity(qstart, q_end, text[qstart:q_end], "number", value, qualifier=qual,
                    decimals=decimals, words=is_word)


def _relative(text: str, qstart: int, q_end: int, lo: int, hi: int, context: str):
    """Whether a percent is a relative change ("61% less likely", "fell by 67%"), and which way."""
    r = _RELATIVE_AFTER.match(text, q_end, hi)
    if r:
        return True, "decrease" if r.group(1) else "increase"
    if context != "full":
        return False, None
    window = text[max(lo, qstart - 40):qstart]
    b = _RELATIVE_BEFORE.search(window) if may_end(window.rstrip(), _RELATIVE_ENDS, "") else None
    if b:
        return True, "decrease" if b.group(1) else "increase"
    return change_by(text, qstart, lo)


def direction_words(text: str, lo: int, hi: int):
    """(start, end, 'increase'|'decrease') for each change verb in text[lo:hi]."""
    for m in _DIRECTION_WORDS.finditer(text, lo, hi):
        yield m.start(), m.end(), "increase" if m.group(1) else "decrease"
