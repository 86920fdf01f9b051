"""What the commands share: the configuration and context a command runs with, and the one-line
error every failure becomes. Nothing here imports click until a message needs it."""
from __future__ import annotations

from pathlib import Path

from linter.errors import MedlintError

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
        if not p.is_file():
            raise MedlintError(f"{path}: config file not found")
        return config.load(p)
    return config.load(config.discover())


def context(config_path, reference=(), rules=(), select=(), ignore=(), preset=None):
    """The run's context; unknown --select/--ignore codes are usage errors, unknown config ones
    configuration errors."""
    from linter.engine import build_context

    cfg = load_config(config_path)
    if preset:
        cfg = cfg.replace(preset=preset)
    select, ignore = split(select), split(ignore)
    ctx = build_context(cfg, reference, rules, select, ignore)
    known = selectable(ctx.knowledge.rules)
    for option, values in (("--select", select), ("--ignore", ignore)):
        bad = unknown(values, known)
        if bad:
            import click

            raise click.UsageError(f"{option}: {bad}", click.get_current_context(silent=True))
    for key in ("select", "ignore"):
        bad = unknown(cfg[key], known)
        if bad:
            raise MedlintError(f"{cfg.path}: {key}: {bad}")
    return ctx


def selectable(rules) -> list[str]:
    names = set()
    for rule in rules:
        names.update(n for n in (rule.get("code"), rule.get("name"), rule.get("category")) if n)
    return sorted(names)


def unknown(patterns, known) -> str | None:
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
