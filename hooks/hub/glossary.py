"""The hub's glossary (docs/glossary.yml): one entry per term, both languages.

One source feeds two things: the glossary page of each language (its
`<!-- glossary -->` line becomes the table of terms) and the definitions shown
on hover or keyboard focus wherever a listed word appears in a page of that
language (an <abbr> with a title, reachable with Tab).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from hub import data_file, text_rules
from hub.french_text import french
from hub.languages import LANGUAGES
from hub.problems import Problem, shorten
from hub.word_pattern import whole_words

FILE_NAME = "glossary.yml"
MARKER = "<!-- glossary -->"


@dataclass(frozen=True)
class Term:
    """A term in one language: its name, definition and the words that get a tooltip."""

    term: str
    definition: str
    tooltip: tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    """One glossary entry, in every language."""

    id: str
    languages: dict[str, Term]


def load(docs_dir: Path) -> tuple[list[Entry], list[Problem]]:
    """Read and check docs/glossary.yml (hooks/hub/schemas/glossary.schema.json); a missing file is empty."""
    data = data_file.load(docs_dir, FILE_NAME, "glossary")
    entries: list[Entry] = []
    problems = list(data.problems) + [
        problem for node in data.nodes for problem in text_rules.field_problems(data.path, node)
    ]
    seen: dict[str, int] = {}
    for raw, node in zip(data.entries, data.nodes, strict=False):
        entry_id = raw["id"]
        if entry_id in seen:
            problems.append(
                Problem(
                    data.path,
                    node.line,
                    1,
                    "id",
                    f"{shorten(entry_id)} is used twice (lines {seen[entry_id]} and {node.line})",
                    "give each entry its own id",
                )
            )
            continue
        seen[entry_id] = node.line
        languages = {
            language: Term(
                raw[language]["term"], raw[language]["definition"], tuple(raw[language].get("tooltip") or ())
            )
            for language in LANGUAGES
        }
        entries.append(Entry(entry_id, languages))
    return entries, problems


@dataclass(frozen=True)
class Tooltips:
    """The glossary words of one language and their definitions, ready to mark up a page."""

    pattern: re.Pattern[str] | None
    definitions: dict[str, str]


def tooltips(entries: list[Entry], language: str) -> Tooltips:
    """The tooltip words of a language (longest first, whole words only) and their definitions."""
    definitions: dict[str, str] = {}
    for entry in entries:
        term = entry.languages[language]
        definition = french(term.definition) if language == "fr" else term.definition
        for word in term.tooltip:
            definitions.setdefault(word, definition)
    if not definitions:
        return Tooltips(None, {})
    return Tooltips(whole_words(definitions), definitions)


def table(entries: list[Entry], language: str, headers: tuple[str, str, str]) -> str:
    """The glossary page's table: term in the page's language, in the other, definition."""
    other = "en" if language == "fr" else "fr"
    rows = sorted(entries, key=lambda entry: _sort_key(entry.languages[language].term))
    lines = [f"| {headers[0]} | {headers[1]} | {headers[2]} |", "|---|---|---|"]
    for entry in rows:
        here, there = entry.languages[language], entry.languages[other]
        # The other language's term is marked as such (WCAG 3.1.2, language of parts).
        lines.append(
            f'| **{_cell(here.term)}** | *{_cell(there.term)}*{{ lang="{other}" }} | {_cell(here.definition)} |'
        )
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _sort_key(term: str) -> str:
    decomposed = unicodedata.normalize("NFD", term.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
