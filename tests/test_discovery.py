"""Which files a path stands for: include and exclude globs are read relative to the config
file's folder, whatever path is given; files named on the command line are skipped by exclude
(a pre-commit hook names every staged file); extensions match whatever their case."""
import os

import pytest

from linter.config import load
from linter.engine import expand_paths

DRAFT = "Blinatumomab is a miracle drug.\n"
LAYOUT = ["drafts/archive/old.md", "drafts/new/n.md", "drafts/new/deep/archive/kept.md",
          "drafts/top.md", "notes/old.md"]


@pytest.fixture
def tree(tmp_path, write):
    for name in LAYOUT:
        write(name, DRAFT)
    return tmp_path


def linted(cli, *args):
    code, out, err = cli("check", "--format", "json", *args)
    import json

    return code, sorted({f["path"] for f in json.loads(out)["findings"]}), err


@pytest.mark.parametrize("where, args, expected", [
    # the same exclude from the config's folder, whatever folder is given
    (".", ["."], ["./drafts/new/deep/archive/kept.md", "./drafts/new/n.md", "./drafts/top.md",
                  "./notes/old.md"]),
    (".", ["drafts"], ["drafts/new/deep/archive/kept.md", "drafts/new/n.md", "drafts/top.md"]),
    (".", ["drafts/new"], ["drafts/new/deep/archive/kept.md", "drafts/new/n.md"]),
    ("drafts", ["."], ["./new/deep/archive/kept.md", "./new/n.md", "./top.md"]),
    ("drafts/new", [".."], ["../new/deep/archive/kept.md", "../new/n.md", "../top.md"]),
    # a file named on the command line that exclude matches is skipped; others are linted
    (".", ["drafts/archive/old.md", "drafts/top.md", "notes/old.md"],
     ["drafts/top.md", "notes/old.md"]),
    ("drafts", ["archive/old.md", "top.md"], ["top.md"]),
])
def test_exclude_is_relative_to_the_config_folder(cli, tree, monkeypatch, where, args, expected):
    (tree / ".medlint.yaml").write_text('exclude: ["drafts/archive/*"]\n', encoding="utf-8")
    monkeypatch.chdir(tree / where)
    code, paths, err = linted(cli, *args)
    assert (code, paths, err) == (1, [p.replace("/", os.sep) for p in expected], "")


@pytest.mark.parametrize("exclude, expected", [
    # a glob without "/" matches a file or folder name at any depth
    ('["old.md"]', ["drafts/new/deep/archive/kept.md", "drafts/new/n.md", "drafts/top.md"]),
    ('["archive"]', ["drafts/new/n.md", "drafts/top.md", "notes/old.md"]),
    # a folder is skipped with everything below it
    ('["drafts/new"]', ["drafts/archive/old.md", "drafts/top.md", "notes/old.md"]),
    # written as a path may be: "./", a leading or a trailing "/" change nothing
    ('["drafts/new/"]', ["drafts/archive/old.md", "drafts/top.md", "notes/old.md"]),
    ('["./drafts/new"]', ["drafts/archive/old.md", "drafts/top.md", "notes/old.md"]),
    ('["/drafts/new/*"]', ["drafts/archive/old.md", "drafts/top.md", "notes/old.md"]),
    # "*" matches across folders, as in the globs before
    ('["drafts/*/archive"]', ["drafts/archive/old.md", "drafts/new/n.md", "drafts/top.md",
                              "notes/old.md"]),
    ("[]", ["drafts/archive/old.md", "drafts/new/deep/archive/kept.md", "drafts/new/n.md",
            "drafts/top.md", "notes/old.md"]),
])
def test_exclude_globs(tree, exclude, expected):
    (tree / ".medlint.yaml").write_text(f"exclude: {exclude}\n", encoding="utf-8")
    config = load(tree / ".medlint.yaml")
    found = expand_paths([str(tree)], config, force_exclude=True)
    assert sorted(os.path.relpath(p, tree).replace(os.sep, "/") for p in found) == expected


def test_a_folder_with_every_draft_excluded_is_an_input_error(cli, tree):
    (tree / ".medlint.yaml").write_text('exclude: ["drafts/archive/*", "notes"]\n', encoding="utf-8")
    code, out, err = cli("check", "drafts/archive", "notes", "drafts/top.md")
    assert code == 2 and err.splitlines() == [
        "medlint: error: drafts/archive: no drafts found (looked for *.md, *.markdown, *.txt; "
        "1 excluded by the config's exclude)",
        "medlint: error: notes: no drafts found (the folder is excluded by the config's exclude)"]
    assert out.splitlines()[0].startswith("drafts/top.md:1:1: DISC001")


def test_only_excluded_files_named_is_a_clean_run(cli, tree):
    """As the pre-commit hook runs it: `medlint check -- FILE...` with the staged files."""
    (tree / ".medlint.yaml").write_text('exclude: ["drafts/archive/*"]\n', encoding="utf-8")
    assert cli("check", "--", "drafts/archive/old.md") == (0, "No problems found in 0 files.\n", "")
    code, out, err = cli("check", "--", "drafts/archive/old.md", "drafts/top.md")
    assert (code, err, [line.split(":")[0] for line in out.splitlines()[:-1]]) == (
        1, "", ["drafts/top.md", "drafts/top.md"])


def test_outside_the_config_folder_only_names_match(tree, tmp_path_factory):
    other = tmp_path_factory.mktemp("elsewhere")
    for name in ("drafts/archive/x.md", "drafts/old.md"):
        (other / name).parent.mkdir(parents=True, exist_ok=True)
        (other / name).write_text(DRAFT, encoding="utf-8")
    (tree / ".medlint.yaml").write_text('exclude: ["drafts/archive/*", "old.md"]\n', encoding="utf-8")
    found = expand_paths([str(other)], load(tree / ".medlint.yaml"), force_exclude=True)
    assert [os.path.relpath(p, other).replace(os.sep, "/") for p in found] == ["drafts/archive/x.md"]


def test_without_a_config_globs_are_relative_to_the_working_folder(tree, monkeypatch):
    monkeypatch.chdir(tree / "drafts")
    config = load(None).replace(exclude=["new/*"])
    assert expand_paths(["."], config) == [os.path.join(".", "top.md"),
                                           os.path.join(".", "archive", "old.md")]


def test_a_named_file_is_kept_when_exclude_is_not_forced(tree):
    """What trace uses: a file asked about by name is read even if a folder search skips it."""
    (tree / ".medlint.yaml").write_text('exclude: ["drafts/archive/*"]\n', encoding="utf-8")
    named = str(tree / "drafts" / "archive" / "old.md")
    assert expand_paths([named], load(tree / ".medlint.yaml")) == [named]


def test_extensions_match_whatever_their_case(cli, write):
    for name in ("README.MD", "x.Md", "y.TXT", "z.markdown", "skip.rst", "skip.MDX", "sub/Notes.Txt"):
        write(name, DRAFT)
    code, paths, err = linted(cli, ".")
    assert (code, paths, err) == (1, [os.path.join(".", p) for p in
                                      ("README.MD", "sub/Notes.Txt", "x.Md", "y.TXT", "z.markdown")], "")
    write(".medlint.yaml", 'include: ["*.MD"]\nexclude: ["x.md"]\n')
    code, paths, err = linted(cli, ".")
    assert (code, paths, err) == (1, [os.path.join(".", "README.MD")], "")
