"""Check a Word file's zip archive before python-docx unpacks it.

A .docx is a zip archive, and a small archive can unzip to gigabytes (a zip bomb). Its parts
may unzip to at most UNZIPPED times max-file-size, together: the zip directory's sizes are
checked first, then every part is unzipped once and counted as it comes out (a directory can
lie), which also checks each part's checksum. A part named twice is refused: which copy a
reader takes is up to the reader.
"""
from __future__ import annotations

import io
import zipfile
import zlib

from linter.document.reader import sizes
from linter.errors import InputError

UNZIPPED = 4  # times max-file-size: what all the parts of a .docx may unzip to, together
_CHUNK = 1 << 20


def check(data: bytes, path: str, max_bytes: int) -> None:
    """A one-line InputError unless the archive is whole, names each part once and unzips to
    at most UNZIPPED * max_bytes."""
    budget = UNZIPPED * max_bytes
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names: set = set()
            for info in infos:
                if info.filename in names:
                    raise InputError(f"{path}: a damaged Word document (the part "
                                     f"{info.filename!r} appears twice in the archive)")
                names.add(info.filename)
            declared = sum(info.file_size for info in infos)
            if declared > budget:
                raise _too_big(path, declared, budget)
            total = 0
            for info in infos:
                with archive.open(info) as member:
                    while True:
                        chunk = member.read(_CHUNK)
                        if not chunk:
                            break
                        total += len(chunk)
                        if total > budget:
                            raise _too_big(path, total, budget, "at least ")
    except InputError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError,
            NotImplementedError, RuntimeError, ValueError) as err:
        # RuntimeError: an encrypted part; NotImplementedError: an unknown compression method
        detail = str(err).splitlines()[0][:160] if str(err) else type(err).__name__
        raise InputError(f"{path}: a damaged zip archive ({detail})") from None


def _too_big(path: str, found: int, budget: int, bound: str = "") -> InputError:
    return InputError(f"{path}: the document unzips to {bound}{sizes(found, budget)} limit "
                      f"({UNZIPPED} times max-file-size in the config)")
