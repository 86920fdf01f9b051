"""Patterns compiled on first use behave as compiled ones, and every one in the package compiles
(a pattern left for later must not hide a syntax error until a rare draft meets it)."""
import importlib
import pkgutil
import re

import pytest

import linter
from linter.regexcache import Lazy, lazy

TEXT = "Twice as many children: 2 of 3 (66%) in 2020, twice in 2021."


@pytest.mark.parametrize("pattern, flags", [(r"twice", re.I), (r"(\d+)\s*(?:of|in)\s*(\d+)", 0),
                                            (r"\b\w+\b", 0)])
def test_a_lazy_pattern_answers_as_the_compiled_one(pattern, flags):
    compiled, deferred = re.compile(pattern, flags), lazy(pattern, flags)

    def answers(p):
        return ([m.span() for m in p.finditer(TEXT)], p.findall(TEXT), p.sub("#", TEXT),
                p.split(TEXT), getattr(p.search(TEXT, 5), "span", None)(),
                p.match(TEXT) is None, p.fullmatch(TEXT) is None, p.pattern)

    assert answers(deferred) == answers(compiled)


def test_a_lazy_pattern_reports_its_error_on_first_use_and_knows_no_other_attribute():
    broken = lazy(r"(unclosed")
    with pytest.raises(re.error):
        broken.search("x")
    with pytest.raises(AttributeError):
        lazy("a").groups_of_something  # noqa: B018


def _modules():
    for info in pkgutil.walk_packages(linter.__path__, "linter."):
        if not info.name.endswith("__main__"):
            yield importlib.import_module(info.name)


def test_every_lazy_pattern_in_the_package_compiles():
    found = [(m.__name__, name, value) for m in _modules() for name, value in vars(m).items()
             if isinstance(value, Lazy)]
    assert found  # the package defers some
    failing = []
    for module, name, value in found:
        try:
            re.compile(value.pattern, value.flags)
        except re.error as err:
            failing.append(f"{module}.{name}: {err}")
    assert failing == []


def test_the_population_nouns_compile_on_first_use_and_answer_as_compiled(ctx):
    nouns = ctx.factbase.population_nouns
    assert isinstance(nouns, Lazy)
    compiled = re.compile(nouns.pattern, nouns.flags)
    texts = ["children with ALL", "the newly diagnosed patients", "their young kids", "adults",
             "all of those treated", "these two small infants"]
    assert [getattr(nouns.match(t), "span", lambda: None)() for t in texts] == \
        [getattr(compiled.match(t), "span", lambda: None)() for t in texts]


def test_a_lazy_pattern_gives_its_flags_without_compiling():
    pattern = lazy(r"\bnot\b", re.IGNORECASE)
    assert (pattern.pattern, pattern.flags) == (r"\bnot\b", re.IGNORECASE)
    with pytest.raises(AttributeError):
        object.__getattribute__(pattern, "search")  # still unset: nothing compiled


def test_a_trigger_list_searched_in_lower_cased_text_compiles_only_its_copy():
    """A modifier kind's list is searched with its lower-case copy; the list itself stays
    uncompiled until a text that lower-casing would change asks for it, and then matches as
    the compiled list does."""
    from linter.text.modifiers import Model, negated, shipped

    base = shipped()
    fresh = Model([{"terminate": base.common, "kinds": base.data}])
    sentence = "Survival did not reach 90%."
    assert negated(sentence, sentence.index("90"), model_=fresh)
    kind = next(k for k in fresh.kinds if k.name == "negated")
    original = kind._get("forward")
    with pytest.raises(AttributeError):
        object.__getattribute__(original, "search")
    text = "It did not work, and no child relapsed."
    assert [m.span() for m in original.finditer(text)] == \
        [m.span() for m in re.compile(original.pattern, original.flags).finditer(text)]
