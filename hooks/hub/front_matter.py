"""Strict reading of a page's front matter, keeping the line of every value.

MkDocs swallows YAML errors and YAML 1.1 turns `no` into False and `010` into 8.
Here the raw `---` block is read by libyaml's event parser (fast, C) and composed
by hand: every scalar stays a string, and anchors, aliases, tags and duplicate
keys are refused before they can do harm. The schema decides later what is a
number, a boolean or a date.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from typing import Any

import yaml

from hub.problems import Problem, shorten

MAX_PAGE_BYTES = 512 * 1024
MAX_FRONT_MATTER_BYTES = 8 * 1024
MAX_DEPTH = 10
DELIMITER = "---"
# Characters that look like a space but are not one to YAML.
LOOKALIKE_SPACES = {"\u00a0": "no-break space", "\u202f": "narrow no-break space", "\u2007": "figure space"}

_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


@dataclass
class Page:
    """A page as read from disk: its front matter tree, its body and what went wrong."""

    path: str
    front_matter: Node | None = None
    body: str = ""
    body_line: int = 1
    problems: list[Problem] = field(default_factory=list)
    # Lines 1..n of the raw block, kept for tools that rewrite one line.
    front_matter_end_line: int = 0

    def report(self, line: int, col: int, field: str, message: str, hint: str = "") -> None:
        """Record a problem of this page."""
        self.problems.append(Problem(self.path, line, col, field, message, hint))


def read_page(path: str, data: bytes) -> Page:
    """Read a page's bytes: check size and encoding, split and parse the front matter."""
    page = Page(path)
    if len(data) > MAX_PAGE_BYTES:
        page.report(
            1,
            1,
            "page",
            f"{len(data):,} bytes, at most {MAX_PAGE_BYTES:,} (512 KiB)",
            "split it into several pages",
        )
        return page
    text = _decode(page, data)
    if text is None:
        return page
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        page.report(1, 1, "page", "the page is empty", "start it with a front matter block between two '---' lines")
        return page
    lines = text.split("\n")
    if lines[0].rstrip() != DELIMITER:
        page.report(
            1,
            1,
            "front matter",
            "missing: the page must start with a '---' line",
            "add the fields title, description, type and updated between two '---' lines",
        )
        return page
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in (DELIMITER, "...")), None)
    if end is None:
        page.report(
            1,
            1,
            "front matter",
            "the closing '---' line is missing",
            "add a line with only --- after the last field",
        )
        return page
    block = "\n".join(lines[1:end]) + "\n"
    page.body = "\n".join(lines[end + 1 :])
    page.body_line = end + 2
    page.front_matter_end_line = end + 1
    size = len(block.encode("utf-8"))
    if size > MAX_FRONT_MATTER_BYTES:
        page.report(
            1,
            1,
            "front matter",
            f"{size:,} bytes, at most {MAX_FRONT_MATTER_BYTES:,} (8 KiB)",
            "keep long text in the page body",
        )
        return page
    page.front_matter = _parse_block(page, block)
    return page


def _decode(page: Page, data: bytes) -> str | None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data[:200]:
        page.report(1, 1, "encoding", "the file is saved as UTF-16", "re-save it as UTF-8")
        return None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        col = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        page.report(
            line,
            col,
            "encoding",
            f"byte 0x{data[error.start]:02X} is not UTF-8 (the file looks like Latin-1 or Windows-1252)",
            "re-save it as UTF-8",
        )
        return None


def _parse_block(page: Page, block: str) -> Node | None:
    first_line = 2  # the block starts on the line after the opening '---'
    for number, raw in enumerate(block.split("\n"), start=first_line):
        indent = raw[: len(raw) - len(raw.lstrip(" \t"))]
        if "\t" in indent:
            page.report(
                number,
                indent.index("\t") + 1,
                "front matter",
                "a tab is used for indentation",
                "indent with spaces only",
            )
            return None
    try:
        return _compose(page, block, first_line)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line if mark else 0) + first_line
        col = (mark.column if mark else 0) + 1
        spaces = _lookalike_spaces(page, block, first_line, quoted=[])
        if spaces:
            return None
        page.report(
            line,
            col,
            "front matter",
            f"YAML syntax error: {error.problem or error.context}",
            _syntax_hint(str(error.problem or "")),
        )
        return None


