"""GitHub Actions workflow commands: ::error file=…,line=…,col=…::message."""
from linter.output.escape import printable
from linter.output.rows import rows

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def write(results, errors, ctx, stream):
    for path, f, (line, col), (end_line, end_col) in rows(results):
        message = f.message
        if f.expected:
            message += f" (expected: {f.expected}"
            message += f"; source: {'; '.join(f.sources)})" if f.sources else ")"
        stream.write(f"::{LEVEL[f.severity]} file={_prop(printable(path))},line={line},col={col},"
                     f"endLine={end_line},endColumn={end_col},title={_prop(f.rule)}::"
                     f"{_data(message)}\n")
