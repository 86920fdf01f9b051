"""Lint many files: reuse cached results, spread the rest over worker processes, keep order.

The outcome is the same whatever the number of processes: one result or one error per file,
in the order the files were named, and an error in one file (unreadable, not UTF-8, or a bug
met by one draft) never stops the others. Each result carries the line and column of its
findings instead of the parsed document, so it is small to send between processes and to cache
(`documents=True` keeps the documents, for a report that shows their text; it lints here).
"""
from __future__ import annotations

import dataclasses
import os
import stat

from linter.document import reader
from linter.engine import FileResult, expand_unique, lint_document, problem

HANDFUL = 8  # more files than this to lint: use every core unless told otherwise


class Positions:
    """Where a file's findings are (line and column of their start and end offsets, and a Word
    paragraph's description): stands in for the document once it is linted."""

    __slots__ = ("_at", "_end", "_described")

    def __init__(self, at: dict, end: dict, described: dict | None = None):
        self._at, self._end, self._described = at, end, described

    def position(self, offset: int) -> tuple[int, int]:
        return self._at[offset]

    def end_position(self, offset: int) -> tuple[int, int]:
        return self._end[offset]

    def __getattr__(self, name):
        if name == "describe" and self._described:
            return self._described.__getitem__
        raise AttributeError(name)


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def run(paths, ctx, stdin=None, jobs: int | None = None, cache: bool = True, progress=None,
        documents: bool = False):
    """Lint every path; returns (results, problems) like engine.run: a path that stands for no
    file is reported on its own, and a file named twice is linted once."""
    files, problems = expand_unique(paths, ctx.config)
    if documents:
        jobs, cache = 1, False
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
        outcomes[i] = lint_one("-", ctx, store, stdin, documents)
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
        lint = (lint_one(files[i], ctx, store, documents=documents) for i in todo)
    for i, outcome in zip(todo, lint):
        outcomes[i] = outcome
        done += 1
        if progress:
            progress(done, len(files))
    results = [o for o in outcomes if isinstance(o, FileResult)]
    errors = problems + [o for o in outcomes if isinstance(o, str)]
    return results, errors


def _raw(path, ctx) -> bytes | None:
    """The file's bytes, the key of its cache entry (None when it cannot be read: linting it
    then reports why)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > 4 * ctx.config["max-file-size"]:
            return None  # a named pipe would block: the reader refuses it in its own words
        with open(path, "rb") as handle:
            return handle.read()
    except (OSError, ValueError):
        return None


def _probe(path, ctx, store):
    """The cached result of a file, or None when it must be linted."""
    data = _raw(path, ctx)
    hit = None if data is None else store.get(path, data)
    if hit is None:
        return None
    findings, *where = hit
    return FileResult(path, Positions(*where), findings)


def _document(path, ctx, stdin, data):
    from linter.document import formats  # not for a run whose every result is stored

    limit = ctx.config["max-file-size"]
    if path == "-":
        from linter.document.markdown import parse

        return parse(reader.read_stdin(stdin, limit), "-")
    if data is not None and formats.kind(path) == "text":  # the very bytes the key was made of
        from linter.document.markdown import parse

        if len(data) > limit:
            return formats.load(path, limit)  # its error names the limit
        return parse(reader.decode(data, path), path)
    return formats.load(path, limit)


def _is_text(path) -> bool:
    from linter.document import formats

    return formats.kind(path) == "text"


def lint_one(path, ctx, store=None, stdin=None, documents=False):
    """A FileResult, or the one-line error that stopped this file."""
    try:
        if path != "-":
            reader.require_regular(path)  # a named pipe would block the whole run
        data = _raw(path, ctx) if store is not None and path != "-" else None
        result = lint_document(_document(path, ctx, stdin, data), ctx)
        if documents:
            return result
        doc = result.document
        end_at = getattr(doc, "end_position", doc.position)
        describe = getattr(doc, "describe", None)
        at, end, described = {}, {}, {} if describe else None
        for f in result.findings:
            if f.document_level:
                continue  # reported at 1:1 (output/rows.py)
            at[f.start] = doc.position(f.start)
            last = max(f.start, f.end)
            end[last] = end_at(last)
            if describe and f.end > f.start:
                described[f.start] = describe(f.start)
        if data is not None and (_is_text(path) or _raw(path, ctx) == data):
            store.put(path, data, result.findings, at, end, described)
        return FileResult(path, Positions(at, end, described), result.findings)
    except Exception as err:  # noqa: BLE001 - a bug met by one draft must not cost the others
        return problem(path, err)  # input error (exit 2) or internal error (exit 3)


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
