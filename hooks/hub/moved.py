"""Addresses that moved: a short page at each old address, in both languages, leading to the new one.

Pages are sometimes merged or renamed (three case studies became one in December
2026), and readers, printed handouts and other sites still hold the old
address. A static host cannot answer with a redirect, and the hub refuses
automatic refreshes (a refresh is also how a hostile page would send readers
elsewhere), so each old address keeps a page that says where the content went,
with the link: a reader decides, nothing moves by itself. The pages are left
out of search, of the browse lists and of the navigation.

docs/moved.yml lists the moves (schema: hooks/hub/schemas/moved.schema.json);
an old address where a page still lives, or a new one that does not exist in
both languages, is a problem with its line.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from pathlib import Path

from hub import data_file, interface
from hub.languages import LANGUAGES
from hub.problems import Problem

FILE_NAME = "moved.yml"


@dataclass(frozen=True)
class Move:
    """One old address and where its content lives now."""

    old: str  # page path without .md, e.g. cases/rooted2
    new: str  # page path without .md
    anchor: str  # a section of the new page, or ""
    since: dt.date


def load(docs_dir: Path, bodies: dict[tuple[str, str], str]) -> tuple[list[Move], list[Problem]]:
    """Read and check docs/moved.yml against the pages (language, slug) -> body that passed their checks."""
    data = data_file.load(docs_dir, FILE_NAME, "moved")
    problems = list(data.problems)
    moves = []
    for entry, node in zip(data.entries, data.nodes, strict=False):
        new, _, anchor = entry["to"].partition("#")
        move = Move(entry["from"], new, anchor, entry["since"])
        found = _problems(docs_dir, move, bodies)
        problems += [Problem(data.path, node.line, node.col, name, message, hint) for name, message, hint in found]
        if not found:
            moves.append(move)
    return moves, problems


def _problems(docs_dir: Path, move: Move, bodies: dict[tuple[str, str], str]) -> list[tuple[str, str, str]]:
    found = []
    for language in LANGUAGES:
        if any((docs_dir / language / path).exists() for path in _paths(move.old)):
            found.append(("from", f"a page still lives at {move.old} in docs/{language}/", "remove the entry"))
        body = next((bodies[(language, path)] for path in _paths(move.new) if (language, path) in bodies), None)
        if body is None:
            found.append(("to", f"no page {move.new} in docs/{language}/", "give the path of an existing page"))
        elif move.anchor and not _has_section(body, move.anchor):
            hint = "give the heading an id in both languages, e.g. ## Title { #" + move.anchor + " }"
            found.append(("to", f"docs/{language}/{move.new}.md has no section #{move.anchor}", hint))
    return found


def _paths(slug: str) -> tuple[str, str]:
    return f"{slug}.md", f"{slug}/index.md"


def _has_section(body: str, anchor: str) -> bool:
    """A heading that carries the id in its attribute list, as pages name a section others link to."""
    mark = f"#{anchor}"
    for line in body.splitlines():
        if line.startswith("#") and "{" in line:
            attributes = line.rsplit("{", 1)[1].rstrip().removesuffix("}").replace(":", " ").split()
            if mark in attributes:
                return True
    return False


def page_paths(moves: list[Move]) -> list[str]:
    """Where each old address's page goes, in each language's folder (e.g. fr/cases/rooted2.md)."""
    return [f"{language}/{move.old}.md" for move in moves for language in LANGUAGES]


def markdown(move: Move, language: str, title_of_new: str) -> str:
    """The page at the old address: where the content went, and the link to it."""
    link = posixpath.relpath(f"{move.new}.md", posixpath.dirname(move.old) or ".")
    if move.anchor:
        link += f"#{move.anchor}"
    date = interface.long_date(move.since, language)
    title, description = interface.text(language, "moved_title"), interface.text(language, "moved_description")
    text = interface.text(language, "moved_text", date=date, link=f"[{_escaped(title_of_new)}]({link})")
    return (
        f"---\ntitle: {_quoted(title)}\ndescription: {_quoted(description)}\ntype: section\n"
        f"updated: {move.since.isoformat()}\nsearch:\n  exclude: true\n---\n\n{text}\n"
    )


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _escaped(title: str) -> str:
    """A page title as Markdown link text: brackets and backslashes cannot close the link."""
    return title.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
