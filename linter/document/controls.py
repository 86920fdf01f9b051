"""Inline control comments: `<!-- medlint-disable CODE -->`, `-enable`, `-disable-next-line`
(outside code). The filter step (linter/filters.py) turns them into switched-off regions."""
from __future__ import annotations

import re
from dataclasses import dataclass

from linter.regexcache import compile as rx

_CONTROL = rx(
    r"<!--\s*medlint-(disable-next-line|disable|enable)\b([^>]*?)\s*-->", re.I)


@dataclass(frozen=True)
class Control:
    offset: int  # where the comment starts in the original file
    kind: str  # "disable" | "enable" | "disable-next-line"
    codes: tuple[str, ...] = ()  # the codes named; none: every rule


def find_controls(text: str, body_start: int, code_ranges) -> list[Control]:
    out = []
    for m in _CONTROL.finditer(text, body_start):
        if any(a <= m.start() < b for a, b in code_ranges):
            continue
        codes = tuple(c.strip().upper() for c in re.split(r"[,\s]+", m.group(2)) if c.strip())
        out.append(Control(offset=m.start(), kind=m.group(1).lower(), codes=codes))
    return out
