"""The modifier scope model (rules/modifiers.yaml): triggers, directions, termination,
pseudo-triggers, a team's own file, and the data's own examples."""
import pytest

from linter.errors import DataError
from linter.knowledge import load as knowledge
from linter.text import modifiers
from linter.text.modifiers import Model, example_problems, hedged, negated


def spans(text, kinds=None):
    """(kind, trigger words, governed words) of every modifier of a sentence, in order."""
    found = modifiers.shipped().find(text)
    return [(m.kind, text[m.trigger[0]:m.trigger[1]], text[m.scope[0]:m.scope[1]].strip())
            for m in found if kinds is None or m.kind in kinds]


@pytest.mark.parametrize("text, expected", [
    # A comma does not end a negation: every item of the list is denied.
    ("It is not a cure, a rash or a miracle.",
     [("negated", "not", "a cure, a rash or a miracle.")]),
    # "but" ends it.
    ("It is not a pill, but it works.", [("negated", "not", "a pill,")]),
    # Post-posed negation governs the words before it.
    ("A pulmonary embolism was ruled out.",
     [("negated", "was ruled out", "A pulmonary embolism")]),
    ("She denies chest pain.", [("negated", "denies", "chest pain.")]),
    # Pseudo-triggers hold a negation word without negating.
    ("It is not only safe but works.", []),
    ("Disease-free survival was 96%.", []),
    # A narrow trigger governs a short phrase only.
    ("Taken at night instead of in the morning, it works.",
     [("negated", "instead of", "in the morning")]),
])
def test_negation_scopes(text, expected):
    assert spans(text, ("negated",)) == expected


@pytest.mark.parametrize("text, expected", [
    ("It may lower the risk, but it cures nothing.",
     [("hedged", "may", "lower the risk,")]),
    ("If it works, it will cure leukemia.",
     [("hypothetical", "If", "it works, it will cure leukemia.")]),
    ("Leukemia used to be fatal.", [("historical", "used to", "be fatal.")]),
    ("The compound cured leukemia in mice.",
     [("other-population", "in mice", "The compound cured leukemia")]),
    ("Roughly 5,000 children are diagnosed each year.",
     [("per-time", "each year", "Roughly 5,000 children are diagnosed")]),
    ("According to the society, 3,000 children are diagnosed.",
     [("attributed", "According to", "the society, 3,000 children are diagnosed.")]),
])
def test_other_kinds(text, expected):
    assert spans(text, ("hedged", "hypothetical", "historical", "other-population", "per-time",
                        "attributed")) == expected


def test_quoted_words_are_a_modifier():
    assert spans('She called it "a miracle" twice.', ("quoted",)) == [("quoted", '"', "a miracle")]


def test_the_tests_checks_use():
    text = "Blinatumomab is not a cure. It cures some children."
    assert negated(text, text.index("cure."))
    assert not negated(text, text.index("cures"))  # the next sentence is not governed
    text = "It may lower the risk of relapse."
    assert hedged(text, text.index("lower")) and not negated(text, text.index("lower"))
    # `words`: only a trigger at most that many words before counts
    text = "No child in the large randomized trial of many sites relapsed."
    assert negated(text, text.index("relapsed")) and not negated(text, text.index("relapsed"), words=3)


def test_the_shipped_examples_behave_as_marked():
    kb = knowledge.load([knowledge.shipped("rules") / "modifiers.yaml"])
    assert example_problems(kb) == []


def test_a_team_file_adds_triggers_and_may_replace_a_kind(tmp_path):
    own = tmp_path / "team.yaml"
    own.write_text("modifiers:\n  kinds:\n    negated:\n      forward: [nope]\n", encoding="utf-8")
    kb = knowledge.load([knowledge.shipped("rules") / "modifiers.yaml", own])
    scopes = modifiers.model(kb)
    text = "Nope, relapse. Not relapse."
    assert scopes.governed(text, text.index("relapse"), ("negated",)) is not None
    assert scopes.governed(text, text.rindex("relapse."), ("negated",)) is not None  # shipped "not"
    own.write_text("modifiers:\n  replace: true\n  kinds:\n    negated:\n      forward: [nope]\n",
                   encoding="utf-8")
    kb = knowledge.load([knowledge.shipped("rules") / "modifiers.yaml", own])
    scopes = modifiers.model(kb)
    assert scopes.governed(text, text.rindex("relapse."), ("negated",)) is None


