"""PATH:LINE:COL: CODE [severity] message, with expected value and source for fact checks."""
from linter.output import printable, rows, summary


def write(results, errors, ctx, stream):
    # printable(): a newline or escape sequence in a file name or a quoted phrase cannot forge
    # or hide a line of the report.
    for path, f, (line, col), _ in rows(results):
        stream.write(printable(f"{path}:{line}:{col}: {f.rule} [{f.severity}] {f.message}") + "\n")
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
