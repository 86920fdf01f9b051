"""`medlint check`: lint the paths, report in the chosen format, exit with the worst outcome."""
from __future__ import annotations

import sys

from linter.commands.common import context, error, tolerant


def check_files(paths, fmt="text", reference=(), rules=(), select=(), ignore=(), fail_on=None,
                preset=None, config_path=None, jobs=None, no_cache=False):
    from linter.engine import exit_code
    from linter.output.progress import for_stream
    from linter.output.writers import writer
    from linter.runner import run

    ctx = context(config_path, reference, rules, select, ignore, preset)
    progress = for_stream(sys.stderr)
    try:
        # The HTML report shows each draft's whole text: it needs the documents themselves.
        results, errors = run(paths or (".",), ctx, sys.stdin.buffer, jobs=jobs,
                              cache=not no_cache, progress=progress, documents=fmt == "html")
    finally:
        if progress:
            progress.close()
    for message in errors:
        error(message)
    tolerant(sys.stdout)
    writer(fmt)(results, errors, ctx, sys.stdout)
    sys.exit(exit_code(results, errors, fail_on or ctx.config["fail-on"]))