def test_a_bad_modifier_file_names_file_line_and_key(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("modifiers:\n  kinds:\n    negated:\n      forwards: [nope]\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        knowledge.load([bad])
    assert err.value.problems == [f"{bad}:4: modifiers.kinds.negated: unknown key 'forwards'"]


def test_a_model_from_plain_data():
    model = Model([{"kinds": {"negated": {"forward": ["nary"], "max_words": 2}}}])
    text = "Nary a cloud in the sky."
    assert [(m.kind, m.scope) for m in model.find(text)] == [("negated", (4, 12))]


def test_trace_reports_every_kind_and_the_strength(cli, write):
    import json

    text = "According to the society, 3,000 children a year get ALL. Coffee may cure it.\n"
    write("a.txt", text)
    code, out, err = cli("trace", "--format", "json", "a.txt")
    entry = json.loads(out)["files"][0]
    assert (code, err) == (0, "")
    assert [s["strength"] for s in entry["sentences"]] == ["none", "conditional-causal"]
    assert [(m["kind"], text[m["trigger"]["start"]:m["trigger"]["end"]],
             text[m["scope"]["start"]:m["scope"]["end"]]) for m in entry["modifiers"]] == [
        ("attributed", "According to", "the society, 3,000 children a year get ALL."),
        ("per-time", "a year", "According to the society, 3,000 children"),
        ("hedged", "may", "cure it.")]


def test_a_team_trigger_keeps_a_rule_quiet(cli, write):
    import json

    write("draft.md", "# Notes\n\nThis is hardly a miracle drug.\n\nNary a miracle cure exists.\n")
    code, out, _ = cli("check", "--format", "json", "--select", "OVER", "draft.md")
    assert [(f["rule"], f["line"], f["column"]) for f in json.loads(out)["findings"]] == [
        ("OVER001", 5, 8), ("OVER004", 5, 8)]
    write("team.yaml", "modifiers:\n  kinds:\n    negated:\n      forward: [nary]\n")
    write(".medlint.yaml", "rules: [team.yaml]\n")
    code, out, _ = cli("check", "--format", "json", "--select", "OVER", "draft.md")
    assert (code, json.loads(out)["findings"]) == (0, [])


def test_sentence_ends_read_as_the_plain_expression():
    """The sentence-end expression, written to start with a class of characters, finds exactly
    what the plain one does (every match, in every window, of texts built from the characters
    it reads)."""
    import random
    import re

    plain = re.compile(r"[.!?](?=[\s\"'\u201d\u2019)\]]|$)|\n[ \t]*\n")
    rng = random.Random(7)
    alphabet = ".!?\n \t\"')]a\u201d\u2019x"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(3000)]
    windows = [(t, a, b) for t in texts for a, b in ((0, len(t)), (1, len(t) - 1), (2, len(t)))]
    assert [[m.span() for m in modifiers._SENTENCE_END.finditer(t, a, b)] for t, a, b in windows] \
        == [[m.span() for m in plain.finditer(t, a, b)] for t, a, b in windows]



def _plain_bounds(text, start, lo=0):
    a = max(lo, start - 600 - start % 300)
    limit = min(len(text), a + 1500)
    for m in modifiers._SENTENCE_END.finditer(text, a, start):
        a = m.end()
    m = modifiers._SENTENCE_END.search(text, start, limit)
    return a, (m.end() if m else limit)


def test_sentence_bounds_from_the_windows_ends_are_the_plain_scans():
    parts = ["It was 96%. ", "Not 5!", "\n\n", "v.2 and 3.5? ", "\n \t\n", "Yes.\"", " (12). ",
             "e.g.", "x" * 40, "! ", "?\n", "1.\n", "\n", ". ", "a.b"]
    import random
    rng = random.Random(7)
    texts = ["".join(rng.choice(parts) for _ in range(n)) for n in (5, 40, 200, 600)]
    got, want = [], []
    for text in texts:
        for start in range(len(text) + 1):
            for lo in (0, 350):
                got.append(modifiers.bounds(text, start, lo))
                want.append(_plain_bounds(text, start, lo))
    assert got == want
    assert len(set(want)) > 100


def test_one_kind_asked_for_is_that_kinds_share_of_every_modifier():
    model = modifiers.shipped()
    texts = ["It did not help, but no one said so; \"not a cure\" perhaps.",
             "Never again, they hoped: it may be, in the 1990s, per year."]
    for text in texts:
        every = model.find(text, 0, len(text))
        for kind in [k.name for k in model.kinds] + ["quoted"]:
            assert model.find(text, 0, len(text), (kind,)) == [m for m in every if m.kind == kind]
    assert {m.kind for t in texts for m in model.find(t)} >= {"negated", "quoted"}
