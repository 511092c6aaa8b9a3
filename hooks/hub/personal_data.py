"""Personal data in what readers will see: e-mail addresses, phone numbers and account handles.

The hub never publishes a private person's contact details. The rules run on
text as a reader perceives it, not as it was typed: entities are already
decoded by the HTML parser; then the text is NFKC-normalised (fullwidth
letters and digits become plain ones), invisible format characters (zero-width
spaces and joiners) are removed, every kind of space becomes a plain space,
and letters that look like Latin letters or digits (Cyrillic а, Greek ο…) are
mapped to them, from Unicode's confusables table (the confusable-homoglyphs
package). Public organisations' contacts are allowed by a list kept as data
(hooks/hub/public_contacts.yml).

Every scan here is linear in the text: e-mail addresses are found from their
`@` outwards with bounded runs, and the two expressions have bounded repetitions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

PUBLIC_CONTACTS = Path(__file__).with_name("public_contacts.yml")
_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_DOMAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
_HANDLE = re.compile(r"(?<![\w.@/])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w])")
# International (+33 1 23 45 67 89), French national (01 23 45 67 89), North American ((555) 123-4567).
_PHONE = re.compile(
    r"[+0(](?:(?<=\+)\d{1,3}[ .\-]?(?:\(0\)[ .\-]?)?\d{1,4}(?:[ .\-]?\d{2,4}){2,4}"
    r"|(?<=0)[1-9](?:[ .\-]?\d{2}){4}"
    r"|(?<=\()\d{3}\)\s?\d{3}[ .\-]\d{4})(?!\w)"
)
_SEPARATORS = re.compile(r"[\s.\-()]")


@dataclass(frozen=True)
class Detail:
    """A personal detail found in text: its kind and the text as normalised."""

    kind: str  # "e-mail address", "phone number", "account handle"
    value: str

    @property
    def hint(self) -> str:
        where = "hooks/hub/public_contacts.yml"
        if self.kind == "e-mail address":
            return f"remove it, or add a public organisation's address to {where}"
        if self.kind == "phone number":
            return f"remove it, or add a public service's number to {where}"
        return f"describe the account instead, or add a public organisation to {where}"


@lru_cache(maxsize=1)
def _lookalikes() -> dict[int, str]:
    """Non-ASCII characters that look like an ASCII letter, digit or sign used in addresses."""
    from confusable_homoglyphs import confusables

    table: dict[int, str] = {}
    for ascii_char in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@.+-":
        for glyph in confusables.confusables_data.get(ascii_char, ()):
            character = glyph["c"]
            if len(character) == 1 and not character.isascii():
                table.setdefault(ord(character), ascii_char)
    return table


class _ReadingTable(dict[int, str | None]):
    """What each character becomes once text is read as it looks, for str.translate.

    Filled on first sight of each character (a table of every code point would
    cost most of a second to build): a format character (category Cf) is
    removed, any space but the line break becomes a plain space, a look-alike
    becomes its ASCII letter; in that order of precedence.
    """

    def __missing__(self, code: int) -> str | None:
        character = chr(code)
        if unicodedata.category(character) == "Cf":
            value: str | None = None
        elif character.isspace() and character not in "\n ":
            value = " "
        else:
            value = _lookalikes().get(code, character)
        if len(self) < _REMEMBERED:  # a text made of every code point cannot grow it without end
            self[code] = value
        return value


_REMEMBERED = 20_000
_READING = _ReadingTable()


def normalise(text: str) -> str:
    """Text as it reads: NFKC, no invisible format characters, plain spaces, look-alike letters mapped."""
    return unicodedata.normalize("NFKC", text).translate(_READING)


@lru_cache(maxsize=1)
def public_contacts() -> frozenset[str]:
    """Handles, addresses and numbers of public organisations that pages may show."""
    with PUBLIC_CONTACTS.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    entries = [str(item) for key in ("handles", "emails", "phones") for item in data.get(key) or []]
    return frozenset(_key(entry) for entry in entries)


def _key(contact: str) -> str:
    return _SEPARATORS.sub("", normalise(contact).lower())


def details(text: str, allowed: frozenset[str] | None = None) -> list[Detail]:
    """Every personal detail in a text, after normalisation, except public organisations' contacts."""
    allowed = public_contacts() if allowed is None else allowed
    text = normalise(text)
    found = [Detail("e-mail address", address) for address in _emails(text)]
    if "@" in text:
        inside = [address for address in (d.value for d in found)]
        for match in _HANDLE.finditer(text):
            if not any(match.group(0)[1:] in address for address in inside):
                found.append(Detail("account handle", match.group(0)))
    for match in _PHONE.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        if not (before.isalnum() or before in "_+"):
            found.append(Detail("phone number", match.group(0)))
    return [detail for detail in found if _key(detail.value) not in allowed]


def _emails(text: str) -> list[str]:
    """E-mail addresses, found from each `@` with bounded runs either side (linear in the text)."""
    found = []
    at = text.find("@")
    while at != -1:
        start = at
        while start > 0 and at - start < 64 and text[start - 1] in _LOCAL:
            start -= 1
        end = at + 1
        while end < len(text) and end - at <= 255 and text[end] in _DOMAIN:
            end += 1
        local, domain = text[start:at], text[at + 1 : end].rstrip(".-")
        labels = domain.split(".")
        if local and len(labels) >= 2 and len(labels[-1]) >= 2 and labels[-1].isalpha() and all(labels):
            found.append(f"{local}@{domain}")
        at = text.find("@", at + 1)
    return found
