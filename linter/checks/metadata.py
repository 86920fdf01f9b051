"""The JAMA benchmark elements a reviewer looks for: author, sources, date of last update, and
whether that date is older than `max-age-days` (rules/benchmarks.yaml; off unless the `strict`
preset or the config turns them on). Silberg WM et al., JAMA 1997;277:1244."""
from __future__ import annotations

import datetime as dt

from linter.finding import Finding
from linter.regexcache import compile as rx

AUTHOR_KEYS = ("author", "authors", "byline", "reviewed_by", "written_by")
DATE_KEYS = ("last_reviewed", "last_updated", "updated", "modified", "reviewed", "date")
_BYLINE = rx(r"\b(?:[Bb]y|[Pp]osted\s+by|[Ww]ritten\s+by|[Rr]eviewed\s+by|[Aa]uthor:)\s+[A-Z@]")
_DATE = rx(r"\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})\s+(January|February|March|April|May|June|"
                   r"July|August|September|October|November|December)\s+(\d{4})\b|\b(January|"
                   r"February|March|April|May|June|July|August|September|October|November|December)"
                   r"\s+(\d{1,2}),\s+(\d{4})\b")
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"]


def _front(doc) -> dict:
    return doc.front_matter if isinstance(doc.front_matter, dict) else {}


def _head(doc, blocks=6) -> str:
    return " ".join(doc.text[b.start:b.end] for b in doc.blocks[:blocks])


def document_date(doc):
    fm = _front(doc)
    for key in DATE_KEYS:
        value = fm.get(key)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            parsed = _parse(value)
            if parsed:
                return parsed
    return _parse(_head(doc))


def _parse(text: str):
    m = _DATE.search(text)
    if not m:
        return None
    try:
        if m.group(1):
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m.group(4):
            return dt.date(int(m.group(6)), _MONTHS.index(m.group(5).lower()) + 1, int(m.group(4)))
        return dt.date(int(m.group(9)), _MONTHS.index(m.group(7).lower()) + 1, int(m.group(8)))
    except ValueError:
        return None


def _author(view, today) -> bool:
    doc = view.doc
    return any(_front(doc).get(k) for k in AUTHOR_KEYS) or bool(_BYLINE.search(_head(doc)))


def _sources(view, today) -> bool:
    """A reference list under its own heading, or a citation anywhere."""
    doc = view.doc
    return any(b.kind == "heading" and view.reference_section(doc.prose[b.start:b.end])
               for b in doc.blocks) or view.cites(doc.text)


def _date(view, today) -> bool:
    return document_date(view.doc) is not None


def _stale(view, today) -> bool:
    date = document_date(view.doc)
    return date is None or (today - date).days <= view.config["max-age-days"]


KINDS = ("metadata",)
CHECKS = {"author": _author, "sources": _sources, "date": _date, "stale": _stale}


def check(view, rules, today=None):
    today = today or dt.date.today()
    for rule in rules:
        if not CHECKS[rule.check](view, today):
            yield Finding(rule.code, rule.category, rule.severity, 0, 0,
                          rule.message.format(days=view.config["max-age-days"]))
