"""`medlint validate`: schema and reference checks, then every example run through the checks."""
from __future__ import annotations

from pathlib import Path

from linter.knowledge import load as knowledge
from linter.errors import DataError


def validate(paths, config) -> list[str]:
    from linter.engine import Context

    if paths:
        targets = [Path(p) for p in paths]
        # A team's own pack may lean on the shipped vocabulary and sources.
        base = knowledge.base_files([])
        own = knowledge.collect(targets)
        files = own + [b for b in base if b.resolve() not in {o.resolve() for o in own}]
    else:
        files = knowledge.collect([knowledge.shipped("reference"), knowledge.shipped("rules"),
                                   *[config.resolve(p) for p in config["reference"]],
                                   *[config.resolve(p) for p in config["rules"]]])
    try:
        texts = [(f, f.read_text(encoding="utf-8")) for f in files]
        kb = knowledge.build(texts)
        if paths and not any(knowledge.collect([p]) for p in paths):
            return [f"{', '.join(map(str, paths))}: no data files found"]
        # Facts' examples run through the checks: without a rule pack of its own, a fact base is
        # checked with the shipped rules, as `medlint check --reference` would use them.
        ctx_kb = kb
        if not kb.rules:
            shipped = [(f, f.read_text(encoding="utf-8"))
                       for f in knowledge.collect([knowledge.shipped("rules")])]
            ctx_kb = knowledge.build(texts + shipped)
    except DataError as err:
        return err.problems
    except (OSError, UnicodeDecodeError) as err:
        return [str(err)]
    ctx = Context(ctx_kb, config)
    from linter.text.modifiers import example_problems as modifier_problems

    return example_problems(kb, ctx) + modifier_problems(kb)


def example_problems(kb, ctx) -> list[str]:
    """Every fact and rule example must behave as labelled."""
    from linter.commands.examples import run_fact_example, run_rule_example

    problems = []
    for fact in kb.facts:
        for ex in fact["examples"]["flag"]:
            codes = run_fact_example(ex["text"], ctx)
            if ex["rule"] not in codes:
                problems.append(f"{kb.origin[fact['id']]}: {fact['id']}: example should be flagged "
                                f"{ex['rule']} but got {sorted(codes) or 'nothing'}: {ex['text']!r}")
        for text in fact["examples"]["pass"]:
            codes = run_fact_example(text, ctx, fact_only=fact["id"])
            if codes:
                problems.append(f"{kb.origin[fact['id']]}: {fact['id']}: example should pass but got "
                                f"{sorted(codes)}: {text!r}")
    for rule in kb.rules:
        for ex in rule["examples"]["flag"]:
            if rule["code"] not in run_rule_example(ex, rule, ctx):
                problems.append(f"{kb.origin[rule['code']]}: {rule['code']}: example should be "
                                f"flagged: {_text(ex)!r}")
        for ex in rule["examples"]["pass"]:
            if rule["code"] in run_rule_example(ex, rule, ctx):
                problems.append(f"{kb.origin[rule['code']]}: {rule['code']}: example should pass: "
                                f"{_text(ex)!r}")
    return problems


def _text(ex):
    return ex if isinstance(ex, str) else ex["text"]
