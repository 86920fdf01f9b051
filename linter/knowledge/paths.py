"""Where the shipped data and schemas live: inside the installed package, else the checkout."""
from __future__ import annotations

from pathlib import Path

from linter.errors import DataError

PACKAGE = Path(__file__).parent.parent
SCHEMA_DIR = Path(__file__).with_name("schemas")


def shipped(name: str) -> Path:
    """The shipped reference/ or rules/ folder: inside the installed package, else the checkout."""
    inside = PACKAGE / name
    return inside if inside.is_dir() else PACKAGE.parent / name


def read_text(path: Path) -> str:
    """A data or config file's text, or DataError naming the file and what is wrong."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([f"{path}: no such file"]) from None
    except UnicodeDecodeError:
        raise DataError([f"{path}: not valid UTF-8"]) from None
    except OSError as err:
        raise DataError([f"{path}: cannot read ({err.strerror or err})"]) from None
