"""Find, read and validate the configuration: `.medlint.yaml` or `[tool.medlint]` in pyproject.toml.

Discovery walks up from the working directory and stops at the first folder that has either
file (a pyproject.toml without a [tool.medlint] table does not count). Command-line options
override the file. The schema checks each setting's form; what needs the loaded rules or the
disk (a `select` entry naming no rule, a missing `reference` folder) is checked once the run
knows them, and every problem names the file, line and key.
"""
from __future__ import annotations

import dataclasses
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from linter.errors import DataError, MedlintError
from linter.knowledge import cache
from linter.regexcache import lazy

DEFAULTS = {
    "include": ["*.md", "*.markdown", "*.txt"],
    "exclude": [],
    "select": [],
    "ignore": [],
    "fail-on": "warning",
    "reference": [],
    "rules": [],
    "replace-reference": False,
    "replace-rules": False,
    "severity": {},
    "preset": "default",
    "audience": "general",
    "max-file-size": 5 * 1024 * 1024,
    "max-age-days": 730,
}


@dataclass(frozen=True)
class Config:
    """The settings of a run; never changed once made (`replace` makes a new one)."""

    values: MappingProxyType
    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)

    def __post_init__(self):
        if not isinstance(self.values, MappingProxyType):
            object.__setattr__(self, "values", MappingProxyType(dict(self.values)))

    def __getitem__(self, key):
        return self.values[key]

    def replace(self, **values) -> "Config":
        """A copy with some settings changed (command-line options over the file)."""
        return dataclasses.replace(self, values={**self.values, **values})

    def resolve(self, entry: str) -> Path:
        """A path written in the config file is relative to the file's folder."""
        p = Path(entry).expanduser()
        return p if p.is_absolute() else self.root / p


