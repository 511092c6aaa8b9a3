"""Addresses that moved keep a page, in both languages, that leads readers to the new one."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from conftest import ENV, HUB, front_matter, run_build, write_site

NO_PDF = {**ENV, "HUB_PDF": "0"}
MOVED = """# Pages merged in December 2026.
- from: "cases/old-case"
  to: "cases/merged#first"
  since: 2026-12-01
"""


def pages(moved: str = MOVED) -> dict[str, str | bytes]:
    return {
        "moved.yml": moved,
        "fr/index.md": front_matter("Accueil", "home") + "Bonjour.\n",
        "en/index.md": front_matter("Home", "home") + "Hello.\n",
        "fr/cases/merged.md": front_matter("Deux cas réunis") + "## Le premier cas { #first }\n\nTexte.\n",
        "en/cases/merged.md": front_matter("Two cases merged") + "## The first case { #first }\n\nText.\n",
    }


def test_the_old_address_says_where_the_content_went_in_each_language(tmp_path: Path) -> None:
    build = run_build(write_site(tmp_path, pages(), nav=["index.md", "cases/merged.md"]), env=NO_PDF)
    assert build.returncode == 0, build.output[-3000:]
    for old, new, title, words in (
        ("cases/old-case/", "cases/merged/", "Deux cas réunis", "Depuis le 1 décembre 2026"),
        ("en/cases/old-case/", "en/cases/merged/", "Two cases merged", "Since 1 December 2026"),
    ):
        tree = LexborHTMLParser(build.html(old))
        text = tree.css_first("article").text()  # type: ignore[union-attr]
        assert words in text and title in text, text
        link = next(a for a in tree.css("article a") if a.text() == title)
        href = str(link.attributes["href"])
        assert href == "../merged/#first"
        target = LexborHTMLParser(build.html(new))
        assert target.css_first("#first") is not None  # the section the link names exists
        # A reader decides: nothing sends them on by itself.
        assert tree.css_first('meta[http-equiv="refresh"]') is None
        assert "old-case" not in (tree.css_first("nav.md-nav--primary") or tree.root).html  # type: ignore[union-attr]
    for index in ("search/search_full.json", "en/search/search_full.json"):
        entries = json.loads((build.site / index).read_text(encoding="utf-8"))["docs"]
        assert [entry for entry in entries if "old-case" in entry["location"]] == []
        assert any("merged" in entry["location"] for entry in entries)
    assert "old-case" not in build.html("resources/whats-new/") + build.html("en/resources/whats-new/")


def test_a_wrong_move_is_refused_with_its_line(tmp_path: Path) -> None:
    wrong = """- from: "cases/merged"
  to: "cases/merged"
  since: 2026-12-01
- from: "cases/gone"
  to: "cases/nowhere"
  since: 2026-12-01
- from: "cases/other"
  to: "cases/merged#missing"
  since: 2026-12-01
"""
    root = write_site(tmp_path, pages(wrong), nav=["index.md", "cases/merged.md"])
    check = subprocess.run([*HUB, "check", "docs"], cwd=root, env=ENV, capture_output=True, text=True, check=False)
    output = check.stdout + check.stderr
    assert check.returncode == 1
    assert "docs/moved.yml:1:3: from: a page still lives at cases/merged in docs/fr/" in output
    assert "docs/moved.yml:4:3: to: no page cases/nowhere in docs/fr/" in output
    assert "docs/moved.yml:7:3: to: docs/en/cases/merged.md has no section #missing" in output
    assert "Traceback" not in output
    build = run_build(root, env=NO_PDF)
    assert build.returncode != 0 and "docs/moved.yml:4:3" in build.output
