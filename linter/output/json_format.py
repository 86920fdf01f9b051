"""The JSON report of the contract (../CONTRACT: one object, findings sorted, nulls kept)."""
import json

from linter import __version__
from linter.output.escape import display_path
from linter.output.rows import rows, summary


def finding_dict(path, f, pos, end):
    return {
        "path": display_path(path),  # bytes that are not UTF-8 as \xNN: the JSON stays valid
        "line": pos[0], "column": pos[1], "end_line": end[0], "end_column": end[1],
        "rule": f.rule,
        "category": f.category,
        "severity": f.severity,
        "message": f.message,
        "fact": f.fact,
        "found": f.found,
        "expected": f.expected,
        "sources": list(f.sources),
    }


def write(results, errors, ctx, stream):
    report = {
        "tool": {"name": "medlint", "version": __version__},
        "findings": [finding_dict(*row) for row in rows(results)],
        "summary": summary(results),
    }
    json.dump(report, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
