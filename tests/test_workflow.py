"""The GitHub Pages workflow, run as a runner runs it: its `run:` steps in order, in a fresh
copy of the repository and a fresh virtual environment, for a project site's base URL."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import yaml

from conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"
PAGES_BASE_URL = "https://user.github.io/repo"  # what actions/configure-pages gives a project site
EXPRESSIONS = {"steps.pages.outputs.base_url": PAGES_BASE_URL}


def run_steps() -> list[str]:
    """The build job's `run:` steps, in order, with the expressions a runner would fill in."""
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["build"]["steps"]

    def fill(match: re.Match) -> str:
        name = match.group(1).strip()
        if name not in EXPRESSIONS:
            pytest.fail(f"{WORKFLOW.name}: the test does not know the expression {name!r}")
        return EXPRESSIONS[name]

    return [re.sub(r"\$\{\{(.*?)\}\}", fill, step["run"]) for step in steps if "run" in step]


def fresh_copy(target: Path) -> Path:
    """The repository's files as a clone has them (tracked and not ignored), without build output."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                            cwd=REPO, capture_output=True, check=False)
    if listed.returncode != 0:  # not a git checkout: copy what is there, without outputs
        shutil.copytree(REPO, target, ignore=shutil.ignore_patterns("site", ".depesche", "node_modules", ".git"))
        return target
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def test_workflow_passes_actionlint() -> None:
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
    if actionlint is None:
        pytest.fail("actionlint is missing: pip install -e '.[test]' installs it")
    result = subprocess.run([actionlint, str(WORKFLOW)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_steps_build_the_site_in_a_clean_environment(tmp_path: Path) -> None:
    steps = run_steps()
    assert any(step.startswith("pip install") for step in steps)
    checkout = fresh_copy(tmp_path / "checkout")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True, system_site_packages=False)
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")}
    env.update(VIRTUAL_ENV=str(env_dir), PATH=f"{env_dir / 'bin'}{os.pathsep}{env['PATH']}",
               PIP_DISABLE_PIP_VERSION_CHECK="1")
    for step in steps:
        done = subprocess.run(["bash", "-e", "-c", step], cwd=checkout, env=env, capture_output=True,
                              text=True, check=False)
        assert done.returncode == 0, f"step {step!r} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"

    site = checkout / "site"
    front = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="/repo/artikel/' in front and 'href="/artikel/' not in front
    assert f"<link>{PAGES_BASE_URL}/</link>" in (site / "feed.xml").read_text(encoding="utf-8")
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert len(list((site / "artikel").iterdir())) == len(list((checkout / "seeds").glob("*.txt")))
    hidden = [p.name for p in site.rglob(".*")]
    assert hidden == [".depesche"], f"the published site holds more than readers get: {hidden}"
