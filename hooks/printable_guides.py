"""Build hook: a PDF of every guide in each language, a handbook per language, download links.

Guides (information packs, lab methods, recommendations, and any page whose
front matter says `pdf: true`) get a PDF next to their page and a download
button with its size; each language gets a handbook of every guide in
navigation order. Rendering is hooks/guide_pdf.py; the handbook's document is
hooks/handbook.py. `mkdocs serve` skips PDFs unless HUB_PDF=1 (`make serve PDF=1`);
HUB_PDF=0 skips them in a build too (the benchmark measures them separately).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from hub import guide_pdf, handbook, interface, offline_copy, pack_card
from hub.guides import pdf_wanted
from hub.languages import language_root, relative_url
from hub.pdf_links import fill_in_sizes
from mkdocs_support import finishing
from mkdocs_support.build_state import STATE, current_language, i18n_building, split_src_uri

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

log = get_plugin_logger("pdf")
HANDBOOK_DIR = "pdf"


def handbook_file(language: str) -> str:
    """Site path of a language's handbook, e.g. 'en/pdf/counterspeech-hub-handbook-en.pdf'."""
    return f"{language_root(language)}{HANDBOOK_DIR}/counterspeech-hub-handbook-{language}.pdf"


def _enabled() -> bool:
    """PDFs are made by builds and skipped by the preview; HUB_PDF=1 or HUB_PDF=0 says otherwise."""
    wanted = os.environ.get("HUB_PDF", "")
    return wanted not in ("", "0") if STATE.serving else wanted != "0"


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    language = current_language(config)
    sections: list[tuple[str, list[Page]]] = []
    for item in nav.items:
        if isinstance(item, Section):
            guides = [child for child in item.children if isinstance(child, Page) and not child.is_index]
            sections.append((item.title or "", guides))
    # The printable worksheets, wherever they sit in the navigation, are the handbook's annexes.
    # Pages are not read yet (page.meta is empty): their type comes from the content check.
    worksheets = [page for page in _pages(nav.items) if _type_of(page) == "worksheet"]
    if worksheets:
        sections.append((interface.text(language, "handbook_annexes"), worksheets))
    STATE.extra.setdefault("pdf_sections", {})[language] = sections
    STATE.extra.setdefault("site_names", {})[language] = config.site_name
    if not i18n_building(config):
        STATE.extra["pdf_pages"] = []
        STATE.extra["card_pages"] = []
        STATE.extra["pages_with_pdf_links"] = set()
    return nav


def _type_of(page: Page) -> str:
    source = STATE.source(*split_src_uri(page.file.src_uri))
    return str(source.meta.get("type", "")) if source is not None else ""


def _pages(items: list[Any]) -> list[Page]:
    """Every page of a navigation tree, in order."""
    found: list[Page] = []
    for item in items:
        if isinstance(item, Page):
            found.append(item)
        elif isinstance(item, Section):
            found += _pages(item.children)
    return found


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    if not _enabled():
        return context
    language = current_language(config)
    pdfs = []
    if pdf_wanted(page.meta):
        slug = split_src_uri(page.file.src_uri)[1].removesuffix(".md").replace("/", "-")
        name = f"{slug.removesuffix('-index')}-{language}.pdf"
        site_path = page.url + name
        pdfs.append({"href": name, "file": site_path, "label": interface.text(language, "download_pdf")})
        STATE.extra["pdf_pages"].append((language, page, site_path))
        if page.meta.get("type") == "information-pack":  # a one-page card beside the pack's PDF
            card = f"{slug}-card-{language}.pdf"
            pdfs.append({"href": card, "file": page.url + card, "label": interface.text(language, "download_card")})
            STATE.extra["card_pages"].append((language, page, page.url + card))
    if page.meta.get("type") in ("home", "section") and page.url.removeprefix(language_root(language)) in (
        "",
        "packs/",
        "lab/",
        "recommendations/",
    ):
        target = handbook_file(language)
        pdfs.append(
            {
                "href": relative_url(target, page.url),
                "file": target,
                "label": interface.text(language, "download_handbook"),
            }
        )
    if page.meta.get("type") in ("home", "about"):  # the offline copy of the page's language
        target = offline_copy.zip_name(language)
        pdfs.append(
            {
                "href": relative_url(target, page.url),
                "file": target,
                "label": interface.text(language, "download_offline"),
            }
        )
    if pdfs:
        STATE.extra.setdefault("pages_with_pdf_links", set()).add(page.url)
    context["hub_pdfs"] = pdfs
    return context


