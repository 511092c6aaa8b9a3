"""French typography rules on plain text: the no-break spaces French requires.

Narrow no-break space before ; ! ?, no-break space before : and inside « ».
Only spaces the author typed are changed (English titles quoted in a French
page keep their own punctuation), except inside « », which is always French.
"""

from __future__ import annotations

import re

NBSP, NNBSP = "\u00a0", "\u202f"
_SPACES = "[ \u00a0\u202f]"
# Each run of spaces is tried once, from its start (the lookbehind), and taken whole
# (possessive `++`/`*+`): linear in the text, however long the run.
_RUN = "(?<![ \u00a0\u202f])" + _SPACES
_BEFORE_TALL = re.compile(_RUN + r"++([;!?])")
_BEFORE_COLON = re.compile(_RUN + r"++:(?=\s|$)")
_OPEN_QUOTE = re.compile("«" + _SPACES + "*+")
_CLOSE_QUOTE = re.compile("(?:" + _RUN + "++)?»")


def french(text: str) -> str:
    """Put the right no-break spaces in a French text (idempotent)."""
    if not any(mark in text for mark in ";!?:«»"):
        return text
    text = _BEFORE_TALL.sub(NNBSP + r"\1", text)
    text = _BEFORE_COLON.sub(NBSP + ":", text)
    text = _OPEN_QUOTE.sub("«" + NBSP, text)
    return _CLOSE_QUOTE.sub(NBSP + "»", text)


def guillemets(text: str) -> str:
    """Only the spacing inside « »: French quotation marks stay French around a foreign title."""
    if "«" not in text and "»" not in text:
        return text
    return _CLOSE_QUOTE.sub(NBSP + "»", _OPEN_QUOTE.sub("«" + NBSP, text))
