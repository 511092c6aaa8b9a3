"""Build hook: untranslated and outdated pages are never silent; a status page per language.

- A page (or image) that exists in one language only is also published in the
  other language's tree, with a notice in the reader's language and the
  original's `lang` on the text; it stays out of that language's search.
- A translated copy whose original has changed shows a banner linking to it.
- status.md is generated in each language at build time, never committed.
The decisions themselves live in hooks/translations.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from hub import interface, status_page, translations
from hub.languages import LANGUAGES, language_root
from mkdocs_support.build_state import STATE, current_language, i18n_building, split_src_uri

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = get_plugin_logger("translations")
STATUS_SLUG = "status.md"


def _add_virtual_files(files: Files, config: MkDocsConfig) -> Files:
    # Default priority: after content_gate (listed before it in mkdocs.yml), before i18n.
    if STATE.report is None:
        return files
    if not i18n_building(config):
        STATE.fallbacks.clear()
        STATE.extra["fallback_urls"] = set()
    generated = STATE.extra["generated"] = {}
    by_language: dict[str, dict[str, File]] = {language: {} for language in LANGUAGES}
    for file in files:
        language, rest = split_src_uri(file.src_uri)
        if language in by_language and not file.inclusion.is_excluded():
            by_language[language][rest] = file
    for language in LANGUAGES:
        other = "en" if language == "fr" else "fr"
        for rest, file in by_language[language].items():
            if rest in by_language[other]:
                continue
            files.append(_virtual(config, f"{other}/{rest}", file.inclusion))
            generated[f"{other}/{rest}"] = file.abs_src_path
            if file.is_documentation_page():
                STATE.fallbacks[(other, rest)] = language
    return files


@event_priority(-150)
def _restore_virtual_files(files: Files, config: MkDocsConfig) -> Files:
    """i18n re-creates every file from its path on disk: give the virtual ones their text back."""
    generated: dict[str, str] = STATE.extra.get("generated", {})
    for file in files:
        origin = generated.get(file.src_uri)
        if origin is not None:
            file.abs_src_path = origin
    return files


on_files = CombinedEvent(_add_virtual_files, _restore_virtual_files)


def _virtual(config: MkDocsConfig, src_uri: str, inclusion: InclusionLevel) -> File:
    """A file that is not on disk; i18n only needs a path inside docs_dir to place it."""
    file = File.generated(config, src_uri, content="", inclusion=inclusion)
    file.abs_src_path = str(Path(config.docs_dir) / src_uri)
    return file


def on_pre_build(config: MkDocsConfig) -> None:
    # Both language passes need the status pages; write them once per build.
    if STATE.report is not None and not i18n_building(config):
        pages = STATE.extra.setdefault("generated_pages", {})
        for language in LANGUAGES:
            pages[f"{language}/{STATUS_SLUG}"] = status_page.page(STATE.report, language)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    language, slug = split_src_uri(page.file.src_uri)
    language = current_language(config)
    fallback_of = STATE.fallbacks.get((language, slug))
    status_url = language_root(language) + "status/"
    untranslated = [lang for lang in LANGUAGES if (lang, slug) in STATE.fallbacks]
    context["hub_untranslated_in"] = untranslated
    if slug == STATUS_SLUG:
        page.edit_url = None  # generated at build time: there is no file to edit
        return context
    if fallback_of:
        if page.edit_url and page.edit_url.endswith(page.file.src_uri):
            page.edit_url = page.edit_url[: -len(page.file.src_uri)] + f"{fallback_of}/{slug}"
        STATE.extra["fallback_urls"].add(page.url)
        context["hub_translation"] = {
            "kind": "note",
            "notice": interface.text(language, "not_translated"),
            "notice_lang": language,
            "content_lang": fallback_of,
            "link_href": get_relative_url(status_url, page.url),
            "link_text": interface.text(language, "not_translated_link"),
        }
        return context
    report = STATE.report
    if report is None:
        return context
    status = translations.status_of(report, slug)
    if status.states.get(language) == translations.OUTDATED:
        original = status.original
        context["hub_translation"] = {
            "kind": "warning",
            "notice": interface.text(language, "outdated"),
            "notice_lang": language,
            "link_href": get_relative_url(
                language_root(original) + page.url.removeprefix(language_root(language)), page.url
            ),
            "link_text": interface.text(language, "outdated_link"),
        }
    return context


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    if i18n_building(config) or STATE.report is None:
        return
    all_statuses = translations.statuses(STATE.report)
    outdated = [f"{lang}/{s.slug}" for s in all_statuses for lang in s.outdated]
    missing = [f"{lang}/{s.slug}" for s in all_statuses for lang in s.missing]
    up_to_date = sum(1 for s in all_statuses for state in s.states.values() if state == translations.UP_TO_DATE)
    line = f"Translations: {up_to_date} up to date, {len(outdated)} outdated, {len(missing)} missing"
    details = "; ".join(
        part
        for part in (
            f"outdated: {', '.join(outdated)}" if outdated else "",
            f"missing: {', '.join(missing)}" if missing else "",
        )
        if part
    )
    log.info(line + (f" ({details})" if details else ""))
