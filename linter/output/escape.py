"""File names and quoted text made safe to print: undecodable bytes and control characters escaped."""
import os


def display_path(path: str) -> str:
    """A path as text: bytes that are not UTF-8 (kept by Python as surrogates) become \\xNN."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        try:
            return os.fsencode(path).decode("utf-8", "backslashreplace")
        except (UnicodeError, ValueError):
            return path.encode("utf-8", "backslashreplace").decode("utf-8")


def printable(text: str) -> str:
    """Text safe to print on a terminal line: undecodable bytes and control characters (newlines,
    escape sequences) escaped, so a file name cannot forge or hide a line of the report."""
    text = display_path(text)
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else _escape(c) for c in text)


def _escape(c: str) -> str:
    code = ord(c)
    return f"\\x{code:02x}" if code < 0x100 else (f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