def _syntax_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return 'put the value in double quotes when it contains ": "'
    if "found character '@'" in problem or "found character '`'" in problem:
        return "put the value in double quotes"
    if "found undefined tag" in problem or "tag" in problem:
        return "remove the '!' tag"
    return "check the quotes and the indentation of this line and the one above"


def _compose(page: Page, block: str, first_line: int) -> Node | None:
    """Build the node tree from parser events, refusing what the hub never needs."""
    stack: list[tuple[Node, str | None]] = []  # (container, pending mapping key)
    root: Node | None = None
    quoted: list[tuple[int, int]] = []
    documents = 0
    for event in yaml.parse(block, Loader=_Parser):
        start: Any = event.start_mark  # the parser always sets marks
        line, col = start.line + first_line, start.column + 1
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                page.report(
                    line,
                    col,
                    "front matter",
                    "a second YAML document starts here",
                    "keep a single block between the two '---' lines",
                )
                return None
            continue
        if isinstance(event, yaml.AliasEvent):
            page.report(
                line,
                col,
                "front matter",
                f"alias *{event.anchor} is not allowed",
                "write the value out in full",
            )
            return None
        if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            if event.anchor is not None:
                page.report(
                    line,
                    col,
                    "front matter",
                    f"anchor &{event.anchor} is not allowed",
                    "write each value out in full",
                )
                return None
            if event.tag is not None:
                tag = event.tag.replace("tag:yaml.org,2002:", "!!")
                page.report(
                    line,
                    col,
                    "front matter",
                    f"tag {shorten(tag)} is not allowed",
                    "remove the tag; plain values are enough",
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
                _attach(page, stack, node)
            else:
                root = node
            continue
        else:
            continue
        if isinstance(node.value, (list, dict)):
            if len(stack) >= MAX_DEPTH:
                page.report(
                    line,
                    col,
                    "front matter",
                    f"nested more than {MAX_DEPTH} levels deep",
                    "flatten the structure",
                )
                return None
            if stack and isinstance(stack[-1][0].value, dict) and stack[-1][1] is None:
                page.report(
                    line,
                    col,
                    "front matter",
                    "a list or mapping cannot be a field name",
                    "write 'name: value'",
                )
                return None
            stack.append((node, None))
        elif stack:
            _attach(page, stack, node)
        else:
            root = node
        if page.problems:
            return None
    if _lookalike_spaces(page, block, first_line, quoted):
        return None
    if root is None or (root.kind == "text" and root.value == ""):
        page.report(
            first_line - 1,
            1,
            "front matter",
            "the block is empty",
            "add the fields title, description, type and updated",
        )
        return None
    if root.kind != "mapping":
        page.report(
            root.line,
            root.col,
            "front matter",
            f"expected 'field: value' lines, found {'a list' if root.kind == 'list' else 'plain text'}",
            "write one 'field: value' per line",
        )
        return None
    return root


def _attach(page: Page, stack: list[tuple[Node, str | None]], node: Node) -> None:
    parent, key = stack[-1]
    if isinstance(parent.value, list):
        parent.value.append(node)
        return
    assert isinstance(parent.value, dict)
    if key is None:
        name = str(node.value)
        if name in parent.value:
            first = parent.value[name]
            page.report(
                node.line,
                node.col,
                name,
                f"defined twice, on lines {first.key_line} and {node.line}",
                "keep only one of the two lines",
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


def _lookalike_spaces(page: Page, block: str, first_line: int, quoted: list[tuple[int, int]]) -> bool:
    """Report no-break spaces outside quoted values: YAML does not see them as spaces."""
    if not any(space in block for space in LOOKALIKE_SPACES):
        return False
    found = False
    for index, char in enumerate(block):
        if char in LOOKALIKE_SPACES and not any(start <= index < end for start, end in quoted):
            line = block.count("\n", 0, index) + first_line
            col = index - (block.rfind("\n", 0, index) + 1) + 1
            page.report(
                line,
                col,
                "front matter",
                f"a {LOOKALIKE_SPACES[char]} is not a space to YAML",
                "replace it with an ordinary space, or put the value in double quotes",
            )
            found = True
    return found
