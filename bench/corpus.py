"""Generated inputs for the benchmark: health-article drafts, one large file, synthetic facts.

Every text here is written for the benchmark. The drafts are dense with figures, citations and
claims, like the articles medlint is built for; the synthetic facts are about made-up drugs and
trials, so they enlarge the fact base without matching anything the drafts say.
"""
from __future__ import annotations

from pathlib import Path

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


def draft(n: int, words: int = 1000) -> str:
    """Draft number n: front matter, a title, sections of varied paragraphs, a disclaimer."""
    parts = ["---", f"title: Benchmark draft {n}", "author: Bench", "date: 2025-11-01", "---", "",
             f"# Benchmark draft {n}", ""]
    parts += _body(n, words)
    parts.append(DISCLAIMER)
    return "\n".join(parts) + "\n"


def _body(n: int, words: int) -> list[str]:
    parts: list[str] = []
    count, i = 0, n
    while count < words:
        if i % 4 == 0:
            parts += [f"## Section {i}", ""]
        text = PARAGRAPHS[i % len(PARAGRAPHS)]
        parts += [text, ""]
        count += len(text.split())
        i += 1
    return parts


def write_drafts(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"draft{n:05}.md").write_text(draft(n), encoding="utf-8")
    return folder


def big_draft(size: int) -> str:
    """One draft of about `size` bytes (UTF-8): many sections of the same kind of prose."""
    head = draft(0)
    parts, total, n = [head], len(head.encode()), 1
    while total < size:
        chunk = "\n".join(_body(n, 1000)) + "\n"
        parts.append(chunk)
        total += len(chunk.encode())
        n += 1
    text = "".join(parts)
    return text.encode()[:size].decode("utf-8", "ignore").rsplit("\n", 1)[0] + "\n"


_SYLLABLES = ["ba", "ce", "di", "fo", "gu", "ka", "le", "mi", "no", "pu", "ra", "se", "ti",
              "vo", "xu", "za"]


def _name(n: int, width: int = 4) -> str:
    out = []
    for _ in range(width):
        out.append(_SYLLABLES[n % 16])
        n //= 16
    return "".join(out)


def synthetic_facts(folder: Path, count: int, per_file: int = 100) -> Path:
    """`count` facts about made-up drugs and trials, in files of `per_file`, with their sources.

    The facts use the shipped vocabulary's common words (survival, response, remission), so a
    matcher that looks at every fact sharing a word pays for them; their subjects are unique."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = ["sources:"]
    for s in range((count + per_file - 1) // per_file):
        sources += [f"  - id: synthetic-{s}",
                    f"    short: \"Synthetic et al., Bench J 2025;{s}:1\"",
                    f"    citation: \"Synthetic A, et al. A made-up trial number {s}. Bench J 2025.\"",
                    "    kind: primary"]
    (folder / "sources-synthetic.yaml").write_text("\n".join(sources) + "\n", encoding="utf-8")
    for start in range(0, count, per_file):
        lines = ["topic: synthetic", "facts:"]
        for n in range(start, min(count, start + per_file)):
            lines += _fact(n, start // per_file)
        (folder / f"synthetic-{start // per_file:03}.yaml").write_text("\n".join(lines) + "\n",
                                                                       encoding="utf-8")
    return folder


_ENDPOINTS = [("overall survival", "overall survival", "@survival-any"),
              ("complete remission", "complete remission", "remission"),
              ("response rate", "response", "response"),
              ("event-free survival", "event-free survival", "@survival-any")]


def _fact(n: int, source: int) -> list[str]:
    drug = _name(n).capitalize() + "mab"
    trial = "ZX" + str(1000 + n)
    name, term, key = _ENDPOINTS[n % len(_ENDPOINTS)]
    years = 1 + n % 5
    value, other = 40 + n % 50, 30 + n % 40
    return [
        f"  - id: synthetic-{n}",
        "    topic: synthetic",
        f"    statement: In the {trial} trial, {drug} gave a {years}-year {name} of {value}% against "
        f"{other}% with standard care.",
        "    status: confirmed",
        "    design: randomized",
        f"    sources: [{{id: synthetic-{source}, where: Table 2}}]",
        f"    subject: [\"{drug}\", \"{trial}\"]",
        f"    keys: [[\"{key}\"]]",
        "    quantity: percent",
        "    unit: \"%\"",
        "    values:",
        f"      - {{value: {value}, arm: treatment, label: with {drug}, cues: [\"{drug}\"]}}",
        f"      - {{value: {other}, arm: comparator, label: standard care, cues: [\"standard care\"]}}",
        f"    endpoint: {{name: {name}, terms: [\"{term}\"]}}",
        f"    time: {{value: {years}, unit: year, label: {years}-year}}",
        f"    population: {{name: adults in the {trial} trial}}",
        "    examples:",
        "      flag:",
        f"        - {{text: \"In {trial}, {years}-year {name} with {drug} was {value + 7}%.\", "
        "rule: STAT001}",
        "      pass:",
        f"        - \"In {trial}, {years}-year {name} with {drug} was {value}%.\"",
    ]
