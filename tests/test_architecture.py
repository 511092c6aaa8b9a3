"""The shape of the code: MkDocs adapters in hooks/, the engine-neutral core in hooks/hub/, contracts kept."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conftest import ENV, ROOT

HOOKS = ROOT / "hooks"


def listed_hooks() -> list[str]:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = config.split("\nhooks:\n", 1)[1]
    return re.findall(r"^  - hooks/(\w+\.py)\s+# \S", block, flags=re.MULTILINE)


def test_hooks_holds_only_the_event_modules_listed_in_mkdocs_yml() -> None:
    on_disk = sorted(path.name for path in HOOKS.glob("*.py"))
    assert sorted(listed_hooks()) == on_disk, "every module of hooks/ is an event module with its role in mkdocs.yml"
    folders = sorted(path.name for path in HOOKS.iterdir() if path.is_dir() and not path.name.startswith("__"))
    assert folders == ["hub", "mkdocs_support"]


def test_event_modules_stay_thin() -> None:
    for path in HOOKS.glob("*.py"):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert len(lines) <= 200, f"{path.name}: {len(lines)} lines; move the rules to hooks/hub/"


def lint_imports(hooks: Path) -> subprocess.CompletedProcess[str]:
    command = [str(Path(shutil.which("lint-imports", path=str(ROOT / ".venv" / "bin")) or "lint-imports"))]
    command += [str(ROOT / "pyproject.toml"), "--no-cache"]
    return subprocess.run(command, cwd=ROOT, env={**ENV, "PYTHONPATH": str(hooks)}, capture_output=True, text=True)


def test_the_core_imports_nothing_from_the_engine() -> None:
    result = lint_imports(HOOKS)
    assert result.returncode == 0, result.stdout[-2000:]


def test_the_import_contract_catches_an_engine_import(tmp_path: Path) -> None:
    copy = tmp_path / "hooks"
    shutil.copytree(HOOKS, copy, ignore=shutil.ignore_patterns("__pycache__"))
    problems = copy / "hub" / "problems.py"
    problems.write_text(problems.read_text(encoding="utf-8") + "\nimport mkdocs.plugins  # noqa\n", encoding="utf-8")
    result = lint_imports(copy)
    assert result.returncode != 0
    assert "hub is not allowed to import mkdocs" in result.stdout and "hub.problems -> mkdocs" in result.stdout


@pytest.mark.parametrize("schema", sorted((HOOKS / "hub" / "schemas").glob("*.schema.json")), ids=lambda p: p.name)
def test_every_schema_is_valid_json_schema(schema: Path) -> None:
    Draft202012Validator.check_schema(json.loads(schema.read_text(encoding="utf-8")))


def test_a_keyword_the_hub_has_no_message_for_is_still_enforced(tmp_path: Path) -> None:
    from hub.schema_check import SchemaCheck
    from hub.strict_yaml import compose

    checker = SchemaCheck(
        {"type": "object", "properties": {"code": {"type": "string", "multipleOf": 3}}, "not": {"required": ["x"]}}
    )
    root = compose("code: abc\nx: 1\n", lambda *args: None)
    assert root is not None
    _, problems = checker.check("docs/data.yml", root, __import__("datetime").date(2026, 1, 1))
    assert problems and all(problem.path == "docs/data.yml" for problem in problems)
