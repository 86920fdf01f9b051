"""Lint documents: read a file, parse it, build its per-document view, run every rule kind's
check on its own rules, filter, and hand the results to an output writer.

file -> document -> view (scopes, per-number verdicts) -> checks -> filter -> output
"""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path

from linter.config import Config
from linter.context import Context
from linter.document import reader
from linter.errors import (
    EXIT_ERROR,
    InputError,
    MedlintError,
    Problem,
    internal_problem,
)
from linter.finding import SEVERITY_RANK, Finding
from linter.knowledge import load as knowledge_mod

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from linter.document.markdown import Document

SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"}

__all__ = ["Context", "FileResult", "build_context", "lint_text", "lint_document", "run", "exit_code",
           "expand_paths"]


@dataclass
class FileResult:
    path: str
    document: Document | None
    findings: list = field(default_factory=list)


def build_context(config: Config, reference=(), rules=(), select=(), ignore=()) -> Context:
    ref_paths = [Path(p) for p in reference] or [config.resolve(p) for p in config["reference"]]
    rule_paths = [Path(p) for p in rules] or [config.resolve(p) for p in config["rules"]]
    if not reference and not config["replace-reference"]:
        ref_paths = [knowledge_mod.shipped("reference"), *ref_paths]
    if not rules and not config["replace-rules"]:
        rule_paths = [knowledge_mod.shipped("rules"), *rule_paths]
    kb = knowledge_mod.load([*knowledge_mod.base_files(ref_paths), *ref_paths, *rule_paths])
    return Context(kb, config, tuple(select or config["select"]), tuple(ignore or config["ignore"]))


def lint_text(text: str, path: str, ctx: Context) -> FileResult:
    """The one pipeline: every command that lints text (check, validate, examples) uses it."""
    from linter.document.markdown import parse

    return lint_document(parse(text, path), ctx)


def lint_document(doc: Document, ctx: Context) -> FileResult:
    """Lint a parsed document (Markdown, plain text, or a rendered Word or HTML page)."""
    # Imported here: a run whose every file has a stored result reads no document.
    from linter import filters
    from linter.view import DocumentView

    path = doc.path
    view = DocumentView(doc, ctx)
    raw: list[Finding] = []
    for module, rules in ctx.plan:
        raw.extend(module.check(view, rules))
    return FileResult(path, doc, sorted(filters.apply(raw, doc, ctx), key=Finding.sort_key))


def expand_paths(paths, config: Config, force_exclude: bool = False) -> list[str]:
    """Files to lint, in order; a directory yields the drafts below it that match the globs."""
    return [f for p in paths for f in expand_path(p, config, force_exclude)]


def expand_path(p: str, config: Config, force_exclude: bool = False) -> list[str]:
    """The files one command-line path stands for; a folder with no drafts is an input error.

    Globs are read relative to the config file's folder, whatever path is given (`drafts/*`
    means the same from `check .` and `check drafts`); a glob without a `/` matches a name at
    any depth. An excluded folder is skipped with everything in it. A file named on the command
    line is linted whatever `include` says, and, with `force_exclude` (as `check` runs, since a
    pre-commit hook names every staged file), skipped when `exclude` matches it."""
    if p == "-":
        return [p]
    globs = Globs(config)
    if not os.path.isdir(p):
        return [] if force_exclude and globs.excluded(p, parents=True) else [p]
    if globs.excluded(p, parents=True):
        raise InputError(f"{p}: no drafts found (the folder is excluded by the config's exclude)")
    found, skipped = [], 0
    for folder, dirs, files in os.walk(p):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith(".")
                         and not globs.excluded(os.path.join(folder, d)))
        for name in sorted(files):
            full = os.path.join(folder, name)
            if not globs.included(full):
                continue
            if globs.excluded(full):
                skipped += 1
                continue
            found.append(full)
    if not found:
        looked = ", ".join(config["include"])
        why = f"; {skipped} excluded by the config's exclude" if skipped else ""
        raise InputError(f"{p}: no drafts found (looked for {looked}{why})")
    return found


