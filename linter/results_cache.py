"""Per-file results, cached by everything they depend on, so an unchanged file is not linted again.

The key of an entry is a hash of: the file's bytes and path, medlint's version and code, the
loaded fact base and rule packs (their content, however they were found), the effective
configuration (config file, --select/--ignore/--preset) and, when a rule that compares dates
with today is on, today's date. Change any of them and the file is linted afresh.

An entry is `MAGIC`, its key, a checksum of key and payload, and the payload (JSON: each finding
with the line and column of its start and end, and for a Word document its paragraph). It is used only when the key and checksum match and every field has
the right type; anything else (a torn write, another version's entry, a hand edit, an entry
copied under another name) is ignored and rewritten. Writes go to a private temporary file that
is renamed into place, so concurrent runs never see half an entry. The checksum guards against
accidents, not against someone who can write to the cache folder.

The folder is `results/` inside the data cache folder (see knowledge/cache.py); deleting it is
always safe.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from linter import __version__
from linter.finding import SEVERITIES, Finding
from linter.knowledge.cache import MAX_ENTRY, cache_dir, read_entry

try:
    from _blake2 import blake2b  # what hashlib.blake2b is, without importing OpenSSL
except ImportError:  # pragma: no cover - another implementation
    from hashlib import blake2b

MAGIC = b"medlint-results 1\n"
PACKAGE = Path(__file__).resolve().parent


def _hash(*chunks: bytes) -> str:
    h = blake2b(digest_size=20)
    for chunk in chunks:
        h.update(len(chunk).to_bytes(8, "little"))
        h.update(chunk)
    return h.hexdigest()


def code_fingerprint() -> bytes:
    """Names, sizes and modification times of medlint's own files: an edited check (in a
    development checkout, where the version does not change) must not reuse old results."""
    parts = []
    for folder, dirs, files in os.walk(PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".py", ".json")):
                st = os.stat(os.path.join(folder, name))
                parts.append(f"{folder}/{name}:{st.st_size}:{st.st_mtime_ns}")
    return "\n".join(parts).encode()


def context_fingerprint(ctx) -> bytes:
    """What a file's findings depend on besides its text: data, configuration, and the date
    when a rule compares dates with today."""
    import datetime

    dated = any(rule.get("check") == "stale" and ctx.severity(rule["code"], rule["severity"]) != "off"
                for rule in ctx.knowledge.rules)
    # The digest of the data files the knowledge was loaded from stands for all of it.
    data = getattr(ctx.knowledge, "digest", None) or vars(ctx.knowledge)
    parts = (data, ctx.config.values, ctx.select, ctx.ignore,
             getattr(ctx, "keep_off", False), datetime.date.today().isoformat() if dated else None)
    return repr(parts).encode("utf-8", "surrogatepass")


class ResultCache:
    """get() and put() of one run's per-file results; every failure is a miss, never an error."""

    def __init__(self, ctx, folder: Path | None = None):
        if folder is None:
            base = cache_dir()
            folder = base / "results" if base is not None else None
        self.folder = folder
        self._ctx = ctx
        self._base: bytes | None = None

    def key(self, path: str, data: bytes) -> str:
        if self._base is None:
            self._base = _hash(MAGIC, __version__.encode(), code_fingerprint(),
                               context_fingerprint(self._ctx)).encode()
        return _hash(self._base, path.encode("utf-8", "surrogateescape"), data)

    def _file(self, key: str) -> Path:
        return self.folder / key[:2] / key[2:]

    def get(self, path: str, data: bytes):
        """(findings, starts, ends, paragraphs) stored for this file, or None: starts and ends
        map offsets to (line, column); paragraphs map a start to its description, or is None."""
        if self.folder is None:
            return None
        key = self.key(path, data)
        try:
            entry = read_entry(self._file(key))  # a regular file of a size medlint writes
            return decode(entry, key) if entry is not None else None
        except Exception:  # missing, unreadable, corrupt or foreign: lint the file again
            return None

    def put(self, path: str, data: bytes, findings, starts, ends, paragraphs=None) -> None:
        if self.folder is None:
            return
        key = self.key(path, data)
        target = self._file(key)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        try:
            entry = encode(key, findings, starts, ends, paragraphs)
            if len(entry) > MAX_ENTRY:
                return
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "xb") as handle:
                handle.write(entry)
            os.replace(tmp, target)
        except Exception:  # a read-only or full disk only costs the next run time
            try:
                os.unlink(tmp)
            except OSError:
                pass


def encode(key: str, findings, starts, ends, paragraphs=None) -> bytes:
    rows = []
    for f in findings:
        line, col = starts[f.start]
        end_line, end_col = ends[max(f.start, f.end)]
        rows.append([f.rule, f.category, f.severity, f.start, f.end, f.message, f.fact, f.found,
                     f.expected, list(f.sources), line, col, end_line, end_col,
                     (paragraphs or {}).get(f.start)])
    payload = json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return b"%s%s\n%s\n%s" % (MAGIC, key.encode(), _hash(key.encode(), payload).encode(), payload)


def decode(data: bytes, key: str):
    """(findings, starts, ends, paragraphs) from an entry stored under `key`, or None if
    anything is off."""
    if not data.startswith(MAGIC):
        return None
    stored_key, checksum, payload = data[len(MAGIC):].split(b"\n", 2)
    if stored_key != key.encode() or checksum != _hash(stored_key, payload).encode():
        return None
    rows = json.loads(payload)
    if not isinstance(rows, list):
        return None
    findings, starts, ends, paragraphs = [], {}, {}, {}
    for row in rows:
        if not (isinstance(row, list) and len(row) == 15):
            return None
        rule, category, severity, start, end, message, fact, found, expected, sources, *pos = row
        described = pos.pop()
        if not (all(isinstance(v, str) for v in (rule, category, message))
                and severity in SEVERITIES
                and all(type(v) is int and v >= 0 for v in (start, end, *pos))
                and all(v is None or isinstance(v, str) for v in (fact, found, expected, described))
                and isinstance(sources, list) and all(isinstance(s, str) for s in sources)):
            return None
        findings.append(Finding(rule, category, severity, start, end, message, fact, found,
                                expected, tuple(sources)))
        starts[start] = (pos[0], pos[1])
        ends[max(start, end)] = (pos[2], pos[3])
        if described is not None:
            paragraphs[start] = described
    return findings, starts, ends, paragraphs or None
