"""The command line: parses options and calls one function of the engine or the browser."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from linter import __version__
from linter.errors import EXIT_ERROR, EXIT_INTERNAL, MedlintError, internal_problem
from linter.output.writers import FORMATS

_CODES = click.STRING


def _split(values) -> tuple:
    out = []
    for value in values or ():
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return tuple(out)


def _config(path):
    from linter import config

    if path:
        p = Path(path)
        if not p.is_file():
            raise MedlintError(f"{path}: config file not found")
        return config.load(p)
    return config.load(config.discover())


def _context(config_path, reference=(), rules=(), select=(), ignore=(), preset=None):
    from linter.engine import build_context

    cfg = _config(config_path)
    if preset:
        cfg = cfg.replace(preset=preset)
    select, ignore = _split(select), _split(ignore)
    ctx = build_context(cfg, reference, rules, select, ignore)
    known = _selectable(ctx.knowledge.rules)
    for option, values in (("--select", select), ("--ignore", ignore)):
        bad = _unknown(values, known)
        if bad:
            raise click.UsageError(f"{option}: {bad}", click.get_current_context(silent=True))
    for key in ("select", "ignore"):
        bad = _unknown(cfg[key], known)
        if bad:
            raise MedlintError(f"{cfg.path}: {key}: {bad}")
    return ctx


def _selectable(rules) -> list[str]:
    names = set()
    for rule in rules:
        names.update(n for n in (rule.get("code"), rule.get("name"), rule.get("category")) if n)
    return sorted(names)


def _unknown(patterns, known) -> str | None:
    """A message for the first pattern that selects no rule (a typo would switch checks off)."""
    upper = [k.upper() for k in known]
    for pattern in patterns:
        p = str(pattern).upper()
        if any(k.startswith(p) for k in upper):
            continue
        import difflib  # only for a typo: its import costs a plain run time

        near = difflib.get_close_matches(p, upper, n=3, cutoff=0.5)
        near = [known[upper.index(n)] for n in near]
        hint = f"; nearest: {', '.join(near)}" if near else "; see 'medlint rules'"
        return f"{pattern!r} matches no rule code, prefix, name or category{hint}"
    return None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="medlint", message="%(prog)s %(version)s")
def cli():
    """medlint: fact-check and content-QA health articles against a reference fact base."""


_DATA_AND_SELECTION = (
    click.option("--reference", multiple=True, type=click.Path(),
                 help="Fact base file or folder to use instead of the shipped one (repeatable)."),
    click.option("--rules", multiple=True, type=click.Path(),
                 help="Rule pack file or folder to use instead of the shipped ones (repeatable)."),
    click.option("--select", multiple=True, help="Only these codes (comma list; prefixes allowed)."),
    click.option("--ignore", multiple=True, help="Skip these codes (comma list; prefixes allowed)."),
)


def _data_and_selection(command):
    """--reference, --rules, --select and --ignore, as check and annotate both take them."""
    for option in reversed(_DATA_AND_SELECTION):
        command = option(command)
    return command


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format.")
@_data_and_selection
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]),
              help="Lowest severity that makes the exit code 1 [default: warning].")
@click.option("--preset", type=click.Choice(["default", "strict"]), help="Rule preset.")
@click.option("--config", "config_path", type=click.Path(), help="Use this config file.")
@click.option("--jobs", "-j", type=click.IntRange(min=1),
              help="Processes to lint with [default: one per core for more than a few files].")
@click.option("--no-cache", is_flag=True,
              help="Lint every file afresh: read and write no stored results (validated data is "
                   "still reused while its files are unchanged).")
def check(paths, fmt, reference, rules, select, ignore, fail_on, preset, config_path, jobs,
          no_cache):
    """Lint drafts: Markdown, plain text, Word (.docx) and HTML files, folders, or - for
    standard input (after --, every argument is a path). Formats: text, json, sarif, github,
    html (one self-contained page)."""
    from linter.engine import exit_code
    from linter.output.progress import for_stream
    from linter.output.writers import writer
    from linter.runner import run

    ctx = _context(config_path, reference, rules, select, ignore, preset)
    progress = for_stream(sys.stderr)
    try:
        # The HTML report shows each draft's whole text: it needs the documents themselves.
        results, errors = run(paths or (".",), ctx, sys.stdin.buffer, jobs=jobs,
                              cache=not no_cache, progress=progress, documents=fmt == "html")
    finally:
        if progress:
            progress.close()
    for message in errors:
        _error(message)
    _tolerant(sys.stdout)
    writer(fmt)(results, errors, ctx, sys.stdout)
    sys.exit(exit_code(results, errors, fail_on or ctx.config["fail-on"]))


def _no_cache() -> None:
    from linter.knowledge import cache

    cache.disable()


def _error(message: str) -> None:
    """One line on standard error, whatever bytes or control characters a file name holds."""
    from linter.output.escape import printable

    click.echo(f"medlint: error: {printable(str(message))}", err=True)


def _tolerant(stream) -> None:
    """Never fail on a character the stream's encoding lacks: write an escape instead."""
    try:
        stream.reconfigure(errors="backslashreplace")
    except (AttributeError, ValueError, OSError):
        pass


