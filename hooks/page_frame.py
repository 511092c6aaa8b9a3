"""Build hook: what the hub's templates show around a page's text.

Gives the templates (overrides/) the interface words of the page's language and
the page's facts in readable form (hooks/hub/guides.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.utils import get_relative_url

from hub import browse, interface
from hub.guides import page_facts
from hub.languages import language_root
from mkdocs_support.build_state import current_language

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    language = current_language(config)
    context["hub_text"] = interface.strings(language)
    facts = page_facts(dict(page.meta), language)
    # Each topic and audience shown on the page links to its list (hooks/hub/browse.py).
    root = language_root(language)
    for key, slug in (("tags", browse.TOPICS_SLUG), ("audience", browse.AUDIENCES_SLUG)):
        target = get_relative_url(root + slug.removesuffix(".md") + "/", page.url)
        for item in facts[key]:
            item["href"] = f"{target}#{item['anchor']}"
    context["hub_page"] = facts
    return context


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    context["hub_text"] = interface.strings(current_language(config))
    return context
