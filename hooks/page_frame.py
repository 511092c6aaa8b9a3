"""Build hook: what the hub's templates show around a page's text.

Gives the templates (overrides/) the interface words of the page's language and
the page's facts in readable form: date updated, audience, topics, page type.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import contract
import interface
from build_state import current_language
from languages import NAMES

GUIDE_TYPES = ("information-pack", "lab-method", "recommendations")
_CHECKLIST_ITEM = re.compile(
    r'(<label class="task-list-control"><input type="checkbox" disabled/?><span class="task-list-indicator"></span>)'
    r"</label>(.*?)(</li>|<ul|<ol)",
    re.DOTALL,
)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    language = current_language(config)
    context["hub_text"] = interface.strings(language)
    context["hub_page"] = page_facts(dict(page.meta), language)
    return context


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return label_checklists(html)


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    context["hub_text"] = interface.strings(current_language(config))
    return context


def page_facts(meta: dict[str, Any], language: str) -> dict[str, Any]:
    """Labels for the line under a page's title."""
    updated = meta.get("updated")
    date = interface.long_date(updated, language) if updated else ""
    return {
        "updated": interface.text(language, "updated", date=date) if updated else "",
        "updated_date": date,
        "language_name": NAMES[language],
        "print_cover": pdf_wanted(meta),
        "audience": [contract.labels("audience")[item][language] for item in meta.get("audience") or []],
        "tags": [contract.labels("tag")[item][language] for item in meta.get("tags") or []],
        "type": contract.labels("type")[meta["type"]][language] if meta.get("type") else "",
        "show": meta.get("type") not in (None, "home", "section", "status"),
    }


def pdf_wanted(meta: Mapping[str, Any]) -> bool:
    """Guides get a printable PDF; any page can ask for one (or refuse it) with `pdf:`."""
    wanted = meta.get("pdf")
    return bool(wanted) if wanted is not None else meta.get("type") in GUIDE_TYPES


def label_checklists(html: str) -> str:
    """Put each checklist item's text inside its label, so the box has an accessible name."""
    return _CHECKLIST_ITEM.sub(r"\1\2</label>\3", html)
