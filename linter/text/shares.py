"""Shares and changes stated in words: "two-thirds", "one in seven", "9 out of 10", "1/40 of",
"percent of 12", "twice as likely", "doubled", "cut in half". Shares are given in percent."""
from __future__ import annotations

import re

from linter.regexcache import compile as rx
from linter.regexcache import lazy
from linter.text.numbers import (
    DIGITS,
    FRACTION_WORDS,
    NUMBER,
    NUMWORD,
    VAGUE_ALL,
    fraction_value,
    number_value,
)
from linter.text.numberstarts import lowered, lowered_finditer
from linter.text.quantity import Quantity, qualifier_before

_IN_FRACTION = rx(
    rf"\b({NUMBER})\s+(?:(?!in\b|out\b|of\b)[A-Za-z'\u2019]+\s+){{0,2}}(?:in|out\s+of|of(?=\s+every\b))\s+"
    rf"(?:every\s+)?({NUMBER})\b"
    r"(?!\s*(?:%|percent|per\s*cent|[-\s]?(?:years?|months?|weeks?|days?)\b))", re.I)
_FRACTION = rx(
    r"\b(?:(?:just\s+)?(?:over|under)\s+)?((?:nearly|almost|virtually)\s+(?:all|every)\b|"
    rf"{FRACTION_WORDS.pattern[2:-2]}|half\b)", re.I)
_SLASH = lazy(r"(?<![\d/.,])(\d{1,2})/(\d{1,3})(?=\s+of\b)")
_PERCENT_OF = rx(rf"\b(?:per\s*cent|percents?|percentage)\s+of\s+({DIGITS}|{NUMWORD}(?:-(?:one|two|"
                 r"three|four|five|six|seven|eight|nine))?)(?=\s*(?:[.,;:!?)]|$))", re.I)
_NUMBER_END = lazy(rf"(?:\d|\b{NUMWORD})\s*$", re.I)
_RATIO = lazy(rf"\b(twice|two\s+times|three\s+times|four\s+times|({DIGITS}|{NUMWORD})[\s-]*(?:times|fold))"
            r"\s+(?:as\s+\w+|more|less|higher|lower|greater)", re.I)
_MULTIPLIED = lazy(r"\b(?:doubled|doubles|doubling|tripled|triples|tripling|quadrupled|quadruples)\b", re.I)
_HALVE = lazy(r"\b(?:cut|reduce[sd]?|drop(?:ped)?|fall|fell)\b[^.;]{0,40}?\bin\s+half\b|\bhalve[sd]?\b", re.I)
_CHANGE_VERB = lazy(
    r"\b(?:(cut|cuts|reduced?|reduces|lowered|lowers?|decreased?|decreases|shrank|fell|dropped)|"
    r"(raised?|raises|increased?|increases|boosted?|boosts|improved?|improves|rose|grew))\b", re.I)
