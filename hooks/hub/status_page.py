"""The translation status page of one language, generated at build time; its table is an HTML block."""

from __future__ import annotations

import datetime as dt
from html import escape

from hub import interface, translations
from hub.content_check import ContentReport
from hub.french_text import french
from hub.html_blocks import GeneratedPage
from hub.languages import LANGUAGES, NAMES, language_root, relative_url, url_of

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


def page(report: ContentReport, language: str) -> GeneratedPage:
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
    stale = _stale_facts(report, language)
    generated = GeneratedPage()
    generated.markdown = (
        "---\n"
        f'title: "{TITLES[language]}"\n'
        f'description: "{description[language]}"\n'
        "type: status\n"
        f"updated: {dt.date.today().isoformat()}\n"
        "---\n\n"
        f"{INTROS[language]}{generated.block(table)}{stale}"
    )
    return generated


STALE_TITLES = {"fr": "Faits à revérifier", "en": "Facts to check again"}
STALE_INTROS = {
    "fr": (
        "Chaque fait que plusieurs pages citent est écrit une seule fois, avec ses sources et la date de sa "
        "dernière vérification. Ceux qui n'ont pas été revérifiés depuis plus d'un an sont listés ici, avec les "
        "pages qui les emploient."
    ),
    "en": (
        "Every fact that several pages state is written once, with its sources and the date it was last checked. "
        "Those not checked again for more than a year are listed here, with the pages that use them."
    ),
}
STALE_NONE = {
    "fr": "Aucun : les {count} faits du registre ont tous été vérifiés depuis moins d'un an.",
    "en": "None: all {count} facts of the registry were checked within the last year.",
}


def _stale_facts(report: ContentReport, language: str) -> str:
    """The status page's list of facts last checked more than a year ago (never a build failure)."""
    stale = report.facts.stale(dt.date.today())
    lines = [f"## {STALE_TITLES[language]}", "", STALE_INTROS[language], ""]
    if not stale:
        lines.append(STALE_NONE[language].format(count=len(report.facts.facts)))
    here = language_root(language) + "status/"
    for fact in stale:
        used = sorted(report.fact_uses.get(fact.key, set()))
        pages = ", ".join(
            f'<a href="{escape(relative_url(language_root(lang) + url_of(slug), here))}">'
            f"{escape(str(report.pages[(lang, slug)].meta.get('title', slug)))}</a>"
            for lang, slug in used
            if (lang, slug) in report.pages
        )
        lines.append(f"- `{fact.key}` ({fact.checked.isoformat()}): {fact.text[language]} — {pages or '—'}")
    return "\n".join(lines) + "\n"


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
    target = language_root(version) + url_of(status.slug)
    href = relative_url(target, page_url)
    updated = page.meta.get("updated")
    date = f" · {updated.isoformat()}" if isinstance(updated, dt.date) else ""
    return f'<a href="{escape(href)}" hreflang="{version}">{escape(state)}</a>{date}'
