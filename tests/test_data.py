"""The data itself: every fact base and rule pack validates, ids are unique, sources resolve,
patterns compile, and every example behaves as labelled (one parametrized test)."""
import re

import pytest

from linter.knowledge import load as knowledge
from linter.knowledge.crosscheck import source_ids, source_refs
from linter.commands.examples import run_fact_example, run_rule_example
from linter.text.terms import expand

KB = knowledge.build([(f, f.read_text(encoding="utf-8")) for f in knowledge.collect(
    [knowledge.shipped("reference"), knowledge.shipped("rules")])])

FACT_FLAGS = [(f["id"], e["text"], e["rule"]) for f in KB.facts for e in f["examples"]["flag"]]
FACT_PASSES = [(f["id"], t) for f in KB.facts for t in f["examples"]["pass"]]
RULE_FLAGS = [(r["code"], e) for r in KB.rules for e in r["examples"]["flag"]]
RULE_PASSES = [(r["code"], e) for r in KB.rules for e in r["examples"]["pass"]]


def _id(ex):
    return (ex if isinstance(ex, str) else ex["text"])[:50]


def test_fact_base_size_and_statuses():
    assert len(KB.facts) >= 60
    assert {f["status"] for f in KB.facts} == {"confirmed", "consistent", "reported", "disputed"}


def test_ids_and_codes_unique_and_well_formed():
    ids = [f["id"] for f in KB.facts]
    assert len(ids) == len(set(ids))
    codes = [r["code"] for r in KB.rules]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]+\d{3}", c) for c in codes)


def test_every_source_resolves_and_has_a_citation():
    for fact in KB.facts:
        ids = source_ids(fact)
        for s in ids:
            assert s in KB.sources, (fact["id"], s)
        # Every fact the checkers assert cites a publication, not only a source document; a
        # disputed or reported fact may rest on the document that stated it (it only warns).
        if fact["status"] not in ("disputed", "reported"):
            assert any(KB.sources[s].get("kind") != "document" for s in ids), fact["id"]


def test_every_confirmed_fact_says_where_in_a_primary_text():
    for fact in KB.facts:
        if fact["status"] == "confirmed":
            assert any(where and KB.sources[i].get("kind") in ("primary", "label", "agency")
                       for i, where, _ in source_refs(fact)), fact["id"]


def test_every_vocabulary_reference_resolves_and_every_term_compiles():
    for item in [*KB.facts, *KB.rules]:
        for terms in knowledge._term_lists(item):
            for t in terms:
                if t.startswith("@"):
                    assert t[1:] in KB.vocabulary, t
            for t in expand(terms, KB.vocabulary):
                re.compile(t[3:] if t.startswith("re:") else re.escape(t))


def test_every_fact_and_rule_has_both_kinds_of_example():
    for fact in KB.facts:
        assert fact["examples"]["flag"] and fact["examples"]["pass"], fact["id"]
    for rule in KB.rules:
        assert rule["examples"]["flag"] and rule["examples"]["pass"], rule["code"]


@pytest.mark.parametrize("fact_id, text, code", FACT_FLAGS, ids=[f"{i}:{t[:40]}" for i, t, _ in FACT_FLAGS])
def test_fact_example_is_flagged(ctx, fact_id, text, code):
    assert code in run_fact_example(text, ctx)


@pytest.mark.parametrize("fact_id, text", FACT_PASSES, ids=[f"{i}:{t[:40]}" for i, t in FACT_PASSES])
def test_fact_example_passes(ctx, fact_id, text):
    assert run_fact_example(text, ctx) == set()


@pytest.mark.parametrize("code, example", RULE_FLAGS, ids=[f"{c}:{_id(e)}" for c, e in RULE_FLAGS])
def test_rule_example_is_flagged(ctx, code, example):
    rule = KB.rule_index[code]
    if rule["severity"] == "off":
        from linter.checks import metadata
        from linter.commands.examples import _document

        text, front = (example, None) if isinstance(example, str) else (example["text"], example.get("front_matter"))
        assert code in {f.rule for f in metadata.check(_document(text, front), ctx)}
        return
    assert code in run_rule_example(example, rule, ctx)


@pytest.mark.parametrize("code, example", RULE_PASSES, ids=[f"{c}:{_id(e)}" for c, e in RULE_PASSES])
def test_rule_example_passes(ctx, code, example):
    assert code not in run_rule_example(example, KB.rule_index[code], ctx)


def test_readme_rule_index_is_generated_from_the_rules():
    """The README's rule index is `python -m linter.commands.docs` output: regenerate it when rules change."""
    from pathlib import Path

    from linter.commands.docs import rule_index

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    start, end = "<!-- rule-index:start -->", "<!-- rule-index:end -->"
    assert start in readme and end in readme
    current = readme.split(start, 1)[1].split(end, 1)[0].strip()
    assert current == rule_index(KB).strip()
    for rule in KB.rules:
        assert f"`{rule['code']}`" in current, rule["code"]
