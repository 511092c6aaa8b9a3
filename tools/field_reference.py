"""The field references of CONTRIBUTING, generated from the schemas of hooks/hub/schemas/.

The tables between the `<!-- fields:start -->` and `<!-- fields:end -->` lines
(front matter) and the `<!-- facts:start -->` and `<!-- facts:end -->` lines
(the facts registry) of CONTRIBUTING.md (English) and CONTRIBUTING.fr.md
(French) are written from the schemas, never by hand; a test fails when they drift.

    python tools/field_reference.py          # rewrite both guides
    python tools/field_reference.py --check  # exit 1 if either is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from hub import contract, data_file  # noqa: E402 (the hooks folder is not on the path by default)

GUIDES = {"en": ROOT / "CONTRIBUTING.md", "fr": ROOT / "CONTRIBUTING.fr.md"}
START, END = "<!-- fields:start -->", "<!-- fields:end -->"
FACTS_START, FACTS_END = "<!-- facts:start -->", "<!-- facts:end -->"
VOCABULARIES = (
    ("tags", "tag"),
    ("audience", "audience"),
    ("hate_forms", "hate_form"),
    ("settings", "setting"),
    ("goals", "goal"),
)
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
        "hate_forms": "Forms of hate",
        "settings": "Settings",
        "goals": "Goals",
        "entry": "Each entry of docs/facts.yml",
        "source": "each source",
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
        "hate_forms": "Formes de haine",
        "settings": "Contextes",
        "goals": "Objectifs",
        "entry": "Chaque entrée de docs/facts.yml",
        "source": "chaque source",
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
    for key, definition in VOCABULARIES:
        labels = contract.labels(definition)
        title = f"**{words[key]}**{words['colon']} "
        lines += ["", title + ", ".join(f"`{item}` ({names[language]})" for item, names in labels.items())]
    return "\n".join(lines)


def _value(spec: dict[str, Any], words: dict[str, str], schema: dict[str, Any] | None = None) -> str:
    if "$ref" in spec:
        spec = (schema or contract.schema())["$defs"][spec["$ref"].rsplit("/", 1)[-1]]
    kind = spec.get("type")
    if "enum" in spec:
        return words["one_of"]
    if kind == "string":
        if spec.get("format") == "date":
            return words["date"]
        if spec.get("format") == "https-url":
            return words["url"]
        if "minLength" in spec and "maxLength" in spec:
            return words["text"].format(min=spec["minLength"], max=spec["maxLength"])
        return words["text"].split(",")[0]
    if kind == "array":
        item = _value(spec.get("items", {}), words, schema)
        return f"{words['list']} ({item})"
    if kind == "object":
        return f"{words['mapping']}{words['colon']} " + ", ".join(f"`{name}`" for name in spec.get("properties", {}))
    return words.get(kind or "", kind or "")


def facts_reference(language: str) -> str:
    """The Markdown of the facts registry's field reference in one language."""
    schema = data_file.schema_check("facts").schema
    words = WORDS[language]
    entry = schema["items"]
    lines = [
        f"**{words['entry']}**{words['colon']}",
        "",
        f"| {words['field']} | {words['value']} | {words['meaning']} |",
    ]
    lines.append("|---|---|---|")
    for name, spec in entry["properties"].items():
        needed = "" if name in entry["required"] else f" ({words['optional']})"
        meaning = spec.get("x-description-fr" if language == "fr" else "description", "")
        lines.append(f"| `{name}`{needed} | {_value(spec, words, schema)} | {meaning} |")
    source = schema["$defs"]["source"]
    fields = ", ".join(
        f"`{name}`" + ("" if name in source["required"] else f" ({words['optional']})") for name in source["properties"]
    )
    lines += ["", f"**`sources`**, {words['source']}{words['colon']} {fields}."]
    return "\n".join(lines)


def updated(text: str, language: str) -> str:
    """A guide's text with its field references regenerated."""
    for start, end, table in ((START, END, reference), (FACTS_START, FACTS_END, facts_reference)):
        before, found, rest = text.partition(start)
        _, closed, after = rest.partition(end)
        if found and closed:
            text = f"{before}{start}\n{table(language)}\n{end}{after}"
    return text


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
