"""Build hook: the glossary page's table of every term, in both languages.

The glossary page's `<!-- glossary -->` line becomes the table of terms
(hooks/hub/glossary.py). The definitions shown on hover or keyboard focus are
added to every page by hooks/page_safety.py, on the page's one parse.
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