class Globs:
    """The config's include and exclude globs, matched against a path relative to the config
    file's folder (or the working directory without one), and against the file's name. A file
    extension matches whatever its case (README.MD is a Markdown file)."""

    def __init__(self, config: Config):
        self.include = [_lower_suffix(_plain_glob(g)) for g in config["include"]]
        self.exclude = [_lower_suffix(_plain_glob(g)) for g in config["exclude"]]
        self.root = os.path.abspath(config.root)

    def included(self, path: str) -> bool:
        return _matches(self._parts(path, self.include)[-1:], self.include)

    def excluded(self, path: str, parents: bool = False) -> bool:
        """Whether exclude matches the path, or with `parents` one of the folders above it."""
        if not self.exclude:
            return False
        parts = self._parts(path, self.exclude, parents)
        return _matches(parts if parents else parts[-1:], self.exclude)

    def _parts(self, path: str, globs, parents: bool = False) -> list[tuple[str, str]]:
        """(path from the root, name) of the path and each folder above it up to the root; a
        path outside the root has only its name to match."""
        if not parents and not any("/" in g for g in globs):
            return [("", os.path.basename(path))]  # names alone decide (the default globs)
        full = os.path.abspath(path)
        rel = _inside(full, self.root) or _inside(os.path.realpath(full), os.path.realpath(self.root))
        if rel is None:
            return [("", os.path.basename(full))]
        if rel == os.curdir:
            return []  # the config's own folder is never excluded
        pieces = rel.replace(os.sep, "/").split("/")
        return [("/".join(pieces[:i]), pieces[i - 1]) for i in range(1, len(pieces) + 1)]


def _plain_glob(glob: str) -> str:
    """A glob as the paths it is matched against are written: "./drafts/x", "/drafts/x" and
    "drafts/x/" all mean drafts/x (a folder matched is skipped whole)."""
    glob = glob.replace("\\", "/")
    while glob.startswith("./"):
        glob = glob[2:]
    return glob.strip("/") or glob


def _matches(parts, globs) -> bool:
    for rel, name in parts:
        candidates = {c for c in (rel, name, _lower_suffix(rel), _lower_suffix(name)) if c}
        if any(fnmatch.fnmatch(c, g) for c in candidates for g in globs):
            return True
    return False


def _lower_suffix(path: str) -> str:
    head, dot, suffix = path.rpartition(".")
    if not dot or "/" in suffix or not suffix.isalnum():
        return path
    return f"{head}.{suffix.lower()}"


def _inside(path: str, root: str) -> str | None:
    """The path relative to root, or None when it is not below root."""
    try:
        rel = os.path.relpath(path, root)
    except ValueError:  # another drive
        return None
    return None if rel == os.pardir or rel.startswith(os.pardir + os.sep) else rel


def run(paths, ctx: Context, stdin=None):
    """Lint every path; returns (results, problems). Each path is expanded, and each file read,
    parsed and linted, in its own error boundary: a problem with one never costs the others
    their report. A file named twice (or reached twice through folders) is linted once."""
    from linter.document import formats

    results = []
    limit = ctx.config["max-file-size"]
    files, problems = expand_unique(paths, ctx.config)
    for path in files:
        try:
            if path == "-":
                results.append(lint_text(reader.read_stdin(stdin, limit), path, ctx))
            else:
                reader.require_regular(path)  # a named pipe would block the whole run
                results.append(lint_document(formats.load(path, limit), ctx))
        except Exception as err:  # noqa: BLE001 - the boundary
            problems.append(problem(path, err))
    return results, problems


def expand_unique(paths, config: Config) -> tuple[list[str], list[Problem]]:
    """The files to lint, each once (a file named twice, or reached again through a folder),
    and a problem for each path that stands for none; one bad path costs only itself."""
    files, problems, seen = [], [], set()
    for given in paths:
        try:
            found = expand_path(given, config, force_exclude=True)
        except Exception as err:  # noqa: BLE001 - the boundary: report, go on with the rest
            problems.append(problem(given, err))
            continue
        for path in found:
            key = _identity(path)
            if key not in seen:
                seen.add(key)
                files.append(path)
    return files, problems


def _identity(path: str):
    if path == "-":
        return path
    try:
        return os.path.normcase(os.path.realpath(path))
    except (OSError, ValueError):
        return path


def problem(path: str, err: Exception) -> Problem:
    """The one-line report of what stopped one file: an input error, or an internal error."""
    if isinstance(err, MedlintError):
        message = str(err)  # every problem names its file
        return Problem(message if message.startswith(f"{path}:") else f"{path}: {message}")
    if os.environ.get("MEDLINT_DEBUG"):
        raise err
    return internal_problem(path, err)


def exit_code(results, errors, fail_on: str) -> int:
    """The worst outcome: 3 internal error, 2 input error, 1 finding at or above fail_on, 0."""
    if errors:
        return max(getattr(e, "exit_code", EXIT_ERROR) for e in errors)
    threshold = SEVERITY_RANK[fail_on]
    worst = max((SEVERITY_RANK[f.severity] for r in results for f in r.findings), default=0)
    return 1 if worst >= threshold else 0
