"""Benchmark medlint as a user runs it: a fresh process per run.

    python bench/bench.py [--runs N] [--medlint PATH]

Measures (median of N runs, wall clock, standard library timing only):
  single  `medlint check` on a generated ~1,000-word draft (the pre-commit case);
  many    one `medlint check` over 200 such drafts (the CI case), per file.
The data cache is warmed first (a first run after editing the fact base also validates it).
Python's bytecode cache is allowed, as on a user's machine. For scale, it also times a bare
Python start and `import click, yaml` at the same moment.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PARAGRAPHS = [
    "Acute lymphoblastic leukemia is the most common cancer in children, and about three out of "
    "four children diagnosed with leukemia have ALL. Survival has climbed over the decades.",
    "The Children's Oncology Group trial AALL1731 randomly assigned 1,440 children with "
    "standard-risk B-ALL to chemotherapy with or without two cycles of blinatumomab. The estimated "
    "three-year disease-free survival was 96 percent with blinatumomab and 87.9% with chemotherapy "
    "alone, at a median follow-up of 2.5 years (P<0.001).",
    "Blinatumomab is given as a continuous infusion into a vein, 24 hours a day, through a central "
    "line and a small pump. Each cycle lasts 28 days. It can cause cytokine release syndrome and "
    "neurological side effects such as seizures; severe cytokine release syndrome occurred in "
    "0.3% of children and seizures in 0.7%.",
    "For infants with KMT2A-rearranged ALL, a study of 30 babies found two-year overall survival "
    "of 93.3% with blinatumomab, against 65.8% in historical controls. The study had a single arm, "
    "so it cannot show how much of the difference is due to the drug.",
    "About 15 to 20 percent of children with ALL relapse, and about half of all relapses happen in "
    "children first classed as standard risk. Doctors count relapse timing from diagnosis.",
    "In the ELIANA trial, the estimated three-year relapse-free survival among patients who "
    "responded to tisagenlecleucel was 52 percent, and overall survival at three years was 63%.",
    "Children with Philadelphia chromosome-positive ALL receive a tyrosine kinase inhibitor with "
    "chemotherapy; in COG AALL0031 the imatinib dose was 340 mg/m² per day.",
]
DISCLAIMER = ("*This article is for general information only. It does not replace advice from "
              "your child's doctor or care team.*")


def draft(n: int) -> str:
    parts = ["---", f"title: Benchmark draft {n}", "author: Bench", "date: 2025-11-01", "---", "",
             f"# Benchmark draft {n}", ""]
    words = 0
    i = n
    while words < 1000:
        if i % 4 == 0:
            parts += [f"## Section {i}", ""]
        text = PARAGRAPHS[i % len(PARAGRAPHS)]
        parts += [text, ""]
        words += len(text.split())
        i += 1
    parts.append(DISCLAIMER)
    return "\n".join(parts) + "\n"


def timed(cmd, env) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--medlint", default=shutil.which("medlint") or "medlint")
    args = ap.parse_args()
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env["MEDLINT_CACHE_DIR"] = str(tmp / "cache")
        one = tmp / "draft.md"
        one.write_text(draft(0), encoding="utf-8")
        many = tmp / "many"
        many.mkdir()
        for n in range(200):
            (many / f"draft{n:03}.md").write_text(draft(n), encoding="utf-8")
        words = len(draft(0).split())
        for _ in range(3):  # warm the data cache and the bytecode cache
            timed([args.medlint, "check", str(one)], env)
        bare = statistics.median(timed([sys.executable, "-c", "pass"], env) for _ in range(args.runs))
        # The machine's speed drifts (the same work takes 0.11 s or 0.18 s of CPU); this import,
        # timed on the same machine at the same moment, says which state it is in.
        scale = statistics.median(timed([sys.executable, "-c", "import click, yaml"], env)
                                  for _ in range(args.runs))
        singles = [timed([args.medlint, "check", str(one)], env) for _ in range(args.runs)]
        runs = max(3, args.runs // 4)
        batch = statistics.median(timed([args.medlint, "check", str(many)], env) for _ in range(runs))
    single = statistics.median(singles)
    print(f"python start (bare)        : {bare:.3f} s")
    print(f"import click, yaml (scale) : {scale:.3f} s")
    print(f"single draft ({words} words): {single:.3f} s median of {args.runs} fresh processes "
          f"(fastest {min(singles):.3f} s)")
    print(f"200 drafts, one process    : {batch:.3f} s median of {runs} ({batch / 200 * 1000:.1f} ms per file)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
