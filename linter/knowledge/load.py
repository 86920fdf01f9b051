"""Load fact bases, vocabularies, sources and rule packs; validate them once per content hash.

A data file says what it is by its top-level key: `facts`, `sources`, `vocabulary`, `rules` or
`modifiers` (the scope model of linter/text/modifiers.py).
A folder stands for every `*.yaml` file below it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from linter.errors import DataError
from linter.knowledge import cache, derived
from linter.knowledge.paths import SCHEMA_DIR, shipped
from linter.text.terms import check_term, expand, unknown_references

KINDS = ("facts", "sources", "vocabulary", "rules", "modifiers")


@dataclass
class Knowledge:
    facts: list = field(default_factory=list)
    sources: dict = field(default_factory=dict)
    vocabulary: dict = field(default_factory=dict)
    subjects: list = field(default_factory=list)
    treatments: list = field(default_factory=list)
    measures: dict = field(default_factory=dict)  # claim frames: measure -> terms
    frame_modifiers: dict = field(default_factory=dict)  # claim frames: modifier -> {reach, terms}
    subgroups: list = field(default_factory=list)
    places: list = field(default_factory=list)
    other_diseases: list = field(default_factory=list)
    rules: list = field(default_factory=list)
    modifiers: list = field(default_factory=list)  # modifier models, in load order
    origin: dict = field(default_factory=dict)  # fact id / rule code -> file

    @property
    def fact_index(self) -> dict:
        return {f["id"]: f for f in self.facts}

    @property
    def rule_index(self) -> dict:
        return {r["code"]: r for r in self.rules}

    def source_names(self, refs) -> tuple[str, ...]:
        """The short citations of a fact's sources (ids or {id, where} entries)."""
        ids = [r if isinstance(r, str) else r["id"] for r in refs]
        return tuple(self.sources[i]["short"] for i in ids if i in self.sources)


BASE_FILES = ("vocabulary.yaml", "sources.yaml")


def base_files(reference_paths) -> list[Path]:
    """The shipped vocabulary and sources, which every fact base and rule pack may use: a team's
    own fact base replaces the shipped facts, not the shared term groups and citations."""
    folder = shipped("reference")
    if any(Path(p).resolve() == folder.resolve() for p in reference_paths):
        return []
    return [folder / name for name in BASE_FILES]


def collect(paths) -> list[Path]:
    files = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found = sorted(x for x in p.rglob("*.yaml") if x.is_file())
            found += sorted(x for x in p.rglob("*.yml") if x.is_file())
            if not found:
                raise DataError([f"{p}: no data files found (looked for *.yaml and *.yml)"])
            files.extend(found)
        elif p.is_file():
            files.append(p)
        elif p.exists():  # a named pipe would wait for a writer, a device never ends
            from linter.document.reader import file_kind

            raise DataError([f"{p}: not a regular file ({file_kind(p.stat().st_mode)})"])
        else:
            raise DataError([f"{p}: no such file or directory"])
    return files


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise DataError([f"{path}: cannot read ({err.strerror or err})"]) from None


# The modules that validate data: a change to what they check makes a new key, even under the
# same version number, so data validated by older code is validated again.
_VALIDATORS = ("load.py", "rule.py", "crosscheck.py", "yamlfile.py")


def _validators() -> bytes:
    here = Path(__file__).parent
    try:
        return b"".join((here / name).read_bytes() for name in _VALIDATORS)
    except OSError:
        return b"?"  # not readable (a frozen install): the version and the data still key it


def load(paths) -> Knowledge:
    """The validated knowledge, from the cache when no file has changed (no YAML parsing then)."""
    derived.restore()
    files = collect(paths)
    raw = [(f, _read(f)) for f in files]
    schema_bytes = b"".join(p.read_bytes() for p in sorted(SCHEMA_DIR.glob("*.json")))
    key = cache.digest(schema_bytes, _validators(),
                       *(str(f).encode() + b"\0" + data for f, data in raw))
    hit = cache.load("knowledge", key)
    if _well_formed(hit):
        knowledge = Knowledge(**hit)
        knowledge.digest = key
        return knowledge
    texts = []
    for f, data in raw:
        try:
            texts.append((f, data.decode("utf-8")))
        except UnicodeDecodeError:
            raise DataError([f"{f}: not valid UTF-8"]) from None
    knowledge = build(texts)
    cache.store("knowledge", key, dict(vars(knowledge)))
    knowledge.digest = key  # what the data was built from: files, schemas, versions
    return knowledge


def _shape() -> dict:
    """Knowledge's fields and the type each holds, read off the class itself."""
    from dataclasses import fields

    return {f.name: type(f.default_factory()) for f in fields(Knowledge)}


def _well_formed(entry) -> bool:
    """A cache entry with Knowledge's fields and their types (anything else is rebuilt)."""
    shape = _shape()
    return (isinstance(entry, dict) and set(entry) == set(shape)
            and all(isinstance(entry[k], t) for k, t in shape.items())
            and all(isinstance(x, dict) for x in entry["facts"] + entry["rules"]))


