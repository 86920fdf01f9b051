"""Read a draft from disk or standard input into text, or fail with a one-line InputError.

Accepted encodings: UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order
mark. Anything else is reported, never guessed: a wrong guess would misplace every finding.
"""
from __future__ import annotations

import codecs
import os

from linter.errors import InputError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


def decode(data: bytes, name: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
        encoding = "UTF-8"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise InputError(f"{name}: not valid UTF-16 (byte {err.start}); save it as UTF-8") from None
        return _check_text(text, name)
    else:
        encoding = "UTF-8"
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file (contains NUL bytes); medlint reads "
                         f"Markdown and plain text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{name}: not valid {encoding} (byte 0x{data[err.start]:02x} at offset "
                         f"{err.start}); save it as UTF-8") from None
    return _check_text(text, name)


def _check_text(text: str, name: str) -> str:
    if "\x00" in text:
        raise InputError(f"{name}: looks like a binary file (contains NUL characters)")
    if not text.strip():
        raise InputError(f"{name}: file is empty; nothing to check")
    # One newline convention; line and column numbers are unchanged by it.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise InputError(f"{path}: file is {size / 1048576:.1f} MB, over the "
                             f"{max_bytes / 1048576:.0f} MB limit (max-file-size in the config)")
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None
    return decode(data, path)


def read_stdin(stream, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"-: standard input is over the {max_bytes / 1048576:.0f} MB limit")
    return decode(data, "-")
