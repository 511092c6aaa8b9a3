"""`make build` publishes atomically: a failed or killed build never touches the published site."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ENV, ROOT, front_matter, write_site


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def publish(root: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(ROOT / "tools" / "publish.py"), "--config", str(root / "mkdocs.yml")]
    return subprocess.run(command, cwd=root, env=ENV, capture_output=True, text=True, check=False)


def small_site(tmp_path: Path, pages: int = 60) -> Path:
    content: dict[str, str | bytes] = {
        "fr/index.md": front_matter("Accueil", "home") + "Bonjour.\n",
        "en/index.md": front_matter("Home", "home") + "Hello.\n",
    }
    for number in range(pages):
        for language in ("fr", "en"):
            content[f"{language}/page{number:03}.md"] = front_matter(f"Page {number}") + ("Texte. " * 300) + "\n"
    return write_site(tmp_path, content)


def test_failed_build_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    root = small_site(tmp_path, pages=3)
    assert publish(root).returncode == 0
    before = tree_hash(root / "site")
    # A broken link fails the strict build only after MkDocs has written pages.
    page = root / "docs" / "fr" / "page001.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[lien cassé](nulle-part.md)\n", encoding="utf-8")
    failed = publish(root)
    assert failed.returncode != 0
    assert "site/ was left as it was" in failed.stderr
    assert tree_hash(root / "site") == before
    assert list(root.glob(".site-build-*")) == []


def test_killed_build_leaves_the_previous_site_and_is_cleaned_next_time(tmp_path: Path) -> None:
    root = small_site(tmp_path)
    assert publish(root).returncode == 0
    before = tree_hash(root / "site")
    command = [sys.executable, str(ROOT / "tools" / "publish.py"), "--config", str(root / "mkdocs.yml")]
    running = subprocess.Popen(
        command, cwd=root, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until the new build has written some pages
        staging = list(root.glob(".site-build-*"))
        if staging and len(list(staging[0].rglob("index.html"))) >= 10:
            break
        time.sleep(0.02)
    else:
        pytest.fail("the build never started writing pages")
    os.killpg(running.pid, signal.SIGKILL)
    running.wait()
    assert list(root.glob(".site-build-*")), "the killed build should have left its temporary folder"
    assert tree_hash(root / "site") == before
    assert publish(root).returncode == 0
    assert list(root.glob(".site-build-*")) == []
