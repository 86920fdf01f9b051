"""Growth series for the text layer: sentence splitting and quantity extraction on the shapes
that make naive parsers slow, from 1 KB to 1 MB on one line. Prints seconds per MB at each size;
a linear layer keeps that figure flat as the size grows.

    python bench/text_shapes.py [--max-kb 1024]
"""
from __future__ import annotations

import argparse
import time

from linter.document.sentences import split_sentences
from linter.text.quantities import extract

SHAPES = {
    "number then dots": lambda n: "5" + "." * (n - 1),
    "percents": lambda n: ("9% " * (n // 3 + 1))[:n],
    "numbers and commas": lambda n: (", ".join(str(10 + i % 900) for i in range(n // 4 + 1)))[:n],
    "number words": lambda n: ("two hundred and forty three, " * (n // 29 + 1))[:n],
    "abbreviations": lambda n: ("Dr. A. B. Lee et al. vs. U.S. " * (n // 30 + 1))[:n],
    "one long sentence": lambda n: ("About 90% of 1,440 children, aged 1 to 9 years, survived 5 "
                                    "years or more; " * (n // 76 + 1))[:n],
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-kb", type=int, default=1024)
    args = parser.parse_args()
    sizes = [1024 * k for k in (1, 16, 256, 1024) if k <= args.max_kb]
    for name, make in SHAPES.items():
        row = []
        for size in sizes:
            text = make(size)
            t = time.perf_counter()
            list(split_sentences(text, 0, len(text)))
            extract(text)
            row.append(f"{size // 1024} KB {((time.perf_counter() - t) * 1048576 / size):.2f}")
        print(f"{name:20s} s/MB: " + ", ".join(row))


if __name__ == "__main__":
    main()