def discover(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / ".medlint.yaml"
        if is_file(candidate):
            return candidate
        pyproject = folder / "pyproject.toml"
        if is_file(pyproject) and "[tool.medlint" in _safe_read(pyproject):
            return pyproject
    return None


def is_file(path: Path) -> bool:
    """True for a regular file, False when there is nothing (or only a dangling link) there; a
    MedlintError for anything else. A config file that is a folder, a named pipe or a device
    is a mistake to report, not a file to skip (the run would lose the user's settings) or to
    open (a named pipe would wait for a writer): its type is looked at without opening it."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    if stat.S_ISREG(mode):
        return True
    from linter.document.reader import file_kind

    raise MedlintError(f"{path}: the config file is not a regular file ({file_kind(mode)})")


def _safe_read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def load(path: Path | None) -> Config:
    if path is None:
        return Config(dict(DEFAULTS))
    from linter.knowledge.paths import SCHEMA_DIR, read_text

    text = read_text(path)
    toml = path.name == "pyproject.toml"
    # A file that validated before is not parsed again: its settings are in the data cache,
    # under its text, the schema it was checked against and the code that read it.
    schema = (SCHEMA_DIR / "config.schema.json").read_bytes()
    try:
        code = Path(__file__).read_bytes()
    except OSError:
        code = b"?"
    key = cache.digest(b"config", b"toml" if toml else b"yaml", schema, code, text.encode())
    data = _settings(cache.load("config", key))
    if data is None:
        data = _parse(text, path, toml)
        cache.store("config", key, data)
    values = dict(DEFAULTS)
    values.update(data)
    return Config(values, path, path.parent)


def _parse(text: str, path: Path, toml: bool) -> dict:
    """The file's settings, validated against the config schema (DataError naming the line)."""
    # YAML only when parsing
    from linter.knowledge.yamlfile import load_yaml, schema_problems

    lines = None
    if toml:
        data = _toml_section(text, path)
    else:
        lines = load_yaml(text, path)
        data = lines.data if lines.data is not None else {}
    if not isinstance(data, dict):
        raise DataError([f"{path}:1: the configuration must be a mapping of option: value"])
    problems = schema_problems(data, "config", path, TomlLines(text) if toml else lines)
    if problems:
        raise DataError(problems)
    return data


def _settings(entry) -> dict | None:
    """A cache entry's settings if each is a known key with the type its default has (the
    schema's types), else None: the file is then parsed and validated again."""
    if not isinstance(entry, dict):
        return None
    for key, value in entry.items():
        if key not in DEFAULTS or type(value) is not type(DEFAULTS[key]):
            return None
        if isinstance(value, list) and not all(type(v) is str for v in value):
            return None
        if isinstance(value, dict) and not all(type(k) is str and type(v) is str
                                               for k, v in value.items()):
            return None
    return entry


def _toml_section(text: str, path: Path) -> dict:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise DataError([f"{path}: invalid TOML: {err}"]) from None
    except (ValueError, RecursionError):  # an integer over Python's 4,300 digits; deep nesting
        raise DataError([f"{path}: invalid TOML: a number too long or nesting too deep to "
                         f"read"]) from None
    section = data.get("tool", {}).get("medlint", {})
    if not isinstance(section, dict):
        raise DataError([f"{path}: [tool.medlint] must be a table"])
    return section


def check_paths(config: Config, keys=("reference", "rules")) -> None:
    """A DataError naming the config file, line and key for a `reference:` or `rules:` entry
    that is missing, or a folder with no data files."""
    from linter.knowledge.load import collect

    problems = []
    for key in keys:
        for index, entry in enumerate(config[key]):
            try:
                collect([config.resolve(entry)])
            except DataError as err:
                problems.append(f"{where(config, [key, index])}: {key}[{index}]: {err}")
    if problems:
        raise DataError(problems)


def name_problems(config: Config, rules) -> list[str]:
    """Every `select`, `ignore` and `severity` entry that names no rule (read as --select reads
    it: code, prefix, rule name or category), as `FILE:LINE: key: why`."""
    from linter.selection import no_rule

    problems = []
    for key in ("select", "ignore", "severity"):
        for index, pattern in enumerate(config[key]):
            message = no_rule(pattern, rules)
            if message:
                part = pattern if key == "severity" else index
                problems.append(f"{where(config, [key, part])}: {key}: {message}")
    return problems


def where(config: Config, parts) -> str:
    """`FILE:LINE` of a key path in the config file (`FILE` when the line is not found); the
    file is read again, as this is only asked when something is wrong."""
    path = config.path
    if path is None:
        return "(defaults)"
    text = _safe_read(path)
    if path.name == "pyproject.toml":
        line = TomlLines(text).line_of(parts)
    else:
        from linter.knowledge.yamlfile import YamlProblem, read_yaml

        try:
            line = read_yaml(text).line_of(parts)
        except YamlProblem:
            line = None
    return f"{path}:{line}" if line else str(path)


_TOML_KEY = r"""(?:[A-Za-z0-9_-]+|"[^"\\]*"|'[^']*')"""
_TOML_DOTTED = rf"{_TOML_KEY}(?:[ \t]*\.[ \t]*{_TOML_KEY})*"
_TOML_HEADER = lazy(rf"[ \t]*\[\[?[ \t]*({_TOML_DOTTED})[ \t]*\]\]?")
_TOML_ASSIGN = lazy(rf"[ \t]*({_TOML_DOTTED})[ \t]*=")
_TOML_PART = lazy(_TOML_KEY)


class TomlLines:
    """Lines of key paths in `[tool.medlint]`, found by reading the table's text: TOML readers
    keep no positions. A list item is shown at the line of its key."""

    def __init__(self, text: str):
        self.lines = text.splitlines()

    def line_of(self, parts) -> int | None:
        want = ["tool", "medlint", *(str(p) for p in parts if not isinstance(p, int))]
        best, best_len = None, 1  # at least [tool.medlint] itself
        table: list[str] = []
        for number, line in enumerate(self.lines, 1):
            header = _TOML_HEADER.match(line)
            if header:
                table = _keys(header.group(1))
                found = table
            else:
                assign = _TOML_ASSIGN.match(line)
                if not assign:
                    continue
                found = table + _keys(assign.group(1))
                rest = line[assign.end():]
                # an inline table's key: severity = {OVER004 = "info"}
                while found == want[:len(found)] and len(found) < len(want) and re.search(
                        rf"[{{,][ \t]*[\"']?{re.escape(want[len(found)])}[\"']?[ \t]*=", rest):
                    found = found + [want[len(found)]]
            if found == want[:len(found)] and len(found) > best_len:
                best, best_len = number, len(found)
        return best


def _keys(dotted: str) -> list[str]:
    return [k.strip("\"'") for k in _TOML_PART.findall(dotted)]
