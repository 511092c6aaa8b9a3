"""A pack's summary card: its key points and its checklist on one A4 side, to hand out at a stall.

Built from what the pack already says (its front matter's key points, its
checklist as built for the site), never written twice; printed by WeasyPrint
with the site's print stylesheet, on one page (hooks/hub/guide_pdf.py shrinks the
type until it fits).
"""

from __future__ import annotations

import datetime as dt

from markupsafe import escape
from selectolax.lexbor import LexborHTMLParser

from hub import interface
from hub.french_text import french


def checklist(page_html: str) -> list[str]:
    """The text of each item of the pack's checklist (its last task list), as built for the site."""
    tree = LexborHTMLParser(page_html)
    lists = tree.css("div.hub-text ul.task-list")
    if not lists:
        return []
    return [" ".join(item.text(deep=True).split()) for item in lists[-1].css("li.task-list-item")]


def document(
    language: str,
    title: str,
    description: str,
    key_points: list[str],
    items: list[str],
    address: str,
    updated: dt.date | None,
    stylesheets: str,
) -> str:
    """The card's HTML, to be printed with the site's root as its base."""
    text = interface.strings(language)
    typeset = french if language == "fr" else str

    def say(value: str) -> str:
        return str(escape(typeset(value)))

    points = "".join(f"<li>{say(point)}</li>" for point in key_points)
    ticks = "".join(f"<li>{say(item)}</li>" for item in items)
    date = interface.long_date(updated, language) if updated else ""
    footer = say(text["card_footer"].format(address=address, date=date))
    return (
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8">'
        f"<title>{say(title)} · {say(text['card_title'])}</title>"
        f'<meta name="description" content="{say(description)}">{stylesheets}</head>'
        f'<body><article class="md-content__inner md-typeset hub-card">'
        f'<h1>{say(title)}</h1><p class="hub-card__description">{say(description)}</p>'
        f'<h2>{say(text["card_points"])}</h2><ul class="hub-card__points">{points}</ul>'
        + (f'<h2>{say(text["card_checklist"])}</h2><ul class="hub-card__checklist">{ticks}</ul>' if ticks else "")
        + f'<p class="hub-card__footer">{footer}</p></article></body></html>'
    )
