"""PATH:LINE:COL: CODE [severity] message, with expected value and source for fact checks."""
from linter.output.escape import printable
from linter.output.rows import rows, summary


def write(results, errors, ctx, stream):
    documents = {r.path: r.document for r in results}
    # printable(): a newline or escape sequence in a file name or a quoted phrase cannot forge
    # or hide a line of the report.
    for path, f, (line, col), _ in rows(results):
        stream.write(printable(f"{path}:{line}:{col}: {f.rule} [{f.severity}] {f.message}") + "\n")
        describe = getattr(documents.get(path), "describe", None)  # a Word document's paragraph
        if describe is not None and f.end > f.start:
            stream.write(f"    at: {printable(describe(f.start))}\n")
        if f.expected:
            stream.write(f"    expected: {printable(f.expected)}\n")
        if f.sources:
            stream.write(f"    source: {printable('; '.join(f.sources))}\n")
    s = summary(results)
    files = f"{s['files']} file{'s' if s['files'] != 1 else ''}"
    if s["findings"]:
        stream.write(f"Found {s['findings']} problem{'s' if s['findings'] != 1 else ''} "
                     f"({s['error']} error, {s['warning']} warning, {s['info']} info) in {files}.\n")
    else:
        stream.write(f"No problems found in {files}.\n")
