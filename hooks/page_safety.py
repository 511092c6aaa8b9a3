"""Build hook: every page finished and judged on one parse; the whole built site judged before it is published.

Each page, as the theme wrote it, goes through hooks/hub/built_page.py: its
Content Security Policy, safe outbound links, language of cited works,
glossary definitions, checklist labels, French typography and compaction, then
the safety scan of hooks/hub/built_html_scan.py, on the same tree. After every
language and PDF is written, the files not judged yet (stylesheets, diagrams,
pages changed since) are scanned too, and the build stops if anything is
refused. The fingerprints of judged files go to $HUB_SCAN_MANIFEST when set, so
that `make build`'s own scan after the engine (python -m hub scan) reads each
file only once.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import Abort
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger

from hub import built_html_scan, glossary, interface
from hub.built_page import PageContext, finish
from mkdocs_support import finishing
from mkdocs_support.build_state import STATE, current_language, i18n_building, split_src_uri

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = get_plugin_logger("safety")
MANIFEST_VARIABLE = "HUB_SCAN_MANIFEST"
# The engine's notice for a page it did not write: a worker writes those pages.
_held_back = finishing.HeldBack()
_ENGINE_LOG = logging.getLogger("mkdocs.commands.build")


def on_pre_build(config: MkDocsConfig) -> None:
    if not i18n_building(config):
        STATE.extra["judged"] = {}  # site path -> fingerprint of the bytes judged
        STATE.extra["unsafe"] = []
        STATE.extra["site_dir"] = str(Path(config.site_dir).resolve())
        finishing.forget_images()
        _held_back.pages.clear()
        _ENGINE_LOG.addFilter(_held_back)


@event_priority(-50)  # last change to the page, then its scan, on the text about to be written
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    language, slug = split_src_uri(page.file.src_uri)
    written_in = STATE.fallbacks.get((current_language(config), slug), language)
    context = _context(config, written_in, (written_in, slug))
    target = Path(page.file.abs_dest_path)
    finished = finishing.finish_page(output, context, Path(config.site_dir), page.url, target)
    if finished is None:  # a worker finishes and writes the page (waited for by flush): the engine writes nothing
        _held_back.pages.add(page.file.src_uri)
        return ""
    return finished


@event_priority(40)  # before hooks/site_links.py keeps the 404 pages
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content
    built = finish(output_content, _context(config, current_language(config), None))
    if built.findings:
        STATE.extra.setdefault("unsafe", []).extend(f"{template_name}: {finding}" for finding in built.findings)
    return built.html


@event_priority(-150)  # once every language is built (mkdocs-static-i18n builds them at -100)
def _finished_pages(config: MkDocsConfig) -> None:
    if not i18n_building(config):
        finishing.flush()


@event_priority(-300)
def _last_scan(config: MkDocsConfig) -> None:
    # Last of all, once every language and every PDF is written.
    if i18n_building(config):
        return
    site = Path(config.site_dir).resolve()
    try:
        finishing.flush()
        judged: dict[str, str] = STATE.extra.get("judged", {})
        findings: list[str] = list(STATE.extra.get("unsafe", []))
        if not STATE.serving:  # the preview rebuilds only edited pages, judged above
            findings += built_html_scan.scan_site(site, config.site_url or "", skip=judged)
        finishing.settle()  # what a worker still does meanwhile (the search split)
    finally:
        finishing.stop()
        _ENGINE_LOG.removeFilter(_held_back)
    if findings:
        for finding in findings:
            log.error(finding)
        raise Abort(f"The built site failed the safety scan: {len(findings)} problem(s); nothing was published.")
    manifest = os.environ.get(MANIFEST_VARIABLE)
    if manifest:
        every = {
            path.relative_to(site).as_posix(): built_html_scan.digest(path.read_bytes())
            for path in site.rglob("*")
            if path.is_file() and path.suffix.lower() in (".html", ".css", ".svg")
        }
        built_html_scan.write_manifest(Path(manifest), every)
    log.info("Safety scan: no script, frame, event handler, remote resource or unsafe link in the built pages")


def _context(config: MkDocsConfig, language: str, page_key: tuple[str, str] | None) -> PageContext:
    return PageContext(
        language=language,
        site_url=config.site_url or "",
        tooltips=_tooltips(language),
        source_languages=_source_languages(page_key),
        permalink_title=interface.text(language, "permalink_title"),
        dialog_label=interface.text(language, "search_dialog"),
        check_content=page_key is None or STATE.source(*page_key) is None,
    )


def _tooltips(language: str) -> glossary.Tooltips | None:
    if STATE.report is None or not STATE.report.glossary:
        return None
    cache: dict[str, glossary.Tooltips] = STATE.extra.setdefault("tooltips", {})
    if language not in cache:
        cache[language] = glossary.tooltips(STATE.report.glossary, language)
    return cache[language]


def _source_languages(page_key: tuple[str, str] | None) -> dict[str, str]:
    """Address -> language of every work the page cites (its sources, and its facts' sources)."""
    report = STATE.report
    source = STATE.source(*page_key) if page_key else None
    if report is None or source is None:
        return {}
    languages = {entry["url"]: entry["language"] for entry in source.meta.get("sources") or [] if "language" in entry}
    for key, users in report.fact_uses.items():
        if (source.language, source.slug) in users:
            for entry in report.facts.facts[key].sources:
                if "language" in entry:
                    languages.setdefault(entry["url"], entry["language"])
    return languages


on_post_build = CombinedEvent(_finished_pages, _last_scan)
