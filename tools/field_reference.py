"""The front-matter field reference of CONTRIBUTING, generated from hooks/hub/schemas/front_matter.schema.json.

The table between the `<!-- fields:start -->` and `<!-- fields:end -->` lines of
CONTRIBUTING.md (English) and CONTRIBUTING.fr.md (French) is written from the
schema, never by hand; a test fails when it drifts.

    python tools/field_reference.py          # rewrite both guides
    python tools/field_reference.py --check  # exit 1 if either is out of date
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from hub import contract  # noqa: E402 (the hooks folder is not a package)

GUIDES = {"en": ROOT / "CONTRIBUTING.md", "fr": ROOT / "CONTRIBUTING.fr.md"}
START, END = "<!-- fields:start -->", "<!-- fields:end -->"
WORDS = {
    "en": {
        "field": "Field",
        "required": "Required for",
        "value": "Value",
        "meaning": "What it is",
        "all": "every page",
        "optional": "optional",
        "types": "Page types",
        "tags": "Tags",
        "audience": "Audiences",
        "text": "text, {min}–{max} characters",
        "list": "list",
        "date": "date YYYY-MM-DD",
        "integer": "whole number",
        "number": "number",
        "boolean": "true or false",
        "mapping": "sub-fields",
        "url": "https:// address",
        "one_of": "one of the list below",
        "example": "e.g.",
        "colon": ":",
    },
    "fr": {
        "field": "Champ",
        "required": "Obligatoire pour",
        "value": "Valeur",
        "meaning": "Ce que c'est",
        "all": "toutes les pages",
        "optional": "facultatif",
        "types": "Types de page",
        "tags": "Thèmes",
        "audience": "Publics",
        "text": "texte, {min} à {max} caractères",
        "list": "liste",
        "date": "date AAAA-MM-JJ",
        "integer": "nombre entier",
        "number": "nombre",
        "boolean": "true ou false",
        "mapping": "sous-champs",
        "url": "adresse https://",
        "one_of": "un élément de la liste ci-dessous",
        "example": "ex.",
        "colon": "\u00a0:",
    },
}


def reference(language: str) -> str:
    """The Markdown of the field reference in one language."""
    schema = contract.schema()
    words = WORDS[language]
    page_types = schema["properties"]["type"]["enum"]
    required_by: dict[str, list[str]] = {}
    for page_type in page_types:
        for name in contract.requirements(page_type):
            required_by.setdefault(name, []).append(page_type)
    lines = [f"| {words['field']} | {words['required']} | {words['value']} | {words['meaning']} |", "|---|---|---|---|"]
    for name, spec in schema["properties"].items():
        needed = required_by.get(name, [])
        who = (
            words["all"]
            if len(needed) == len(page_types)
            else (", ".join(f"`{t}`" for t in needed) or words["optional"])
        )
        meaning = spec.get("x-description-fr" if language == "fr" else "description", "")
        example = spec.get("x-example")
        if example:
            meaning += f" ({words['example']} `{name}: {example}`)"
        lines.append(f"| `{name}` | {who} | {_value(spec, words)} | {meaning} |")
    lines += ["", f"**{words['types']}**{words['colon']} "]
    lines[-1] += ", ".join(f"`{t}` ({contract.labels('type')[t][language]})" for t in page_types)
    for key, definition in (("tags", "tag"), ("audience", "audience")):
        labels = contract.labels(definition)
        title = f"**{words[key]}**{words['colon']} "
        lines += ["", title + ", ".join(f"`{item}` ({names[language]})" for item, names in labels.items())]
    return "\n".join(lines)


def _value(spec: dict[str, Any], words: dict[str, str]) -> str:
    if "$ref" in spec:
        spec = contract.schema()["$defs"][spec["$ref"].rsplit("/", 1)[-1]]
    kind = spec.get("type")
    if "enum" in spec:
        return words["one_of"]
    if kind == "string":
        if spec.get("format") == "date":
            return words["date"]
        if "minLength" in spec:
            return words["text"].format(min=spec["minLength"], max=spec["maxLength"])
        return words["text"].split(",")[0]
    if kind == "array":
        item = _value(spec.get("items", {}), words)
        return f"{words['list']} ({item})"
    if kind == "object":
        return f"{words['mapping']}{words['colon']} " + ", ".join(f"`{name}`" for name in spec.get("properties", {}))
    return words.get(kind or "", kind or "")


def updated(text: str, language: str) -> str:
    """A guide's text with its field reference regenerated."""
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)
    return pattern.sub(lambda _: f"{START}\n{reference(language)}\n{END}", text, count=1)


def main(argv: list[str]) -> int:
    stale = []
    for language, path in GUIDES.items():
        text = path.read_text(encoding="utf-8")
        fresh = updated(text, language)
        if fresh != text:
            stale.append(path.name)
            if "--check" not in argv:
                path.write_text(fresh, encoding="utf-8")
    if "--check" in argv and stale:
        print(
            f"{', '.join(stale)}: the field reference is out of date; run python tools/field_reference.py",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
