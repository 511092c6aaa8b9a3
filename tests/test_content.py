"""The hub's pages: every guide and reference page in both languages, sourced, dated, well typeset."""

from __future__ import annotations

import posixpath
import re
import xml.dom.minidom
from urllib.parse import urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import ROOT, Build
from hub import content_check, glossary
from hub.french_text import french

DOCS = ROOT / "docs"
REPORT = content_check.check_docs(DOCS)
FORMS_OF_HATE = (
    "anti-black-racism",
    "anti-muslim-hatred",
    "anti-roma-racism",
    "anti-asian-racism",
    "antisemitism",
    "misogyny",
    "anti-lgbt-hate",
    "ableism",
    "anti-migrant-hate",
)
GUIDES = {
    "information-pack": [
        "packs/getting-started.md",
        "packs/responding-to-hate-in-comments.md",
        "packs/planning-a-campaign.md",
        "packs/building-a-coalition.md",
        "packs/report-or-respond.md",
        "packs/if-you-are-targeted.md",
        "packs/collective-counterspeech.md",
        "packs/safety-and-wellbeing.md",
    ],
    "lab-method": [
        "lab/the-lab-model.md",
        "lab/running-a-lab.md",
        "lab/measuring-results.md",
        "lab/youth-and-education.md",
    ],
    "recommendations": [
        "recommendations/bettertogether-2016.md",
        "recommendations/un-digital-diplomacy-2018.md",
        "recommendations/organising-workshops-and-summits.md",
        "recommendations/who-does-what.md",
    ],
}
REFERENCE = {
    "resource": [
        "understand/what-is-counterspeech.md",
        "understand/evidence.md",
        "understand/law-france-eu.md",
        "understand/international-frameworks.md",
        "understand/platforms-2026.md",
        *(f"understand/forms-of-hate/{form}.md" for form in FORMS_OF_HATE),
        "resources/library.md",
        "resources/french-actors.md",
        "resources/timeline.md",
    ],
    "case-study": [
        f"cases/{name}.md"
        for name in (
            "nolikesforracism",
            "facebook-france-programmes-2016",
            "jagarhar-iamhere",
            "reconquista-internet",
            "get-the-trolls-out",
            "no-hate-speech-movement",
            "stop-djihadisme-2015",
            "counter-conversations",
            "online-civil-courage-initiative",
            "stopfisha-2020",
            "stop-hate-speech-switzerland",
            "glitch-online-active-bystanders",
        )
    ],
    "glossary": ["resources/glossary.md"],
}
SECTIONS = [
    "packs/index.md",
    "lab/index.md",
    "recommendations/index.md",
    "understand/index.md",
    "cases/index.md",
    "resources/index.md",
    "replies/index.md",
    "understand/forms-of-hate/index.md",
    "resources/worksheets/index.md",
]
# The guide for people who are targeted is the complete reference, legal route included.
LONG_GUIDES = {"packs/if-you-are-targeted.md": 4000}
ALL = [(page_type, slug) for kinds in (GUIDES, REFERENCE) for page_type, slugs in kinds.items() for slug in slugs]
SOURCED = [(t, s) for t, s in ALL if t != "glossary"]


def words(body: str) -> int:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", body.split("\n## Sources")[0])
    return len(re.findall(r"[\w’'-]+", text))


