"""Printable guides: a real PDF for every guide in each language, two handbooks, a safe renderer."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from conftest import ROOT, Build, front_matter, run_build, write_site
from hub import content_check, guide_pdf

pytestmark = pytest.mark.pdf
GUIDE_TYPES = ("information-pack", "lab-method", "recommendations")
FRENCH_WORDS = (" les ", " des ", " pour ", " une ")
ENGLISH_WORDS = (" the ", " and ", " for ", " with ")


def guides() -> list[tuple[str, str, str]]:
    """(language, slug, title) of every guide of the real hub."""
    report = content_check.check_docs(ROOT / "docs")
    found = [
        (language, slug, page.meta["title"])
        for (language, slug), page in sorted(report.pages.items())
        if page.meta["type"] in GUIDE_TYPES
    ]
    assert len(found) == 32  # 16 guides in each language
    return found


def pdf_of(site: Path, language: str, slug: str) -> Path:
    folder = site / ("en/" if language == "en" else "") / slug.removesuffix(".md")
    found = [path for path in folder.glob("*.pdf") if "-card-" not in path.name]
    assert len(found) == 1, folder
    return found[0]


def normalise(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").replace("-\n", "").split())


@pytest.mark.parametrize(("language", "slug", "title"), guides(), ids=lambda value: str(value)[:40])
def test_every_guide_has_a_sound_pdf(hub: Build, language: str, slug: str, title: str) -> None:
    path = pdf_of(hub.site, language, slug)
    reader = PdfReader(path)
    assert len(reader.pages) >= 2
    text = normalise(" ".join(page.extract_text() or "" for page in reader.pages))
    assert normalise(title) in text
    words = FRENCH_WORDS if language == "fr" else ENGLISH_WORDS
    other = ENGLISH_WORDS if language == "fr" else FRENCH_WORDS
    assert sum(text.count(w) for w in words) > 5 * sum(text.count(w) for w in other) + 10
    assert reader.metadata is not None and normalise(title) in normalise(reader.metadata.title or "")
    assert reader.trailer["/Root"]["/Lang"] == language
    assert reader.trailer["/Root"].get("/StructTreeRoot") is not None  # tagged PDF
    assert reader.outline
    assert_fonts_embedded(reader)
    assert_no_file_links(reader)


def assert_fonts_embedded(reader: PdfReader) -> None:
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            assert descriptor is not None
            descriptor = descriptor.get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font.get("/BaseFont")
            assert "Source-Sans-Pro" in str(font.get("/BaseFont"))  # the bundled font, never a fallback


def assert_no_file_links(reader: PdfReader) -> None:
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            uri = str(action.get_object().get("/URI", "")) if action else ""
            assert not uri.startswith("file:"), uri


@pytest.mark.parametrize(("language", "slug", "title"), guides(), ids=lambda value: str(value)[:40])
def test_first_page_is_a_cover_not_a_blank(hub: Build, language: str, slug: str, title: str, tmp_path: Path) -> None:
    path = pdf_of(hub.site, language, slug)
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")], check=True)
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    dark = sum(image.histogram()[:128])
    assert dark > 500, "the first page is (almost) blank"
    first_page = normalise(PdfReader(path).pages[0].extract_text())
    assert ("Mise à jour" if language == "fr" else "Updated") in first_page
    assert "CC BY 4.0" in first_page
    assert "https://" in first_page  # the page's address
    assert normalise(title)[:25] in first_page


@pytest.mark.parametrize(
    ("language", "path"),
    [("fr", "pdf/counterspeech-hub-handbook-fr.pdf"), ("en", "en/pdf/counterspeech-hub-handbook-en.pdf")],
)
def test_handbook_has_every_guide_in_order(hub: Build, language: str, path: str) -> None:
    reader = PdfReader(hub.site / path)
    assert len(reader.pages) > 40
    assert reader.trailer["/Root"]["/Lang"] == language
    contents = normalise(reader.pages[1].extract_text() + reader.pages[2].extract_text())
    titles = [title for lang, _, title in guides() if lang == language]
    for title in titles:
        assert normalise(title)[:30] in contents
    # Page numbers in the table of contents were filled in by the renderer.
    assert re.search(r"\. (\d+)", contents)
    assert_fonts_embedded(reader)
    assert_no_file_links(reader)


def test_guide_pages_link_their_pdf_with_its_size(hub: Build) -> None:
    html = unescape(hub.html("packs/getting-started/"))  # as a reader sees it: &nbsp; is a no-break space
    match = re.search(
        r'href="([^"]+\.pdf)" download[^>]*>Télécharger le PDF</a>\s*'
        r'<span class="hub-pdf__size"[^>]*>PDF, (\d+)\u00a0Ko</span>',
        html,
    )
    assert match, "no PDF link with its size"
    size = (hub.site / "packs/getting-started" / match.group(1)).stat().st_size
    assert abs(size / 1024 - int(match.group(2))) <= 1
    assert "Download the PDF" in hub.html("en/packs/getting-started/")
    for page, language, unit in (
        ("", "fr", "Mo"),
        ("packs/", "fr", "Mo"),
        ("en/", "en", "MB"),
        ("en/lab/", "en", "MB"),
    ):
        handbook = re.search(
            rf'counterspeech-hub-handbook-{language}.pdf" download[^>]*>[^<]+</a>\s*'
            rf'<span class="hub-pdf__size"[^>]*>PDF, ([\d,.]+)\s?{unit}</span>',
            unescape(hub.html(page)),
        )
        assert handbook, f"no handbook link with its size on {page or 'the home page'}"


def job(tmp_path: Path, body: str) -> guide_pdf.RenderJob:
    site = tmp_path / "site"
    (site / "page").mkdir(parents=True)
    html = f'<!doctype html><html lang="fr"><head><title>Essai</title></head><body><h1>Essai</h1>{body}</body></html>'
    return guide_pdf.RenderJob("docs/fr/page.md", html, site / "page" / "index.html", site / "page" / "p.pdf", site)


@pytest.mark.parametrize(
    "source", ["file:///etc/hostname", "../../../../../../../etc/hostname", "https://example.org/pixel.png"]
)
def test_renderer_refuses_anything_outside_the_site(tmp_path: Path, source: str) -> None:
    result = guide_pdf.render_one(job(tmp_path, f'<img src="{source}" alt="x">'))
    assert result.refused, source
    assert not result.job.target.exists()


def test_build_refuses_a_page_whose_pdf_reaches_outside(tmp_path: Path) -> None:
    pages = {
        "fr/index.md": front_matter("Accueil", "home"),
        "en/index.md": front_matter("Home", "home"),
        "fr/guide.md": front_matter("Guide", "section", pdf="true") + "![x](../../../../../../../../etc/hostname)\n",
        "en/guide.md": front_matter("Guide", "section", pdf="true") + "Text.\n",
    }
    extra = "\nvalidation:\n  unrecognized_links: info\n  omitted_files: info\n"
    write_site(tmp_path, pages, config_extra=extra)
    build = run_build(tmp_path)
    assert build.returncode != 0
    assert "docs/fr/guide.md: the PDF tried to load file:///etc/hostname" in build.output
    assert "Traceback" not in build.output


def test_second_build_without_change_renders_no_pdf(tmp_path: Path) -> None:
    pages = {
        "fr/index.md": front_matter("Accueil", "home"),
        "en/index.md": front_matter("Home", "home"),
        "fr/guide.md": front_matter("Guide", "section", pdf="true") + "## Partie\n\nTexte.\n",
        "en/guide.md": front_matter("Guide", "section", pdf="true") + "## Part\n\nText.\n",
    }
    write_site(tmp_path, pages)
    first = run_build(tmp_path)
    assert first.returncode == 0, first.output
    assert "PDFs: 2 ready, 2 rendered, 0 reused" in first.output
    shutil.rmtree(tmp_path / "site")
    second = run_build(tmp_path)
    assert "PDFs: 2 ready, 0 rendered, 2 reused" in second.output
    assert (tmp_path / "site" / "guide" / "guide-fr.pdf").is_file()
    (tmp_path / "docs" / "fr" / "guide.md").write_text(
        front_matter("Guide", "section", pdf="true") + "## Partie\n\nTexte changé.\n", encoding="utf-8"
    )
    third = run_build(tmp_path)
    assert "PDFs: 2 ready, 1 rendered, 1 reused" in third.output  # only the changed French guide


def worksheets() -> list[tuple[str, str]]:
    report = content_check.check_docs(ROOT / "docs", render=False)
    return sorted(
        (language, slug) for (language, slug), page in report.pages.items() if page.meta["type"] == "worksheet"
    )


def packs() -> list[tuple[str, str]]:
    report = content_check.check_docs(ROOT / "docs", render=False)
    return sorted(
        (language, slug) for (language, slug), page in report.pages.items() if page.meta["type"] == "information-pack"
    )


def test_at_least_six_worksheets_per_language() -> None:
    for language in ("fr", "en"):
        assert len([slug for lang, slug in worksheets() if lang == language]) >= 6


@pytest.mark.parametrize(("language", "slug"), worksheets())
def test_every_worksheet_prints_on_one_or_two_a4_pages(hub: Build, language: str, slug: str) -> None:
    reader = PdfReader(pdf_of(hub.site, language, slug))
    assert 1 <= len(reader.pages) <= 2
    width, height = (float(value) for value in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    assert reader.trailer["/Root"]["/Lang"] == language
    assert_fonts_embedded(reader)


@pytest.mark.parametrize(("language", "slug"), packs())
def test_every_pack_has_a_one_page_summary_card(hub: Build, language: str, slug: str) -> None:
    folder = hub.site / ("en/" if language == "en" else "") / slug.removesuffix(".md")
    cards = list(folder.glob("*-card-*.pdf"))
    assert len(cards) == 1, folder
    reader = PdfReader(cards[0])
    assert len(reader.pages) == 1
    assert [round(float(value)) for value in reader.pages[0].mediabox[2:]] == [595, 842]
    text = normalise(reader.pages[0].extract_text() or "")
    page = content_check.check_docs(ROOT / "docs", render=False).page(language, slug)
    assert page is not None
    for point in page.meta["key_points"]:
        assert normalise(point)[:30] in text
    html = unescape(hub.html(("en/" if language == "en" else "") + slug.removesuffix(".md") + "/"))
    assert cards[0].name in html and ("summary card" in html or "fiche résumé" in html)


@pytest.mark.parametrize(
    ("language", "path"),
    [("fr", "pdf/counterspeech-hub-handbook-fr.pdf"), ("en", "en/pdf/counterspeech-hub-handbook-en.pdf")],
)
def test_handbook_carries_the_worksheets_as_annexes_and_the_targeted_guide(
    hub: Build, language: str, path: str
) -> None:
    text = normalise(" ".join(page.extract_text() or "" for page in PdfReader(hub.site / path).pages))
    assert ("Annexes : fiches à imprimer" if language == "fr" else "Annexes: printable worksheets") in text
    report = content_check.check_docs(ROOT / "docs", render=False)
    for lang, slug in worksheets():
        if lang == language:
            page = report.page(lang, slug)
            assert page is not None and normalise(page.meta["title"]) in text
    targeted = report.page(language, "packs/if-you-are-targeted.md")
    assert targeted is not None and normalise(targeted.meta["title"]) in text
