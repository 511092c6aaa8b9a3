"""Ways to browse the hub besides search: by topic, by audience, and what's new, in each language.

Pages made at build time from the content check's report: the topics and the
audiences are the schema's vocabularies (with their French and English labels),
each listing the pages that carry it, grouped by section, with their
descriptions; an empty topic is not listed. What's new lists the pages by the
date of their last real change, newest first. Every heading has a stable id
(`tag-…`, `audience-…`), so the topics a page shows can link to their list.
The lists themselves are HTML blocks (hooks/hub/html_blocks.py): titles and
descriptions are shown as written, and the Markdown engine renders only the
headings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from html import escape

from hub import contract, interface
from hub.content_check import ContentReport, SourcePage
from hub.html_blocks import GeneratedPage
from hub.languages import relative_url, url_of

TOPICS_SLUG, AUDIENCES_SLUG, NEWS_SLUG = "resources/topics.md", "resources/audiences.md", "resources/whats-new.md"
GENERATED = (TOPICS_SLUG, AUDIENCES_SLUG, NEWS_SLUG)
NEWS_LIMIT = 60
# Section folders in navigation order, and pages that are not content to browse.
SECTIONS = ("packs", "replies", "lab", "recommendations", "understand", "cases", "resources")
NOT_BROWSED = ("home", "status", "section", "about", "glossary")


def topic_anchor(key: str) -> str:
    return f"tag-{key}"


def audience_anchor(key: str) -> str:
    return f"audience-{key}"


def pages(report: ContentReport, language: str) -> list[SourcePage]:
    """The published pages of a language that readers browse (drafts and indexes left out)."""
    return [
        page
        for (page_language, _), page in sorted(report.pages.items())
        if page_language == language and not page.meta.get("draft") and page.meta.get("type") not in NOT_BROWSED
    ]


def topics(report: ContentReport, language: str, today: dt.date) -> GeneratedPage:
    """The topics page of a language."""
    return _vocabulary_page(report, language, today, "tag", "tags", topic_anchor, "topics")


def audiences(report: ContentReport, language: str, today: dt.date) -> GeneratedPage:
    """The audiences page of a language."""
    return _vocabulary_page(report, language, today, "audience", "audience", audience_anchor, "audiences")


def whats_new(report: ContentReport, language: str, today: dt.date) -> GeneratedPage:
    """What's new in a language: the latest changes, newest first, grouped by day."""
    text = interface.strings(language)
    recent = sorted(pages(report, language), key=lambda page: (page.meta["updated"], page.slug), reverse=True)
    days: dict[dt.date, list[SourcePage]] = {}
    for page in recent[:NEWS_LIMIT]:
        days.setdefault(page.meta["updated"], []).append(page)
    generated = GeneratedPage()
    body = [text["news_intro"]]
    for day, members in days.items():
        body += [f"## {interface.long_date(day, language)}", generated.block(_list(members, NEWS_SLUG))]
    generated.markdown = _front_matter(text["news_title"], text["news_description"], today) + "\n\n".join(body)
    return generated


def _vocabulary_page(
    report: ContentReport,
    language: str,
    today: dt.date,
    definition: str,
    field: str,
    anchor: Callable[[str], str],
    key: str,
) -> GeneratedPage:
    text = interface.strings(language)
    slug = TOPICS_SLUG if key == "topics" else AUDIENCES_SLUG
    browsed = pages(report, language)
    generated = GeneratedPage()
    body = [text[f"{key}_intro"]]
    for value, labels in contract.labels(definition).items():
        carrying = [page for page in browsed if value in (page.meta.get(field) or [])]
        if not carrying:
            continue  # an empty topic is not listed
        groups = [
            f"<p><strong>{_text(_section_title(report, language, section))}</strong></p>\n" + _list(members, slug)
            for section, members in _by_section(carrying)
        ]
        body += [f"## {labels[language]} {{ #{anchor(value)} }}", generated.block("\n".join(groups))]
    generated.markdown = _front_matter(text[f"{key}_title"], text[f"{key}_description"], today) + "\n\n".join(body)
    return generated


def _by_section(members: Iterable[SourcePage]) -> list[tuple[str, list[SourcePage]]]:
    grouped: dict[str, list[SourcePage]] = {}
    for page in members:
        grouped.setdefault(page.slug.split("/", 1)[0], []).append(page)
    order = {section: index for index, section in enumerate(SECTIONS)}
    return sorted(grouped.items(), key=lambda item: order.get(item[0], len(order)))


def _section_title(report: ContentReport, language: str, section: str) -> str:
    index = report.page(language, f"{section}/index.md")
    return str(index.meta["title"]) if index is not None else section


def _list(members: Iterable[SourcePage], from_slug: str) -> str:
    """A list of pages, each linked by its title, with its description."""
    here = url_of(from_slug)
    items = [
        f'<li><a href="{escape(relative_url(url_of(page.slug), here))}">{_text(page.meta["title"])}</a>'
        f" — {_text(page.meta['description'])}</li>"
        for page in members
    ]
    return "<ul>\n" + "\n".join(items) + "\n</ul>"


def _text(value: object) -> str:
    """A contributor's text as HTML text, shown as written."""
    return escape(str(value), quote=False)


def _front_matter(title: str, description: str, today: dt.date) -> str:
    def quoted(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    return f"---\ntitle: {quoted(title)}\ndescription: {quoted(description)}\ntype: section\nupdated: {today}\n---\n\n"
