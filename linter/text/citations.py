"""Does a sentence cite a source? A link, a footnote marker, a Markdown footnote, or a named
study (from the vocabulary), journal, agency or author-year."""
from __future__ import annotations

from linter.regexcache import compile as rx

CITATION = rx(
    r"https?://|\]\(|\[\^?\d+(?:\s*[,\u2013-]\s*\d+)*\]|\^\d+|[\u00b9\u00b2\u00b3\u2070-\u2079]+"
    r"|\b[A-Z][A-Za-z'\-]+(?:\s+(?:and|&)\s+[A-Z][A-Za-z'\-]+)?\s+et\s+al\b"
    r"|\([A-Z][A-Za-z'\-]+(?:\s+et\s+al\.?)?,?\s+(?:\d{4}|[A-Z][^()]{2,60}\d{4})\)"
    r"|\b(?:N\s?Engl\s?J\s?Med|NEJM|New\s+England\s+Journal|JAMA|Lancet|J\s?Clin\s?Oncol|JCO|"
    r"Blood(?:\s+Advances|\s+Adv)?|Leukemia\s+\d{4}|Pediatrics|Nature|BMJ|Cochrane|"
    r"Journal\s+of\s+[A-Z]\w+|Frontiers\s+in|Front\s+Pediatr|iScience)\b"
    r"|\b(?:American\s+Cancer\s+Society|National\s+Cancer\s+Institute|NCI\s+PDQ|PDQ|Cancer\.Net|"
    r"Children's\s+Oncology\s+Group|COG|FDA|EMA|WHO|NICE|NCCN|ASH\s*20\d\d|ASCO)\b"
    r"|\b(?:researchers|scientists|investigators|doctors|a\s+team)\s+(?:at|from)\s+(?:the\s+)?[A-Z]"
    r"|\b(?:press\s+release|published\s+in|presented\s+(?:\w+\s+){0,3}at|according\s+to\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[A-Z]|study|review|trial|report|analysis|paper|survey))",
)


def cites(raw_sentence: str, studies=None) -> bool:
    """Whether a sentence cites a source; `studies` matches the named studies and series of the
    vocabulary's `cited-studies` group."""
    return CITATION.search(raw_sentence) is not None or (
        studies is not None and studies.search(raw_sentence) is not None)