@event_priority(-250)
def on_post_build(config: MkDocsConfig) -> None:
    # After the search split (-200): runs once, when every language is built.
    if i18n_building(config) or not _enabled():
        return
    finishing.flush()  # the pages as published, not their drafts
    site = Path(config.site_dir).resolve()
    guide_pdf.copy_fonts(site)
    jobs = [
        guide_job(site, config.site_url or "", language, page, file)
        for language, page, file in STATE.extra["pdf_pages"]
    ]
    jobs += [card_job(site, config, language, page, file) for language, page, file in STATE.extra["card_pages"]]
    for language, sections in STATE.extra.get("pdf_sections", {}).items():
        if any(pdf_wanted(page.meta) for _, pages in sections for page in pages):
            jobs.append(handbook_job(site, config, language, sections))
    cache = Path(config.config_file_path).parent / ".cache" / "pdf"
    problems, rendered, started = [], 0, time.monotonic()
    for result in guide_pdf.render_all(jobs, cache):
        shown = result.job.target.relative_to(site).as_posix()
        if result.refused:
            problems.append(
                f"{result.job.name}: the PDF tried to load {', '.join(result.refused[:3])} "
                "(a PDF may only use the site's own files)"
            )
        elif result.error:
            problems.append(f"{result.job.name}: the PDF could not be made: {result.error}")
        elif result.cached:
            log.info(f"{shown}: unchanged, reused")
        else:
            rendered += 1
            log.info(f"{shown}: rendered in {result.seconds:.2f} s")
    if problems:
        for problem in problems:
            log.error(problem)
        raise Abort(f"PDFs failed for {len(problems)} page{'s' if len(problems) > 1 else ''}.")
    log.info(
        f"PDFs: {len(jobs)} ready, {rendered} rendered, {len(jobs) - rendered} reused from the cache, "
        f"in {time.monotonic() - started:.2f} s"
    )
    fill_in_sizes(site, STATE.extra.get("pages_with_pdf_links", set()))


def guide_job(site: Path, site_url: str, language: str, page: Page, file: str) -> guide_pdf.RenderJob:
    built = site / page.url / "index.html"
    html = guide_pdf.public_links(built.read_text(encoding="utf-8"), page.url, site_url)
    name = f"docs/{split_src_uri(page.file.src_uri)[0]}/{split_src_uri(page.file.src_uri)[1]}"
    return guide_pdf.RenderJob(name, html, built, site / file, site)


def handbook_job(
    site: Path, config: MkDocsConfig, language: str, sections: list[tuple[str, list[Page]]]
) -> guide_pdf.RenderJob:
    guides = []
    for title, pages in sections:
        chosen = [
            handbook.Guide(
                _plain_title(page),
                page.url,
                page.meta.get("updated"),
                (site / page.url / "index.html").read_text(encoding="utf-8"),
            )
            for page in pages
            if pdf_wanted(page.meta)
        ]
        if chosen:
            guides.append((title, chosen))
    home = site / language_root(language) / "index.html"
    site_name = STATE.extra["site_names"][language]
    html = handbook.document(language, guides, home.read_text(encoding="utf-8"), site_name, config.site_url or "")
    target = site / handbook_file(language)
    return guide_pdf.RenderJob(f"handbook ({language})", html, site / "index.html", target, site)


def card_job(site: Path, config: MkDocsConfig, language: str, page: Page, file: str) -> guide_pdf.RenderJob:
    """A pack's summary card: its key points and checklist on one A4 side."""
    language_of_page, slug = split_src_uri(page.file.src_uri)
    source = STATE.source(language, slug)
    meta = source.meta if source is not None else {}
    built = (site / page.url / "index.html").read_text(encoding="utf-8")
    home = (site / language_root(language) / "index.html").read_text(encoding="utf-8")
    html = pack_card.document(
        language,
        str(meta.get("title", "")),
        str(meta.get("description", "")),
        [str(point) for point in meta.get("key_points") or []],
        pack_card.checklist(built),
        (config.site_url or "") + page.url,
        meta.get("updated"),
        handbook.stylesheets(home, language_root(language)),
    )
    name = f"summary card of docs/{language_of_page}/{slug}"
    return guide_pdf.RenderJob(name, html, site / "index.html", site / file, site, max_pages=1)


def _plain_title(page: Page) -> str:
    """A page's title as its front matter says it (page.title is escaped for the theme's templates)."""
    source = STATE.source(*split_src_uri(page.file.src_uri))
    return str(source.meta.get("title")) if source is not None else str(page.title or "")
