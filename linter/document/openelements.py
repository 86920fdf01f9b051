"""The stack of open elements of an HTML page being read, with where each tag name is open.

Every start tag asks the stack whether an element of some names is open, and which of two sets
of names was opened last (the implied end tags of the HTML standard: a <p> closes at a block
unless a table cell comes first); every stretch of text asks whether it is inside the page's
main text. A page of thousands of nested elements must not make each tag walk the whole stack,
so each name keeps the positions where it is open, and the main-text elements are counted.
"""
from __future__ import annotations


class OpenElements:
    """Open elements, innermost last; each has `name` and `main` (it is the page's main text)."""

    def __init__(self):
        self.items: list = []
        self._at: dict[str, list[int]] = {}  # name -> positions in items, innermost last
        self.mains = 0  # how many open elements are the page's main text

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def top(self):
        return self.items[-1] if self.items else None

    def push(self, entry) -> None:
        self._at.setdefault(entry.name, []).append(len(self.items))
        self.items.append(entry)
        self.mains += bool(entry.main)

    def pop(self):
        entry = self.items.pop()
        self._at[entry.name].pop()
        self.mains -= bool(entry.main)
        return entry

    def has(self, name: str) -> bool:
        return bool(self._at.get(name))

    def nearest(self, names) -> int:
        """The position of the innermost open element of one of `names` (-1: none is open)."""
        best = -1
        for name in names:
            at = self._at.get(name)
            if at and at[-1] > best:
                best = at[-1]
        return best

    def innermost(self, names):
        """The innermost open element of one of `names`, or None."""
        at = self.nearest(names)
        return self.items[at] if at >= 0 else None
