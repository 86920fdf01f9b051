"""Compiled regular expressions, cached across runs.

Parsing and compiling medlint's few hundred patterns costs more than linting a draft, and a
pre-commit hook pays it on every run. Python cannot pickle a compiled pattern, but its compiler
produces a code list that `_sre.compile` turns into a pattern in microseconds. This module keeps
those code lists in the data cache (see cache.py), keyed by the exact interpreter build, and
falls back to `re.compile` whenever anything about that is unavailable or does not check out.
"""
from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import zlib

from linter import __version__
from linter.knowledge.cache import cache_dir

try:  # Python 3.11+
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _compiler
    import sre_parse as _parser
try:
    import _sre
except ImportError:  # pragma: no cover - another implementation
    _sre = None

_KEY = f"{sys.implementation.name}-{sys.version}-{__version__}"
_entries: dict | None = None
_dirty = False
_enabled = _sre is not None and hasattr(_compiler, "_code") and hasattr(_parser, "parse")


def _path():
    folder = cache_dir()
    if folder is None:
        return None
    tag = f"{zlib.crc32(_KEY.encode()):08x}{zlib.adler32(_KEY.encode()):08x}"
    return folder / f"regex-{tag}.marshal"


def _load() -> dict:
    global _entries
    if _entries is None:
        _entries = {}
        path = _path() if _enabled else None
        if path is not None:
            try:
                with open(path, "rb") as handle:
                    data = marshal.loads(handle.read())
                if isinstance(data, dict) and data.get("key") == _KEY:
                    _entries = data["entries"]
            except Exception:  # a missing or unreadable cache is rebuilt
                _entries = {}
    return _entries


def _build(pattern: str, flags: int):
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup = [None] * p.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # Plain ints only: RegexFlag members and the compiler's named constants are not plain data.
    return (pattern, int(flags | p.state.flags), [int(c) for c in code], p.state.groups - 1, groupindex,
            tuple(indexgroup))


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - mirrors re.compile
    global _dirty, _enabled
    if not _enabled:
        return re.compile(pattern, flags)
    entries = _load()
    flags = int(flags)
    key = (pattern, flags)
    entry = entries.get(key)
    fresh = entry is None
    try:
        if fresh:
            entry = _build(pattern, flags)
        compiled = _sre.compile(*entry)
        if compiled.pattern != pattern:
            raise ValueError("regex cache mismatch")
    except re.error:
        raise  # a bad pattern is the caller's error, not the cache's
    except Exception:
        _enabled = False  # the internals differ here: plain compilation from now on
        return re.compile(pattern, flags)
    if fresh:
        entries[key] = entry
        _dirty = True
    return compiled


@atexit.register
def save() -> None:
    """Write newly compiled patterns to the cache (once; also run at normal exit)."""
    global _dirty
    if not _dirty or not _enabled:
        return
    _dirty = False
    path = _path()
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only when writing: its import is slow

        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".regex-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            marshal.dump({"key": _KEY, "entries": _entries}, handle)
        os.replace(tmp, path)
    except (OSError, ValueError):
        pass
