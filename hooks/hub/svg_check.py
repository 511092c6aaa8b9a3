"""SVG diagrams from contributors: drawings only, nothing that runs or loads.

An SVG file opened on its own is a document: a `<script>`, an event handler, a
`<foreignObject>` with HTML or a link to another site runs or loads in the
reader's browser. SVG files are XML, so they are parsed as XML, with
defusedxml (no DTD, no entities, no external references), and checked
against an allow-list of drawing elements and presentation attributes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
MAX_SVG_BYTES = 256 * 1024
ELEMENTS = frozenset(
    [
        "svg",
        "g",
        "defs",
        "symbol",
        "use",
        "title",
        "desc",
        "path",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "text",
        "tspan",
        "marker",
        "linearGradient",
        "radialGradient",
        "stop",
        "clipPath",
        "mask",
        "pattern",
    ]
)
ATTRIBUTES = frozenset(
    [
        "id",
        "class",
        "viewBox",
        "width",
        "height",
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "d",
        "points",
        "transform",
        "fill",
        "fill-opacity",
        "fill-rule",
        "stroke",
        "stroke-width",
        "stroke-opacity",
        "stroke-dasharray",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-miterlimit",
        "opacity",
        "font-family",
        "font-size",
        "font-weight",
        "font-style",
        "text-anchor",
        "dominant-baseline",
        "letter-spacing",
        "role",
        "aria-label",
        "aria-labelledby",
        "aria-describedby",
        "aria-hidden",
        "focusable",
        "version",
        "preserveAspectRatio",
        "offset",
        "stop-color",
        "stop-opacity",
        "gradientUnits",
        "gradientTransform",
        "markerWidth",
        "markerHeight",
        "refX",
        "refY",
        "orient",
        "markerUnits",
        "clip-path",
        "clipPathUnits",
        "mask",
        "patternUnits",
        "dx",
        "dy",
        "lang",
        "xml:space",
        "href",
    ]
)
# A reference inside the same file only: url(#id) in presentation attributes, #id in href.
_URL = re.compile(r"url\(\s*['\"]?([^)'\"]{0,200})", re.IGNORECASE)


@dataclass(frozen=True)
class SvgProblem:
    """Something an SVG must not contain, and how to fix it."""

    message: str
    hint: str


def check(data: bytes) -> list[SvgProblem]:
    """Every reason this SVG file cannot be published; empty when it is a plain drawing."""
    if len(data) > MAX_SVG_BYTES:
        return [SvgProblem(f"{len(data):,} bytes, at most {MAX_SVG_BYTES:,}", "simplify the drawing")]
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (ParseError, DefusedXmlException, ValueError) as error:
        return [SvgProblem(f"cannot be read as SVG ({str(error)[:80]})", "export it again as plain SVG")]
    if root.tag != f"{SVG}svg":
        return [SvgProblem("is not an SVG document", "export it again as plain SVG")]
    problems: list[SvgProblem] = []
    for element in root.iter():
        problems += _element(element)
        if len(problems) > 20:
            break
    return list(dict.fromkeys(problems))


def _element(element: Element) -> list[SvgProblem]:
    tag = element.tag if isinstance(element.tag, str) else ""
    name = tag.removeprefix(SVG)
    if not tag.startswith(SVG) or name not in ELEMENTS:
        shown = tag.split("}")[-1] or "?"
        return [SvgProblem(f"<{shown}> is not allowed in SVG files", "keep to shapes, text, titles and descriptions")]
    problems = []
    for raw, value in element.attrib.items():
        attribute = "xml:space" if raw == "{http://www.w3.org/XML/1998/namespace}space" else raw
        attribute = "href" if attribute == f"{XLINK}href" else attribute
        if attribute.lower().startswith("on"):
            problems.append(SvgProblem(f"the {attribute}= attribute runs a script", "remove it"))
        elif attribute not in ATTRIBUTES:
            problems.append(SvgProblem(f"the {attribute.split('}')[-1]}= attribute is not allowed", "remove it"))
        elif attribute == "href" and not value.strip().startswith("#"):
            problems.append(SvgProblem("links to another file or site", "keep references inside the file (#id)"))
        else:
            for target in _URL.findall(value):
                if not target.strip().startswith("#"):
                    problems.append(SvgProblem("loads something from another file or site", "remove the url(…)"))
    return problems
