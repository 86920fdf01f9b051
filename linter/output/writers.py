"""The output formats by name. Each writer is `write(results, errors, ctx, stream)`."""

FORMATS = ("text", "json", "sarif", "github", "html")


def writer(name: str):
    if name == "json":
        from linter.output.json_format import write
    elif name == "sarif":
        from linter.output.sarif import write
    elif name == "github":
        from linter.output.github import write
    elif name == "html":
        from linter.output.html import write
    else:
        from linter.output.text import write
    return write
