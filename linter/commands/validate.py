"""`medlint validate`: schema and reference checks, then every example run through the checks."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from linter.errors import DataError
from linter.knowledge import load as knowledge


def validate(paths, config) -> list[str]:
    from linter.context import Context

    if paths:
        targets = [Path(p) for p in paths]
        # A team's own pack may lean on the shipped vocabulary and sources.
        base = knowledge.base_files([])
        own = knowledge.collect(targets)
        files = own + [b for b in base if b.resolve() not in {o.resolve() for o in own}]
    else:
        from linter.config import check_paths

        check_paths(config)  # a missing team folder named at its line in the config
        files = knowledge.collect([knowledge.shipped("reference"), knowledge.shipped("rules"),
                                   *[config.resolve(p) for p in config["reference"]],
                                   *[config.resolve(p) for p in config["rules"]]])
    try:
        texts = [(f, f.read_text(encoding="utf-8")) for f in files]
        kb = knowledge.build(texts)
        if paths and not any(knowledge.collect([p]) for p in paths):
            return [f"{', '.join(map(str, paths))}: no data files found"]
        # Facts' examples name the codes they expect (STAT001, CLAIM003); the shipped rules that
        # report them join the checked packs for the examples, unless a pack defines that code.
        ctx_kb = kb
        codes = {r["code"] for r in kb.rules}
        if any(ex["rule"] not in codes for f in kb.facts for ex in f["examples"]["flag"]):
            shipped = [(f, f.read_text(encoding="utf-8"))
                       for f in knowledge.collect([knowledge.shipped("rules")])
                       if f.resolve() not in {t.resolve() for t, _ in texts}]
            extra = knowledge.build([(f, s) for f, s in texts if f.name in knowledge.BASE_FILES]
                                    + shipped).rules if shipped else []
            ctx_kb = dataclasses.replace(
                kb, rules=kb.rules + [r for r in extra if r["code"] not in codes])
    except DataError as err:
        return err.problems
    except (OSError, UnicodeDecodeError) as err:
        return [str(err)]
    ctx = Context(ctx_kb, config, keep_off=True)
    from linter.text.modifiers import example_problems as modifier_problems

    return example_problems(kb, ctx) + modifier_problems(kb)


def example_problems(kb, ctx) -> list[str]:
    """Every fact and rule example must behave as labelled."""
    from linter.commands.examples import fact_findings, rule_codes

    problems = []
    for fact in kb.facts:
        for ex in fact["examples"]["flag"]:
            found = fact_findings(ex["text"], ctx)
            if found != {(ex["rule"], fact["id"])}:
                got = sorted(f"{code} ({fid})" if fid else code for code, fid in found)
                problems.append(f"{kb.origin[fact['id']]}: {fact['id']}: example should be flagged "
                                f"{ex['rule']} for this fact alone but got {got or 'nothing'}: "
                                f"{ex['text']!r}")
        for text in fact["examples"]["pass"]:
            found = fact_findings(text, ctx)
            if found:
                problems.append(f"{kb.origin[fact['id']]}: {fact['id']}: example should pass but got "
                                f"{sorted(code for code, _ in found)}: {text!r}")
    for rule in kb.rules:
        for ex in rule["examples"]["flag"]:
            if rule["code"] not in rule_codes(ex, ctx):
                problems.append(f"{kb.origin[rule['code']]}: {rule['code']}: example should be "
                                f"flagged: {_text(ex)!r}")
        for ex in rule["examples"]["pass"]:
            if rule["code"] in rule_codes(ex, ctx):
                problems.append(f"{kb.origin[rule['code']]}: {rule['code']}: example should pass: "
                                f"{_text(ex)!r}")
    return problems


def _text(ex):
    return ex if isinstance(ex, str) else ex["text"]
