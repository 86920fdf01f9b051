"""Numbers as a draft writes them: digits ("1,440", "96.0", ".5", "2.48×10⁻⁵"), words ("ninety-six",
"a hundred and two", "three million, two hundred and forty") and fractions in words ("one sixth",
"three-quarters", "three halves"), each read to its value.

Number words are read as a sequence that must make sense as one number: "two hundred and
forty" is 240, while "one, two, three" is three numbers and "several hundred" none.
"""
from __future__ import annotations

import re

from linter.regexcache import compile as rx
from linter.regexcache import lazy

_UNITS = "zero one two three four five six seven eight nine".split()
_TEENS = ("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
          "nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

WORD_VALUES = {w: i for i, w in enumerate(_UNITS + _TEENS)}
WORD_VALUES.update({w: 10 * (i + 2) for i, w in enumerate(_TENS)})

_WORD = "|".join(sorted([*WORD_VALUES, "hundred", "dozen", *_SCALES], key=len, reverse=True))
# One number in words inside a larger pattern ("nine out of ten", "one in a hundred").
NUMWORD = (rf"(?:(?:{'|'.join(_TENS)})(?:[\s\-\u2010\u2011](?:{'|'.join(_UNITS[1:])}))?|"
           rf"(?:a|one)\s+hundred|a\s+dozen|{'|'.join(_UNITS + _TEENS)})")
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
NUMBER = rf"(?:{DIGITS}|\b{NUMWORD}\b)"
# Where a number in digits or words may start; read_words() decides how far words go.
NUMBER_START = rx(rf"{DIGITS}|\b(?:(?:a|an)\s+(?=(?:hundred|dozen|thousand|million|billion|"
                  rf"trillion)\b)|(?:{_WORD})\b)", re.I)
_TOKEN = rx(rf"(?:a|an|{_WORD})\b|&|,|and\b", re.I)
_GAP = " \t\n-\u2010\u2011"

# "× 10⁻⁵", "x10^-5", "×10−5": scientific notation after a number (not "×10⁹/L", a cell count).
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
TIMES_TEN = rx(r"[ \t]*[×x][ \t]*10(?:\^|\*\*)?([\-\u2212\u207b]?[0-9\u2070-\u2079\u00b2\u00b3\u00b9]{1,3})"
               r"(?![ \t]*/)")

_DENOMINATORS = {"half": 2, "halve": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5,
                 "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "twelfth": 12,
                 "twentieth": 20, "hundredth": 100, "thousandth": 1000}
_DENOM = "|".join(sorted(_DENOMINATORS, key=len, reverse=True))
_NUMERATOR = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
# "one sixth", "two-thirds", "three halves", "a quarter" (a numerator is needed: "the third dose"
# is no fraction); plain "half" is read by the caller.
FRACTION_WORDS = lazy(rf"\b({_NUMERATOR})[\s\-\u2010\u2011]+({_DENOM})s?\b", re.I)
VAGUE_ALL = {"nearly all": 95.0, "almost all": 95.0, "virtually all": 97.0, "nearly every": 95.0,
             "almost every": 95.0, "virtually every": 97.0}


def fraction_value(numerator: str, denominator: str) -> float:
    """The share a fraction in words states, in percent: ("two", "thirds") -> 66.7."""
    n = 1 if numerator.lower() in ("a", "an") else WORD_VALUES[numerator.lower()]
    d = _DENOMINATORS[denominator.lower().rstrip("s")]
    return round(100 * n / d, 1)


def number_value(token: str) -> tuple[float, int]:
    """(value, decimals) of a number in digits or words."""
    t = token.strip().lower().replace("\u2010", "-").replace("\u2011", "-")
    if t[0].isdigit() or t[0] == ".":
        t = t.replace(",", "")
        decimals = len(t.split(".")[1]) if "." in t else 0
        return float(t), decimals
    value, _ = read_words(t)
    return float(value or 0), 0


def read_words(text: str, start: int = 0, hi: int | None = None) -> tuple[float | None, int]:
    """Read number words at text[start:]: (value, end offset of the last word used), or
    (None, start) when they make no number ("several hundred", "and")."""
    total, current, last, end = 0.0, 0.0, None, start
    pos, size = start, len(text) if hi is None else hi
    while True:
        p = pos
        while p < size and p - pos < 4 and text[p] in _GAP:
            p += 1
        m = _TOKEN.match(text, p, size)
        if m is None or (p > 0 and m.group(0)[0].isalpha() and text[p - 1].isalnum()):
            break
        word = m.group(0).lower()
        pos = m.end()
        if word in ("a", "an"):
            if last is not None:
                break
            last = "a"
            continue
        if word in ("and", "&", ","):
            if last not in ("hundred", "scale") or (word == "," and last != "scale"):
                break
            continue
        if word in _SCALES:
            if last not in ("unit", "teen", "tens", "hundred", "a"):
                break
            total += (current or 1) * _SCALES[word]
            current, last = 0.0, "scale"
        elif word in ("hundred", "dozen"):
            if last not in ("unit", "teen", "a") or current >= 100:
                break
            current = (current or 1) * (100 if word == "hundred" else 12)
            last = word
        else:
            value = WORD_VALUES[word]
            kind = "unit" if value < 10 else "teen" if value < 20 else "tens"
            if last not in {"unit": (None, "tens", "hundred", "scale"),
                            "teen": (None, "hundred", "scale"),
                            "tens": (None, "hundred", "scale")}[kind]:
                break
            if word == "zero" and last is not None or kind == "unit" and last == "tens" and \
                    text[end:m.start()].strip(" \t") not in ("", "-", "\u2010", "\u2011"):
                break
            current += value
            last = kind
        end = m.end()
    if last in (None, "a"):
        return None, start
    return total + current, end


def scientific(text: str, end: int, hi: int, value: float) -> tuple[float, int] | None:
    """"2.48×10⁻⁵" after the number ending at `end`: (value, new end), or None."""
    m = TIMES_TEN.match(text, end, hi)
    if not m:
        return None
    exponent = m.group(1).translate(_SUPERSCRIPT).replace("\u2212", "-")
    exponent = exponent.replace("\u00b2", "2").replace("\u00b3", "3").replace("\u00b9", "1")
    try:
        return value * 10 ** int(exponent), m.end()
    except ValueError:
        return None
