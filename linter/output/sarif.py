"""SARIF 2.1.0 for GitHub code scanning; rules come from the loaded rule packs, each with the
severity the run gives it (preset and config `severity:` applied), as its results have.

Columns are counted in UTF-16 code units (`columnKind: utf16CodeUnits`, SARIF's default and what
GitHub assumes); a character outside the Basic Multilingual Plane (an emoji) counts two.
"""
import json
import os
import re
from urllib.parse import quote

from linter import __version__
from linter.output.escape import display_path
from linter.output.rows import rows

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def write(results, errors, ctx, stream):
    rules = sorted(ctx.rules, key=lambda r: r.code) if ctx else []
    index = {r.code: i for i, r in enumerate(rules)}
    docs = {r.path: _text_of(r) for r in results}
    out = []
    for path, f, (line, col), (end_line, end_col) in rows(results):
        col, end_col = _utf16(docs[path], line, col), _utf16(docs[path], end_line, end_col)
        text = f.message
        if f.expected:
            text += f" Expected: {f.expected}."
        if f.sources:
            text += f" Source: {'; '.join(f.sources)}."
        result = {
            "ruleId": f.rule,
            "level": LEVEL[f.severity],
            "message": {"text": text},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(path)},
                "region": {"startLine": line, "startColumn": col, "endLine": end_line,
                           # SARIF: an end on the start line is not before the start
                           "endColumn": end_col if end_line > line else max(end_col, col)},
            }}],
            "properties": {"category": f.category, "fact": f.fact, "found": f.found,
                           "expected": f.expected, "sources": list(f.sources)},
        }
        if f.rule in index:
            result["ruleIndex"] = index[f.rule]
        out.append(result)
    driver = {
        "name": "medlint",
        "version": __version__,
        "informationUri": "https://pypi.org/project/medlint/",
        "rules": [{
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.name},
            "fullDescription": {"text": r.data["rationale"]},
            # The run's severity (preset and config applied), as its results and `medlint rules`.
            "defaultConfiguration": {"level": LEVEL.get(ctx.severity(r.code, r.severity), "none")},
            "properties": {"category": r.category},
        } for r in rules],
    }
    log = {"$schema": SCHEMA, "version": "2.1.0",
           "runs": [{"tool": {"driver": driver}, "results": out, "columnKind": "utf16CodeUnits",
                     "invocations": [{"executionSuccessful": not errors,
                                      "toolExecutionNotifications": [
                                          {"level": "error", "message": {"text": display_path(e)}}
                                          for e in errors]}]}]}
    json.dump(log, stream, indent=2, ensure_ascii=False)
    stream.write("\n")


def _text_of(result):
    """The lines of a text draft (Markdown or plain text), to count its columns in UTF-16 units;
    None for Word and HTML documents and for what cannot be read again (standard input)."""
    doc = result.document
    if hasattr(doc, "line_starts") and getattr(doc, "end_position", None) is None:
        return doc.text.split("\n")
    from linter.document import formats, reader

    if result.path == "-" or formats.kind(result.path) != "text":
        return None
    try:
        return reader.read_path(result.path, 1 << 30).split("\n")
    except Exception:  # noqa: BLE001 - columns then stay in code points
        return None


def _utf16(lines, line: int, col: int) -> int:
    """A 1-based code-point column as a 1-based UTF-16 column."""
    if lines is None or line > len(lines):
        return col
    return col + len(_ASTRAL.findall(lines[line - 1], 0, col - 1))


def _uri(path: str) -> str:
    """A relative URI reference: separators as /, anything else unsafe percent-encoded."""
    raw = os.fsencode(path) if os.sep == "/" else path.encode("utf-8", "surrogateescape")
    return quote(raw.replace(b"\\", b"/"), safe="/:@!$&'()*+,;=~")
