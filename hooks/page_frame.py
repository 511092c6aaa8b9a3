"""Build hook: what the hub's templates show around a page's text.

Gives the templates (overrides/) the interface words of the page's language and
the page's facts in readable form (hooks/hub/guides.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hub import interface
from hub.guides import page_facts
from mkdocs_support.build_state import current_language

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    language = current_language(config)
    context["hub_text"] = interface.strings(language)
    context["hub_page"] = page_facts(dict(page.meta), language)
    return context


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    context["hub_text"] = interface.strings(current_language(config))
    return context
