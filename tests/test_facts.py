"""One fact, one place: the registry's text in each language, its sources, its age, and the terminology sheet.

Each test builds a tiny bilingual site in tmp_path with its own docs/facts.yml
(or docs/terms.yml) and reads the built pages, as a reader would get them.
The refusals (unknown key, duplicate key, missing language) are cases of the
hostile corpus (tests/fixtures/hostile/data-files.yml).
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from conftest import ENV, HUB, Build, front_matter, run_build, write_site

NO_PDF = {**ENV, "HUB_PDF": "0"}
SOURCE_URL = "https://www.example.org/pharos-2009"
OTHER_URL = "https://www.example.org/already-cited"
FR_DESCRIPTION = "Le portail existe depuis le [[fact:pharos-launch]], et sert."
EN_DESCRIPTION = "The portal has existed since [[fact:pharos-launch]], in use."


def registry(checked: dt.date) -> str:
    return f"""- key: "pharos-launch"
  fr: "6 janvier 2009 : lancement"
  en: "6 January 2009: launch"
  sources:
    - title: "Le portail Pharos"
      publisher: "Police nationale"
      url: "{SOURCE_URL}"
      date: "2022-11-17"
      language: fr
    - title: "A page the pages cite already"
      publisher: "Example"
      url: "{OTHER_URL}"
      date: "2023"
      language: en
  checked: {checked.isoformat()}
"""


def with_description(title: str, description: str) -> str:
    head = front_matter(title)
    return re.sub(r'^description: ".*"$', f'description: "{description}"', head, count=1, flags=re.MULTILINE)


def site(tmp_path: Path, checked: dt.date) -> Build:
    fr_body = "PHAROS : [[fact:pharos-launch]].\n\n## Sources\n\n- Example, [Déjà citée](" + OTHER_URL + "), 2023.\n"
    en_body = "PHAROS: [[fact:pharos-launch]].\n"
    pages: dict[str, str | bytes] = {
        "facts.yml": registry(checked),
        "fr/index.md": front_matter("Accueil", "home") + "Bonjour.\n",
        "en/index.md": front_matter("Home", "home") + "Hello.\n",
        "fr/pharos.md": with_description("Pharos", FR_DESCRIPTION) + fr_body,
        "en/pharos.md": with_description("Pharos", EN_DESCRIPTION) + en_body,
    }
    build = run_build(write_site(tmp_path, pages), env=NO_PDF)
    assert build.returncode == 0, build.output[-3000:]
    return build


def main_text(html: str) -> str:
    article = LexborHTMLParser(html).css_first("article")
    assert article is not None
    return re.sub(r"[ \n]+", " ", article.text()).strip()


def test_each_language_gets_its_text_with_french_typography(tmp_path: Path) -> None:
    build = site(tmp_path, dt.date.today())
    french, english = build.html("pharos/"), build.html("en/pharos/")
    assert "PHAROS\u00a0: 6 janvier 2009\u00a0: lancement." in main_text(french)
    assert "PHAROS: 6 January 2009: launch." in main_text(english)
    assert "[[fact:" not in french and "[[fact:" not in english
    # In front matter too: the description the search engines and the cover read.
    description = LexborHTMLParser(french).css_first('meta[name="description"]')
    assert description is not None
    # An attribute value keeps the registry's spaces (typography never touches attributes).
    assert description.attributes["content"] == "Le portail existe depuis le 6 janvier 2009 : lancement, et sert."
    english_description = LexborHTMLParser(english).css_first('meta[name="description"]')
    assert english_description is not None and "since 6 January 2009: launch," in str(
        english_description.attributes["content"]
    )


def test_a_page_lists_the_sources_of_its_facts_once(tmp_path: Path) -> None:
    build = site(tmp_path, dt.date.today())
    for page in ("pharos/", "en/pharos/"):  # a Sources section of its own, and one added
        tree = LexborHTMLParser(build.html(page))
        links = [node.attributes.get("href") for node in tree.css("article a")]
        assert links.count(SOURCE_URL) == 1, page
        assert links.count(OTHER_URL) == 1, page  # cited by the page already (French) or added once (English)
        assert tree.css_first("article h2#sources") is not None, page
    french = main_text(build.html("pharos/"))
    assert "Police nationale, Le portail Pharos, 17 novembre 2022." in french


def test_facts_not_checked_for_a_year_are_listed_with_their_pages_without_failing(tmp_path: Path) -> None:
    old = dt.date.today() - dt.timedelta(days=400)
    build = site(tmp_path, old)
    for page, heading in (("status/", "Faits à revérifier"), ("en/status/", "Facts to check again")):
        tree = LexborHTMLParser(build.html(page))
        section = next(node for node in tree.css("h2") if heading in node.text())
        item = section.next
        while item is not None and item.tag != "ul":
            item = item.next
        assert item is not None, page
        text = item.text()
        assert "pharos-launch" in text and old.isoformat() in text, text
        assert any(link.text() == "Pharos" for link in item.css("a")), page  # the page that uses it


def test_recently_checked_facts_are_not_listed(tmp_path: Path) -> None:
    build = site(tmp_path, dt.date.today())
    assert "pharos-launch" not in main_text(build.html("en/status/"))
    assert "all 1 facts of the registry were checked within the last year" in main_text(build.html("en/status/"))


def test_an_avoided_term_is_a_warning_with_its_line_never_a_failure(tmp_path: Path) -> None:
    terms = """- id: "counterspeech"
  fr:
    preferred: "contre-discours"
    avoid: ["contre-parole"]
  en:
    preferred: "counterspeech"
  why: "One word."
"""
    pages: dict[str, str | bytes] = {
        "terms.yml": terms,
        "fr/index.md": front_matter("Accueil", "home") + "Bonjour.\n\nLa contre-parole en ligne.\n",
        "en/index.md": front_matter("Home", "home") + "Hello.\n",
    }
    root = write_site(tmp_path, pages)
    check = subprocess.run([*HUB, "check", "docs"], cwd=root, env=ENV, capture_output=True, text=True, check=False)
    line = front_matter("Accueil", "home").count("\n") + 3
    assert check.returncode == 0, check.stdout + check.stderr
    assert f"docs/fr/index.md:{line}:4: terms:" in check.stdout + check.stderr
    assert 'write "contre-discours"' in check.stdout + check.stderr
    for workers in ("0", "1"):  # the build shows it too, whether a worker or the engine's core looks for it
        build = run_build(root, env={**NO_PDF, "HUB_FINISH_WORKERS": workers})
        assert build.returncode == 0, build.output
        assert f"docs/fr/index.md:{line}:4: terms:" in build.output, workers