@cli.command()
@click.argument("draft", type=click.Path())
@click.option("-o", "--output", "output", required=True, type=click.Path(),
              help="Where to write the reviewed copy (.docx).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@_data_and_selection
@click.option("--preset", type=click.Choice(["default", "strict"]), help="Rule preset.")
@click.option("--config", "config_path", type=click.Path(), help="Use this config file.")
def annotate(draft, output, force, reference, rules, select, ignore, preset, config_path):
    """Write a copy of a Word draft with one comment per finding (the draft is not changed)."""
    from linter.commands.annotate import annotate as write_copy

    ctx = _context(config_path, reference, rules, select, ignore, preset)
    result = write_copy(draft, output, ctx, force)
    count = len(result.findings)
    click.echo(f"Wrote {output} with {count} comment{'s' if count != 1 else ''}.")


@cli.command()
@click.option("--reference", multiple=True, type=click.Path())
@click.option("--rules", multiple=True, type=click.Path())
@click.option("--config", "config_path", type=click.Path())
def rules(reference, rules, config_path):
    """List the rules of the loaded rule packs."""
    from linter.commands import browse

    browse.list_rules(_context(config_path, reference, rules), sys.stdout)


@cli.command()
@click.argument("query", required=False, default="")
@click.option("--reference", multiple=True, type=click.Path())
@click.option("--config", "config_path", type=click.Path())
def facts(query, reference, config_path):
    """Search the fact base by id, words, drug or endpoint."""
    from linter.commands import browse

    found = browse.list_facts(_context(config_path, reference), query, sys.stdout)
    sys.exit(0 if found or not query else 1)


@cli.command()
@click.argument("name")
@click.option("--reference", multiple=True, type=click.Path())
@click.option("--rules", multiple=True, type=click.Path())
@click.option("--config", "config_path", type=click.Path())
def explain(name, reference, rules, config_path):
    """Explain a rule code or a fact id, with its source and examples."""
    from linter.commands import browse

    browse.explain(_context(config_path, reference, rules), name, sys.stdout)


@cli.command()
@click.argument("targets", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text",
              show_default=True, help="Output format.")
@click.option("--reference", multiple=True, type=click.Path())
@click.option("--rules", multiple=True, type=click.Path())
@click.option("--config", "config_path", type=click.Path())
def trace(targets, fmt, reference, rules, config_path):
    """Show what medlint read in FILE[:LINE]: sentences, quantities, modifiers, and each
    number's frame, candidate facts and decision."""
    from linter.commands import trace as tracer

    traced, errors = tracer.run(targets, _context(config_path, reference, rules), sys.stdin.buffer)
    for message in errors:
        click.echo(f"medlint: error: {message}", err=True)
    (tracer.write_json if fmt == "json" else tracer.write_text)(traced, sys.stdout)
    sys.exit(EXIT_ERROR if errors else 0)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--config", "config_path", type=click.Path())
@click.option("--no-cache", is_flag=True, help="Read and write no cache.")
def validate(paths, config_path, no_cache):
    """Validate fact bases and rule packs: schema, references, patterns and examples."""
    from linter.commands import validate as selftest

    if no_cache:
        _no_cache()
    problems = selftest.validate(paths, _config(config_path))
    for p in problems:
        click.echo(p)
    if problems:
        click.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found.", err=True)
        sys.exit(EXIT_ERROR)
    click.echo("All data files are valid and every example behaves as labelled.")


def main(argv=None) -> int:
    from linter.knowledge import cache

    cache.disable(False)  # --no-cache holds for one run
    try:
        cli.main(args=argv, prog_name="medlint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.UsageError as err:
        hint = f" (see 'medlint {err.ctx.command.name} --help')" if err.ctx else ""
        _error(f"{err.format_message()}{hint}")
        return EXIT_ERROR
    except click.Abort:
        click.echo("medlint: aborted", err=True)
        return EXIT_ERROR
    except MedlintError as err:
        problems = getattr(err, "problems", None) or [str(err)]
        for p in problems:
            _error(p)
        return EXIT_ERROR
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        click.echo("medlint: interrupted", err=True)
        return EXIT_ERROR
    except Exception as err:  # a bug: one line for the user, the traceback on request
        if os.environ.get("MEDLINT_DEBUG"):
            raise
        from linter.output.escape import printable

        click.echo(printable(internal_problem("medlint", err)), err=True)
        return EXIT_INTERNAL
    return 0


def entry() -> None:
    """The console script: run, flush, and leave without tearing down the interpreter's objects
    one by one (that teardown costs a pre-commit hook more time than reading the fact base)."""
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(code if isinstance(code, int) else 1)
