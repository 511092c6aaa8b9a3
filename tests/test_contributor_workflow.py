"""Contributors: edit links, the page scaffold, drafts, CONTRIBUTING and the CI workflows."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

import field_reference
import new_page
from conftest import ENV, ROOT, Build, front_matter, run_build, write_site
from hub import content_check

REPO = "https://github.com/counterspeech-hub/hub/edit/main/docs/"


def test_every_page_links_to_its_own_source_file(hub: Build) -> None:
    checked = 0
    for index in hub.site.rglob("index.html"):
        relative = index.parent.relative_to(hub.site).as_posix()
        if relative.startswith("assets") or relative.endswith("status") or relative == "en/status":
            continue
        html = index.read_text(encoding="utf-8")
        match = re.search(r'<a href="([^"]+)" title="[^"]+" class="md-content__button md-icon" rel="edit[^"]*"', html)
        assert match, relative
        language = "en" if relative == "en" or relative.startswith("en/") else "fr"
        path = relative.removeprefix("en").strip("/.")
        expected = (
            {f"{REPO}{language}/{path}.md", f"{REPO}{language}/{path}/index.md"}
            if path
            else {f"{REPO}{language}/index.md"}
        )
        assert match.group(1) in expected, (relative, match.group(1))
        checked += 1
    assert checked >= 82


def scaffold_root(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for language in ("fr", "en"):
        (tmp_path / "docs" / language).mkdir(parents=True)
    return tmp_path


@pytest.mark.parametrize(
    "page_type",
    new_page.scaffolded_types(),  # every type of the schema a contributor can start
)
def test_scaffold_writes_valid_drafts_in_both_languages(tmp_path: Path, page_type: str) -> None:
    root = scaffold_root(tmp_path)
    written = new_page.new_page(root, page_type, "packs/my-guide", today=dt.date(2026, 1, 15))
    assert [p.relative_to(root).as_posix() for p in written] == [
        "docs/fr/packs/my-guide.md",
        "docs/en/packs/my-guide.md",
    ]
    report = content_check.check_docs(root / "docs")
    assert [str(p) for p in report.problems] == []
    french, english = report.page("fr", "packs/my-guide.md"), report.page("en", "packs/my-guide.md")
    assert french and english and french.meta["draft"] is True and french.meta["type"] == page_type
    assert english.meta["translation"]["source"] == "fr"
    if page_type in ("information-pack", "lab-method", "recommendations", "case-study", "resource", "reply"):
        assert "\n## Sources" in french.body and "\n## Sources" in english.body
    assert "      - packs/my-guide.md" in (root / "mkdocs.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("page_type", "slug", "message"),
    [
        ("guide", "packs/x", "TYPE=guide: unknown page type (use one of: about, section, information-pack"),
        ("information-pack", "packs/Mon Guide", "SLUG=packs/Mon Guide: use lowercase English words"),
        ("information-pack", "packs/../../etc", "SLUG=packs/../../etc: use lowercase English words"),
        ("information-pack", "packs/été", "SLUG=packs/été: use lowercase English words"),
        ("information-pack", "packs/getting-started", "docs/fr/packs/getting-started.md already exists"),
        ("", "", "TYPE=(empty): unknown page type"),
    ],
)
def test_scaffold_refuses_with_a_clear_message(page_type: str, slug: str, message: str) -> None:
    before = sorted(p.as_posix() for p in (ROOT / "docs").rglob("*.md"))
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    command = [sys.executable, str(ROOT / "tools" / "new_page.py"), page_type, slug]
    result = subprocess.run(command, env=ENV, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.as_posix() for p in (ROOT / "docs").rglob("*.md")) == before
    assert (ROOT / "mkdocs.yml").read_text(encoding="utf-8") == config


def draft_site(tmp_path: Path) -> Path:
    pages = {
        "fr/index.md": front_matter("Accueil", "home") + "Bonjour.\n",
        "en/index.md": front_matter("Home", "home") + "Hello.\n",
        "fr/brouillon.md": front_matter("Brouillon", "section", draft="true") + "Texte en cours.\n",
        "en/brouillon.md": front_matter("Draft", "section", draft="true") + "Work in progress.\n",
    }
    return write_site(tmp_path, pages, nav=["index.md", "brouillon.md"])


def test_build_never_publishes_a_draft(tmp_path: Path) -> None:
    build = run_build(draft_site(tmp_path))
    assert build.returncode == 0, build.output
    assert not (build.site / "brouillon").exists() and not (build.site / "en" / "brouillon").exists()
    assert "brouillon" not in (build.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "brouillon" not in (build.site / "search" / "search_full.json").read_text(encoding="utf-8")


def test_serve_shows_the_draft(tmp_path: Path) -> None:
    root = draft_site(tmp_path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--no-livereload"]
    server = subprocess.Popen(
        command, cwd=root, env={**ENV, "HUB_PDF": ""}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        body = ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/hub/brouillon/", timeout=2) as response:
                    body = response.read().decode("utf-8")
                    break
            except OSError:
                time.sleep(0.3)
        assert "Texte en cours." in body
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_contributing_field_reference_is_generated_from_the_schema() -> None:
    for language, path in field_reference.GUIDES.items():
        text = path.read_text(encoding="utf-8")
        assert field_reference.updated(text, language) == text, f"{path.name}: run python tools/field_reference.py"
        for field in ("title", "description", "key_points", "participants", "translation", "figures"):
            assert f"| `{field}` |" in text


def test_contributing_exists_in_both_languages_with_what_a_newcomer_needs() -> None:
    english = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    french = (ROOT / "CONTRIBUTING.fr.md").read_text(encoding="utf-8")
    for text in (english, french):
        for needle in (
            "make serve",
            "make new TYPE=",
            "make translated PAGE=",
            "make check-content",
            "content-warning",
            "CC BY 4.0",
            "source_hash",
        ):
            assert needle in text, needle
    assert "Edit this page" in english and "Modifier cette page" in french


def workflows() -> dict[str, dict]:
    return {
        path.name: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in (ROOT / ".github" / "workflows").glob("*.yml")
    }


def test_workflows_call_the_make_targets_the_readme_documents() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z-]+):", makefile, re.M))
    called = set()
    for flow in workflows().values():
        for job in flow["jobs"].values():
            for step in job["steps"]:
                called |= set(re.findall(r"\bmake ([a-z-]+)", step.get("run", "")))
    assert {"check-content", "check", "build", "test"} <= called
    assert called <= targets
    for target in called:
        assert f"make {target}" in readme, target


def test_pull_request_workflow_is_read_only_without_secrets() -> None:
    text = (ROOT / ".github" / "workflows" / "checks.yml").read_text(encoding="utf-8")
    flow = workflows()["checks.yml"]
    triggers = flow[True] if True in flow else flow["on"]  # YAML 1.1 reads `on:` as True
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    assert "pull_request" in triggers and "pull_request_target" not in code
    assert flow["permissions"] == {"contents": "read"}
    assert "secrets." not in text
    for job in flow["jobs"].values():
        assert "permissions" not in job


def test_deploy_workflow_publishes_to_pages_with_minimal_permissions() -> None:
    flow = workflows()["deploy.yml"]
    assert flow["permissions"] == {"contents": "read"}
    assert flow["concurrency"]["group"] == "pages"
    uses = [step.get("uses", "") for job in flow["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert flow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_actions_are_pinned_by_version() -> None:
    for flow in workflows().values():
        for job in flow["jobs"].values():
            for step in job["steps"]:
                if "uses" in step:
                    assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+\.\d+\.\d+", step["uses"]), step["uses"]


def test_repository_guards_are_in_place() -> None:
    owners = (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    for path in ("/mkdocs.yml", "/hooks/", "/overrides/", "/pyproject.toml", "/requirements/", "/.github/workflows/"):
        assert re.search(rf"^{re.escape(path)}\s+@", owners, re.M), path
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    ids = {hook["id"] for repo in hooks["repos"] for hook in repo["hooks"]}
    assert {"ruff", "content-check"} <= ids
    forms = {path.name for path in (ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml")}
    assert {"suggest-resource.yml", "report-error.yml", "propose-translation.yml"} <= forms
    for form in forms - {"config.yml"}:
        assert yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / form).read_text(encoding="utf-8"))["body"]
    template = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 5
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "Keep a Changelog" in changelog and "## [Unreleased]" in changelog
