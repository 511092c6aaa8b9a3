"""Shared fixtures: tiny bilingual sites built in tmp_path, and the real hub built once."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
ENV = {
    **os.environ,
    "NO_MKDOCS_2_WARNING": "1",
    "PYTHONDONTWRITEBYTECODE": "1",
    "HUB_PDF": "1",
    "PYTHONPATH": str(ROOT / "hooks"),
}
# The hub's command line, as the Makefile runs it.
HUB = [sys.executable, "-m", "hub"]


@dataclass
class Build:
    """A finished `mkdocs build`: where, how it ended and what it said."""

    root: Path
    returncode: int
    output: str

    @property
    def site(self) -> Path:
        return self.root / "site"

    def html(self, path: str) -> str:
        """Text of a built page, e.g. html('en/packs/x/')."""
        target = self.site / path
        if target.is_dir() or path.endswith("/") or path == "":
            target = target / "index.html"
        return target.read_text(encoding="utf-8")


def front_matter(title: str, page_type: str = "section", **fields: str) -> str:
    """A valid front matter block, with optional extra `key: value` lines (already YAML)."""
    lines = [
        "---",
        f'title: "{title}"',
        f'description: "{title}: a description long enough for the contract of the hub."',
        f"type: {page_type}",
        "updated: 2026-01-15",
        *(f"{key}: {value}" for key, value in fields.items()),
        "---",
        "",
    ]
    return "\n".join(lines)


def tiny_config(nav: list[str], extra: str = "") -> str:
    """The real mkdocs.yml with the tiny site's own navigation."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    entries = "\n".join(f"  - {path}" for path in nav)
    config = re.sub(r"\nnav:\n(?:  .*\n|\n)*", f"\nnav:\n{entries}\n\n", config, count=1)
    return config + extra


def write_site(root: Path, pages: dict[str, str | bytes], nav: list[str] | None = None, config_extra: str = "") -> Path:
    """Write a tiny site: pages keyed by path under docs/ (e.g. 'fr/index.md')."""
    for name in ("hooks", "overrides"):
        (root / name).symlink_to(ROOT / name, target_is_directory=True)
    (root / "docs").mkdir()
    # A copy, not a link: docs/ holds regular files only (hooks/hub/docs_files.py).
    shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
    for path, content in pages.items():
        target = root / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    if nav is None:
        slugs = sorted({path.split("/", 1)[1] for path in pages if path.endswith(".md") and "/" in path})
        nav = [slug for slug in slugs if slug == "index.md"] + [slug for slug in slugs if slug != "index.md"]
    (root / "mkdocs.yml").write_text(tiny_config(nav, config_extra), encoding="utf-8")
    return root


def run_build(root: Path, *args: str, env: dict[str, str] | None = None) -> Build:
    """`mkdocs build --strict` in a subprocess (i18n leaves patches behind in-process)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", *args]
    result = subprocess.run(command, cwd=root, env=env or ENV, capture_output=True, text=True, check=False)
    return Build(root, result.returncode, result.stdout + result.stderr)


@pytest.fixture
def tiny_site(tmp_path: Path) -> Callable[..., Build]:
    """Build a tiny bilingual site from a dict of pages; returns the finished Build."""

    def build(pages: dict[str, str | bytes], nav: list[str] | None = None, config_extra: str = "") -> Build:
        root = tmp_path / "hub"
        root.mkdir()
        write_site(root, pages, nav, config_extra)
        return run_build(root)

    return build


@pytest.fixture(scope="session")
def site_url(hub: Build) -> Iterator[str]:
    """The real hub served on 127.0.0.1 under /hub/, as on its public host."""
    from browser import serve

    with serve(hub.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's chromium, shared by the browser tests."""
    from browser import chromium

    with chromium() as running:
        yield running


@pytest.fixture(scope="session")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The real hub, built once per test session exactly as `make build` does."""
    out = tmp_path_factory.mktemp("hub")
    command = [sys.executable, str(ROOT / "tools" / "publish.py"), "--site", str(out / "site")]
    result = subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, text=True, check=False)
    build = Build(out, result.returncode, result.stdout + result.stderr)
    assert build.returncode == 0, build.output[-4000:]
    return build
