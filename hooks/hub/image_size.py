"""The intrinsic size of an image file, so that pages give every image its width and height.

Browsers reserve the room of an image with `width` and `height` before it
arrives: the text does not jump under the reader's thumb (layout shift). Read
from the file's own header (PNG, GIF, JPEG, WebP) or the SVG's root element;
None when the size cannot be told.
"""

from __future__ import annotations

import re
import struct

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

# A length in CSS pixels; the value is stripped before matching, so that the
# expression starts on a digit and cannot rescan a run of spaces.
_LENGTH = re.compile(r"([0-9]{1,9}(?:\.[0-9]{1,9})?)[ \t]*(?:px)?")


def size(data: bytes, suffix: str) -> tuple[int, int] | None:
    """(width, height) in CSS pixels of an image, from its bytes."""
    try:
        if suffix == ".svg":
            return _svg(data)
        if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
            width, height = struct.unpack(">II", data[16:24])
            return width, height
        if data[:6] in (b"GIF87a", b"GIF89a"):
            width, height = struct.unpack("<HH", data[6:10])
            return width, height
        if data.startswith(b"\xff\xd8"):
            return _jpeg(data)
        if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            return _webp(data)
    except (struct.error, ValueError, IndexError):
        return None
    return None


def _svg(data: bytes) -> tuple[int, int] | None:
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (ParseError, DefusedXmlException, ValueError):
        return None
    width, height = (_LENGTH.fullmatch(root.attrib.get(name, "").strip()) for name in ("width", "height"))
    if width and height:
        return round(float(width.group(1))), round(float(height.group(1)))
    box = root.attrib.get("viewBox", "").replace(",", " ").split()
    if len(box) == 4:
        return round(float(box[2])), round(float(box[3]))
    return None


def _jpeg(data: bytes) -> tuple[int, int] | None:
    position = 2
    while position + 9 < len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        length = struct.unpack(">H", data[position + 2 : position + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">HH", data[position + 5 : position + 9])
            return width, height
        position += 2 + length
    return None


def _webp(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8X":
        width = 1 + int.from_bytes(data[24:27], "little")
        height = 1 + int.from_bytes(data[27:30], "little")
        return width, height
    if chunk == b"VP8 ":
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L":
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None
