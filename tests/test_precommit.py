"""The pre-commit hook, for real: `pre-commit try-repo <this repo> medlint` in a scratch git repo
fails on a bad draft and passes on a clean one. pre-commit installs the hook into its own
virtualenv from this repository (it needs the package index for the dependencies)."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BAD = "# Draft\n\nBlinatumomab is a miracle drug that cures leukemia.\n"
CLEAN = ("# Leukemia\n\nLeukemia is a cancer of the blood.\n\n*This page is for general information "
         "only and does not replace advice from your child's doctor or care team.*\n")


def _pre_commit():
    found = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")
    if not found or not (ROOT / ".git").exists():
        pytest.skip("pre-commit or a git checkout of medlint is not available")
    return found


@pytest.mark.slow
def test_pre_commit_try_repo(tmp_path):
    pre_commit = _pre_commit()
    repo = tmp_path / "content"
    repo.mkdir()
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pc-home"),
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    env.pop("MEDLINT_CACHE_DIR", None)
    env["MEDLINT_CACHE_DIR"] = str(tmp_path / "cache")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True, env=env)
    (repo / "bad.md").write_text(BAD, encoding="utf-8")
    (repo / "clean.md").write_text(CLEAN, encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=repo, check=True, env=env)

    bad = subprocess.run([pre_commit, "try-repo", str(ROOT), "medlint", "--files", "bad.md"],
                         cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "OVER004" in bad.stdout and "OVER001" in bad.stdout

    clean = subprocess.run([pre_commit, "try-repo", str(ROOT), "medlint", "--files", "clean.md"],
                           cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert (repo / "bad.md").read_text(encoding="utf-8") == BAD  # the hook never edits a file
