"""Lint many files: reuse cached results, spread the rest over worker processes, keep order.

The outcome is the same whatever the number of processes: one result or one error per file,
in the order the files were named, and an error in one file (unreadable, not UTF-8, or a bug
met by one draft) never stops the others. Each result carries the line and column of its
findings instead of the parsed document, so it is small to send between processes and to cache.
"""
from __future__ import annotations

import dataclasses
import os

from linter.engine import FileResult, expand_paths, lint_text
from linter.document import reader
from linter.errors import MedlintError

HANDFUL = 8  # more files than this to lint: use every core unless told otherwise


class Positions:
    """Line and column of the offsets a file's findings refer to (stands in for the Document)."""

    __slots__ = ("_at",)

    def __init__(self, at: dict):
        self._at = at

    def position(self, offset: int) -> tuple[int, int]:
        return self._at[offset]


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def run(paths, ctx, stdin=None, jobs: int | None = None, cache: bool = True, progress=None):
    """Lint every path; returns (results, input_errors) like engine.run."""
    files = expand_paths(paths, ctx.config)
    store = None
    if cache:
        from linter.results_cache import ResultCache

        store = ResultCache(ctx)
    outcomes: list = [None] * len(files)
    todo = []
    for i, path in enumerate(files):
        if path == "-" or store is None:
            todo.append(i)
            continue
        outcomes[i] = _probe(path, ctx, store)
        if outcomes[i] is None:
            todo.append(i)
        elif progress:
            progress(i + 1 - len(todo), len(files))
    if jobs is None:
        jobs = cores() if len(todo) > HANDFUL else 1
    jobs = max(1, min(jobs, len(todo)))
    done = len(files) - len(todo)
    stdin_jobs = [i for i in todo if files[i] == "-"]
    for i in stdin_jobs:  # standard input can only be read here
        outcomes[i] = lint_one("-", ctx, store, stdin)
    todo = [i for i in todo if files[i] != "-"]
    done += len(stdin_jobs)
    if jobs > 1 and len(todo) > 1:
        # The first file is linted here, so the workers start with everything compiled.
        outcomes[todo[0]] = lint_one(files[todo[0]], ctx, store)
        done += 1
        if progress:
            progress(done, len(files))
        lint = _in_workers([files[i] for i in todo[1:]], ctx, store, jobs)
        todo = todo[1:]
    else:
        lint = (lint_one(files[i], ctx, store) for i in todo)
    for i, outcome in zip(todo, lint):
        outcomes[i] = outcome
        done += 1
        if progress:
            progress(done, len(files))
    results = [o for o in outcomes if isinstance(o, FileResult)]
    errors = [o for o in outcomes if isinstance(o, str)]
    return results, errors


def _read(path, ctx, stdin=None) -> str:
    limit = ctx.config["max-file-size"]
    return reader.read_stdin(stdin, limit) if path == "-" else reader.read_path(path, limit)


def _probe(path, ctx, store):
    """The cached result of a file, its input error, or None when it must be linted."""
    try:
        text = _read(path, ctx)
    except MedlintError as err:
        return str(err)
    hit = store.get(path, text)
    return None if hit is None else FileResult(path, Positions(hit[1]), hit[0])


def lint_one(path, ctx, store=None, stdin=None):
    """A FileResult, or the one-line error that stopped this file."""
    try:
        text = _read(path, ctx, stdin)
        result = lint_text(text, path, ctx)
        doc = result.document
        at = {}
        for f in result.findings:
            for offset in (f.start, max(f.start, f.end)):
                at[offset] = doc.position(offset)
        if store is not None and path != "-":
            store.put(path, text, result.findings, at)
        return FileResult(path, Positions(at), result.findings)
    except MedlintError as err:
        return str(err)
    except Exception as err:  # a bug met by one draft must not cost the report on the others
        if os.environ.get("MEDLINT_DEBUG"):
            raise
        return f"{path}: internal error: {type(err).__name__}: {err} (set MEDLINT_DEBUG=1 for details)"


_WORKER: tuple = ()


def _start_worker(ctx, store) -> None:
    global _WORKER
    _WORKER = (ctx, store)
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to report


def _work(path):
    return lint_one(path, *_WORKER)


def _in_workers(paths, ctx, store, jobs):
    """Outcomes in the order of `paths`, linted by `jobs` processes."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # fork: the workers inherit the loaded and compiled data instead of rebuilding it.
    fork = "fork" in multiprocessing.get_all_start_methods()
    mp = multiprocessing.get_context("fork" if fork else None)
    if not fork:  # the context is sent to each worker: without what this process compiled
        ctx = dataclasses.replace(ctx)
        store = None if store is None else type(store)(ctx, store.folder)
    chunk = max(1, min(16, len(paths) // (jobs * 8)))
    count = 0
    try:
        with ProcessPoolExecutor(jobs, mp_context=mp, initializer=_start_worker,
                                 initargs=(ctx, store)) as pool:
            for outcome in pool.map(_work, paths, chunksize=chunk):
                count += 1
                yield outcome
    except BrokenProcessPool as err:
        for path in paths[count:]:
            yield f"{path}: not checked: a worker process stopped ({err})"
