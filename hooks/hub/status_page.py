"""The translation status page of one language, as Markdown (generated at build time)."""

from __future__ import annotations

import datetime as dt
from html import escape

from hub import interface, translations
from hub.content_check import ContentReport
from hub.french_text import french
from hub.languages import LANGUAGES, NAMES, language_root

TITLES = {"fr": "État des traductions", "en": "Translation status"}
INTROS = {
    "fr": (
        "Chaque page du hub existe en français et en anglais. Ce tableau, recalculé à chaque publication, "
        "indique pour chaque page sa langue d'origine et l'état de sa traduction : une traduction est "
        "« à mettre à jour » quand le texte original a changé depuis sa dernière relecture."
    ),
    "en": (
        "Every page of the hub exists in French and in English. This table, recomputed at every build, "
        "shows each page's original language and the state of its translation: a translation is "
        "“outdated” when the original text has changed since it was last brought up to date."
    ),
}
HEADERS = {
    "fr": ("Page", "Langue d'origine", "Français", "Anglais"),
    "en": ("Page", "Original language", "French", "English"),
}
STATE_KEYS = {
    translations.ORIGINAL: "status_original",
    translations.UP_TO_DATE: "status_up_to_date",
    translations.OUTDATED: "status_outdated",
    translations.MISSING: "status_missing",
}


def markdown(report: ContentReport, language: str) -> str:
    """The whole status page: front matter, introduction and one table row per page."""
    url = language_root(language) + "status/"
    rows = []
    for status in translations.statuses(report):
        if status.slug == "status.md":
            continue
        title = _title(status, language)
        cells = [f'<td lang="{status.original}">{escape(title)}</td>', f"<td>{NAMES[status.original]}</td>"]
        for other in LANGUAGES:
            cells.append(f"<td>{_version_cell(status, other, language, url)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    head = "".join(f"<th>{escape(name)}</th>" for name in HEADERS[language])
    table = f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
    description = {
        "fr": "Où en est la traduction de chaque page du hub, entre le français et l'anglais.",
        "en": "Where the translation of each page of the hub stands, between French and English.",
    }
    return (
        "---\n"
        f'title: "{TITLES[language]}"\n'
        f'description: "{description[language]}"\n'
        "type: status\n"
        f"updated: {dt.date.today().isoformat()}\n"
        "---\n\n"
        f"{INTROS[language]}\n\n{table}\n"
    )


def _title(status: translations.TranslationStatus, language: str) -> str:
    page = status.pages.get(language) or status.pages[status.original]
    title = str(page.meta.get("title", status.slug))
    # The table is HTML, which the French typography of Markdown text does not reach.
    return french(title) if page.language == "fr" else title


def _version_cell(status: translations.TranslationStatus, version: str, reader: str, page_url: str) -> str:
    state = interface.text(reader, STATE_KEYS[status.states[version]])
    page = status.pages.get(version)
    if page is None:
        return escape(state)
    target = language_root(version) + _url_of(status.slug)
    href = _relative(target, page_url)
    updated = page.meta.get("updated")
    date = f" · {updated.isoformat()}" if isinstance(updated, dt.date) else ""
    return f'<a href="{escape(href)}" hreflang="{version}">{escape(state)}</a>{date}'


def _url_of(slug: str) -> str:
    path = slug.removesuffix(".md")
    if path == "index":
        return ""
    return path.removesuffix("/index") + "/"


def _relative(target: str, base: str) -> str:
    depth = base.count("/")
    return "../" * depth + target if depth else target or "./"
