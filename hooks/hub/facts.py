"""One fact, one place: the facts registry (docs/facts.yml) and its use in pages.

A fact that more than one page states (a figure, a date, a title, a study's
finding, a legal status) is written once, in both languages, with its sources
and the date it was last checked. A page writes `[[fact:key]]` where the fact
goes, in its body or in its front matter's text; the build puts the text of the
page's language there, and the page's Sources section gains the fact's sources
it does not cite yet. Facts not checked for a year are listed on the status
pages, with the pages that use them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hub import data_file, interface, text_rules
from hub.languages import LANGUAGES
from hub.problems import Problem, shorten
from hub.strict_yaml import Node

FILE_NAME = "facts.yml"
STALE_AFTER_DAYS = 365
# [[fact:key]]: the key is read as written (up to 80 characters) and judged afterwards.
MARKER = re.compile(r"\[\[fact:([^\]\n]{0,80})\]\]")
_SOURCES_HEADING = re.compile(r"^## Sources[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Fact:
    """One fact: its text in each language, its sources, when it was last checked."""

    key: str
    text: dict[str, str]
    sources: tuple[dict[str, Any], ...]
    checked: dt.date
    line: int


@dataclass
class Registry:
    """Every fact of docs/facts.yml, and what was wrong with the file."""

    path: str = f"docs/{FILE_NAME}"
    facts: dict[str, Fact] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def stale(self, today: dt.date) -> list[Fact]:
        """Facts last checked more than a year before `today`, oldest first."""
        limit = today - dt.timedelta(days=STALE_AFTER_DAYS)
        return sorted((fact for fact in self.facts.values() if fact.checked < limit), key=lambda f: f.checked)


def load(docs_dir: Path, today: dt.date | None = None) -> Registry:
    """Read and check docs/facts.yml; a missing file is an empty registry."""
    data = data_file.load(docs_dir, FILE_NAME, "facts", today)
    registry = Registry(data.path, problems=list(data.problems))
    registry.problems += [problem for node in data.nodes for problem in text_rules.field_problems(data.path, node)]
    for entry, node in zip(data.entries, data.nodes, strict=False):
        key = entry["key"]
        if key in registry.facts:
            first = registry.facts[key].line
            registry.problems.append(
                Problem(
                    data.path,
                    node.line,
                    node.col,
                    "key",
                    f"{shorten(key)} is used twice (lines {first} and {node.line})",
                    "give each fact its own key",
                )
            )
            continue
        text = {language: entry[language] for language in LANGUAGES}
        for language, value in text.items():
            if MARKER.search(value):
                registry.problems.append(
                    Problem(
                        data.path,
                        node.line,
                        node.col,
                        language,
                        "a fact cannot use another fact",
                        "write the text out in full",
                    )
                )
        registry.facts[key] = Fact(key, text, tuple(entry["sources"]), entry["checked"], node.line)
    return registry


def markers(text: str) -> list[tuple[int, str]]:
    """Every `[[fact:key]]` of a text: (offset, key)."""
    return [(match.start(), match.group(1)) for match in MARKER.finditer(text)] if "[[fact:" in text else []


def unknown_key(registry: Registry, key: str) -> tuple[str, str] | None:
    """(message, hint) when `key` names no fact of the registry, else None."""
    if key in registry.facts:
        return None
    close = difflib.get_close_matches(key, list(registry.facts), n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"add the fact to docs/{FILE_NAME}, or check the key"
    return f"unknown fact {shorten(key)}", hint


def body_problems(path: str, body: str, first_line: int, registry: Registry) -> tuple[list[Problem], set[str]]:
    """Unknown fact keys in a page body, each with its line; and the keys the body uses."""
    problems, used = [], set()
    for offset, key in markers(body):
        wrong = unknown_key(registry, key)
        if wrong:
            line = first_line + body.count("\n", 0, offset)
            col = offset - body.rfind("\n", 0, offset)
            problems.append(Problem(path, line, col, "fact", *wrong))
        else:
            used.add(key)
    return problems, used


def front_matter(path: str, root: Node, language: str, registry: Registry) -> tuple[list[Problem], set[str]]:
    """Put each fact's text into the front matter's text values (in place); report unknown keys."""
    problems: list[Problem] = []
    used: set[str] = set()

    def visit(node: Node) -> None:
        if isinstance(node.value, dict):
            for child in node.value.values():
                visit(child)
        elif isinstance(node.value, list):
            for child in node.value:
                visit(child)
        elif "[[fact:" in node.value:
            for _, key in markers(node.value):
                wrong = unknown_key(registry, key)
                if wrong:
                    problems.append(Problem(path, node.line, node.col, "fact", *wrong))
                else:
                    used.add(key)
            node.value = substitute(node.value, language, registry, markdown=False)

    visit(root)
    return problems, used


def substitute(text: str, language: str, registry: Registry, markdown: bool = True) -> str:
    """The text with every known `[[fact:key]]` replaced by the fact in `language`."""
    if "[[fact:" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        fact = registry.facts.get(match.group(1))
        if fact is None:
            return match.group(0)
        return fact.text[language] if markdown else _plain(fact.text[language])

    return MARKER.sub(replace, text)


def apply(markdown: str, language: str, registry: Registry) -> str:
    """A page's Markdown with its facts in place and their sources added to its Sources section."""
    used = [key for _, key in markers(markdown) if key in registry.facts]
    if not used:
        return markdown
    text = substitute(markdown, language, registry)
    heading = _SOURCES_HEADING.search(text)
    cited = text[heading.end() :] if heading else ""
    lines, seen = [], set()
    for key in dict.fromkeys(used):
        for source in registry.facts[key].sources:
            url = source["url"]
            if url in cited or url in seen:
                continue
            seen.add(url)
            lines.append(f"- {source['publisher']}, [{source['title']}]({url}), {_date(source['date'], language)}.")
    if not lines:
        return text
    if heading is None:
        text = text.rstrip("\n") + "\n\n## Sources\n"
    return text.rstrip("\n") + "\n" + "\n".join(lines) + "\n"


def _date(value: str, language: str) -> str:
    """'2023', 'mai 2023' or '12 mai 2023' from YYYY, YYYY-MM or YYYY-MM-DD."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 3:
        return interface.long_date(dt.date(*parts), language)
    if len(parts) == 2:
        from babel.dates import format_date

        return format_date(dt.date(parts[0], parts[1], 1), format="MMMM y", locale=language)
    return str(parts[0])


_EMPHASIS = re.compile(r"(\*{1,2}|_{1,2})(\S(?:[^*_\n]{0,200}\S)?)\1")
# Link text holds no bracket, so a run of "[" fails at once instead of
# rescanning 200 characters from each one.
_LINK = re.compile(r"\[([^\[\]\n]{1,200})\]\([^)\s]{1,500}\)")


def _plain(text: str) -> str:
    """A fact's Markdown as plain text, for front matter fields (titles, key points)."""
    return _EMPHASIS.sub(r"\2", _LINK.sub(r"\1", text))
