"""A one-line count of files checked, on a terminal's standard error, for runs that take a while.

It appears only after the first second, is redrawn at most ten times a second, and is erased
when the run ends, so the report that follows is the same as without it.
"""
from __future__ import annotations

import time

DELAY = 1.0
INTERVAL = 0.1


class Progress:
    def __init__(self, stream, clock=time.monotonic):
        self.stream = stream
        self.clock = clock
        self.start = clock()
        self.shown = 0.0
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if total < 2 or now - self.start < DELAY or now - self.shown < INTERVAL:
            return
        self.shown = now
        self.drawn = True
        self.stream.write(f"\rmedlint: {done}/{total} files checked")
        self.stream.flush()

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn = False


def for_stream(stream):
    """A Progress for a terminal, else None (a log or a pipe gets no progress line)."""
    try:
        return Progress(stream) if stream.isatty() else None
    except (AttributeError, ValueError):
        return None
