"""What the hub shows around a page's text, decided from its front matter alone.

Which pages are guides (and so get a PDF), and the readable facts printed under
a page's title: date updated, audience, topics, page type, in the page's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hub import contract, interface
from hub.languages import NAMES

GUIDE_TYPES = ("information-pack", "lab-method", "recommendations", "worksheet")


def page_facts(meta: dict[str, Any], language: str) -> dict[str, Any]:
    """Labels for the line under a page's title."""
    updated = meta.get("updated")
    date = interface.long_date(updated, language) if updated else ""
    return {
        "updated": interface.text(language, "updated", date=date) if updated else "",
        "updated_date": date,
        "language_name": NAMES[language],
        "print_cover": pdf_wanted(meta) and meta.get("type") != "worksheet",  # a worksheet starts on its first page
        "kind": str(meta.get("type") or "page"),
        "audience": [
            {"label": contract.labels("audience")[item][language], "anchor": f"audience-{item}"}
            for item in meta.get("audience") or []
        ],
        "tags": [
            {"label": contract.labels("tag")[item][language], "anchor": f"tag-{item}"}
            for item in meta.get("tags") or []
        ],
        "type": contract.labels("type")[meta["type"]][language] if meta.get("type") else "",
        "show": meta.get("type") not in (None, "home", "section", "status"),
    }


def pdf_wanted(meta: Mapping[str, Any]) -> bool:
    """Guides get a printable PDF; any page can ask for one (or refuse it) with `pdf:`."""
    wanted = meta.get("pdf")
    return bool(wanted) if wanted is not None else meta.get("type") in GUIDE_TYPES
