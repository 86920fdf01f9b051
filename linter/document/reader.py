"""Read a draft from disk or standard input into text, or fail with a one-line InputError.

Accepted encodings: UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order
mark. Anything else is reported, never guessed: a wrong guess would misplace every finding.
"""
from __future__ import annotations

import codecs
import os
import stat
import sys

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
        return check_text(text, name)
    else:
        encoding = "UTF-8"
    refuse_nul(data, name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{name}: not valid {encoding} (byte 0x{data[err.start]:02x} at offset "
                         f"{err.start}); save it as UTF-8") from None
    return check_text(text, name)


def refuse_nul(data: bytes, name: str, reads: str = "Markdown and plain text") -> None:
    """An InputError when the first bytes hold NUL bytes (no byte-order mark came first): a
    binary file, or UTF-16 saved without its mark, which is named as such when every other byte
    is NUL, as ASCII text reads in UTF-16."""
    head = data[:8192]
    if b"\x00" not in head:
        return
    pairs = len(head) // 2
    for nul in (1, 0):  # little-endian: the high (second) byte is NUL; big-endian: the first
        if pairs and head[nul::2][:pairs].count(0) >= 0.9 * pairs and b"\x00" not in head[1 - nul::2]:
            raise InputError(f"{name}: looks like UTF-16 text without a byte-order mark; save it "
                             f"as UTF-8 (or UTF-16 with a byte-order mark)")
    raise InputError(f"{name}: looks like a binary file (contains NUL bytes); medlint reads {reads}")


def check_text(text: str, name: str) -> str:
    if "\x00" in text:
        raise InputError(f"{name}: looks like a binary file (contains NUL characters)")
    if not text.strip():
        raise InputError(f"{name}: file is empty; nothing to check")
    # One newline convention; line and column numbers are unchanged by it.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    return decode(read_bytes(path, max_bytes), path)


def read_bytes(path: str, max_bytes: int | None = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file, or a one-line InputError; no size limit when max_bytes is
    None (a Word file's limit is on its text, not its zipped size)."""
    # O_NONBLOCK: opening a FIFO must not wait for a writer; the file's type is then checked on
    # the open descriptor, so a file swapped for a FIFO or device after a check cannot block.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
        | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as err:
        try:
            mode = os.stat(path).st_mode
        except OSError:
            mode = stat.S_IFREG
        if not stat.S_ISREG(mode):  # a socket cannot even be opened
            raise InputError(f"{path}: not a regular file ({file_kind(mode)})") from None
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path}: is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path}: not a regular file ({file_kind(info.st_mode)}); medlint reads "
                             f"files, folders and - for standard input")
        if max_bytes is not None and info.st_size > max_bytes:
            raise InputError(f"{path}: file is {sizes(info.st_size, max_bytes)} limit "
                             f"(max-file-size in the config)")
        chunks, left = [], (sys.maxsize - 1 if max_bytes is None else max_bytes) + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None
    finally:
        os.close(fd)
    if max_bytes is not None and len(data) > max_bytes:  # grew while being read
        raise InputError(f"{path}: file is over the {size(max_bytes)} limit "
                         f"(max-file-size in the config)")
    return data


def size(n: int, trim: bool = True) -> str:
    """A size in the largest unit it reaches: `812 bytes`, `4.4 KB`, `5 MB` (1 KB = 1024 bytes,
    as max-file-size counts); `trim` drops a trailing `.0` (the limits users write are whole)."""
    for unit, scale in (("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            text = f"{n / scale:.1f}"
            return f"{text[:-2] if trim and text.endswith('.0') else text} {unit}"
    return f"{n} bytes" if n != 1 else "1 byte"


def sizes(found: int, limit: int) -> str:
    """`4.4 KB, over the 1 KB`: a file's size and the limit it passed, in units that show the
    difference (to the byte when rounding would make them look equal)."""
    if size(found) == size(limit):
        return f"{found:,} bytes, over the {limit:,}-byte"
    return f"{size(found, trim=False)}, over the {size(limit)}"


def require_regular(path: str) -> None:
    """An InputError unless path is a regular file (for readers that open files themselves)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # the reader reports a missing or unreadable file in its own words
    if stat.S_ISDIR(mode):
        raise InputError(f"{path}: is a directory")
    if not stat.S_ISREG(mode):
        raise InputError(f"{path}: not a regular file ({file_kind(mode)}); medlint reads files, "
                         f"folders and - for standard input")


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words: `a named pipe`, `a folder`..."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a plain file"


def read_stdin(stream, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"-: standard input is over the {size(max_bytes)} limit")
    return decode(data, "-")
