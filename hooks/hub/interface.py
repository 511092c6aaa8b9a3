"""The hub's interface words in each language (hooks/interface.yml)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import yaml
from babel.dates import format_date

STRINGS = Path(__file__).with_name("interface.yml")


@lru_cache(maxsize=1)
def _all() -> dict[str, dict[str, str]]:
    with STRINGS.open(encoding="utf-8") as handle:
        loaded: dict[str, dict[str, str]] = yaml.safe_load(handle)
    return loaded


def strings(language: str) -> dict[str, str]:
    """Every interface string of a language."""
    return _all()[language]


def text(language: str, key: str, **values: object) -> str:
    """One interface string, with its {placeholders} filled in."""
    return _all()[language][key].format(**values)


@lru_cache(maxsize=4096)  # pages share their dates; babel takes tens of microseconds each time
def long_date(day: dt.date, language: str) -> str:
    """'25 novembre 2026' / '25 November 2026'."""
    return format_date(day, format="d MMMM y", locale=language)
