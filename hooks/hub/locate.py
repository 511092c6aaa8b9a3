"""From a finding in the rendered HTML back to the line of the Markdown source that produced it.

Python-Markdown keeps no source positions, and a finding is a fact about the
HTML (an attribute, an element, an address), which may be spelled quite
differently in the source (`&#106;avascript:`). So the source is rendered line
by line: the finding's line is the first line whose rendering, with the lines
before it, shows the finding. A binary search needs a handful of renders per
page, and only pages with findings pay for it. The column is where the
finding's needle (an attribute name, a tag, an address) appears on that line,
or 1.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable


class PrefixFindings:
    """The findings of each prefix of a page's lines, computed once per prefix."""

    def __init__(self, lines: list[str], analyse: Callable[[str], set[Hashable]]) -> None:
        self.lines = lines
        self.analyse = analyse
        self._cache: dict[int, set[Hashable]] = {}

    def at(self, count: int) -> set[Hashable]:
        """The findings of the first `count` lines."""
        if count not in self._cache:
            self._cache[count] = self.analyse("\n".join(self.lines[:count])) if count else set()
        return self._cache[count]

    def line_of(self, key: Hashable) -> int:
        """The 1-based line that makes `key` appear (the last line if no prefix shows it alone)."""
        low, high = 1, len(self.lines)
        if key not in self.at(high):
            return high
        while low < high:
            middle = (low + high) // 2
            if key in self.at(middle):
                high = middle
            else:
                low = middle + 1
        return low


def column(line: str, needle: str) -> int:
    """1-based column of `needle` on `line` (case-insensitive), or 1."""
    if not needle:
        return 1
    index = line.lower().find(needle.lower())
    return index + 1 if index >= 0 else 1