def test_content_check_passes_on_every_page() -> None:
    assert [str(problem) for problem in REPORT.problems] == []


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(("page_type", "slug"), ALL + [("section", slug) for slug in SECTIONS])
def test_page_exists_in_both_languages_with_its_type(language: str, page_type: str, slug: str) -> None:
    page = REPORT.page(language, slug)
    assert page is not None, f"docs/{language}/{slug}"
    assert page.meta["type"] == page_type


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(("page_type", "slug"), [(t, s) for t, slugs in GUIDES.items() for s in slugs])
def test_guide_is_a_full_guide(language: str, page_type: str, slug: str) -> None:
    page = REPORT.page(language, slug)
    assert page is not None
    assert 800 <= words(page.body) <= LONG_GUIDES.get(slug, 2000), words(page.body)
    if slug != "packs/safety-and-wellbeing.md":
        assert "safety-and-wellbeing.md" in page.body, "every guide links the safety pack"
    if page_type == "information-pack":
        sources_at = page.body.index("\n## Sources")
        assert "- [ ]" in page.body[:sources_at], "a checklist before the sources"


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(("page_type", "slug"), SOURCED)
def test_factual_page_ends_with_its_sources(language: str, page_type: str, slug: str) -> None:
    page = REPORT.page(language, slug)
    assert page is not None
    assert page.meta["sources"], "sources: in the front matter"
    tail = page.body.split("\n## Sources", 1)
    assert len(tail) == 2, "a '## Sources' section"
    assert "\n## " not in tail[1], "Sources is the last section"
    assert len(re.findall(r"\]\(https://", tail[1])) >= 1
    for source in page.meta["sources"]:
        assert source["year"] <= 2026


@pytest.mark.parametrize("language", ["fr", "en"])
def test_case_studies_date_and_source_every_figure(language: str) -> None:
    for slug in REFERENCE["case-study"]:
        page = REPORT.page(language, slug)
        assert page is not None
        for figure in page.meta.get("figures") or []:
            assert figure["source_url"].startswith("https://") and figure["as_of"]
        assert page.meta["organisations"] and page.meta["year"] and page.meta["country"]


def test_a_page_and_its_translation_carry_the_same_sources_and_tags() -> None:
    # A translated copy cites what its original cites; twins written natively in each
    # language share their tags but may cite local sources (a French or a UK help line).
    for (language, slug), page in REPORT.pages.items():
        if language != "fr":
            continue
        twin = REPORT.page("en", slug)
        assert twin is not None
        assert sorted(page.meta.get("tags") or []) == sorted(twin.meta.get("tags") or [])
        if twin.meta.get("translation") or page.meta.get("translation"):
            assert {s["url"] for s in page.meta.get("sources") or []} == {
                s["url"] for s in twin.meta.get("sources") or []
            }, slug


@pytest.mark.parametrize(("language", "marker"), [("fr", "pas un avis juridique"), ("en", "not legal advice")])
def test_legal_pages_say_when_they_were_checked_and_that_they_are_not_advice(language: str, marker: str) -> None:
    for slug in ("understand/law-france-eu.md", "understand/international-frameworks.md", "packs/report-or-respond.md"):
        page = REPORT.page(language, slug)
        assert page is not None
        text = page.body.lower()
        assert marker in text.replace("\u00a0", " ") or "conseil juridique" in text, slug
        assert "2026" in page.body and (
            "25 novembre 2026" in page.body or "25 November 2026" in page.body or "2026-11-25" in page.body
        ), slug


def test_glossary_has_at_least_35_terms_in_both_languages() -> None:
    entries, problems = glossary.load(DOCS)
    assert problems == []
    assert len(entries) >= 35
    for entry in entries:
        assert set(entry.languages) == {"fr", "en"}


