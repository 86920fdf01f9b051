"""SARIF 2.1.0 for GitHub code scanning; rules come from the loaded rule packs."""
import json

from linter import __version__
from linter.output.rows import rows

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def write(results, errors, ctx, stream):
    rules = sorted(ctx.rules, key=lambda r: r.code) if ctx else []
    index = {r.code: i for i, r in enumerate(rules)}
    out = []
    for path, f, (line, col), (end_line, end_col) in rows(results):
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
                "artifactLocation": {"uri": path.replace("\\", "/")},
                "region": {"startLine": line, "startColumn": col,
                           "endLine": end_line, "endColumn": max(end_col, col)},
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
            "defaultConfiguration": {"level": LEVEL.get(r.severity, "none")},
            "properties": {"category": r.category},
        } for r in rules],
    }
    log = {"$schema": SCHEMA, "version": "2.1.0",
           "runs": [{"tool": {"driver": driver}, "results": out,
                     "invocations": [{"executionSuccessful": not errors,
                                      "toolExecutionNotifications": [
                                          {"level": "error", "message": {"text": e}}
                                          for e in errors]}]}]}
    json.dump(log, stream, indent=2, ensure_ascii=False)
    stream.write("\n")
