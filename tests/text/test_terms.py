"""Term lists remember their answers per stretch of text; answers about long stretches are kept
apart, so the many short stretches of a run-on sentence never make a long one be read again."""
from conftest import record_calls

from linter.text import terms as terms_mod
from linter.text.terms import Terms


def test_a_long_stretch_is_read_once_however_many_short_ones_are_asked_about(monkeypatch):
    group = Terms(("relapse", "re:\\bremission\\b"))
    reads = record_calls(monkeypatch, terms_mod, "_lower", lambda text: text)
    long = "Children in remission stayed well. " * 100 + "One had a relapse."
    first = group.search(long)
    for i in range(600):  # more short stretches than a memo keeps
        group.search(f"Sentence {i} about remission.")
    again = group.search(long)
    assert (first.group(0), again is first) == ("remission", True)
    assert reads.count(long) == 1 and len(long) > terms_mod._LONG


def test_short_stretches_are_remembered_too_and_answers_match_a_fresh_search():
    group = Terms(("relapse",))
    text = "No relapse was seen; relapse-free survival was high."
    found = [m.span() for m in group.finditer(text, 3, 30)]
    assert found == [m.span() for m in group.finditer(text, 3, 30)] == [(3, 10), (21, 28)]
    assert [m.span() for m in Terms(("relapse",)).finditer(text, 3, 30)] == found


def test_a_union_remembers_its_search_and_answers_as_its_parts_do(monkeypatch):
    from linter.text.terms import TermUnion

    union = TermUnion((Terms(("relapse*",)), Terms(("re:\\bremission\\b", "came back"))))
    text = "In remission, no relapse came back; relapses later."
    asked = record_calls(monkeypatch, Terms, "search", lambda self, *args: args[1:])
    spans = [(m and m.span()) for m in (union.search(text), union.search(text, 12), union.search(text, 12, 24),
                                        union.search(text, 40))]
    assert spans == [(3, 12), (17, 24), (17, 24), None] and len(asked) == 8
    again = [(m and m.span()) for m in (union.search(text), union.search(text, 12), union.search(text, 12, 24),
                                        union.search(text, 40))]
    assert again == spans and len(asked) == 8
    assert [m.span() for m in union.finditer(text)] == [(3, 12), (17, 24), (25, 34), (36, 44)]
