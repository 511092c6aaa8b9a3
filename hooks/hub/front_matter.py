"""Strict reading of a page's file: its size, encoding, front matter block and body.

MkDocs swallows YAML errors in front matter and publishes the raw block as
text. Here the raw `---` block is split off and read by hooks/hub/strict_yaml.py,
keeping the line of every value; the schema decides later what is a number, a
boolean or a date.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from hub.problems import Problem
from hub.strict_yaml import Node, compose

__all__ = ["Node", "Page", "read_page"]

MAX_PAGE_BYTES = 512 * 1024
MAX_FRONT_MATTER_BYTES = 16 * 1024
DELIMITER = "---"


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
            f"{size:,} bytes, at most {MAX_FRONT_MATTER_BYTES:,} (16 KiB)",
            "keep long text in the page body",
        )
        return page
    page.front_matter = _parse_block(page, block)
    return page


def _decode(page: Page, data: bytes) -> str | None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or data[:200].count(b"\x00") > 20:
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
    root = compose(block, page.report, first_line)
    if page.problems:
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
