"""The GitHub Actions workflow that builds and smoke-tests the macOS and Windows bundles
(.github/workflows/desktop-bundles.yml, issue 19 item 6) cannot run here, so its structure is
checked instead, so it cannot rot unseen: a job per system on a hosted runner of that system,
steps that run scripts which exist in the repository with the arguments they take, the same
platform-neutral smoke test for both, on the executable that smoke test expects, and no secret.
The file is read with tests/support/yaml_subset.py (PyYAML is not in the locks), which is itself
tested at the bottom."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

from tests.support.packaging_tools import load
from tests.support.yaml_subset import YamlSubsetError, loads

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "desktop-bundles.yml"
SCRIPT = re.compile(r"(?:^|\s)((?:packaging|scripts)[/\\][\w./\\-]+\.(?:sh|ps1|py))(?=\s|$)")


smoke = load("smoke_bundle")


def workflow() -> dict[str, Any]:
    data = loads(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def runs(job: dict[str, Any]) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def scripts_run(job: dict[str, Any]) -> list[str]:
    return [m.replace("\\", "/") for command in runs(job) for m in SCRIPT.findall(command)]


def test_it_runs_by_hand_on_tags_and_on_packaging_changes() -> None:
    on = workflow()["on"]
    assert set(on) == {"workflow_dispatch", "push", "pull_request"}
    assert on["push"]["tags"] == ["v*"]
    assert "packaging/**" in on["pull_request"]["paths"]
    assert workflow()["permissions"] == {"contents": "read"}


@pytest.mark.parametrize(("job", "runner"), [("macos", "macos-"), ("windows", "windows-")])
def test_a_job_per_system_on_a_hosted_runner_of_that_system(job: str, runner: str) -> None:
    jobs = workflow()["jobs"]
    assert set(jobs) == {"macos", "windows"}
    assert jobs[job]["runs-on"].startswith(runner)
    assert 0 < jobs[job]["timeout-minutes"] <= 90
    uses = [step["uses"] for step in jobs[job]["steps"] if "uses" in step]
    assert uses[:2] == ["actions/checkout@v4", "actions/setup-python@v5"]
    assert all(re.fullmatch(r"[\w-]+/[\w-]+@v\d+", u) for u in uses), uses
    setup = next(s for s in jobs[job]["steps"] if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["python-version"] == "3.11"  # the Python the locks are resolved for
    assert all(step.get("name") for step in jobs[job]["steps"])


def test_every_script_a_step_runs_is_in_the_repository() -> None:
    for name, job in workflow()["jobs"].items():
        found = scripts_run(job)
        assert found, f"{name} runs no script of the repository"
        for script in found:
            assert (ROOT / script).is_file(), f"{name} runs {script}, which is not in the repository"
            if script.endswith(".sh"):
                assert os.access(ROOT / script, os.X_OK), f"{script} is not executable"


def test_macos_builds_ad_hoc_signed_then_smoke_tests_and_checks_the_floor() -> None:
    job = workflow()["jobs"]["macos"]
    assert scripts_run(job) == [
        "packaging/macos/build-macos.sh",
        "packaging/smoke_bundle.py",
        "packaging/macos/macos_floor.py",
    ]
    build = next(step for step in job["steps"] if "build-macos.sh" in step.get("run", ""))
    assert build["env"] == {"CASEVAULT_SIGN_ID": "-"}
    script = (ROOT / "packaging" / "macos" / "build-macos.sh").read_text(encoding="utf-8")
    assert '[ "$CASEVAULT_SIGN_ID" = "-" ]' in script  # the ad-hoc mode it relies on
    assert "requirements/package.lock" in script and "--require-hashes" in script
    smoke_step, floor_step = runs(job)[1:]
    exe = smoke.default_exe("darwin", ROOT).relative_to(ROOT).as_posix()
    assert smoke_step == f"python3 packaging/smoke_bundle.py {exe}"
    assert floor_step == "python3 packaging/macos/macos_floor.py dist/casevault.app"


def test_windows_builds_with_its_script_then_runs_the_same_smoke_test() -> None:
    job = workflow()["jobs"]["windows"]
    assert scripts_run(job) == ["packaging/windows/build-windows.ps1", "packaging/smoke_bundle.py"]
    assert all(step.get("shell") == "pwsh" for step in job["steps"] if "run" in step)
    exe = smoke.default_exe("win32", ROOT).relative_to(ROOT)
    assert runs(job)[1] == "python packaging\\smoke_bundle.py " + str(exe).replace("/", "\\")
    script = (ROOT / "packaging" / "windows" / "build-windows.ps1").read_text(encoding="utf-8")
    for needed in ("requirements\\package.lock", "--require-hashes", "packaging\\casevault.spec"):
        assert needed in script
    assert "packaging\\windows\\casevault.iss" in script
    assert (ROOT / "packaging" / "windows" / "casevault.iss").is_file()


def test_no_secret_is_used() -> None:
    assert "secrets." not in WORKFLOW.read_text(encoding="utf-8")


def test_artifacts_are_what_the_builds_make() -> None:
    jobs = workflow()["jobs"]
    paths = {
        name: next(s["with"]["path"] for s in job["steps"] if s.get("uses", "").startswith("actions/upload"))
        for name, job in jobs.items()
    }
    assert paths == {"macos": "dist/casevault.app", "windows": "dist/casevault-*-setup.exe"}
    iss = (ROOT / "packaging" / "windows" / "casevault.iss").read_text(encoding="utf-8")
    assert "OutputBaseFilename=casevault-{#AppVersion}-setup" in iss


# ---- the YAML subset reader -----------------------------------------------------------------


def test_the_subset_reader_reads_what_these_files_use() -> None:
    text = """
# a comment
name: demo   # trailing comment
on:
  push:
    tags:
      - "v*"
empty: {}
none: []
jobs:
  one:
    steps:
      - name: 'it''s quoted'
        run: "echo a: b" # c
        with:
          n: 3
          flag: true
      - plain item
      -
        nested: ok
list_at_key_indent:
- a
- b
url: https://example.org/x#frag
"""
    assert loads(text) == {
        "name": "demo",
        "on": {"push": {"tags": ["v*"]}},
        "empty": {},
        "none": [],
        "jobs": {
            "one": {
                "steps": [
                    {"name": "it's quoted", "run": "echo a: b", "with": {"n": 3, "flag": True}},
                    "plain item",
                    {"nested": "ok"},
                ]
            }
        },
        "list_at_key_indent": ["a", "b"],
        "url": "https://example.org/x#frag",
    }


@pytest.mark.parametrize(
    "text",
    [
        "a: &anchor 1\n",
        "a: [1, 2]\n",
        "a: |\n  block\n",
        "a: 1\na: 2\n",
        "a:\n\t- 1\n",
        "a: 1\n  b: 2\n",
        "---\na: 1\n",
        'a: "open\n',
        "a: b: c\n",
    ],
    ids=[
        "anchor",
        "flow",
        "block-scalar",
        "duplicate",
        "tab",
        "indent",
        "documents",
        "unterminated",
        "colon",
    ],
)
def test_the_subset_reader_refuses_what_it_does_not_understand(text: str) -> None:
    with pytest.raises(YamlSubsetError):
        loads(text)
