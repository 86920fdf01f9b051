"""Hostile and broken input, through the command line as CI runs it: each bad input gets one
line on standard error naming it, every other file keeps its full report, and nothing takes
unbounded time or memory (a fresh process under a 2 GB address-space limit and a generous
timeout guard; the timings themselves live in bench/hostile.py)."""
import json
import os
import random
import resource
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = ("# Blinatumomab\n\nIn the AALL1731 trial, 3-year disease-free survival with blinatumomab "
        "was 98%, against 87.9% with chemotherapy alone.\n\nThis new drug is a miracle cure.\n")
GOOD_RULES = ["DISC001", "DISC002", "OVER001", "OVER004", "STAT001"]
GUARD = 120  # seconds: a guard against hanging, not a timing assertion


def _limit():
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def medlint(tmp_path, *args, env=None):
    """Run `python -m linter ARGS` in tmp_path: (exit code, stdout, stderr lines)."""
    full = {**os.environ, "MEDLINT_CACHE_DIR": str(tmp_path / "cache"), **(env or {})}
    full.pop("MEDLINT_DEBUG", None)
    done = subprocess.run([sys.executable, "-m", "linter", *args], cwd=tmp_path, env=full,
                          capture_output=True, timeout=GUARD, preexec_fn=_limit)
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8").splitlines()


def good_rules(out: str) -> list[str]:
    return sorted(f["rule"] for f in json.loads(out)["findings"] if f["path"] == "good.md")


