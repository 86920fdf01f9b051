"""Generate the README's rule index from the rule packs: `python -m linter.commands.docs`."""
from __future__ import annotations

from linter.knowledge import load as knowledge


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


START, END = "<!-- rule-index:start -->", "<!-- rule-index:end -->"


def main(argv=None) -> None:
    """Print the index; with `--write README.md`, replace the index between its markers."""
    import sys
    from pathlib import Path

    args = sys.argv[1:] if argv is None else argv
    files = knowledge.collect([knowledge.shipped("reference"), knowledge.shipped("rules")])
    kb = knowledge.build([(f, f.read_text(encoding="utf-8")) for f in files])
    index = rule_index(kb)
    if args[:1] == ["--write"] and len(args) == 2:
        path = Path(args[1])
        text = path.read_text(encoding="utf-8")
        head, rest = text.split(START, 1)
        _, tail = rest.split(END, 1)
        path.write_text(f"{head}{START}\n{index}\n{END}{tail}", encoding="utf-8")
    else:
        print(index)


if __name__ == "__main__":
    main()
