"""What is read off expressions (their literal pieces and shapes) is kept in the data cache:
a later run starts with exactly the answers the parser gives, under a key that changes with the
code that works them out; an entry that does not check out is worked out again, never trusted."""
import re
from pathlib import Path

import pytest

from linter.knowledge import cache, derived
from linter.text import alternations, kept, literals, parsetree, patterns, starts


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """A process that has read no entry and worked nothing out, with its own cache folder."""
    monkeypatch.setenv("MEDLINT_CACHE_DIR", str(tmp_path))
    _restart(monkeypatch, restore=False)
    return tmp_path


def _restart(monkeypatch, restore=True):
    """A new process: nothing asked yet."""
    monkeypatch.setattr(derived, "_state", {})
    monkeypatch.setattr(kept, "KNOWN", {kind: {} for kind in kept.KINDS})
    monkeypatch.setattr(kept, "STORED", {kind: {} for kind in kept.KINDS})
    if restore:
        derived.restore()


def _answers():
    return tuple(dict(kept.KNOWN[kind]) for kind in kept.KINDS)


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


def _counting(monkeypatch):
    """How often the parser is asked (literals.read_pieces, patterns.read_shape,
    starts.read_starts, alternations._opens)."""
    asked = []
    for module, name in ((literals, "read_pieces"), (patterns, "read_shape"),
                         (starts, "read_starts"), (alternations, "_opens")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, _real=real: asked.append(a) or _real(*a))
    return asked


def _ask(expressions):
    for expression in expressions:  # as needles.required, literals.term_needs and Terms.regex ask
        literals.pieces(f"(?:{expression})", re.IGNORECASE)
        literals.pieces(expression, re.IGNORECASE)
        patterns.risky(expression)
        starts.starts(expression, re.IGNORECASE)  # as Terms.starts and starts.term_heads ask
        alternations.alternation([f"\\b{expression}", f"(?:\\b{expression})", "x"])


def test_a_later_run_gets_the_answers_the_parser_gives_without_asking_it(fresh, ctx, monkeypatch):
    derived.restore()
    found = sorted(set(_expressions(dict(vars(ctx.knowledge)))))
    assert len(found) > 100
    _ask(found)
    pieces, shapes, begins, opens = _answers()
    assert sum(v is not None for v in pieces.values()) > 100
    assert sum(v is not None for v in begins.values()) > 50
    assert sum(v is True for v in opens.values()) > 100
    derived.save()
    _restart(monkeypatch)
    asked = _counting(monkeypatch)
    _ask(found)
    assert asked == []
    assert _answers() == (pieces, shapes, begins, opens)
    assert pieces == {(p, f): literals.read_pieces(p, f) for p, f in pieces}
    assert shapes == {p: patterns.read_shape(p) for p in found}
    assert begins == {(p, f): starts.read_starts(p, f) for p, f in begins}
    assert begins == {(p, re.I): starts.read_starts(p, re.I) for p in found}
    assert opens == {p: parsetree.opens_with_boundary(p, re.I) for p in opens}


def test_a_stored_answer_is_the_parsers_own():
    """The answers as the tree walkers give them, on expressions written for the purpose."""
    assert starts.read_starts(r"(?:is|are)\s+safe", re.I) == frozenset({"is", "are"})
    assert starts.read_starts(r"\w+ly", re.I) is None
    assert parsetree.opens_with_boundary(r"\bbut\b", re.I) is True
    assert parsetree.opens_with_boundary(r"\Bbut", re.I) is False
    assert parsetree.opens_with_boundary(r"\b(", re.I) is None
    with pytest.raises(re.error):  # a stored "does not parse" still gives the parser's error
        alternations.alternation([r"\b(", r"\bx"])


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


NO_CHANGE = r"\bno\s+change\b"
ANSWER = frozenset({frozenset({("no", True), ("change", True)})})


