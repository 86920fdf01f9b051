"""The answers a sentence keeps for its figures (linter.facts.reach) are the answers of the
plain computation, fact by fact; and they are worked out once per sentence, not per figure."""
import pytest

from linter.document.markdown import parse
from linter.document.scopes import scopes
from linter.facts import decisions, matching
from linter.facts.frames import frame
from linter.facts.reach import Reach, closest, reach
from linter.text.quantities import extract

DRAFT = """# Blinatumomab in children

In AALL1731, 1,440 children were randomized; three-year disease-free survival was 96% with
blinatumomab and 87.9% with chemotherapy alone (relapse 4%).

Tisagenlecleucel gave 52% relapse-free survival at three years, while blinatumomab gave 81%.

In the ELIANA trial, overall survival was 63% at three years and 82% of patients responded.

The EsPhALL2010 study gave imatinib 340 mg/m² a day; in AALL0031 the dose was 340 mg/m² too.

About 15% of children relapse, and survival has reached 90% in the United States.

Infants with KMT2A-rearranged ALL (30 babies) had 93.3% survival, against 65.8% before.
"""


def _plain_subject_level(fact, scope, fb, at=None):
    """subject_level as a plain scan of every name, for every fact."""
    if fact.subject is None:
        return 0
    others = fb.other_subjects(fact)
    if at is not None:
        local = at - scope.start
        found = fb.mentions(scope.text)
        for names in (fb.anchors, fb.treatments):
            mine = [closest(found[n], local) for n in names if n in fact.subject_groups and found[n]]
            theirs = [closest(found[n], local) for n in names
                      if n not in fact.subject_groups and found[n]]
            if mine and (not theirs or min(mine) < min(theirs)):
                return 2
            if theirs and (not mine or min(theirs) < min(mine)):
                return None
    texts = [(scope.text, 2), (scope.header, 2), (scope.table, 1), *((t, 1) for t in scope.before),
             (scope.heading, 1), (scope.title, 1)]
    for text, level in ((t, lv) for t, lv in texts if t):
        mine, theirs = (sum(bool(p.search(text)) for p in ps) for ps in (fact.subject_parts, others))
        if mine > theirs:
            return level
        if theirs:
            return None
    return None


@pytest.fixture(scope="module")
def document(ctx):
    doc = parse(DRAFT, "draft.md")
    return doc.prose, [s for s in scopes(doc) if extract(doc.prose, s.start, s.end)]


def test_subject_levels_and_other_studies_are_the_plain_answers(ctx, document):
    prose, sentences = document
    fb = ctx.factbase
    kept, plain = [], []
    for scope in sentences:
        for q in extract(prose, scope.start, scope.end):
            for fact in fb.facts:
                for at in (None, q.start):
                    kept.append(matching.subject_level(fact, scope, fb, at))
                    plain.append(_plain_subject_level(fact, scope, fb, at))
        for fact in fb.facts:
            if fact.subject is not None:
                kept.append(decisions.other_study(fact, scope, fb))
                plain.append(decisions._other_study(fact, scope, fb))
    assert kept == plain
    assert {2, 1, None, 0} <= set(plain) and {True, False} <= set(plain)


def test_facts_reached_are_those_whose_key_terms_may_occur(ctx, document):
    prose, sentences = document
    fb = ctx.factbase
    heads, reachable = fb.heads, fb.reachable
    for scope in sentences:
        context = heads.present_any((scope.text, scope.header, scope.table, *scope.before,
                                     scope.heading, scope.title))
        sentence, keys = heads.present(scope.text), heads.present(scope.key_text)
        for kind in sorted(fb.by_kind):
            every = reachable.facts_for(kind, context, sentence)
            plain = [f for f in every
                     if (kind == "pp" and not f.relative and f.kind != "pp")
                     or not any(g is not None and heads.of(g) is not None
                                and heads.of(g).isdisjoint(keys) for g in f.keys)]
            assert reachable.facts_for(kind, context, sentence, keys) == plain
    assert reachable.facts_for("no such kind", context, sentence, keys) == []


def test_the_candidate_filter_agrees_with_the_listed_conflicts(ctx, document):
    prose, sentences = document
    fb = ctx.factbase
    filtered, listed = [], []
    for scope in sentences:
        qs = extract(prose, scope.start, scope.end)
        for q in qs:
            fr = frame(q, qs, scope, prose, fb.frame_terms)
            for fact in fb.facts:
                filtered.append(decisions.conflicting(fact, fr, q, qs, scope, prose, fb))
                listed.append(bool(decisions.conflicts(fact, fr, q, qs, scope, prose, fb)))
    assert filtered == listed and True in listed and False in listed


def test_other_study_is_worked_out_once_per_sentence_and_subject(ctx, document, monkeypatch):
    prose, sentences = document
    fb = ctx.factbase
    asked = []
    real = decisions._other_study
    monkeypatch.setattr(decisions, "_other_study",
                        lambda fact, scope, fb: asked.append((scope, fact.subject_groups))
                        or real(fact, scope, fb))
    subjects = [f for f in fb.facts if f.subject is not None]
    for scope in sentences:
        for _ in range(3):  # three figures of the sentence ask about every fact
            for fact in subjects:
                decisions.other_study(fact, scope, fb)
    assert len(asked) == len(set(asked)) == len(sentences) * len({f.subject_groups for f in subjects})


def test_facts_named_by_every_key_group_are_the_plain_filter(ctx, document):
    prose, sentences = document
    fb = ctx.factbase
    kept, plain, dropped = [], [], 0
    for scope in sentences:
        here = reach(scope, fb)
        for text in (scope.key_text, scope.key_text + " \n overall survival"):
            for kind in sorted(fb.by_kind):
                facts = here.facts_for(kind, None)
                for _ in range(2):  # the second answer is the kept one
                    kept.append(here.keyed(facts, text))
                    plain.append([f for f in facts if all(g.search(text) for g in f.key_groups)])
                dropped += len(facts) - len(plain[-1])
    assert kept == plain
    assert any(kept) and dropped > 0


def test_each_key_group_is_searched_once_per_text_however_many_figures_ask(ctx, document):
    prose, sentences = document
    fb = ctx.factbase
    asked = []

    class Counted:
        def __init__(self, group):
            self.group = group

        def search(self, text):
            asked.append((self.group, text))
            return self.group.search(text)

    scope = max(sentences, key=lambda s: len(extract(prose, s.start, s.end)))
    here = Reach(scope, fb)
    facts = here.facts_for("percent", None)
    counted = {}
    for fact in facts:
        counted[fact] = type("F", (), {"key_groups": tuple(
            counted.setdefault(g, Counted(g)) for g in fact.key_groups)})()
    for _ in range(3):  # three figures of the sentence
        here.keyed([counted[f] for f in facts], scope.key_text)
        for f in facts:
            here.names_every_key(counted[f], scope.key_text)
    assert 0 < len(asked) == len(set(asked)) <= sum(len(f.key_groups) for f in facts)


def test_the_kept_answers_about_boxes_and_tiers_are_the_plain_ones(ctx, document):
    from linter.facts import attributes
    from linter.facts.frames import has_boxes

    prose, sentences = document
    fb = ctx.factbase
    kept, plain = [], []
    for scope in sentences:
        kept.append(reach(scope, fb).boxed(prose))
        plain.append(has_boxes(scope, prose))
        qs = extract(prose, scope.start, scope.end)
        for q in qs + qs[::-1]:  # asked again, and out of order
            kept.append(attributes.tiers(scope, prose, q))
            plain.append(attributes._tiers(scope, prose, q))
    assert kept == plain and True in plain and False in plain
