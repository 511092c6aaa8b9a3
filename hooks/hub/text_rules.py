"""Rules on the text contributors type, before any rendering: invisible characters, personal data in fields.

Control characters and bidirectional overrides (Trojan Source) are refused
wherever they are typed, with their exact line and column. Front matter and
data files are text that templates print (titles, descriptions, key points,
glossary definitions, facts): their personal data is found here, with the
field's line; a page body's is found in its rendered HTML (hooks/hub/html_policy.py).
"""

from __future__ import annotations

import re

from hub import personal_data
from hub.problems import Problem, shorten
from hub.strict_yaml import Node

_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


MAX_INDENT = 64  # columns; a tab counts 4
MAX_QUOTE_DEPTH = 16


def source_problems(path: str, text: str, first_line: int) -> list[Problem]:
    """Control characters, text-reordering characters and nesting too deep to render, each with its place."""
    problems = _depth_problems(path, text, first_line)
    for match in _INVISIBLE.finditer(text):
        offset = match.start()
        line = first_line + text.count("\n", 0, offset)
        col = offset - text.rfind("\n", 0, offset)
        problems.append(Problem(path, line, col, "content", *_describe(match.group(0))))
        if len(problems) >= 20:
            break
    return problems


def _depth_problems(path: str, text: str, first_line: int) -> list[Problem]:
    """Lists or quotes nested deeper than any page needs (Markdown renderers recurse on each level)."""
    for number, line in enumerate(text.split("\n"), start=first_line):
        stripped = line.lstrip(" \t>")
        if not stripped:
            continue
        prefix = line[: len(line) - len(stripped)]
        indent = len(prefix.replace("\t", "    ").replace(">", ""))
        if indent > MAX_INDENT or prefix.count(">") > MAX_QUOTE_DEPTH:
            depth = f"{prefix.count('>')} quote levels" if indent <= MAX_INDENT else f"indented {indent:,} columns"
            return [
                Problem(
                    path,
                    number,
                    1,
                    "content",
                    f"nested too deeply ({depth})",
                    f"use a few levels of lists and quotes at most (up to {MAX_INDENT} columns)",
                )
            ]
    return []


def _describe(char: str) -> tuple[str, str]:
    code = f"U+{ord(char):04X}"
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return (
            f"invisible character {code} reorders the text around it (bidirectional override)",
            "remove it; it can make text read differently from what it is",
        )
    return f"control character {code}", "remove it (it is invisible in most editors)"


def field_problems(path: str, node: Node, field: str = "") -> list[Problem]:
    """Invisible characters and personal data in every text value of a YAML tree, at the value's line."""
    if isinstance(node.value, dict):
        return [
            problem
            for name, child in node.value.items()
            for problem in field_problems(path, child, f"{field}.{name}" if field else name)
        ]
    if isinstance(node.value, list):
        return [
            problem
            for index, child in enumerate(node.value, start=1)
            for problem in field_problems(path, child, f"{field}[{index}]")
        ]
    problems = []
    invisible = _INVISIBLE.search(node.value)
    if invisible:
        problems.append(Problem(path, node.line, node.col, field, *_describe(invisible.group(0))))
    if node.value.startswith(("https://", "http://")):
        return problems  # an address: its digits and @ are not a person's details
    for detail in personal_data.details(node.value):
        problems.append(
            Problem(path, node.line, node.col, field, f"{detail.kind} {shorten(detail.value)}", detail.hint)
        )
    return problems
