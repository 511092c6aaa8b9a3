"""Problems found in the hub's content, and how contributors see them.

Every check in hooks/ reports through `Problem`, so the build, `make check-content`
and the tests print the same line: `path:line:col: field: message (hint)`.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_VALUE_CHARS = 40


@dataclass(frozen=True, order=True)
class Problem:
    """One thing a contributor must fix, with where it is and how to fix it."""

    path: str
    line: int
    col: int
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}"
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}: {self.field}: {self.message}{hint}"


def shorten(value: object, limit: int = MAX_VALUE_CHARS) -> str:
    """Quote a value for a message, cut to `limit` characters, with no Python repr."""
    text = " ".join(str(value).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f'"{text}"'


def summary(problems: list[Problem], pages: int) -> str:
    """The final count line printed after the problems."""
    files = len({p.path for p in problems})
    noun = "problem" if len(problems) == 1 else "problems"
    page_noun = "page" if files == 1 else "pages"
    return f"{len(problems)} {noun} in {files} {page_noun} ({pages} pages checked)"
