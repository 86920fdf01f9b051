"""The commands, their options and help texts (click). linter/cli.py runs them, and runs a plain
`check` without them: importing click costs a pre-commit hook about a tenth of its time."""
from __future__ import annotations

import sys

import click

from linter import __version__
from linter.commands.check import check_files
from linter.commands.common import FAIL_ON, PRESETS, context, disable_cache, load_config
from linter.errors import EXIT_ERROR
from linter.output.writers import FORMATS


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
@click.option("--fail-on", type=click.Choice(FAIL_ON),
              help="Lowest severity that makes the exit code 1 [default: warning].")
@click.option("--preset", type=click.Choice(PRESETS), help="Rule preset.")
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
    check_files(paths, fmt, reference, rules, select, ignore, fail_on, preset, config_path, jobs,
                no_cache)


@cli.command()
@click.argument("draft", type=click.Path())
@click.option("-o", "--output", "output", required=True, type=click.Path(),
              help="Where to write the reviewed copy (.docx).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@_data_and_selection
@click.option("--preset", type=click.Choice(PRESETS), help="Rule preset.")
@click.option("--config", "config_path", type=click.Path(), help="Use this config file.")
def annotate(draft, output, force, reference, rules, select, ignore, preset, config_path):
    """Write a copy of a Word draft with one comment per finding (the draft is not changed)."""
    from linter.commands.annotate import annotate as write_copy

    ctx = context(config_path, reference, rules, select, ignore, preset)
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

    browse.list_rules(context(config_path, reference, rules), sys.stdout)


@cli.command()
@click.argument("query", required=False, default="")
@click.option("--reference", multiple=True, type=click.Path())
@click.option("--config", "config_path", type=click.Path())
def facts(query, reference, config_path):
    """Search the fact base by id, words, drug or endpoint."""
    from linter.commands import browse

    found = browse.list_facts(context(config_path, reference), query, sys.stdout)
    sys.exit(0 if found or not query else 1)


@cli.command()
@click.argument("name")
@click.option("--reference", multiple=True, type=click.Path())
@click.option("--rules", multiple=True, type=click.Path())
@click.option("--config", "config_path", type=click.Path())
def explain(name, reference, rules, config_path):
    """Explain a rule code or a fact id, with its source and examples."""
    from linter.commands import browse

    browse.explain(context(config_path, reference, rules), name, sys.stdout)


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

    traced, errors = tracer.run(targets, context(config_path, reference, rules), sys.stdin.buffer)
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
        disable_cache()
    problems = selftest.validate(paths, load_config(config_path))
    for p in problems:
        click.echo(p)
    if problems:
        click.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} found.", err=True)
        sys.exit(EXIT_ERROR)
    click.echo("All data files are valid and every example behaves as labelled.")