# Words without which a sentence states no share of either shape (tested on the lower-cased text).
_IN_OF = rx(r"\s(?:in|of)\s")
# What every "9 in 10" has ("in 10", "of every 4"), found far faster: it starts at a space.
_IN_NUMBER = rx(rf"\s(?:in|of)\s+(?:every\s+)?(?:{DIGITS}|{NUMWORD})", re.I)
_FRACTION_CUE = rx(r"half|halves|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                   r"twelfth|twentieth|hundredth|thousandth| all|every")
# In text all ASCII, a share in words has one of these or "nearly", "almost", "virtually".
_FRACTION_WORD = rx(r"half|halve|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                    r"twelfth|twentieth|hundredth|thousandth")
# The same, for lower-cased text: three times faster (numberstarts.lowered).
_IN_FRACTION_LOW, _FRACTION_LOW = lowered(_IN_FRACTION), lowered(_FRACTION)
_PART_OF_DURATION = rx(r"\s+(?:an?\s+)?(?:years?|months?|weeks?|days?|hours?|decades?)\b", re.I)
_OF_NOUN = rx(
    r"\s+of\s+(?:(?:all|the|these|those|their|our|such|its)\s+)*((?:[A-Za-z\-]+\s+){0,2}?"
    r"(?:children|child|kids|kid|patients|infants|babies|relapses|cases|deaths|people|adults|"
    r"families|participants|responders|survivors|boys|girls|teenagers|adolescents))\b", re.I)


def of_noun(text: str, end: int, hi: int) -> str:
    """The population a share is of: "60% of childhood cases" -> "childhood cases"."""
    m = _OF_NOUN.match(text, end, hi)
    return m.group(1) if m else ""


def change_by(text: str, start: int, lo: int):
    """"cut the risk of relapse by 61%", "dropped by half": a relative change with its direction."""
    if not re.search(r"\bby\s+$", text[max(lo, start - 4):start]):
        return False, None
    clause = re.split(r"[;:,.]", text[max(lo, start - 60):start])[-1]
    v = _CHANGE_VERB.search(clause)
    if not v:
        return False, None
    return True, "decrease" if v.group(1) else "increase"


def shares(text: str, lo: int, hi: int, low: str, taken, folds: bool = True):
    """Yield the ratios, changes and shares in words of text[lo:hi] (`low` is it lower-cased;
    unless `folds` (literals.foldable), its matches are found in `low`, see numberstarts)."""
    if "twice" in low or "times" in low or "fold" in low:
        for m in _RATIO.finditer(text, lo, hi):
            word = m.group(1).lower()
            value = 2.0 if word.startswith(("twice", "two")) else 3.0 if word.startswith("three") \
                else 4.0 if word.startswith("four") else number_value(m.group(2))[0]
            yield Quantity(m.start(), m.end(), m.group(0), "ratio", value, relative=True, words=True)
    if "doubl" in low or "tripl" in low or "quadrupl" in low:
        for m in _MULTIPLIED.finditer(text, lo, hi):
            value = {"doubl": 2.0, "tripl": 3.0, "quadr": 4.0}[m.group(0).lower()[:5]]
            yield Quantity(m.start(), m.end(), m.group(0), "ratio", value, relative=True,
                           direction="increase", words=True)
    if _IN_OF.search(low) and _IN_NUMBER.search(text, lo, hi):
        for m in _finditer(_IN_FRACTION, _IN_FRACTION_LOW, text, lo, hi, low, folds):
            q = _in_fraction(text, m, lo, hi)
            if q is not None:
                yield q
    if "/" in low:
        for m in _SLASH.finditer(text, lo, hi):
            n, d = int(m.group(1)), int(m.group(2))
            if 0 < n < d:
                qual, qstart = qualifier_before(text, m.start(), lo)
                yield Quantity(qstart, m.end(), text[qstart:m.end()], "percent",
                               round(100 * n / d, 1), unit="%", qualifier=qual, words=True,
                               decimals=1, noun=of_noun(text, m.end(), hi))
    if "cent" in low:
        for m in _PERCENT_OF.finditer(text, lo, hi):
            if not _NUMBER_END.search(text[max(lo, m.start() - 20):m.start()]):
                value, decimals = number_value(m.group(1))
                yield Quantity(m.start(), m.end(), m.group(0), "percent", value, unit="%",
                               decimals=decimals, words=m.group(1)[0].isalpha())
    if _FRACTION_CUE.search(low) and (_FRACTION_WORD.search(low) or not low.isascii()
                                      or "nearly" in low or "almost" in low or "virtually" in low):
        for m in _finditer(_FRACTION, _FRACTION_LOW, text, lo, hi, low, folds):
            if taken.free(m.start(), m.end()):
                q = _fraction(text, m, lo, hi)
                if q is not None:
                    yield q
    if "half" in low or "halve" in low:
        for m in _HALVE.finditer(text, lo, hi):
            yield Quantity(m.start(), m.end(), m.group(0), "percent", 50.0, relative=True,
                           direction="decrease", words=True, qualifier="about")


def _finditer(pattern, lower, text: str, lo: int, hi: int, low: str, folds: bool):
    if folds:
        return pattern.finditer(text, lo, hi)
    return lowered_finditer(pattern, lower, text, lo, hi, low)


def _in_fraction(text: str, m, lo: int, hi: int) -> Quantity | None:
    n, _ = number_value(m.group(1))
    d, _ = number_value(m.group(2))
    if not (0 < n < d <= 1000) or re.match(r"(?:19|20)\d\d$", m.group(2)):
        return None
    qual, qstart = qualifier_before(text, m.start(), lo)
    between = re.findall(r"[A-Za-z'\u2019]+", text[m.end(1):m.start(2)])
    noun = " ".join(w for w in between if w.lower() not in ("in", "out", "of", "every"))
    # "96 out of every 100" in digits is a percentage written out, as exact as "96%"
    per_hundred = d in (100, 1000) and m.group(1)[0].isdigit()
    return Quantity(qstart, m.end(), text[qstart:m.end()], "percent", round(100 * n / d, 1),
                    unit="%", qualifier=qual if qual != "exact" or per_hundred else "about",
                    words=not per_hundred, decimals=0 if d == 100 else 1,
                    noun=noun or of_noun(text, m.end(), hi))


def _fraction(text: str, m, lo: int, hi: int) -> Quantity | None:
    phrase = " ".join(m.group(1).lower().split())
    if phrase in VAGUE_ALL:
        value = VAGUE_ALL[phrase]
    elif phrase == "half":
        value = 50.0
        if re.search(r"\bin\s+$", text[max(lo, m.start() - 4):m.start()]):
            return None
    else:
        f = FRACTION_WORDS.match(m.group(1))
        if f is None or not f.group(0).isascii():
            return None  # letters that only look like ASCII ones ("almo\u017ft all"): no share read
        value = fraction_value(f.group(1), f.group(2))
    if _PART_OF_DURATION.match(text, m.end(), hi) or (
            "half" in phrase and re.search(r"\band\s+$", text[max(lo, m.start() - 5):m.start()])):
        return None  # "two and a half years", "half a day": a duration, not a share
    qual, qstart = qualifier_before(text, m.start(), lo)
    lead = m.group(0)[:m.start(1) - m.start()].lower()
    if "over" in lead:
        qual = "over"
    elif "under" in lead:
        qual = "under"
    elif qual == "exact":
        qual = "about"
    rel, direction = change_by(text, qstart, lo)
    # "nearly all", "almost half", "more than a third": a bound in words, not a figure.
    vague = phrase in VAGUE_ALL or qual in ("nearly", "over", "under", "at-least", "at-most")
    return Quantity(qstart, m.end(), text[qstart:m.end()], "percent", value, unit="%",
                    qualifier=qual, words=True, noun=of_noun(text, m.end(), hi), vague=vague,
                    relative=rel, direction=direction)