@pytest.mark.parametrize("bad", [
    ({(NO_CHANGE, 2): (("", True),)}, {}, {}, {}),  # a piece where an alternative belongs
    ({(NO_CHANGE, 2): ((("", True),),)}, {}, {}, {}),  # an empty piece
    ({(NO_CHANGE, 2): ((("no", 1),),)}, {}, {}, {}),  # not a flag of a whole word
    ({(NO_CHANGE, 2): [["no", True]]}, {}, {}, {}),
    ({(NO_CHANGE, 2): ()}, {}, {}, {}),
    ({}, {NO_CHANGE: "fine"}, {}, {}),
    ({}, {NO_CHANGE: ["nested"]}, {}, {}),
    ({(NO_CHANGE, 2): kept.frozen(ANSWER)}, {}),  # the tables of an older layout
    {"wrong": "shape"},
])
def test_a_stored_answer_of_another_shape_is_worked_out_again_and_replaced(fresh, bad):
    key = derived.key()
    cache.store("derived", key, bad)
    derived.restore()
    asks_pieces = bad[0] if isinstance(bad, tuple) else True
    if asks_pieces:
        assert literals.pieces(NO_CHANGE, re.I) == ANSWER
    else:
        assert patterns.risky(NO_CHANGE) is False
    derived.save()
    assert cache.load("derived", key) == (({(NO_CHANGE, 2): kept.frozen(ANSWER)}, {}, {}, {})
                                          if asks_pieces else ({}, {NO_CHANGE: None}, {}, {}))


def test_a_corrupt_entry_is_worked_out_again(fresh, monkeypatch):
    derived.restore()
    literals.pieces(NO_CHANGE, re.I)
    derived.save()
    (entry,) = fresh.glob("derived-*.marshal")
    data = bytearray(entry.read_bytes())
    data[-3] ^= 0xFF
    entry.write_bytes(bytes(data))
    _restart(monkeypatch)
    asked = _counting(monkeypatch)
    assert literals.pieces(NO_CHANGE, re.I) == ANSWER
    assert asked == [(NO_CHANGE, re.I)]


def test_the_key_changes_with_the_code_that_works_the_answers_out(fresh, tmp_path, monkeypatch):
    before = derived.key()
    for module in (literals, patterns, starts, parsetree, kept):
        edited = tmp_path / f"edited-{module.__name__}.py"
        edited.write_bytes(Path(module.__file__).read_bytes() + b"\n# edited\n")
        with monkeypatch.context() as m:
            m.setattr(module, "__file__", str(edited))
            assert derived.key() not in (before, None)
    monkeypatch.setattr(literals, "__file__", str(tmp_path / "gone.py"))
    assert derived.key() is None  # code that cannot be read: no entry at all


def test_no_cache_reads_and_writes_nothing(fresh, monkeypatch):
    monkeypatch.setenv("MEDLINT_CACHE_DIR", "")
    derived.restore()
    literals.pieces(NO_CHANGE, re.I)
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
    assert stored == ({("beta", 0): ((("beta", False),),), ("gamma", 0): ((("gamma", False),),)},
                      {}, {}, {})


IS_SAFE = r"(?:is|are)\s+safe"


@pytest.mark.parametrize("bad", [
    ("IS", "are"),  # upper case
    ("is", ""),  # an empty start
    ("is", "is"),  # a start twice
    ("is", "\u00e9"),  # not ASCII
    ("is", "a" * 13),  # longer than a start is cut to
    tuple(f"w{i}" for i in range(65)),  # more than an expression may have
    ["is", "are"],
    (),
    "is",
])
def test_a_stored_start_of_another_shape_is_worked_out_again_and_replaced(fresh, bad):
    key = derived.key()
    cache.store("derived", key, ({}, {}, {(IS_SAFE, 2): bad}, {}))
    derived.restore()
    assert starts.starts(IS_SAFE, re.I) == frozenset({"is", "are"})
    derived.save()
    assert cache.load("derived", key)[2] == {(IS_SAFE, 2): ("are", "is")}


@pytest.mark.parametrize("bad", [1, "yes", (True,), 0])
def test_a_stored_opening_of_another_shape_is_worked_out_again_and_replaced(fresh, bad):
    key = derived.key()
    cache.store("derived", key, ({}, {}, {}, {r"\bbut\b": bad}))
    derived.restore()
    assert alternations.alternation([r"\bbut\b", r"\byet\b"]) == r"\b(?:but\b|yet\b)"
    derived.save()
    assert cache.load("derived", key)[3] == {r"\bbut\b": True, r"\byet\b": True}
