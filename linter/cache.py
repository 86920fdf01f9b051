"""A content-addressed cache for validated data, so that plain runs skip YAML and jsonschema.

The key is a hash of medlint's version, the schemas and every data file's bytes: any edit to
a fact base, rule pack, config or schema makes a new key, and the data is validated again.
The cache lives in $MEDLINT_CACHE_DIR, else $XDG_CACHE_HOME/medlint, else ~/.cache/medlint.
Set MEDLINT_CACHE_DIR to an empty string to turn it off. A cache that cannot be read or
written is ignored: it only ever saves time.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from linter import __version__


def cache_dir() -> Path | None:
    configured = os.environ.get("MEDLINT_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "medlint"


def digest(*chunks: bytes) -> str:
    h = hashlib.sha256(__version__.encode())
    for chunk in chunks:
        h.update(len(chunk).to_bytes(8, "little"))
        h.update(chunk)
    return h.hexdigest()[:32]


def load(kind: str, key: str):
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(folder / f"{kind}-{key}.pickle", "rb") as handle:
            return pickle.load(handle)
    except Exception:  # a missing, stale or corrupt cache entry is simply rebuilt
        return None


def store(kind: str, key: str, value) -> None:
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        import tempfile  # only when writing: its import is slow

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{kind}-{key}.pickle")
    except OSError:
        pass
