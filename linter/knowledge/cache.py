"""A content-addressed cache for validated data, so that plain runs skip YAML and jsonschema.

The key is a hash of medlint's version, the schemas, the validating modules and every data
file's bytes: any edit to a fact base, rule pack, config, schema or validation makes a new key,
and the data is validated again.
The cache lives in $MEDLINT_CACHE_DIR, else $XDG_CACHE_HOME/medlint, else ~/.cache/medlint.
Set MEDLINT_CACHE_DIR to an empty string (or pass --no-cache) to turn it off.

The cache is never trusted: each entry carries a BLAKE2b checksum of its kind, its key and its
content, checked before the content is decoded; an entry that is missing, truncated, edited,
copied under another key or of the wrong shape is rebuilt silently. Entries are plain data
written with `marshal` (lists, dicts, strings, numbers), which loads faster than pickle; the
key includes the interpreter version, because the format is the interpreter's own.
"""
from __future__ import annotations

import marshal
import os
import stat
import sys
import zlib
from pathlib import Path

try:
    from _blake2 import (
        blake2b,  # the same function hashlib gives, without hashlib's imports
    )
except ImportError:  # pragma: no cover - another implementation
    from hashlib import blake2b

from linter import __version__

_disabled = False


def disable(off: bool = True) -> None:
    """No cache for this run (`--no-cache`): nothing read, nothing written. disable(False)
    turns it back on (each command-line run starts with the cache on)."""
    global _disabled
    _disabled = off


def cache_dir() -> Path | None:
    if _disabled:
        return None
    configured = os.environ.get("MEDLINT_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "medlint"


def digest(*chunks: bytes) -> str:
    """A 64-bit checksum (CRC-32 and Adler-32) of the chunks, with their lengths, medlint's
    version and the interpreter's."""
    head = f"{__version__}|{sys.version}".encode()
    crc, adler, total = zlib.crc32(head), zlib.adler32(head), len(head)
    for chunk in chunks:
        size = len(chunk).to_bytes(8, "little")
        crc = zlib.crc32(chunk, zlib.crc32(size, crc))
        adler = zlib.adler32(chunk, zlib.adler32(size, adler))
        total += len(chunk)
    return f"{crc:08x}{adler:08x}{total:x}"


_MAGIC = b"medlint1"
_SUM = 32  # bytes of checksum
# No entry is larger: a bigger value is not stored, and a bigger file in the folder is not
# one of medlint's entries (validated data of ~1 MB of YAML makes an entry of ~0.5 MB).
MAX_ENTRY = 64 << 20


def read_entry(path, limit: int = MAX_ENTRY) -> bytes | None:
    """The bytes of a cache entry, or None when it is not a regular file of at most `limit`
    bytes. A symbolic link is not followed and a named pipe is not waited on (O_NOFOLLOW,
    O_NONBLOCK; the type is checked on the open file): an entry is only ever a file medlint
    wrote, so anything else is a miss, and the next write replaces it."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) \
        | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        chunks, left = [], limit + 1
        while left > 0:  # the file may grow while it is read
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks) if left > 0 else None
    except OSError:
        return None
    finally:
        os.close(fd)


def _checksum(kind: str, key: str, payload: bytes) -> bytes:
    h = blake2b(digest_size=_SUM, person=b"medlint-cache")
    h.update(f"{kind}\0{key}\0{len(payload)}\0".encode())
    h.update(payload)
    return h.digest()


def load(kind: str, key: str):
    """The value stored under (kind, key), or None when there is none or it does not check out."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        blob = read_entry(folder / f"{kind}-{key}.marshal")
        if blob is None:
            return None
        head = len(_MAGIC) + _SUM
        payload = blob[head:]
        if blob[:len(_MAGIC)] != _MAGIC or blob[len(_MAGIC):head] != _checksum(kind, key, payload):
            return None
        return marshal.loads(payload)  # loads(): load() on a file reads piecemeal
    except Exception:  # a missing, stale or corrupt cache entry is simply rebuilt
        return None


def store(kind: str, key: str, value) -> None:
    folder = cache_dir()
    if folder is None:
        return
    tmp = None
    try:
        payload = marshal.dumps(value)
        if len(payload) + len(_MAGIC) + _SUM > MAX_ENTRY:
            return
        folder.mkdir(parents=True, exist_ok=True)
        import tempfile  # only when writing: its import is slow

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(_MAGIC + _checksum(kind, key, payload) + payload)
        os.replace(tmp, folder / f"{kind}-{key}.marshal")
        tmp = None
    except (OSError, ValueError):  # ValueError: a value marshal cannot write
        pass
    finally:
        if tmp is not None:  # a full disk: leave nothing behind
            try:
                os.unlink(tmp)
            except OSError:
                pass
