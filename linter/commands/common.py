"""What the commands share: the configuration and context a command runs with, and the one-line
error every failure becomes. Nothing here imports click until a message needs it."""
from __future__ import annotations

from pathlib import Path

from linter.errors import DataError, MedlintError

FAIL_ON = ("error", "warning", "info", "never")
PRESETS = ("default", "strict")


def split(values) -> tuple:
    out = []
    for value in values or ():
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return tuple(out)


def load_config(path):
    from linter import config

    if path:
        p = Path(path)
        if p.is_dir():
            raise MedlintError(f"{path}: is a folder; --config names a file (.medlint.yaml or "
                               f"pyproject.toml)")
        if not config.is_file(p):
            raise MedlintError(f"{path}: config file not found")
        return config.load(p)
    return config.load(config.discover())


def context(config_path, reference=(), rules=(), select=(), ignore=(), preset=None):
    """The run's context; unknown --select/--ignore codes are usage errors, unknown config ones
    configuration errors."""
    from linter import config
    from linter.engine import build_context
    from linter.selection import unknown

    cfg = load_config(config_path)
    if preset:
        cfg = cfg.replace(preset=preset)
    select, ignore = split(select), split(ignore)
    # The config's fact bases and rule packs, unless the command line names its own.
    config.check_paths(cfg, [k for k, given in (("reference", reference), ("rules", rules))
                             if not given])
    ctx = build_context(cfg, reference, rules, select, ignore)
    for option, values in (("--select", select), ("--ignore", ignore)):
        bad = unknown(values, ctx.knowledge.rules)
        if bad:
            import click

            raise click.UsageError(f"{option}: {bad}", click.get_current_context(silent=True))
    problems = config.name_problems(cfg, ctx.knowledge.rules)
    if problems:
        raise DataError(problems)
    return ctx


def disable_cache() -> None:
    """No data cache for this run (`validate --no-cache`)."""
    from linter.knowledge import cache

    cache.disable()


def error(message: str) -> None:
    """One line on standard error, whatever bytes or control characters a file name holds."""
    import click

    from linter.output.escape import printable

    click.echo(f"medlint: error: {printable(str(message))}", err=True)


def tolerant(stream) -> None:
    """Never fail on a character the stream's encoding lacks: write an escape instead."""
    try:
        stream.reconfigure(errors="backslashreplace")
    except (AttributeError, ValueError, OSError):
        pass
