"""The shipped data itself: it loads (loading checks the schema, unique ids, sources, vocabulary
groups and patterns; tests/knowledge shows those checks failing on bad data), every asserted
fact cites a publication, and every example behaves as labelled, a fact's example flagged for
that fact."""

import pytest

from linter.commands.examples import fact_findings, rule_codes
from linter.knowledge import load as knowledge
from linter.knowledge.crosscheck import source_ids, source_refs

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


def test_every_shipped_figure_names_its_measure():
    """A fact with a number says what the number is a value of, from the shipped measures."""
    missing = [f["id"] for f in KB.facts if f.get("quantity", "none") != "none" and "measure" not in f]
    assert missing == []
    assert {f["measure"] for f in KB.facts if "measure" in f} <= set(KB.measures)


def test_every_asserted_fact_cites_a_publication():
    for fact in KB.facts:
        ids = source_ids(fact)
        # Every fact the checkers assert cites a publication, not only a source document; a
        # disputed or reported fact may rest on the document that stated it (it only warns).
        if fact["status"] not in ("disputed", "reported"):
            assert any(KB.sources[s].get("kind") != "document" for s in ids), fact["id"]


def test_every_confirmed_fact_says_where_in_a_primary_text():
    for fact in KB.facts:
        if fact["status"] == "confirmed":
            assert any(where and KB.sources[i].get("kind") in ("primary", "label", "agency")
                       for i, where, _ in source_refs(fact)), fact["id"]


@pytest.mark.parametrize("fact_id, text, code", FACT_FLAGS, ids=[f"{i}:{t[:40]}" for i, t, _ in FACT_FLAGS])
def test_fact_example_is_flagged(ctx, fact_id, text, code):
    assert fact_findings(text, ctx) == {(code, fact_id)}


@pytest.mark.parametrize("fact_id, text", FACT_PASSES, ids=[f"{i}:{t[:40]}" for i, t in FACT_PASSES])
def test_fact_example_passes(ctx, fact_id, text):
    assert fact_findings(text, ctx) == set()


@pytest.mark.parametrize("code, example", RULE_FLAGS, ids=[f"{c}:{_id(e)}" for c, e in RULE_FLAGS])
def test_rule_example_is_flagged(ctx, code, example):
    assert code in rule_codes(example, ctx)


@pytest.mark.parametrize("code, example", RULE_PASSES, ids=[f"{c}:{_id(e)}" for c, e in RULE_PASSES])
def test_rule_example_passes(ctx, code, example):
    assert code not in rule_codes(example, ctx)


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
