"""Benchmark medlint as a user runs it (a fresh process per run), side by side with proselint.

    python bench/bench.py [--runs N] [--quick] [--only compare,growth,size,facts,rerun]

It installs nothing. When proselint is importable by this Python, it is timed on the same
generated files in the same run, interleaved with medlint; to set that up once:

    python -m venv /tmp/bench && /tmp/bench/bin/pip install proselint==0.16.0 -e . \
        && /tmp/bench/bin/python bench/bench.py

Sections (medlint runs with --no-cache unless the section is about the result cache):
  compare  one ~1,000-word article (also as a pre-commit hook runs it, in a repository with a
           .medlint.yaml), and 200 such articles in one run: medlint vs proselint; a
           three-line file shows what each tool costs before it reads an article
  growth   1 / 10 / 100 / 200 / 1,000 / 10,000 files: time per file
  size     one file of 10 KB, 100 KB, 1 MB, 5 MB: time per MB
  facts    200 articles with the shipped fact base (1x) and with 9x more synthetic facts (10x),
           added by a config file's `reference:`
  rerun    200 articles: first run, and a re-run with the result cache warm

Every figure is the median wall-clock time of repeated runs, with the fastest and slowest, and
the median CPU time (worker processes included); the runs of the things compared alternate
(A B, B A, ...), because a shared machine's speed drifts. On a busy machine, trust CPU time:
wall time then depends on what else runs, and extra processes cannot help.
The data cache (validated fact base) is warmed first, as on any machine after the first run.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import corpus  # noqa: E402

REFERENCE = HERE.parent / "reference"


def command(name: str, module: str) -> list[str] | None:
    """The console script installed beside this Python, else `python -m module`, if importable."""
    if importlib.util.find_spec(module) is None:
        return None
    script = Path(sys.executable).with_name(name)
    return [str(script)] if script.exists() else [sys.executable, "-m", module]


_UNSUPPORTED: set = set()


def options(medlint, env) -> None:
    """Note which of --no-cache and --jobs this medlint lacks (an older one), to leave them out."""
    done = subprocess.run([*medlint, "check", "--help"], capture_output=True, env=env, check=False)
    for flag in ("--no-cache", "--jobs"):
        if flag not in done.stdout.decode(errors="replace"):
            _UNSUPPORTED.add(flag)
            print(f"note: this medlint has no {flag}; it is left out")


def _supported(cmd) -> list:
    out, skip = [], False
    for part in cmd:
        if skip:
            skip = False
            continue
        if part in _UNSUPPORTED:
            skip = part == "--jobs"
            continue
        out.append(part)
    return out


class Run(float):
    """Wall-clock seconds of one run, with the CPU seconds it used (its worker processes too)."""

    cpu: float = 0.0


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(cmd, env, ok=(0, 1), cwd=None) -> Run:
    cmd = _supported(cmd)
    cpu = _cpu()
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                          check=False, cwd=cwd)
    elapsed = Run(time.perf_counter() - start)
    elapsed.cpu = _cpu() - cpu
    if done.returncode not in ok:  # a run that failed is no measurement
        raise SystemExit(f"bench: {' '.join(map(str, cmd))} exited {done.returncode}: "
                         f"{done.stderr.decode(errors='replace').strip()[:300]}")
    return elapsed


def interleaved(cases: dict, env, reps: int, before=None, cwd=None) -> dict:
    """{label: [seconds, ...]}: each round runs every case once, in alternating order (in the
    folder `cwd` gives for its label, if any)."""
    out = {label: [] for label in cases}
    labels = list(cases)
    for r in range(reps):
        for label in labels if r % 2 == 0 else labels[::-1]:
            if before:
                before(label)
            out[label].append(timed(cases[label], env, cwd=(cwd or {}).get(label)))
    return out


def fmt(times, per=1, unit="s") -> str:
    """Median wall time (fastest-slowest, runs); median CPU time of the same runs."""
    scale = (1000 if unit == "ms" else 1) / per
    med, lo, hi = statistics.median(times) * scale, min(times) * scale, max(times) * scale
    cpu = statistics.median(getattr(t, "cpu", 0.0) for t in times) * scale
    return f"{med:.3f} {unit} ({lo:.3f}-{hi:.3f}, n={len(times)}); cpu {cpu:.3f} {unit}"


def cpu(times) -> float:
    return statistics.median(getattr(t, "cpu", 0.0) for t in times)


def med(times) -> float:
    return statistics.median(times)


class Report:
    def __init__(self):
        self.rows, self.targets, self.raw = [], [], {}

    def row(self, section, what, text):
        self.rows.append((section, what, text))
        print(f"  {what:<38} {text}", flush=True)

    def target(self, what, value, limit):
        self.targets.append((what, value, limit))
        print(f"  -> {what}: {value:.2f} (target <= {limit}) {'met' if value <= limit else 'NOT met'}",
              flush=True)

    def print_tables(self):
        print("\n| section | what | wall median (fastest-slowest, runs); cpu median |\n|---|---|---|")
        for section, what, text in self.rows:
            print(f"| {section} | {what} | {text} |")
        print("\n| target | measured | limit | |\n|---|---|---|---|")
        for what, value, limit in self.targets:
            print(f"| {what} | {value:.2f} | {limit} | {'met' if value <= limit else 'not met'} |")


def compare(args, env, tmp, medlint, proselint, rep: Report):
    print("compare: one article, and 200 articles in one run")
    one = tmp / "one" / "article.md"
    one.parent.mkdir()
    one.write_text(corpus.draft(0), encoding="utf-8")
    # As a pre-commit hook runs it: `check --` in a repository with a .medlint.yaml.
    hooked = tmp / "hooked"
    hooked.mkdir()
    (hooked / ".medlint.yaml").write_text("fail-on: error\n", encoding="utf-8")
    shutil.copy(one, hooked / "article.md")
    # A title and one sentence: what each tool costs before it reads an article (start-up).
    tiny = tmp / "one" / "tiny.md"
    tiny.write_text("# Note\n\nThe clinic opens at nine.\n", encoding="utf-8")
    cases = {"python -c pass": [sys.executable, "-c", "pass"],
             "medlint, three-line file": [*medlint, "check", "--no-cache", str(tiny)],
             "medlint, one article": [*medlint, "check", "--no-cache", str(one)],
             "medlint, one article, .medlint.yaml": [*medlint, "check", "--no-cache", "--",
                                                     "article.md"]}
    if proselint:
        cases["proselint, three-line file"] = [*proselint, "check", str(tiny)]
        cases["proselint, one article"] = [*proselint, "check", str(one)]
    folders = {"medlint, one article, .medlint.yaml": hooked}
    timed(cases["medlint, one article, .medlint.yaml"], env, cwd=hooked)  # its config, cached
    times = interleaved(cases, env, args.runs, cwd=folders)
    for label, t in times.items():
        rep.row("compare", label, fmt(t))
    if proselint:
        rep.target("one article: medlint / proselint", med(times["medlint, one article"])
                   / med(times["proselint, one article"]), 0.6)
        rep.target("one article, CPU time: medlint / proselint", cpu(times["medlint, one article"])
                   / cpu(times["proselint, one article"]), 0.6)
    many = corpus.write_drafts(tmp / "many200", 200)
    cases = {"medlint, 200 articles": [*medlint, "check", "--no-cache", str(many)],
             "medlint --jobs 1, 200 articles": [*medlint, "check", "--no-cache", "--jobs", "1",
                                                str(many)]}
    if proselint:
        cases["proselint, 200 articles"] = [*proselint, "check", str(many)]
    times = interleaved(cases, env, max(3, args.runs // 4))
    for label, t in times.items():
        rep.row("compare", label, fmt(t))
    if proselint:
        rep.target("200 articles: medlint / proselint", med(times["medlint, 200 articles"])
                   / med(times["proselint, 200 articles"]), 0.5)
        rep.target("200 articles, CPU time: medlint / proselint",
                   cpu(times["medlint, 200 articles"]) / cpu(times["proselint, 200 articles"]), 1.0)


def growth(args, env, tmp, medlint, rep: Report):
    counts = [n for n in (1, 10, 100, 200, 1000, 10000) if n <= args.max_files]
    print(f"growth: {', '.join(map(str, counts))} files (per file)")
    cases = {n: [*medlint, "check", "--no-cache", str(corpus.write_drafts(tmp / f"g{n}", n))]
             for n in counts}
    times = {n: [] for n in counts}
    reps = {n: max(1, min(args.runs // 4 + 2, 2000 // n)) for n in counts}
    for r in range(max(reps.values())):
        for n in counts if r % 2 == 0 else counts[::-1]:
            if r < reps[n]:
                times[n].append(timed(cases[n], env))
    for n in counts:
        rep.row("growth", f"{n} files, per file", fmt(times[n], per=n, unit="ms"))
    if 200 in counts and 10000 in counts:
        rep.target("per file at 10,000 / per file at 200", med(times[10000]) / 10000
                   / (med(times[200]) / 200), 1.1)


def size(args, env, tmp, medlint, rep: Report):
    sizes = [s for s in (10_000, 100_000, 1_000_000, 5_000_000) if s <= args.max_size]
    print(f"size: one file of {', '.join(f'{s / 1e6:g} MB' for s in sizes)}")
    cases = {}
    for s in sizes:
        path = tmp / "size" / f"draft-{s}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(corpus.big_draft(s), encoding="utf-8")
        cases[s] = [*medlint, "check", "--no-cache", str(path)]
    times = interleaved(cases, env, max(3, args.runs // 4))
    for s in sizes:
        rep.row("size", f"{s / 1e6:g} MB", fmt(times[s]))
    if 1_000_000 in sizes and 5_000_000 in sizes:
        rep.target("5 MB / 1 MB", med(times[5_000_000]) / med(times[1_000_000]), 6)


def facts(args, env, tmp, medlint, rep: Report):
    print("facts: 200 articles with the fact base at 1x and 10x")
    many = tmp / "many200"
    if not many.exists():
        corpus.write_drafts(many, 200)
    shipped = len([1 for p in REFERENCE.glob("*.yaml") for line in p.read_text().splitlines()
                   if line.startswith("  - id:") and p.name != "sources.yaml"])
    synth = corpus.synthetic_facts(tmp / "synthetic", 9 * shipped)
    # A config's `reference:` adds fact bases to the shipped one (--reference would replace it).
    one, ten = tmp / "facts-1x.yaml", tmp / "facts-10x.yaml"
    one.write_text("{}\n", encoding="utf-8")
    ten.write_text(f"reference: [{json.dumps(str(synth))}]\n", encoding="utf-8")
    cases = {"1x": [*medlint, "check", "--no-cache", "--config", str(one), str(many)],
             "10x": [*medlint, "check", "--no-cache", "--config", str(ten), str(many)]}
    for cmd in cases.values():  # validate and cache the synthetic fact base once
        timed(cmd, env)
    times = interleaved(cases, env, max(3, args.runs // 4))
    for label, t in times.items():
        rep.row("facts", f"fact base {label} ({shipped * (10 if label == '10x' else 1)} facts), "
                f"per file", fmt(t, per=200, unit="ms"))
    rep.target("10x fact base / 1x, per file", med(times["10x"]) / med(times["1x"]), 1.5)


def rerun(args, env, tmp, medlint, rep: Report):
    print("rerun: 200 unchanged articles with the result cache")
    many = tmp / "many200"
    if not many.exists():
        corpus.write_drafts(many, 200)
    results = Path(env["MEDLINT_CACHE_DIR"]) / "results"
    first, again, plain = [], [], []
    for r in range(max(3, args.runs // 4)):
        runs = [("plain", plain), ("first", first)] if r % 2 == 0 else [("first", first), ("plain", plain)]
        for kind, into in runs:
            if kind == "plain":
                into.append(timed([*medlint, "check", "--no-cache", str(many)], env))
            else:
                shutil.rmtree(results, ignore_errors=True)
                into.append(timed([*medlint, "check", str(many)], env))
                again.append(timed([*medlint, "check", str(many)], env))
    rep.row("rerun", "first run, --no-cache", fmt(plain))
    rep.row("rerun", "first run, cache on (writes it)", fmt(first))
    rep.row("rerun", "re-run, 200 unchanged files", fmt(again))
    rep.target("re-run / first run (--no-cache)", med(again) / med(plain), 0.1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=15, help="repetitions of the short runs")
    ap.add_argument("--quick", action="store_true", help="fewer runs, up to 1,000 files and 1 MB")
    ap.add_argument("--only", default="compare,growth,size,facts,rerun")
    ap.add_argument("--max-files", type=int, default=10000)
    ap.add_argument("--max-size", type=int, default=5_000_000)
    ap.add_argument("--json", help="also write the table to this file")
    args = ap.parse_args()
    if args.quick:
        args.runs, args.max_files, args.max_size = 5, min(args.max_files, 1000), min(args.max_size, 1_000_000)
    medlint = command("medlint", "linter")
    if medlint is None:
        print("bench: medlint is not importable by this Python", file=sys.stderr)
        return 2
    proselint = command("proselint", "proselint")
    if proselint is None:
        print("note: proselint is not importable; comparisons are skipped (see the docstring)")
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's Python keeps its bytecode cache
    rep = Report()
    options(medlint, env)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env["MEDLINT_CACHE_DIR"] = str(tmp / "cache")
        warm = tmp / "warm.md"
        warm.write_text(corpus.draft(0), encoding="utf-8")
        for _ in range(3):  # the data cache and the bytecode caches
            timed([*medlint, "check", str(warm)], env)
            if proselint:
                timed([*proselint, "check", str(warm)], env)
        print(f"medlint: {' '.join(medlint)}; proselint: {' '.join(proselint or ['-'])}; "
              f"{os.cpu_count()} cores")
        sections = {"compare": lambda: compare(args, env, tmp, medlint, proselint, rep),
                    "growth": lambda: growth(args, env, tmp, medlint, rep),
                    "size": lambda: size(args, env, tmp, medlint, rep),
                    "facts": lambda: facts(args, env, tmp, medlint, rep),
                    "rerun": lambda: rerun(args, env, tmp, medlint, rep)}
        for name in args.only.split(","):
            sections[name.strip()]()
    rep.print_tables()
    if args.json:
        Path(args.json).write_text(json.dumps({"rows": rep.rows, "targets": rep.targets}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
