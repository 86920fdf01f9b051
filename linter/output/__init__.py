"""Output formats. Each writer takes (results, errors, ctx, stream)."""

FORMATS = ("text", "json", "sarif", "github")


def writer(name: str):
    if name == "json":
        from linter.output.json_format import write
    elif name == "sarif":
        from linter.output.sarif import write
    elif name == "github":
        from linter.output.github import write
    else:
        from linter.output.text import write
    return write


def rows(results):
    """(path, finding, (line, col), (end_line, end_col)) for every finding, in report order."""
    out = []
    for result in sorted(results, key=lambda r: r.path):
        for f in result.findings:
            pos = result.document.position(f.start)
            end = result.document.position(max(f.start, f.end))
            out.append((result.path, f, pos, end))
    out.sort(key=lambda r: (r[0], r[2][0], r[2][1], r[1].rule))
    return out


def summary(results) -> dict:
    counts = {"error": 0, "warning": 0, "info": 0}
    for r in results:
        for f in r.findings:
            counts[f.severity] = counts.get(f.severity, 0) + 1
    return {"files": len(results), "findings": sum(counts.values()), **counts}


def display_path(path: str) -> str:
    """A path as text: bytes that are not UTF-8 (kept by Python as surrogates) become \\xNN."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        import os

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
