"""Generate the README's rule index from the rule packs: `python -m linter.docs`."""
from __future__ import annotations

from linter import knowledge


def rule_index(kb) -> str:
    lines = ["| code | name | category | severity | what it flags |", "|---|---|---|---|---|"]
    for r in sorted(kb.rules, key=lambda r: r["code"]):
        sentences = r["rationale"].split(". ")
        summary = sentences[0]
        if len(summary) < 60 and len(sentences) > 1:
            summary += ". " + sentences[1]
        summary = summary.rstrip(".").replace("|", "\\|")
        lines.append(f"| `{r['code']}` | {r['name']} | {r['category']} | {r['severity']} | {summary}. |")
    return "\n".join(lines)


def main() -> None:
    files = knowledge.collect([knowledge.shipped("reference"), knowledge.shipped("rules")])
    kb = knowledge.build([(f, f.read_text(encoding="utf-8")) for f in files])
    print(rule_index(kb))


if __name__ == "__main__":
    main()