def alias_bomb(value: str, indent: str = "") -> str:
    lines = [f"{indent}a: &a [{', '.join([value] * 9)}]"]
    for prev, name in zip("abcdefghi", "bcdefghij"):
        lines.append(f"{indent}{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    return "\n".join(lines) + "\n"


@pytest.fixture
def good(tmp_path):
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    return "good.md"


FRONT_MATTER = [
    ("bomb.md", alias_bomb('"lol"') + "medlint:\n  ignore: *j\n",
     "bomb.md:2: front matter is not valid YAML (anchors and aliases are not supported"),
    ("date.md", "title: Test\nupdated: 2025-02-30\n",
     "date.md:3: front matter is not valid YAML ('2025-02-30' is not a valid date)"),
    ("stamp.md", "updated: !!timestamp ''\n",
     "stamp.md:2: front matter is not valid YAML ('' is not a valid date)"),
    ("digits.md", "v: " + "9" * 5000 + "\n",
     "digits.md:2: front matter is not valid YAML (a 5000-digit integer is too large)"),
    ("twice.md", "title: A\ntitle: B\n",
     "twice.md:3: front matter is not valid YAML (duplicate key 'title')"),
    ("merge.md", "base: {a: 1}\n<<: {b: 2}\n",
     "merge.md:3: front matter is not valid YAML (merge keys (<<) are not supported)"),
    ("python.md", "x: !!python/object/apply:os.system ['true']\n",
     "python.md:2: front matter is not valid YAML (could not determine a constructor"),
    ("deep.md", "x: " + "[" * 200 + "]" * 200 + "\n",
     "deep.md:2: front matter is not valid YAML (nested more than 64 levels deep)"),
]


@pytest.mark.parametrize("name, front, message", FRONT_MATTER, ids=[f[0] for f in FRONT_MATTER])
def test_front_matter_that_cannot_be_built_costs_only_its_file(tmp_path, good, name, front, message):
    (tmp_path / name).write_text(f"---\n{front}---\n\nBlinatumomab is a miracle.\n", encoding="utf-8")
    code, out, err = medlint(tmp_path, "check", "--format", "json", name, good)
    assert code == 2
    assert len(err) == 1 and err[0].startswith(f"medlint: error: {message}"), err
    assert good_rules(out) == GOOD_RULES


def test_a_folder_with_no_drafts_is_an_error_beside_good_files(tmp_path, good):
    (tmp_path / "empty").mkdir()
    code, out, err = medlint(tmp_path, "check", "--format", "json", "empty", good)
    assert code == 2
    assert err == ["medlint: error: empty: no drafts found (looked for *.md, *.markdown, *.txt)"]
    assert good_rules(out) == GOOD_RULES


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_not_waited_on(tmp_path, good):
    os.mkfifo(tmp_path / "pipe.md")
    os.mkfifo(tmp_path / "pipe.html")  # the HTML and Word readers are guarded too
    (tmp_path / "folder").mkdir()
    os.mkfifo(tmp_path / "folder" / "inner.md")
    code, out, err = medlint(tmp_path, "check", "--format", "json", "pipe.md", "pipe.html",
                             "folder", good)
    assert code == 2
    assert err == [f"medlint: error: {p}: not a regular file (a named pipe); medlint reads files, "
                   f"folders and - for standard input"
                   for p in ("pipe.md", "pipe.html", "folder/inner.md")]
    assert good_rules(out) == GOOD_RULES


@pytest.mark.parametrize("name, text, message", [
    (".medlint.yaml", "x-anchors:\n" + alias_bomb('"STAT001"', "  ") + "ignore: *j\n",
     ".medlint.yaml:2: invalid YAML: anchors and aliases are not supported (a value is reused)"),
    (".medlint.yaml", "max-file-size: " + "9" * 4400 + "\n",
     ".medlint.yaml:1: invalid YAML: a 4400-digit integer is too large"),
    ("pyproject.toml", "[tool.medlint]\nmax-file-size = " + "9" * 4400 + "\n",
     "pyproject.toml: invalid TOML: a number too long or nesting too deep to read"),
    (".medlint.yaml", "fail-on: error\nfail_on: error\nignor: [STAT]\n",
     ".medlint.yaml:2: (top level): unknown keys 'fail_on', 'ignor'"),
])
def test_bad_config_is_one_line_naming_the_file(tmp_path, good, name, text, message):
    (tmp_path / name).write_text(text, encoding="utf-8")
    code, out, err = medlint(tmp_path, "check", good)
    assert (code, out) == (2, "")
    assert err == [f"medlint: error: {tmp_path / message}"]


def _pack(terms: str) -> str:
    return f"""pack: house
rules:
  - code: HOUSE001
    name: house.term
    kind: phrase
    category: style
    severity: warning
    message: 'house term'
    rationale: test
    source: test
    terms: {terms}
    examples:
      flag: ["aaaa"]
      pass: ["nothing here"]
"""


def test_rule_pack_alias_bomb_is_refused(tmp_path, good):
    (tmp_path / "bomb.yaml").write_text("x-anchors:\n" + alias_bomb('"a"', "  ")
                                        + _pack("*j").split("\n", 1)[1], encoding="utf-8")
    code, out, err = medlint(tmp_path, "check", "--rules", "bomb.yaml", good)
    assert (code, out) == (2, "")
    assert err == ["medlint: error: bomb.yaml:2: invalid YAML: anchors and aliases are not "
                   "supported (a value is reused)"]


def test_nested_repetition_is_refused_by_validate_and_check(tmp_path, good):
    (tmp_path / "redos.yaml").write_text(_pack('["re:(a+)+$"]'), encoding="utf-8")
    code, out, err = medlint(tmp_path, "validate", "redos.yaml")
    assert code == 2
    assert "redos.yaml:3: rules[0]: term 're:(a+)+$' repeats a repetition (like (a+)+)" in out
    code, _, err = medlint(tmp_path, "check", "--rules", "redos.yaml", good)
    assert code == 2 and "repeats a repetition" in err[0]


def test_a_slow_expression_validate_cannot_see_times_out_for_its_file_only(tmp_path, good):
    (tmp_path / "slow.yaml").write_text(_pack('["re:(a|aa)+$"]'), encoding="utf-8")
    (tmp_path / "aaa.md").write_text("a" * 60 + "!\n", encoding="utf-8")
    code, out, err = medlint(tmp_path, "check", "--format", "json", "--rules", "slow.yaml",
                             "aaa.md", good)
    assert code == 2
    assert len(err) == 1 and err[0].startswith("medlint: error: aaa.md: a data file's expression "
                                               "('re:(a|aa)+$') took over 1 s on one sentence")
    assert json.loads(out)["summary"]["files"] == 1  # good.md, reported (no house term in it)


SHAPES = {  # the text shapes that once took seconds to minutes (bench/hostile.py times them)
    "numbers": " ".join(random.Random(1).choice(["12.5%", "13%", "1,440", "96%", "0.5", "61%"])
                        for _ in range(4000)),
    "percents": "9%" * 4000,
    "backticks": "Survival 96% " + "`" * 8000,
    "dots": "Survival 96" + "." * 16000,
    "comments": "Text " + "<!--" * 25000,
    "longline": ("In the AALL1731 trial, 3-year disease-free survival with blinatumomab was 98%, "
                 "against 87.9% with chemotherapy alone, ") * 500,
    "brackets": "Survival was " + "(96% " * 2000,
    "images": "Text " + "![a" * 20000,
    "openers": "(" * 25000 + "This new drug is a miracle cure." + ")" * 25000,
    "marks": '"' * 25000 + "This new drug is a miracle cure." + '"' * 25000,
    "table": "| Fruit | Share |\n|-|-|\n" + "| apple | 96% |\n" * 12000,  # once 2.5 GB: a copy a row
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_pathological_text_finishes(tmp_path, shape):
    (tmp_path / "shape.md").write_text(SHAPES[shape] + "\n", encoding="utf-8")
    code, out, err = medlint(tmp_path, "check", "--fail-on", "never", "--format", "json", "shape.md")
    assert (code, err) == (0, [])
    assert json.loads(out)["summary"]["files"] == 1


def test_a_large_team_pack_loads_cold(tmp_path, good):
    rules = "".join(f"""  - code: HOUSE{i:03d}
    name: house.term-{i}
    kind: substitution
    category: style
    severity: warning
    message: '"{{match}}" is house term {i}'
    suggest: word{i}
    rationale: house style
    source: house guide
    terms: [oldterm{i}]
    examples:
      flag: ["We use oldterm{i} here."]
      pass: ["We use word{i} here."]
""" for i in range(200))
    (tmp_path / "team.yaml").write_text("pack: team\nrules:\n" + rules, encoding="utf-8")
    (tmp_path / "house.md").write_text("We use oldterm7 here.\n", encoding="utf-8")
    code, out, err = medlint(tmp_path, "check", "--format", "json", "--rules", "team.yaml",
                             "house.md")
    assert (code, err) == (1, [])
    assert [(f["rule"], f["line"], f["column"]) for f in json.loads(out)["findings"]] == \
        [("HOUSE007", 1, 8)]


def test_mutated_and_swapped_cache_entries_change_nothing(tmp_path, good):
    # An empty MEDLINT_CACHE_DIR turns every cache off: the findings of an uncached run.
    code, reference, _ = medlint(tmp_path, "check", "--format", "json", good,
                                 env={"MEDLINT_CACHE_DIR": ""})
    assert code == 1 and not (tmp_path / "cache").exists()
    code, out, _ = medlint(tmp_path, "check", "--no-cache", "--format", "json", good)
    # --no-cache stores no results (the validated data may still be cached)
    assert (code, out) == (1, reference) and not (tmp_path / "cache" / "results").exists()
    medlint(tmp_path, "check", good)
    entries = sorted(p for p in (tmp_path / "cache").rglob("*") if p.is_file())  # results/ too
    assert entries and not [e for e in entries if e.name.endswith(".tmp")]
    pristine = {e: e.read_bytes() for e in entries}
    rng = random.Random(7)
    for round_ in range(6):
        for entry, data in pristine.items():
            data = bytearray(data)
            for _ in range(3):
                data[rng.randrange(len(data))] = rng.randrange(256)
            entry.write_bytes(bytes(data))
        if round_ == 5 and len(entries) > 1:  # one entry's bytes under another's name
            entries[0].write_bytes(pristine[entries[1]])
        code, out, err = medlint(tmp_path, "check", "--format", "json", good)
        assert (code, out, err) == (1, reference, [])


def test_unknown_select_code_is_a_usage_error_with_the_nearest(tmp_path, good):
    code, out, err = medlint(tmp_path, "check", "--select", "STAT01X", good)
    assert (code, out) == (2, "")
    assert err == ["medlint: error: --select: 'STAT01X' matches no rule code, prefix, name or "
                   "category; nearest: STAT001, STAT007, STAT006 (see 'medlint check --help')"]


def test_a_rules_folder_with_nothing_to_load_is_an_error(tmp_path, good):
    (tmp_path / "empty").mkdir()
    code, out, err = medlint(tmp_path, "check", "--rules", "empty", good)
    assert (code, out) == (2, "")
    assert err == ["medlint: error: empty: no data files found (looked for *.yaml and *.yml)"]


def test_pre_commit_entry_ends_options(tmp_path, good):
    hooks = (Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml").read_text("utf-8")
    assert "  entry: medlint check --\n" in hooks
    (tmp_path / "-v.md").write_text(GOOD, encoding="utf-8")
    code, out, err = medlint(tmp_path, "check", "--format", "json", "--", "-v.md", good)
    assert (code, err) == (1, [])
    assert sorted({f["path"] for f in json.loads(out)["findings"]}) == ["-v.md", "good.md"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names are bytes")
def test_file_names_are_escaped_in_every_format(tmp_path):
    raw = os.fsencode(tmp_path) + b"/bad\xffname\x1b[2J.md"
    with open(raw, "wb") as handle:
        handle.write(GOOD.encode())
    name = os.fsdecode(b"bad\xffname\x1b[2J.md")
    _, out, _ = medlint(tmp_path, "check", "--format", "json", name)
    assert {f["path"] for f in json.loads(out)["findings"]} == {"bad\\xffname\x1b[2J.md"}
    _, out, _ = medlint(tmp_path, "check", name)
    assert out.splitlines()[0].startswith("bad\\xffname\\x1b[2J.md:1:1: DISC001")
    _, out, _ = medlint(tmp_path, "check", "--format", "sarif", name)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(out)["runs"][0]["results"]}
    assert uris == {"bad%FFname%1B%5B2J.md"}
    _, out, _ = medlint(tmp_path, "check", "--format", "html", name)
    assert "<h2>bad\\xffname\\x1b[2J.md</h2>" in out and "\x1b" not in out
    _, out, _ = medlint(tmp_path, "check", "--format", "github", name)
    assert out.startswith("::warning file=bad\\xffname\\x1b[2J.md,line=1,col=1,")
    code, _, err = medlint(tmp_path, "check", "missing\nname.md")
    assert (code, err) == (2, ["medlint: error: missing\\x0aname.md: no such file or directory"])


def test_a_file_named_twice_is_linted_once(tmp_path, good):
    code, out, _ = medlint(tmp_path, "check", "--format", "json", good, "./good.md", ".")
    assert code == 1 and json.loads(out)["summary"]["files"] == 1


def test_importing_writes_nothing(tmp_path):
    cache = tmp_path / "cache"
    subprocess.run([sys.executable, "-c", "import linter.cli, linter.engine, linter.regexcache"],
                   env=dict(os.environ, MEDLINT_CACHE_DIR=str(cache)), check=True, timeout=GUARD)
    assert not cache.exists()
