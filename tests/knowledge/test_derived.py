"""What is read off expressions (their literal pieces and shapes) is kept in the data cache:
a later run starts with exactly the answers the parser gives, under a key that changes with the
code that works them out; an entry that does not check out is worked out again, never trusted."""
import re
from pathlib import Path

import pytest

from linter.knowledge import cache, derived
from linter.text import literals, patterns


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """A process that has read no entry and worked nothing out, with its own cache folder."""
    monkeypatch.setenv("MEDLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(derived, "_state", {})
    monkeypatch.setattr(literals, "PIECES", {})
    monkeypatch.setattr(patterns, "SHAPES", {})
    return tmp_path


def _restart(monkeypatch):
    monkeypatch.setattr(derived, "_state", {})
    monkeypatch.setattr(literals, "PIECES", {})
    monkeypatch.setattr(patterns, "SHAPES", {})
    derived.restore()


def _answers():
    return dict(literals.PIECES), dict(patterns.SHAPES)


def _expressions(obj):
    """Every `re:` term of the data, wherever it is nested."""
    if isinstance(obj, str):
        if obj.startswith("re:"):
            yield obj[3:]
    elif isinstance(obj, dict):
        for value in obj.values():
            yield from _expressions(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from _expressions(value)


def test_a_later_run_starts_with_the_answers_the_parser_gives(fresh, ctx, monkeypatch):
    derived.restore()
    found = sorted(set(_expressions(dict(vars(ctx.knowledge)))))
    assert len(found) > 100
    for expression in found:  # as needles.required, literals.term_needs and Terms.regex ask
        literals.pieces(f"(?:{expression})", re.IGNORECASE)
        literals.pieces(expression, re.IGNORECASE)
        patterns.risky(expression)
    pieces, shapes = _answers()
    derived.save()
    _restart(monkeypatch)
    assert _answers() == (pieces, shapes)
    assert pieces == {(p, f): literals.read_pieces(p, f) for p, f in pieces}
    assert shapes == {p: patterns.read_shape(p) for p in found}
    assert sum(v is not None for v in pieces.values()) > 100


def test_nothing_is_written_when_no_new_answer_came(fresh, monkeypatch):
    derived.restore()
    literals.pieces(r"\bno\s+(?:change|increase)\b", re.I)
    derived.save()
    (entry,) = fresh.glob("derived-*.marshal")
    writes = []
    monkeypatch.setattr(cache, "store", lambda *a: writes.append(a))
    _restart(monkeypatch)
    literals.pieces(r"\bno\s+(?:change|increase)\b", re.I)
    derived.save()
    assert writes == []
    patterns.risky(r"(a|b)+")
    derived.save()
    assert [(kind, key) for kind, key, _ in writes] == [("derived", entry.name[8:-8])]


@pytest.mark.parametrize("bad", [
    {"wrong": "shape"},
    ({("x", 2): frozenset({frozenset({("", True)})})}, {}),  # an empty piece
    ({("x", 2): frozenset({frozenset({("x", 1)})})}, {}),  # not a flag of a whole word
    ({("x", 2): [["x", True]]}, {}),
    ({("x", "2"): None}, {}),
    ({}, {"(a|b)+": "fine"}),
])
def test_an_entry_of_another_shape_is_ignored_and_rebuilt(fresh, monkeypatch, bad):
    key = derived.key()
    cache.store("derived", key, bad)
    derived.restore()
    assert _answers() == ({}, {})
    literals.pieces(r"\bno\s+change\b", re.I)
    derived.save()
    assert cache.load("derived", key) == (
        {(r"\bno\s+change\b", 2): frozenset({frozenset({("no", True), ("change", True)})})}, {})


def test_a_corrupt_entry_is_worked_out_again(fresh, monkeypatch):
    derived.restore()
    literals.pieces(r"\bno\s+change\b", re.I)
    derived.save()
    (entry,) = fresh.glob("derived-*.marshal")
    data = bytearray(entry.read_bytes())
    data[-3] ^= 0xFF
    entry.write_bytes(bytes(data))
    _restart(monkeypatch)
    assert _answers() == ({}, {})
    assert literals.pieces(r"\bno\s+change\b", re.I) == literals.read_pieces(r"\bno\s+change\b", re.I)


def test_the_key_changes_with_the_code_that_works_the_answers_out(fresh, tmp_path, monkeypatch):
    before = derived.key()
    edited = tmp_path / "literals.py"
    edited.write_bytes(Path(literals.__file__).read_bytes() + b"\n# edited\n")
    monkeypatch.setattr(literals, "__file__", str(edited))
    assert derived.key() not in (before, None)
    monkeypatch.setattr(literals, "__file__", str(tmp_path / "gone.py"))
    assert derived.key() is None  # code that cannot be read: no entry at all


def test_no_cache_reads_and_writes_nothing(fresh, monkeypatch):
    monkeypatch.setenv("MEDLINT_CACHE_DIR", "")
    derived.restore()
    literals.pieces(r"\bno\s+change\b", re.I)
    derived.save()
    assert list(fresh.iterdir()) == []


def test_past_the_limit_only_the_answers_a_run_worked_out_are_kept(fresh, monkeypatch):
    derived.restore()
    literals.pieces("alpha")
    derived.save()
    _restart(monkeypatch)
    monkeypatch.setattr(derived, "LIMIT", 2)
    literals.pieces("beta")
    literals.pieces("gamma")
    derived.save()
    stored = cache.load("derived", derived.key())
    assert stored == ({("beta", 0): frozenset({frozenset({("beta", False)})}),
                       ("gamma", 0): frozenset({frozenset({("gamma", False)})})}, {})
