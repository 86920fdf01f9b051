"""Find, read and validate the configuration: `.medlint.yaml` or `[tool.medlint]` in pyproject.toml.

Discovery walks up from the working directory and stops at the first folder that has either
file (a pyproject.toml without a [tool.medlint] table does not count). Command-line options
override the file.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from linter.errors import DataError
from linter.knowledge import cache

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
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.medlint" in _safe_read(pyproject):
            return pyproject
    return None


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
    # under its text and the schema it was checked against.
    schema = (SCHEMA_DIR / "config.schema.json").read_bytes()
    key = cache.digest(b"config", b"toml" if toml else b"yaml", schema, text.encode())
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
    problems = schema_problems(data, "config", path, lines)
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
