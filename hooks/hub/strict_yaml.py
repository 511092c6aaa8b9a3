"""Strict YAML for everything contributors write: front matter and the data files of docs/.

PyYAML's composer follows aliases (an alias bomb takes minutes and gigabytes),
reads YAML 1.1 (`no` becomes False, `010` becomes 8) and raises on control
characters. Here the text is read by libyaml's event parser (fast, C) and
composed by hand into a tree of `Node`s: every scalar stays a string (the
schema decides later what is a number, a boolean or a date), every value keeps
its line and column, and anchors, aliases, tags, duplicate keys, a second
document and deep nesting are refused before they can do harm. Nothing here
raises: every problem is reported with its place and a hint.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from hub.problems import shorten

MAX_DEPTH = 10
# Characters that look like a space but are not one to YAML.
LOOKALIKE_SPACES = {"\u00a0": "no-break space", "\u202f": "narrow no-break space", "\u2007": "figure space"}

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# report(line, col, field, message, hint)
Report = Callable[[int, int, str, str, str], None]


@dataclass
class Node:
    """A YAML value (scalar text, list of nodes or mapping of nodes) and where it starts."""

    value: str | list[Node] | dict[str, Node]
    line: int
    col: int
    key_line: int = 0
    key_col: int = 0

    @property
    def kind(self) -> str:
        if isinstance(self.value, dict):
            return "mapping"
        if isinstance(self.value, list):
            return "list"
        return "text"

    def plain(self) -> Any:
        """The value as plain Python data: dicts, lists and strings."""
        if isinstance(self.value, dict):
            return {key: child.plain() for key, child in self.value.items()}
        if isinstance(self.value, list):
            return [child.plain() for child in self.value]
        return self.value


def compose(text: str, report: Report, first_line: int = 1, field: str = "front matter") -> Node | None:
    """The node tree of one YAML document, or None after reporting why it cannot be read."""
    composer = _Composer(report, first_line, field)
    try:
        return composer.run(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line if mark else 0) + first_line
        col = (mark.column if mark else 0) + 1
        if not _lookalike_spaces(text, report, first_line, field, quoted=[]):
            problem = str(error.problem or error.context or "")
            report(line, col, field, f"YAML syntax error: {problem}", _syntax_hint(problem))
    except yaml.YAMLError as error:  # the reader: control characters, NUL bytes, bad encodings
        line, col = first_line, 1
        position = getattr(error, "position", None)
        if isinstance(position, int):
            line = text.count("\n", 0, position) + first_line
            col = position - (text.rfind("\n", 0, position) + 1) + 1
        character = getattr(error, "character", None)
        code = ord(character) if isinstance(character, str) and len(character) == 1 else character
        shown = f"U+{code:04X}" if isinstance(code, int) else "a character"
        report(line, col, field, f"{shown} cannot appear in YAML", "remove it (it is invisible in most editors)")
    except RecursionError:
        report(first_line, 1, field, "nested too deeply to be read", "flatten the structure")
    return None


class _Composer:
    def __init__(self, report: Report, first_line: int, field: str) -> None:
        self.report = report
        self.first_line = first_line
        self.field = field
        self.failed = False

    def fail(self, line: int, col: int, message: str, hint: str, field: str | None = None) -> None:
        self.failed = True
        self.report(line, col, field or self.field, message, hint)

    def run(self, text: str) -> Node | None:
        stack: list[tuple[Node, str | None]] = []  # (container, pending mapping key)
        root: Node | None = None
        quoted: list[tuple[int, int]] = []
        documents = 0
        for event in yaml.parse(text, Loader=_Parser):
            start: Any = event.start_mark  # the parser always sets marks
            line, col = start.line + self.first_line, start.column + 1
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.fail(line, col, "a second YAML document starts here", "keep a single document")
                    return None
                continue
            if isinstance(event, yaml.AliasEvent):
                self.fail(line, col, f"alias *{event.anchor} is not allowed", "write the value out in full")
                return None
            if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                if event.anchor is not None:
                    self.fail(line, col, f"anchor &{event.anchor} is not allowed", "write each value out in full")
                    return None
                if event.tag is not None:
                    tag = event.tag.replace("tag:yaml.org,2002:", "!!")
                    self.fail(
                        line, col, f"tag {shorten(tag)} is not allowed", "remove the tag; plain values are enough"
                    )
                    return None
            if isinstance(event, yaml.ScalarEvent):
                if event.style in ('"', "'"):
                    end: Any = event.end_mark
                    quoted.append((start.index, end.index))
                node = Node(event.value, line, col)
            elif isinstance(event, yaml.SequenceStartEvent):
                node = Node([], line, col)
            elif isinstance(event, yaml.MappingStartEvent):
                node = Node({}, line, col)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                node, _ = stack.pop()
                if stack:
                    self.attach(stack, node)
                else:
                    root = node
                continue
            else:
                continue
            if isinstance(node.value, (list, dict)):
                if len(stack) >= MAX_DEPTH:
                    self.fail(line, col, f"nested more than {MAX_DEPTH} levels deep", "flatten the structure")
                    return None
                if stack and isinstance(stack[-1][0].value, dict) and stack[-1][1] is None:
                    self.fail(line, col, "a list or mapping cannot be a field name", "write 'name: value'")
                    return None
                stack.append((node, None))
            elif stack:
                self.attach(stack, node)
            else:
                root = node
            if self.failed:
                return None
        if _lookalike_spaces(text, self.report, self.first_line, self.field, quoted):
            return None
        return root

    def attach(self, stack: list[tuple[Node, str | None]], node: Node) -> None:
        parent, key = stack[-1]
        if isinstance(parent.value, list):
            parent.value.append(node)
            return
        assert isinstance(parent.value, dict)
        if key is None:
            name = str(node.value)
            if name in parent.value:
                first = parent.value[name]
                self.fail(
                    node.line,
                    node.col,
                    f"defined twice, on lines {first.key_line} and {node.line}",
                    "keep only one of the two lines",
                    field=name,
                )
            stack[-1] = (parent, name)
            # Remember where the key was written, for messages about this field.
            parent.value.setdefault(name, Node("", node.line, node.col))
            parent.value[name].key_line, parent.value[name].key_col = node.line, node.col
            return
        node.key_line = parent.value[key].key_line
        node.key_col = parent.value[key].key_col
        parent.value[key] = node
        stack[-1] = (parent, None)


def _syntax_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return 'put the value in double quotes when it contains ": "'
    if "found character '@'" in problem or "found character '`'" in problem:
        return "put the value in double quotes"
    if "found undefined tag" in problem or "tag" in problem:
        return "remove the '!' tag"
    return "check the quotes and the indentation of this line and the one above"


def _lookalike_spaces(text: str, report: Report, first_line: int, field: str, quoted: list[tuple[int, int]]) -> bool:
    """Report no-break spaces outside quoted values: YAML does not see them as spaces."""
    if not any(space in text for space in LOOKALIKE_SPACES):
        return False
    found = False
    starts = [start for start, _ in quoted]
    for index, char in enumerate(text):
        if char not in LOOKALIKE_SPACES:
            continue
        inside = any(start <= index < end for start, end in quoted) if starts else False
        if not inside:
            line = text.count("\n", 0, index) + first_line
            col = index - (text.rfind("\n", 0, index) + 1) + 1
            report(
                line,
                col,
                field,
                f"a {LOOKALIKE_SPACES[char]} is not a space to YAML",
                "replace it with an ordinary space, or put the value in double quotes",
            )
            found = True
    return found
