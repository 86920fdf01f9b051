"""The command line: runs a command and turns every failure into a one-line message and an exit
code. The commands, their options and help texts are click commands (commands/app.py).

A plain `check` (the pre-commit hook's `medlint check -- FILE...`, a CI job's
`check --format github docs/`) is read here without click: importing click and building the
commands costs a one-draft run about a twentieth of its time. Any option not in `_QUICK`, a
repeated option, a value click would refuse, `--help` or any other command goes to click, so
help texts, messages and exit codes stay click's own.
"""
from __future__ import annotations

import os
import sys

from linter.commands.common import FAIL_ON, PRESETS, error
from linter.errors import EXIT_ERROR, EXIT_INTERNAL, MedlintError, internal_problem
from linter.output.writers import FORMATS

# The options a plain `check` may have: check_files' name for each, and the values it may take
# (None: a flag; "count": a whole number of at least 1).
_QUICK = {"--format": ("fmt", FORMATS), "--fail-on": ("fail_on", FAIL_ON),
          "--preset": ("preset", PRESETS), "--jobs": ("jobs", "count"), "--no-cache": ("no_cache", None)}


def plain_check(args: list[str]) -> dict | None:
    """check_files' arguments for `check` with only _QUICK's options, each given once with a
    value click would accept; None for anything else (click then reads the arguments)."""
    if args[:1] != ["check"] or "_MEDLINT_COMPLETE" in os.environ or os.name != "posix":
        return None  # click completes commands for a shell, and expands globs on Windows
    options: dict = {}
    paths: list[str] = []
    rest = args[1:]
    i = 0
    while i < len(rest):
        arg = rest[i]
        i += 1
        if arg == "--":  # every later argument is a path
            paths.extend(rest[i:])
            break
        if arg == "-" or not arg.startswith("-"):
            paths.append(arg)
            continue
        if arg not in _QUICK or arg in options:
            return None
        allowed = _QUICK[arg][1]
        if allowed is None:
            options[arg] = True
            continue
        if i == len(rest):
            return None
        value = rest[i]
        i += 1
        if allowed == "count":
            if not (value.isascii() and value.isdigit() and int(value) >= 1):
                return None
            value = int(value)
        elif value not in allowed:
            return None
        options[arg] = value
    return {"paths": tuple(paths), **{_QUICK[k][0]: v for k, v in options.items()}}


def _run_plain(kwargs: dict) -> None:
    """check_files, with click's handling of what escapes a command (click's Command.main):
    an interrupt becomes an abort; a closed output pipe, exit code 1."""
    from linter.commands.check import check_files

    try:
        check_files(**kwargs)
    except (EOFError, KeyboardInterrupt) as err:
        import click

        click.echo(file=sys.stderr)
        raise click.Abort() from err
    except OSError as err:
        import errno

        if err.errno != errno.EPIPE:
            raise
        sys.stdout = _PipeClosed(sys.stdout)
        sys.stderr = _PipeClosed(sys.stderr)
        sys.exit(1)


class _PipeClosed:
    """A stream whose flush() ignores a reader that has gone away (as click's wrapper does)."""

    def __init__(self, wrapped):
        self.wrapped = wrapped

    def flush(self) -> None:
        import errno

        try:
            self.wrapped.flush()
        except OSError as err:
            if err.errno != errno.EPIPE:
                raise

    def __getattr__(self, name):
        return getattr(self.wrapped, name)


def main(argv=None) -> int:
    from linter.knowledge import cache

    cache.disable(False)  # --no-cache holds for one run
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        plain = plain_check(args)
        if plain is not None:
            _run_plain(plain)
        else:
            from linter.commands.app import cli

            cli.main(args=args, prog_name="medlint", standalone_mode=False)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0
    except BrokenPipeError:
        return 0
    except MedlintError as err:
        problems = getattr(err, "problems", None) or [str(err)]
        for p in problems:
            error(p)
        return EXIT_ERROR
    except KeyboardInterrupt:
        import click

        click.echo("medlint: interrupted", err=True)
        return EXIT_ERROR
    except Exception as err:  # noqa: BLE001 - click's own exceptions, or a bug
        return _failure(err)
    return 0


def _failure(err: Exception) -> int:
    """The message and exit code for what no command handled: click's own exceptions (a usage
    error, an abort, an exit), or a bug (one line; the traceback with MEDLINT_DEBUG set)."""
    import click

    if isinstance(err, click.exceptions.Exit):
        return err.exit_code
    if isinstance(err, click.UsageError):
        hint = f" (see 'medlint {err.ctx.command.name} --help')" if err.ctx else ""
        error(f"{err.format_message()}{hint}")
        return EXIT_ERROR
    if isinstance(err, click.Abort):
        click.echo("medlint: aborted", err=True)
        return EXIT_ERROR
    if os.environ.get("MEDLINT_DEBUG"):
        raise err
    from linter.output.escape import printable

    click.echo(printable(internal_problem("medlint", err)), err=True)
    return EXIT_INTERNAL


def __getattr__(name):  # `linter.cli.cli`: the click group, for tools that document commands
    if name == "cli":
        from linter.commands.app import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def entry() -> None:
    """The console script: run, flush, and leave without tearing down the interpreter's objects
    one by one (that teardown costs a pre-commit hook more time than reading the fact base)."""
    code = main()
    derived = sys.modules.get("linter.knowledge.derived")  # what atexit would have stored
    if derived is not None:
        derived.save()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(code if isinstance(code, int) else 1)
