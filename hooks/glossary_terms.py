"""Build hook: the glossary page's table and the definitions on hover or focus.

The glossary page's `<!-- glossary -->` line becomes the table of every term in
both languages, and every page gets its own language's glossary words wrapped
in <abbr> with their definition, reachable by mouse and keyboard
(hooks/glossary.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hub import glossary, interface
from mkdocs_support.build_state import STATE, current_language, split_src_uri

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page


def _written_in(page: Page, config: MkDocsConfig) -> str:
    language = current_language(config)
    return STATE.fallbacks.get((language, split_src_uri(page.file.src_uri)[1]), language)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if STATE.report is None or page.meta.get("type") != "glossary" or glossary.MARKER not in markdown:
        return markdown
    language = _written_in(page, config)
    other = "en" if language == "fr" else "fr"
    headers = (
        interface.text(language, f"glossary_term_{language}"),
        interface.text(language, f"glossary_term_{other}"),
        interface.text(language, "glossary_definition"),
    )
    return markdown.replace(glossary.MARKER, glossary.table(STATE.report.glossary, language, headers), 1)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if STATE.report is None or not STATE.report.glossary:
        return html
    language = _written_in(page, config)
    cache: dict[str, glossary.Tooltips] = STATE.extra.setdefault("tooltips", {})
    if language not in cache:
        cache[language] = glossary.tooltips(STATE.report.glossary, language)
    return cache[language].apply(html)
