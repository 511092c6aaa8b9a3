"""Build hook: French typography done by code, so authors type ordinary spaces.

In French pages, the space before `; ! ?` becomes a narrow no-break space, the
space before `:` and inside « » a no-break space, so punctuation never starts a
line. It works on the text of the Markdown tree, never inside code, URLs or HTML
attributes, and before the table of contents is built, so headings, the TOC,
the page title and the description all agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from hub.french_text import french
from mkdocs_support.build_state import STATE, current_language, split_src_uri

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_SKIP = {"code", "pre", "kbd", "samp", "script", "style"}


class _French:
    active = False


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # i18n runs on_config once per language on the same config: register once.
    if not any(isinstance(ext, FrenchTypographyExtension) for ext in config.markdown_extensions):
        config.markdown_extensions.append(FrenchTypographyExtension())  # type: ignore[arg-type]
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Listed after content_gate in mkdocs.yml: page.meta is already the checked front matter.
    language = current_language(config)
    written_in = STATE.fallbacks.get((language, split_src_uri(page.file.src_uri)[1]), language)
    _French.active = written_in == "fr"
    if _French.active:
        for key in ("title", "description", "content_warning"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = french(page.meta[key])
    return markdown


class FrenchTypographyExtension(Extension):
    """Python-Markdown extension applying `french` to the text of French pages."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API)
        # After inline patterns (20) and attr_list (8), before the table of contents (5).
        md.treeprocessors.register(_FrenchTreeprocessor(md), "hub_french_typography", 6)


class _FrenchTreeprocessor(Treeprocessor):
    def run(self, root: Element) -> None:
        if _French.active:
            _walk(root)


def _walk(element: Element) -> None:
    if element.tag in _SKIP:
        return
    if element.text and not isinstance(element.text, _Atomic):
        element.text = french(element.text)
    for child in element:
        _walk(child)
        if child.tail:
            child.tail = french(child.tail)


try:  # Inline code text is an AtomicString: left exactly as written.
    from markdown.util import AtomicString as _Atomic
except ImportError:  # pragma: no cover
    _Atomic = str  # type: ignore[misc, assignment]