def build(texts) -> Knowledge:
    """Parse and validate; raise DataError listing every problem found."""
    from linter.knowledge import crosscheck
    from linter.knowledge.rule import message_problem
    from linter.knowledge.yamlfile import key_path, load_yaml, schema_problems

    k = Knowledge()
    problems: list[str] = []
    parsed = []
    for path, text in texts:
        try:
            doc = load_yaml(text, path)  # composed once; its node tree gives lines for problems
        except DataError as err:
            problems.extend(err.problems)
            continue
        data = doc.data
        kind = next((name for name in KINDS if isinstance(data, dict) and name in data), None)
        if kind is None:
            problems.append(f"{path}:1: not a medlint data file: expected a top-level key "
                            f"`facts`, `sources`, `vocabulary`, `rules` or `modifiers`")
            continue
        found = schema_problems(data, kind, path, doc)
        if found:
            problems.extend(found)
            continue
        parsed.append((path, doc, kind, data))
    for path, doc, kind, data in parsed:
        if kind == "vocabulary":
            k.vocabulary.update(data["vocabulary"])
            k.subjects.extend(data.get("subjects", []))
            k.treatments.extend(data.get("treatments", []))
            k.measures.update(data.get("measures", {}))
            k.frame_modifiers.update(data.get("frame-modifiers", {}))
            k.subgroups.extend(data.get("subgroups", []))
            k.places.extend(data.get("places", []))
            k.other_diseases.extend(data.get("other-diseases", []))
            frames = {key: data[key] for key in ("measures", "frame-modifiers") if key in data}
            problems.extend(f"{path}: {p}" for p in _term_problems(frames, k.vocabulary))
        elif kind == "sources":
            for i, src in enumerate(data["sources"]):
                if src["id"] in k.sources:
                    problems.append(f"{path}:{doc.line_of(['sources', i, 'id'])}: sources[{i}].id: "
                                    f"duplicate source id {src['id']!r}")
                k.sources[src["id"]] = src
    for path, doc, kind, data in parsed:
        if kind == "facts":
            for i, fact in enumerate(data["facts"]):
                where = lambda *p: f"{path}:{doc.line_of(['facts', i, *p])}: facts[{i}]"  # noqa: E731
                if fact["id"] in k.origin:
                    problems.append(f"{where('id')}.id: duplicate fact id {fact['id']!r} "
                                    f"(also in {k.origin[fact['id']]})")
                k.origin[fact["id"]] = str(path)
                for n, s in enumerate(crosscheck.source_ids(fact)):
                    if s not in k.sources:
                        problems.append(f"{where('sources', n)}.sources[{n}]: unknown source id "
                                        f"{s!r} (not in any sources file)")
                problems.extend(f"{where(*p)}.{key_path(p)}: {msg}"
                                for p, msg in crosscheck.fact_problems(fact, k.sources))
                problems.extend(f"{where()}: {p}" for p in _term_problems(fact, k.vocabulary))
                if "measure" in fact and fact["measure"] not in k.measures:
                    problems.append(f"{where('measure')}.measure: unknown measure {fact['measure']!r} "
                                    f"(not under `measures:` in any vocabulary file)")
                k.facts.append(fact)
        elif kind == "modifiers":
            k.modifiers.append({"path": str(path), **data["modifiers"],
                                "strength": data.get("strength") or {}})
            problems.extend(f"{path}: modifiers: {p}" for p in _term_problems(data, k.vocabulary))
        elif kind == "rules":
            for i, rule in enumerate(data["rules"]):
                where = lambda: f"{path}:{doc.line_of(['rules', i, 'code'])}: rules[{i}]"  # noqa: E731
                if rule["code"] in k.origin:
                    problems.append(f"{where()}.code: duplicate rule code {rule['code']!r} "
                                    f"(also in {k.origin[rule['code']]})")
                k.origin[rule["code"]] = str(path)
                problems.extend(f"{where()}: {p}" for p in _term_problems(rule, k.vocabulary))
                bad = message_problem(rule)
                if bad:
                    problems.append(f"{path}:{doc.line_of(['rules', i, 'message'])}: "
                                    f"rules[{i}].message: {bad}")
                k.rules.append(rule)
    if problems:
        raise DataError(problems)
    return k


def _term_lists(obj, key=None):
    """Every term list inside a fact or rule, wherever it is nested."""
    if isinstance(obj, list) and obj and all(isinstance(v, str) for v in obj):
        if key not in ("sources", "misstatements", "aliases", "identify"):
            yield obj
    elif isinstance(obj, dict):
        for name, value in obj.items():
            if name != "examples":
                yield from _term_lists(value, name)
    elif isinstance(obj, list):
        for value in obj:
            yield from _term_lists(value, key)


def _term_problems(item, vocabulary) -> list[str]:
    problems = []
    for terms in _term_lists(item):
        for ref in unknown_references(terms, vocabulary):
            problems.append(f"unknown vocabulary group {ref!r}")
        for term in expand(terms, vocabulary):
            bad = check_term(term)
            if bad:
                problems.append(bad)
    return problems
