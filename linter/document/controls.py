"""Inline control comments: `<!-- medlint-disable CODE -->`, `-enable`, `-disable-next-line`.

Only a comment the Markdown shows as a comment is obeyed: one inside a code block or a code
span is code (a draft that explains the syntax quotes it). The filter step (linter/filters.py)
turns the comments into switched-off regions, each beginning after the comment that opens it:
no region begins at offset 0, where document-level findings sit, so those are switched off
only by a region that stays open to the end of the document (README, "Inline control")."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from linter.regexcache import compile as rx

# Bounded: an unclosed control comment must not rescan the rest of the text from every start.
_CONTROL = rx(
    r"<!--\s*medlint-(disable-next-line|disable|enable)\b([^>]{0,500}?)\s*-->", re.I)


@dataclass(frozen=True)
class Control:
    offset: int  # just after the comment in the original file: where its region begins
    kind: str  # "disable" | "enable" | "disable-next-line"
    codes: tuple[str, ...] = ()  # the codes named; none: every rule


def find_controls(text: str, body_start: int, code_ranges) -> list[Control]:
    out = []
    starts = [a for a, _ in code_ranges]  # in document order, not overlapping
    for m in _CONTROL.finditer(text, body_start):
        k = bisect.bisect_right(starts, m.start()) - 1
        if k >= 0 and m.start() < code_ranges[k][1]:
            continue
        codes = tuple(c.strip().upper() for c in re.split(r"[,\s]+", m.group(2)) if c.strip())
        out.append(Control(offset=m.end(), kind=m.group(1).lower(), codes=codes))
    return out
