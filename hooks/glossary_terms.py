"""Build hook: the glossary page's table and the definitions on hover or focus.

Every page gets the definitions of its own language's glossary words as
Markdown abbreviations, so `DSA` or `contre-récit` shows its definition
wherever it appears; the glossary page's `<!-- glossary -->` line becomes the
table of every term in both languages (hooks/glossary.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import glossary
import interface
from build_state import STATE, current_language, split_src_uri

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_ABBR = re.compile(r"<abbr title=")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if STATE.report is None or not STATE.report.glossary:
        return markdown
    language = current_language(config)
    written_in = STATE.fallbacks.get((language, split_src_uri(page.file.src_uri)[1]), language)
    entries = STATE.report.glossary
    if page.meta.get("type") == "glossary" and glossary.MARKER in markdown:
        headers = (
            interface.text(written_in, f"glossary_term_{written_in}"),
            interface.text(written_in, f"glossary_term_{'en' if written_in == 'fr' else 'fr'}"),
            interface.text(written_in, "glossary_definition"),
        )
        markdown = markdown.replace(glossary.MARKER, glossary.table(entries, written_in, headers), 1)
    return markdown + "\n\n" + glossary.abbreviations(entries, written_in) + "\n"


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Abbreviations must be reachable by keyboard too, not only by mouse hover.
    return _ABBR.sub('<abbr tabindex="0" title=', html)
