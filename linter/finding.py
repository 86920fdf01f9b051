"""The one immutable result type every check yields."""
from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3, "never": 99}


@dataclass(frozen=True, order=False)
class Finding:
    """One problem at a character span [start, end) of the original file.

    Line and column are derived from the span when reporting (see Document.position).
    `fact`, `found`, `expected` and `sources` are filled by fact checks and empty otherwise.
    """

    rule: str
    category: str
    severity: str
    start: int
    end: int
    message: str
    fact: str | None = None
    found: str | None = None
    expected: str | None = None
    sources: tuple[str, ...] = field(default_factory=tuple)

    @property
    def document_level(self) -> bool:
        """A finding about the whole document (a missing notice): reported at line 1, column 1
        whatever the document's first text is."""
        return self.start == 0 and self.end == 0

    def sort_key(self):
        return (self.start, self.rule, self.end)
