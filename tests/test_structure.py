"""The shape of the package: every rule kind has its module, every `check:` value exists, every
code a check can report comes from a shipped pack, every schema key is read, no import cycle,
no check imports another, and no module is long."""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from linter.checks import MODULES, REGISTRY, statistics
from linter.knowledge import load as knowledge
from linter.knowledge.paths import SCHEMA_DIR

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "linter"
RULES_SCHEMA = json.loads((SCHEMA_DIR / "rules.schema.json").read_text(encoding="utf-8"))
SHIPPED = knowledge.build([(f, f.read_text(encoding="utf-8")) for f in knowledge.collect(
    [knowledge.shipped("reference"), knowledge.shipped("rules")])])
MAX_LINES = 350
LONG_FOR_NOW = {"linter/text/quantities.py"}
FOR_READERS = {"pack", "description"}  # a pack's name and description, for people reading it


def _per_kind():
    """{kind: (allowed check values or None)} from the rules schema's per-kind conditions."""
    out = {}
    for cond in RULES_SCHEMA["$defs"]["rule"]["allOf"]:
        kind = cond["if"]["properties"]["kind"]["const"]
        check = cond["then"].get("properties", {}).get("check", {}).get("enum")
        out[kind] = tuple(check) if check else None
    return out


def test_every_kind_has_one_module_and_the_schema_knows_every_kind():
    kinds = RULES_SCHEMA["$defs"]["rule"]["properties"]["kind"]["enum"]
    assert sorted(kinds) == sorted(REGISTRY) == sorted(_per_kind())
    assert sorted(k for m in MODULES for k in m.KINDS) == sorted(REGISTRY)  # no kind twice


def test_every_check_value_is_implemented_and_allowed():
    per_kind = _per_kind()
    for kind, module in REGISTRY.items():
        assert tuple(module.CHECKS) == (per_kind[kind] or ()), kind
    for rule in SHIPPED.rules:
        assert rule.get("check", "") in (REGISTRY[rule["kind"]].CHECKS or ("",)), rule["code"]


def test_every_statistic_check_has_a_shipped_rule_and_every_problem_names_one():
    shipped = {r["check"] for r in SHIPPED.rules if r["kind"] == "statistic"}
    assert shipped == set(statistics.CHECKS)
    emitted = set()
    for name in ("problems.py", "verdicts.py"):
        tree = ast.parse((PACKAGE / "facts" / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("problem", "Problem") \
                    and node.args and isinstance(node.args[0], ast.Constant):
                emitted.add(node.args[0].value)
            if isinstance(node, ast.Assign) and [getattr(t, "id", "") for t in node.targets] == ["check"]:
                emitted.update(_outcomes(node.value))
    assert emitted and emitted <= set(statistics.CHECKS)


def _outcomes(node) -> set:
    """The string values an expression can take (`"a" if x else "b"`, `check or "c"`)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _outcomes(node.body) | _outcomes(node.orelse)
    if isinstance(node, ast.BoolOp):
        return set().union(*(_outcomes(v) for v in node.values))
    return set()


def test_no_rule_code_is_written_in_python():
    """Codes come from the rule packs; Python names checks, never codes."""
    code = re.compile(r"^[A-Z]{2,}\d{3}$")
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert not code.match(node.value), (path, node.value)


def _schema_keys(node, out):
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            out.add(key)
            _schema_keys(value, out)
        for value in node.values():
            _schema_keys(value, out)
    elif isinstance(node, list):
        for value in node:
            _schema_keys(value, out)
    return out


@pytest.mark.parametrize("schema", sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json")))
def test_every_schema_key_is_read(schema):
    """A key the schema accepts is one the code reads (proselint shipped a key nothing read)."""
    keys = _schema_keys(json.loads((SCHEMA_DIR / schema).read_text(encoding="utf-8")), set())
    keys -= FOR_READERS
    source = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    unread = sorted(k for k in keys if f'"{k}"' not in source and f"'{k}'" not in source)
    assert unread == []


def _imports(path: Path) -> set[str]:
    """Every linter module a module imports, at the top or inside a function."""
    name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("linter"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("linter"):
            for a in node.names:
                sub = f"{node.module}.{a.name}"
                out.add(sub if (ROOT / Path(*sub.split("."))).with_suffix(".py").exists()
                        or (ROOT / Path(*sub.split("."))).is_dir() else node.module)
    out.discard(name)
    return {m.removesuffix(".__init__") for m in out}


def _graph():
    graph = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        graph[name] = _imports(path)
    return graph


def test_no_import_cycle():
    graph = _graph()
    state, cycles = {}, []

    def visit(node, stack):
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_no_check_imports_another():
    graph = _graph()
    checks = {f"linter.checks.{m.__name__.rsplit('.', 1)[1]}" for m in MODULES}
    for name in checks:
        assert graph[name] & checks == set(), name


def test_modules_are_short():
    long = sorted(str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py")
                  if len(p.read_text(encoding="utf-8").splitlines()) > MAX_LINES)
    assert [p for p in long if p not in LONG_FOR_NOW] == []


def test_subpackage_inits_are_empty_but_the_registry():
    """Importing a layer costs nothing: its __init__ is empty (checks/ holds the kind registry)."""
    for init in PACKAGE.rglob("__init__.py"):
        if init.parent in (PACKAGE, PACKAGE / "checks"):
            continue
        assert init.read_text(encoding="utf-8").strip() == "", init
