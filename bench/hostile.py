"""Growth series for hostile text shapes: is `medlint check` linear in the size of any draft?

    python bench/hostile.py [--sizes 1e3,1e4,1e5,1e6,5e6] [--shapes numbers,dots] [--timeout 120]

Each shape is a few bytes that once made a parser pattern backtrack, a check rescan a sentence
per number, or a reader rescan a table, a paragraph or the open HTML elements per line or tag,
repeated to each size (1 KB to 5 MB, just under the default max-file-size). Each run
is a fresh `medlint check --fail-on never` process (the data cache warmed first); the table gives
seconds and seconds per MB. Linear cost shows as a flat seconds-per-MB column; a column that
grows with size is quadratic somewhere. A run over the timeout is reported as such.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCE = ("In the AALL1731 trial, 3-year disease-free survival with blinatumomab was 98%, "
            "against 87.9% with chemotherapy alone, ")


def _numbers(n: int) -> str:
    rng = random.Random(1)
    tokens = ["12.5%", "13%", "1,440", "96%", "87.9 percent", "3-year", "5,000", "0.5", "61%"]
    out, size = [], 0
    while size < n:
        t = rng.choice(tokens)
        out.append(t)
        size += len(t) + 1
    return " ".join(out)


def _repeat(unit: str, prefix: str = "Survival was 96% ") -> callable:
    return lambda n: prefix + unit * max(1, (n - len(prefix)) // len(unit))


def _around(opener: str, closer: str) -> callable:
    claim = "This new drug is a miracle cure."
    return lambda n: opener * max(1, (n - len(claim)) // 2) + claim + closer * max(1, (n - len(claim)) // 2)


SHAPES = {
    "numbers": _numbers,                              # thousands of numbers in one sentence
    "percents": _repeat("9%", ""),                    # figures with no space between them
    "longline": _repeat(SENTENCE, ""),                # one sentence repeated on one line
    "dots": _repeat(".", "Survival 96"),              # a number and a run of dots
    "backticks": _repeat("`"),                        # an unclosed code span
    "comments": _repeat("<!--"),                      # unclosed HTML comments inside a paragraph
    "controls": _repeat("<!-- medlint-disable "),     # unclosed control comments
    "images": _repeat("![a"),                         # unclosed image text
    "links": _repeat("[a"),                           # unclosed link text
    "destinations": _repeat('](x "'),                 # unclosed link destinations
    "tags": _repeat("<a "),                           # unclosed HTML tags
    "quotes": _repeat('"a '),                         # unclosed quotation marks
    "emphasis": _repeat("*a _b "),                    # unmatched emphasis
    "brackets": _repeat("(96% "),                     # nested parentheses
    "lines": _repeat("96% of children.\n"),           # many one-line paragraphs in a list
    "openers": _around("(", ")"),                     # a flagged phrase inside a run of brackets
    "squares": _around("[", "]"),
    "marks": _around('"', '"'),                       # a run of quotation marks
    "dense": _repeat("96%. ", ""),                    # many short sentences, each a figure
    "table": _repeat("| apple | 96% |\n", "| Fruit | Share |\n|-|-|\n"),  # one long table
    "definitions": _repeat("[r]: https://example.org/r\n", "Survival was 96%.\n"),  # in a paragraph
    "wrapped": lambda n: "Survival 96%\n" + "*a\n" * (n // 6) + "a*\n" * (n // 6),  # nested emphasis
    "heading": lambda n: "# " + "Blinatumomab in children " * (n // 50) + "\n\n"
                         + "Survival was 96%.\n\n" * (n // 38),  # a long heading over its section
    # HTML pages (.html): deep nesting, and tags of as many attributes as a page may have
    "divs": _repeat("<div>", "<body>Survival was 96%."),
    "options": _repeat("<select><option>", "<body>Survival was 96%."),
    "attributes": _repeat("<p " + " ".join(f"a{i}=x" for i in range(256)) + ">Survival was 96%.\n",
                          "<body>"),
}
HTML_SHAPES = {"divs", "options", "attributes"}


def _time(medlint: str, path: Path, env: dict, timeout: float) -> float | None:
    start = time.perf_counter()
    try:
        subprocess.run([medlint, "check", "--fail-on", "never", str(path)], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout,
                       check=False)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1e3,1e4,1e5,1e6,5e6",
                    help="bytes, comma-separated (default: 1 KB to 5 MB)")
    ap.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated shape names")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    ap.add_argument("--medlint", default=shutil.which("medlint") or "medlint")
    args = ap.parse_args()
    sizes = [int(float(s)) for s in args.sizes.split(",")]
    shapes = [s for s in args.shapes.split(",") if s]
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown:
        ap.error(f"unknown shapes {unknown}; known: {', '.join(SHAPES)}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = dict(os.environ, MEDLINT_CACHE_DIR=str(tmp / "cache"))
        warm = tmp / "warm.md"
        warm.write_text("# Warm\n\nText.\n", encoding="utf-8")
        _time(args.medlint, warm, env, args.timeout)
        base = _time(args.medlint, warm, env, args.timeout) or 0.0
        print(f"start-up (a one-line draft): {base:.2f} s; seconds per MB exclude it")
        print(f"{'shape':<13}" + "".join(f"{_label(n):>18}" for n in sizes))
        for shape in shapes:
            cells = []
            for n in sizes:
                path = tmp / f"{shape}.{'html' if shape in HTML_SHAPES else 'md'}"
                path.write_text(SHAPES[shape](n)[:n] + "\n", encoding="utf-8")
                seconds = _time(args.medlint, path, env, args.timeout)
                if seconds is None:
                    cells.append(f"> {args.timeout:.0f} s")
                    break
                per_mb = max(seconds - base, 0.0) / (n / 1e6)
                cells.append(f"{seconds:6.2f} s {per_mb:6.2f}/MB")
            print(f"{shape:<13}" + "".join(f"{c:>18}" for c in cells), flush=True)
    return 0


def _label(n: int) -> str:
    return f"{n / 1e6:g} MB" if n >= 1e6 else f"{n / 1e3:g} KB"


if __name__ == "__main__":
    sys.exit(main())
