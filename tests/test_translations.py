"""Translations kept honest: one tiny bilingual site per state, checked in the built HTML and search."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from conftest import ENV, HUB, Build, front_matter, run_build, write_site
from hub.translations import body_hash

FR_BODY = "## Partie\n\nUn texte original en français, avec une phrase sur la stratégie.\n"
EN_BODY = "## Part\n\nA text written in English, with a sentence about strategy.\n"


def translated(title: str, source_body: str) -> str:
    block = f'{{source: fr, source_hash: "{body_hash(source_body)}"}}'
    return front_matter(title, "section", translation=block)


def homes() -> dict[str, str | bytes]:
    return {
        "fr/index.md": front_matter("Accueil", "home") + "Bonjour.\n",
        "en/index.md": translated("Home", "Bonjour.\n") + "Hello.\n",
    }


def build(tmp_path: Path, pages: dict[str, str | bytes]) -> Build:
    write_site(tmp_path, {**homes(), **pages})
    return run_build(tmp_path)


def index_locations(site: Path, language: str) -> list[str]:
    root = site / "en" if language == "en" else site
    data = json.loads((root / "search" / "search_full.json").read_text(encoding="utf-8"))
    return [doc["location"] for doc in data["docs"]]


def status_table(html: str) -> str:
    return html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]


def test_up_to_date_translation_has_no_banner(tmp_path: Path) -> None:
    result = build(
        tmp_path,
        {"fr/guide.md": front_matter("Guide") + FR_BODY, "en/guide.md": translated("Guide", FR_BODY) + EN_BODY},
    )
    assert result.returncode == 0, result.output
    assert "hub-notice" not in result.html("en/guide/")
    assert "Translations: 2 up to date, 0 outdated, 0 missing" in result.output
    table = status_table(result.html("en/status/"))
    assert table.count("up to date") == 2 and "outdated" not in table


def test_changed_original_makes_the_translation_outdated(tmp_path: Path) -> None:
    changed = FR_BODY.replace("la stratégie", "la stratégie et les campagnes")
    result = build(
        tmp_path,
        {"fr/guide.md": front_matter("Guide") + changed, "en/guide.md": translated("Guide", FR_BODY) + EN_BODY},
    )
    assert result.returncode == 0, result.output  # information, not an error
    html = result.html("en/guide/")
    assert 'class="admonition warning hub-notice" lang="en"' in html
    assert "This translation may be out of date" in html
    assert re.search(r'href="\.\./\.\./guide/">Read the French original</a>', html)
    assert "Translations: 1 up to date, 1 outdated, 0 missing (outdated: en/guide.md)" in result.output
    assert "à mettre à jour" in status_table(result.html("status/"))
    assert "hub-notice" not in result.html("guide/")


def test_rewrapping_the_original_is_not_a_change(tmp_path: Path) -> None:
    rewrapped = FR_BODY.replace("avec une phrase", "avec\nune   phrase").replace("\n\n", "\n\n\n")
    result = build(
        tmp_path,
        {"fr/guide.md": front_matter("Guide") + rewrapped, "en/guide.md": translated("Guide", FR_BODY) + EN_BODY},
    )
    assert result.returncode == 0, result.output
    assert "hub-notice" not in result.html("en/guide/")
    assert "0 outdated" in result.output


def test_page_missing_in_french_is_served_with_a_french_notice(tmp_path: Path) -> None:
    result = build(tmp_path, {"en/only-english.md": front_matter("Only in English") + EN_BODY})
    assert result.returncode == 0, result.output
    html = result.html("only-english/")
    assert '<html lang="fr"' in html
    assert "Cette page n'est pas encore traduite en français" in html
    assert '<div class="hub-text" lang="en">' in html and '<h1 lang="en">' in html
    assert 'href="../status/">Voir l' in html
    assert "only-english/" not in index_locations(result.site, "fr")
    assert "only-english/" in index_locations(result.site, "en")
    assert "Français (pas encore traduite)" in html
    assert "Translations: 1 up to date, 0 outdated, 1 missing (missing: fr/only-english.md)" in result.output


def test_page_missing_in_english_is_served_with_an_english_notice(tmp_path: Path) -> None:
    result = build(tmp_path, {"fr/seulement.md": front_matter("Seulement en français") + FR_BODY})
    assert result.returncode == 0, result.output
    html = result.html("en/seulement/")
    assert '<html lang="en"' in html
    assert "This page has not been translated into English yet" in html
    assert '<div class="hub-text" lang="fr">' in html
    assert "seulement/" not in index_locations(result.site, "en")
    assert "seulement/" in index_locations(result.site, "fr")
    # The selector on the French original says the English version is a fallback, and leads to it.
    original = result.html("seulement/")
    assert re.search(r'href="\.\./en/seulement/"[^>]*>English \(pas encore traduite\)', original)
    assert "non traduite" in status_table(result.html("status/"))


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ('translation: {source: de, source_hash: "abcdef123456"}', 'translation.source: "de" is not allowed'),
        ('translation: "fr"', "translation: expected 'name: value' lines"),
        ("translation: {source: fr}", "translation.source_hash: missing"),
        ('translation: {source: fr, source_hash: "not a hash"}', 'translation.source_hash: "not a hash" does not'),
    ],
)
def test_malformed_translation_block_fails_the_build(tmp_path: Path, block: str, message: str) -> None:
    result = build(
        tmp_path,
        {
            "fr/guide.md": front_matter("Guide") + FR_BODY,
            "en/guide.md": front_matter("Guide", "section", x=block).replace("x: ", "") + EN_BODY,
        },
    )
    assert result.returncode != 0
    assert "docs/en/guide.md:" in result.output and message in result.output
    assert "Traceback" not in result.output


def test_translation_of_a_page_that_does_not_exist_fails_the_build(tmp_path: Path) -> None:
    result = build(tmp_path, {"en/orphan.md": translated("Orphan", FR_BODY) + EN_BODY})
    assert result.returncode != 0
    assert "docs/en/orphan.md:1:1: translation.source: the original docs/fr/orphan.md does not exist" in result.output


def test_record_command_changes_only_the_hash_line(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "fr").mkdir(parents=True)
    (docs / "en").mkdir(parents=True)
    (docs / "fr" / "guide.md").write_text(front_matter("Guide") + FR_BODY + "Ajout.\n", encoding="utf-8")
    stale = translated("Guide", FR_BODY).replace("\n", "\r\n") + EN_BODY.replace("\n", "\r\n")
    (docs / "en" / "guide.md").write_bytes(stale.encode("utf-8"))
    command = [*HUB, "translations", "record", "guide", "docs"]
    result = subprocess.run(command, cwd=tmp_path, env=ENV, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "docs/en/guide.md: recorded as up to date with docs/fr/guide.md" in result.stdout
    after = (docs / "en" / "guide.md").read_bytes()
    before_lines, after_lines = stale.encode().split(b"\r\n"), after.split(b"\r\n")
    changed = [i for i, (a, b) in enumerate(zip(before_lines, after_lines, strict=True)) if a != b]
    assert len(changed) == 1
    assert body_hash(FR_BODY + "Ajout.\n").encode() in after_lines[changed[0]]
    status = subprocess.run(
        [*HUB, "translations", "status", "docs"],
        cwd=tmp_path,
        env=ENV,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "guide.md" in status.stdout and "en: up-to-date" in status.stdout


def test_real_hub_status_page_shows_every_page_up_to_date(hub: Build) -> None:
    for path, up_to_date, outdated in (
        ("status/", "à jour", "à mettre à jour"),
        ("en/status/", "up to date", "outdated"),
    ):
        table = status_table(hub.html(path))
        rows = re.findall(r"<tr>(.*?)</tr>", table)
        assert len(rows) >= 41
        assert outdated not in table and "non traduite" not in table and "not translated" not in table
        # Each row: a translation that is up to date, or two versions each written natively.
        natively_twice = sum(1 for row in rows if row.count(">original<") == 2)
        assert table.count(up_to_date) + natively_twice == len(rows)


def test_a_broken_original_is_one_problem_on_the_original(tmp_path: Path) -> None:
    # An empty description in the French original: its English translation is not blamed for it.
    from hub import content_check

    broken = front_matter("Guide").replace(
        'description: "Guide: a description long enough for the contract of the hub."', 'description: ""'
    )
    assert 'description: ""' in broken
    pages: dict[str, str | bytes] = {
        **homes(),
        "fr/guide.md": broken + FR_BODY,
        "en/guide.md": translated("Guide", FR_BODY) + EN_BODY,
    }
    write_site(tmp_path, pages)
    report = content_check.check_docs(tmp_path / "docs")
    assert [(problem.path, problem.field) for problem in report.problems] == [("docs/fr/guide.md", "description")]
