"""Run the registered checks over documents and apply every filter a user can set.

Filters, in order: severity overrides (preset, config `severity:`; "off" drops a rule),
--select/--ignore (codes, code prefixes, rule names or categories), front-matter `medlint:`
settings, and inline control comments.
"""
from __future__ import annotations

import dataclasses
import fnmatch
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from linter.knowledge import load as knowledge_mod
from linter.document import reader
from linter.checks import CHECKS
from linter.config import Config
from linter.document.markdown import Document, parse
from linter.errors import EXIT_ERROR, InputError, MedlintError, Problem, internal_problem
from linter.finding import SEVERITY_RANK, Finding

SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"}


@dataclass
class Context:
    """Everything a check may read; built once per run and never changed by a check."""

    knowledge: knowledge_mod.Knowledge
    config: Config
    select: tuple = ()
    ignore: tuple = ()

    @cached_property
    def rules(self) -> dict:
        return self.knowledge.rule_index

    @cached_property
    def facts(self) -> dict:
        return self.knowledge.fact_index

    def severity(self, code: str, default: str) -> str:
        overrides = self.config["severity"]
        if code in overrides:
            return overrides[code]
        rule = self.rules.get(code)
        if rule is not None:
            preset = rule.get("presets", {}).get(self.config["preset"])
            if preset:
                return preset
        return default

    @cached_property
    def compiled(self) -> dict:
        """Per-process scratch space for checks to keep compiled data in (keyed by check)."""
        return {}

    def terms(self, rule: dict, key: str):
        """A rule's term list `key`, compiled once per run."""
        cache_key = ("terms", rule["code"], key)
        if cache_key not in self.compiled:
            from linter.text.terms import compile_terms

            self.compiled[cache_key] = compile_terms(rule.get(key, []), self.knowledge.vocabulary)
        return self.compiled[cache_key]


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
    doc = parse(text, path)
    raw: list[Finding] = []
    for check in CHECKS:
        raw.extend(check(doc, ctx))
    return FileResult(path, doc, sorted(_filter(raw, doc, ctx), key=Finding.sort_key))


def _selected(finding: Finding, patterns, ctx: Context) -> bool:
    rule = ctx.rules.get(finding.rule, {})
    names = (finding.rule, rule.get("name", ""), finding.category)
    return any(n.upper().startswith(p.upper()) for p in patterns for n in names if n)


def _filter(findings, doc: Document, ctx: Context):
    settings = doc.front_matter.get("medlint") if isinstance(doc.front_matter, dict) else None
    settings = settings if isinstance(settings, dict) else {}
    file_ignore = tuple(str(c) for c in settings.get("ignore", []) or [])
    file_select = tuple(str(c) for c in settings.get("select", []) or [])
    disabled = _disabled_spans(doc)
    seen = set()
    for f in findings:
        severity = ctx.severity(f.rule, f.severity)
        if severity == "off":
            continue
        if ctx.select and not _selected(f, ctx.select, ctx):
            continue
        if ctx.ignore and _selected(f, ctx.ignore, ctx):
            continue
        if file_select and not _selected(f, file_select, ctx):
            continue
        if file_ignore and _selected(f, file_ignore, ctx):
            continue
        if _is_disabled(f, doc, disabled):
            continue
        key = (f.rule, f.start, f.end)
        if key in seen:
            continue
        seen.add(key)
        yield f if severity == f.severity else dataclasses.replace(f, severity=severity)


def _disabled_spans(doc: Document):
    """[(start, end, codes or None for all)] regions switched off by control comments."""
    spans, open_ = [], {}
    for offset, kind, codes in doc.controls:
        if kind == "disable-next-line":
            line, _ = doc.position(offset)
            starts = doc.line_starts
            if line < len(starts):
                end = starts[line + 1] if line + 1 < len(starts) else len(doc.text)
                spans.append((starts[line], end, codes or None))
        elif kind == "disable":
            for code in codes or ("*",):
                open_.setdefault(code, offset)
        elif kind == "enable":
            for code in list(open_) if not codes else codes:
                if code in open_:
                    start = open_.pop(code)
                    spans.append((start, offset, None if code == "*" else (code,)))
    for code, start in open_.items():
        spans.append((start, len(doc.text) + 1, None if code == "*" else (code,)))
    return spans


def _is_disabled(f: Finding, doc: Document, spans) -> bool:
    document_level = f.start == 0 and f.end == 0
    for start, end, codes in spans:
        if codes is not None and not any(f.rule.startswith(c) for c in codes):
            continue
        if start <= f.start < end:
            return True
        # A document-level finding is switched off by a region that stays open to the end.
        if document_level and end > len(doc.text):
            return True
    return False


def expand_paths(paths, config: Config) -> list[str]:
    """Files to lint, in order; a directory yields the drafts below it that match the globs."""
    return [f for p in paths for f in expand_path(p, config)]


def expand_path(p: str, config: Config) -> list[str]:
    """The files one command-line path stands for; a folder with no drafts is an input error."""
    if p == "-" or not os.path.isdir(p):
        return [p]
    found = []
    for folder, dirs, files in os.walk(p):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(files):
            full = os.path.join(folder, name)
            rel = os.path.relpath(full, p)
            if not _matches(name, rel, config["include"]):
                continue
            if _matches(name, rel, config["exclude"]):
                continue
            found.append(full)
    if not found:
        raise InputError(f"{p}: no drafts found (looked for {', '.join(config['include'])})")
    return found


def _matches(name: str, rel: str, globs) -> bool:
    rel = rel.replace(os.sep, "/")
    return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(rel, g) for g in globs)


def run(paths, ctx: Context, stdin=None):
    """Lint every path; returns (results, problems). Each path is expanded, and each file read,
    parsed and linted, in its own error boundary: a problem with one never costs the others
    their report. A file named twice (or reached twice through folders) is linted once."""
    results, problems = [], []
    limit = ctx.config["max-file-size"]
    seen = set()
    for given in paths:
        try:
            files = expand_path(given, ctx.config)
        except Exception as err:  # noqa: BLE001 - the boundary: report, go on with the rest
            problems.append(_problem(given, err))
            continue
        for path in files:
            key = _identity(path)
            if key in seen:
                continue
            seen.add(key)
            try:
                if path == "-":
                    text = reader.read_stdin(stdin, limit)
                else:
                    text = reader.read_path(path, limit)
                results.append(lint_text(text, path, ctx))
            except Exception as err:  # noqa: BLE001 - the boundary
                problems.append(_problem(path, err))
    return results, problems


def _identity(path: str):
    if path == "-":
        return path
    try:
        return os.path.normcase(os.path.realpath(path))
    except (OSError, ValueError):
        return path


def _problem(path: str, err: Exception) -> Problem:
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
