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
from html import escape
from pathlib import Path

import yaml

from hub.french_text import french
from hub.languages import LANGUAGES
from hub.problems import Problem, shorten

FILE_NAME = "glossary.yml"
MARKER = "<!-- glossary -->"
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


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
    """Read and check docs/glossary.yml; a missing file is an empty glossary."""
    path = docs_dir / FILE_NAME
    shown = path.relative_to(docs_dir.parent).as_posix()
    if not path.is_file():
        return [], []
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return [], [
            Problem(
                shown,
                line,
                col,
                "glossary",
                f"cannot be read: {getattr(error, 'problem', error)}",
                "check the quotes and the indentation",
            )
        ]
    if root is None:
        return [], []
    if not isinstance(root, yaml.SequenceNode):
        return [], [Problem(shown, 1, 1, "glossary", "expected a list of entries", "start each entry with '- id:'")]
    entries: list[Entry] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for node in root.value:
        entry, entry_problems = _entry(shown, node)
        problems += entry_problems
        if entry is None:
            continue
        if entry.id in seen:
            problems.append(
                Problem(
                    shown,
                    node.start_mark.line + 1,
                    1,
                    "id",
                    f"{shorten(entry.id)} is used twice (lines {seen[entry.id]} and {node.start_mark.line + 1})",
                    "give each entry its own id",
                )
            )
        seen[entry.id] = node.start_mark.line + 1
        entries.append(entry)
    return entries, problems


def _entry(shown: str, node: yaml.Node) -> tuple[Entry | None, list[Problem]]:
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    if not isinstance(node, yaml.MappingNode):
        return None, [Problem(shown, line, col, "glossary", "each entry must be 'id:', 'en:' and 'fr:' lines", "")]
    fields = {key.value: value for key, value in node.value}
    problems = []
    entry_id = fields.get("id")
    if not isinstance(entry_id, yaml.ScalarNode) or not _ID.match(str(entry_id.value)):
        problems.append(
            Problem(shown, line, col, "id", "missing or not lowercase-with-hyphens", 'write e.g. id: "trusted-flagger"')
        )
    languages = {}
    for language in LANGUAGES:
        part = fields.get(language)
        if not isinstance(part, yaml.MappingNode):
            problems.append(Problem(shown, line, col, language, "missing", f"add the term in '{language}:'"))
            continue
        values = {key.value: value for key, value in part.value}
        where = (part.start_mark.line + 1, part.start_mark.column + 1)
        term, definition = values.get("term"), values.get("definition")
        tooltip = values.get("tooltip")
        if not isinstance(term, yaml.ScalarNode) or not str(term.value).strip():
            problems.append(Problem(shown, *where, f"{language}.term", "missing", "name the term"))
            continue
        if not isinstance(definition, yaml.ScalarNode) or not 30 <= len(str(definition.value)) <= 280:
            problems.append(
                Problem(
                    shown,
                    *where,
                    f"{language}.definition",
                    "missing or not 30–280 characters",
                    "one or two plain sentences",
                )
            )
            continue
        words = tuple(str(item.value) for item in tooltip.value) if isinstance(tooltip, yaml.SequenceNode) else ()
        languages[language] = Term(str(term.value), str(definition.value), words)
    if problems:
        return None, problems
    return Entry(str(entry_id.value), languages), []  # type: ignore[union-attr]


@dataclass(frozen=True)
class Tooltips:
    """The glossary words of one language and their definitions, ready to mark up a page."""

    pattern: re.Pattern[str] | None
    definitions: dict[str, str]

    def apply(self, html: str) -> str:
        """Wrap each glossary word of the page's text in <abbr> with its definition (never in code or links)."""
        if self.pattern is None:
            return html
        parts = _TAG_SPLIT.split(html)
        skipping = 0
        for index, part in enumerate(parts):
            if index % 2:
                match = _SKIPPED_TAG.match(part)
                if match:
                    skipping += -1 if match.group(1) else 1
                continue
            if not skipping and part:
                parts[index] = self.pattern.sub(self._abbr, part)
        return "".join(parts)

    def _abbr(self, match: re.Match[str]) -> str:
        word = match.group(0)
        return f'<abbr tabindex="0" title="{escape(self.definitions[word], quote=True)}">{word}</abbr>'


_TAG_SPLIT = re.compile(r"(<[^>]+>)")
_SKIPPED_TAG = re.compile(r"<(/?)(?:code|pre|script|style|abbr|a|kbd|textarea)\b", re.IGNORECASE)


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
    words = sorted(definitions, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(word) for word in words) + r")(?![\w-])")
    return Tooltips(pattern, definitions)


def table(entries: list[Entry], language: str, headers: tuple[str, str, str]) -> str:
    """The glossary page's table: term in the page's language, in the other, definition."""
    other = "en" if language == "fr" else "fr"
    rows = sorted(entries, key=lambda entry: _sort_key(entry.languages[language].term))
    lines = [f"| {headers[0]} | {headers[1]} | {headers[2]} |", "|---|---|---|"]
    for entry in rows:
        here, there = entry.languages[language], entry.languages[other]
        lines.append(f"| **{_cell(here.term)}** | *{_cell(there.term)}* | {_cell(here.definition)} |")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _sort_key(term: str) -> str:
    decomposed = unicodedata.normalize("NFD", term.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