@pytest.mark.parametrize("name", ["packs/report-or-respond.svg", "packs/campaign-cycle.svg", "lab/lab-agenda.svg"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_diagrams_are_safe_accessible_svg_in_each_language(language: str, name: str) -> None:
    path = DOCS / language / name
    document = xml.dom.minidom.parse(str(path))
    svg = document.documentElement
    assert svg.getAttribute("role") == "img"
    assert document.getElementsByTagName("title") and document.getElementsByTagName("desc")
    text = path.read_text(encoding="utf-8")
    assert "<script" not in text and "foreignObject" not in text and "href" not in text
    page = REPORT.page(
        language,
        name.rsplit("/", 1)[0]
        + "/"
        + {
            "report-or-respond.svg": "report-or-respond.md",
            "campaign-cycle.svg": "planning-a-campaign.md",
            "lab-agenda.svg": "running-a-lab.md",
        }[name.rsplit("/", 1)[1]],
    )
    assert page is not None and f"]({name.rsplit('/', 1)[1]})" in page.body
    other = "en" if language == "fr" else "fr"
    assert text != (DOCS / other / name).read_text(encoding="utf-8"), "labels written in each language"


VERBATIM = {"code", "pre", "script", "style", "kbd", "samp", "textarea"}


def text_nodes(html: str, page_language: str) -> list[tuple[str, str]]:
    """Every text a reader sees in a built page (title, navigation, tables of contents, cover, body),
    with the language it is marked in (the nearest `lang`), code left out."""
    tree = LexborHTMLParser(html)
    found = []
    for node in tree.root.traverse(include_text=True):  # type: ignore[union-attr]
        if not node.is_text_node:
            continue
        language, parent = page_language, node.parent
        while parent is not None and parent.is_element_node:
            if parent.tag in VERBATIM:
                language = ""
                break
            if parent.attributes.get("lang"):
                language = (parent.attributes.get("lang") or "").split("-")[0]
                break
            parent = parent.parent
        if language:
            found.append((language, node.text_content or ""))
    return found


def test_french_typography_in_every_french_text_of_every_page(hub: Build) -> None:
    errors, english_touched, french_texts = [], [], 0
    for page in sorted(hub.site.rglob("*.html")):
        relative = page.relative_to(hub.site)
        if relative.parts[0] == "assets":
            continue
        page_language = "en" if relative.parts[0] == "en" else "fr"
        for language, text in text_nodes(page.read_text(encoding="utf-8"), page_language):
            if language == "fr":
                french_texts += 1
                for match in re.finditer(r" [;:!?»]|« ", text):
                    errors.append(f"{relative}: …{text[max(0, match.start() - 20) : match.end() + 5]}…")
            elif language == "en" and re.search("[\u202f\u00a0][;:!?]", text):
                english_touched.append(f"{relative}: {text[:60]}")
    assert french_texts > 5000
    assert errors == []
    assert english_touched == [], "English parts keep English punctuation"


def test_foreign_titles_are_marked_in_both_languages(hub: Build) -> None:
    for page, foreign in (("understand/evidence/", "en"), ("en/understand/law-france-eu/", "fr")):
        tree = LexborHTMLParser(hub.html(page))
        marked = [node for node in tree.css(f"div.hub-text [lang='{foreign}']")]
        assert len(marked) >= 5, page
    # A French page citing an English source marks the title with lang="en", and vice versa.
    sources = LexborHTMLParser(hub.html("packs/responding-to-hate-in-comments/"))
    assert sources.css_first('div.hub-text a[href="https://doi.org/10.1073/pnas.2116310118"][lang="en"]') is not None


def test_french_typography_rules() -> None:
    assert (
        french("Attention : oui ? non ! et ; « mot »")
        == "Attention\u00a0: oui\u202f? non\u202f! et\u202f; «\u00a0mot\u00a0»"
    )
    assert french("https://exemple.org/?q=1 et 14:00") == "https://exemple.org/?q=1 et 14:00"
    assert french(french("Titre : suite")) == french("Titre : suite")


@pytest.mark.parametrize(
    ("path", "term", "words"),
    [
        ("packs/report-or-respond/", "PHAROS", "signaler"),
        ("en/packs/report-or-respond/", "PHAROS", "report"),
        ("en/understand/law-france-eu/", "DSA", "regulation"),
    ],
)
def test_glossary_terms_carry_their_definition_on_guide_pages(hub: Build, path: str, term: str, words: str) -> None:
    html = hub.html(path)
    match = re.search(rf'<abbr tabindex="0" title="([^"]+)">{term}</abbr>', html)
    assert match, f"{term} has no definition on {path}"
    assert words in match.group(1).lower()


def test_glossary_page_lists_terms_side_by_side(hub: Build) -> None:
    french_page, english_page = hub.html("resources/glossary/"), hub.html("en/resources/glossary/")
    assert "<th>Français</th><th>Anglais</th><th>Définition</th>" in french_page.replace("\n", "")
    assert "<th>English</th><th>French</th><th>Definition</th>" in english_page.replace("\n", "")
    assert french_page.count("<tr>") >= 36


def test_timeline_runs_from_2008_and_links_to_the_pages() -> None:
    for language in ("fr", "en"):
        page = REPORT.page(language, "resources/timeline.md")
        assert page is not None
        assert "2008" in page.body and "2025" in page.body
        assert len(re.findall(r"\]\(\.\./[a-z]+/[a-z0-9-]+\.md\)", page.body)) >= 15


REPLIES = sorted(
    slug for (language, slug), page in REPORT.pages.items() if language == "fr" and page.meta["type"] == "reply"
)


def test_at_least_fifteen_reply_scenarios_each_with_its_twin() -> None:
    assert len(REPLIES) >= 15
    for slug in REPLIES:
        twin = REPORT.page("en", slug)
        assert twin is not None and twin.meta["type"] == "reply", slug
        assert sorted(twin.meta["hate_forms"]) == sorted(REPORT.page("fr", slug).meta["hate_forms"])  # type: ignore[union-attr]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("slug", REPLIES)
def test_every_scenario_has_two_model_replies_and_a_safety_note(language: str, slug: str) -> None:
    page = REPORT.page(language, slug)
    assert page is not None
    assert len(re.findall(r"^!!! reply ", page.body, flags=re.MULTILINE)) >= 2
    safety = "Votre sécurité" if language == "fr" else "Your safety"
    assert re.search(rf'^!!! warning "{safety}"', page.body, flags=re.MULTILINE), "the safety note"
    if language == "fr":  # every French reply comes with « tu » and « vous »
        assert page.body.count("« tu »") >= 2 and page.body.count("« vous »") >= 2


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_reply_index_lists_every_scenario(language: str) -> None:
    index = REPORT.page(language, "replies/index.md")
    assert index is not None
    for slug in REPLIES:
        assert f"]({slug.removeprefix('replies/')})" in index.body or f"]({slug.rsplit('/', 1)[1]})" in index.body, slug


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_home_page_leads_to_the_replies_and_the_targeted_guide_in_two_clicks(hub: Build, language: str) -> None:
    home = hub.html("en/" if language == "en" else "")
    assert 'href="replies/"' in home
    packs = hub.html(("en/" if language == "en" else "") + "packs/")
    assert 'href="packs/if-you-are-targeted/"' in home or 'href="if-you-are-targeted/"' in packs


def page_links(hub: Build, language: str, slug: str) -> set[str]:
    """The hub pages a built page's text links to, as language-free slugs ('packs/x/')."""
    root = "en/" if language == "en" else ""
    address = root + slug.removesuffix(".md").removesuffix("index") + ("/" if not slug.endswith("index.md") else "")
    tree = LexborHTMLParser(hub.html(address))
    article = tree.css_first("article")
    assert article is not None, address
    found = set()
    for link in article.css("a[href]"):
        href = str(link.attributes.get("href") or "")
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path or parts.path.endswith((".pdf", ".zip", ".xml")):
            continue
        target = posixpath.normpath(posixpath.join("/" + address, parts.path)).lstrip("/") + "/"
        target = target.removeprefix("en/") if language == "en" else target
        if not target.startswith(("en/", "status/", "topics/", "audiences/", "whats-new/")):
            found.add(target)
    return found


def test_a_translation_links_where_its_original_links(hub: Build) -> None:
    # A translated copy leads the reader to the same pages as its original (a merge once
    # dropped the English half of new cross-links without anything noticing).
    differences = {}
    for (language, slug), page in REPORT.pages.items():
        translation = page.meta.get("translation")
        if language != "en" or not translation:
            continue
        original, copy = page_links(hub, "fr", slug), page_links(hub, "en", slug)
        if original != copy:
            differences[slug] = {"original only": sorted(original - copy), "translation only": sorted(copy - original)}
    assert len([1 for (language, _), page in REPORT.pages.items() if page.meta.get("translation")]) >= 30
    assert differences == {}
