"""The front-matter contract: hooks/front_matter.schema.json applied to a page.

The schema is standard JSON Schema (draft 2020-12), so editors can use it for
autocompletion. This module applies the subset the schema uses, to the node tree
of front_matter.py, so every message can name the line of the value and say how
to fix it. Scalars arrive as text; the schema's type decides how to read them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from hub.front_matter import Node
from hub.problems import Problem, shorten

SCHEMA_PATH = Path(__file__).with_name("front_matter.schema.json")
_INTEGER = re.compile(r"^-?(0|[1-9][0-9]*)$")
_NUMBER = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")
_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_MARKUP = re.compile(r"<[a-zA-Z/!?]|&#?\w+;")


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The contract, read once per process."""
    with SCHEMA_PATH.open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = json.load(handle)
    return loaded


def labels(definition: str) -> dict[str, dict[str, str]]:
    """French and English labels of a vocabulary (`tag`, `audience`) or of page types (`type`)."""
    spec = schema()["$defs"].get(definition) or schema()["properties"][definition]
    return dict(spec["x-labels"])


def requirements(page_type: str) -> list[str]:
    """Fields a page of this type must have, in the schema's order."""
    required = list(schema()["required"])
    for rule in schema().get("allOf", []):
        if rule["if"]["properties"]["type"]["const"] == page_type:
            required += [name for name in rule["then"]["required"] if name not in required]
    return required


def check(path: str, language: str, root: Node, today: dt.date) -> tuple[dict[str, Any], list[Problem]]:
    """Validate a front matter tree; return its values (typed) and every problem found."""
    checker = _Checker(path, today)
    assert isinstance(root.value, dict)
    fields = root.value
    if "lang" in fields:
        lang = fields["lang"]
        told = lang.value if isinstance(lang.value, str) else ""
        if told == language:
            checker.report(lang, "lang", "not needed: the folder gives the language", "remove this line")
        else:
            checker.report(
                lang,
                "lang",
                f"says {shorten(told)} but the page is in docs/{language}/",
                f"remove this line; if the page is not in {_language_name(language)}, move it to the other folder",
            )
        fields = {k: v for k, v in fields.items() if k != "lang"}
    values = checker.value(Node(fields, root.line, root.col), schema(), "")
    page_type = values.get("type") if isinstance(values, dict) else None
    if isinstance(page_type, str):
        for name in requirements(page_type):
            if name not in fields and name not in schema()["required"]:
                checker.missing(root, name, f"required for a page of type {page_type}")
    return values if isinstance(values, dict) else {}, checker.problems


def _language_name(language: str) -> str:
    return {"fr": "French", "en": "English"}.get(language, language)


class _Checker:
    def __init__(self, path: str, today: dt.date) -> None:
        self.path = path
        self.today = today
        self.problems: list[Problem] = []

    def report(self, node: Node, field: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.path, node.line, node.col, field, message, hint))

    def missing(self, root: Node, name: str, why: str = "required") -> None:
        spec = schema()["properties"].get(name, {})
        example = spec.get("x-example")
        hint = f"add a line '{name}: {example}'" if example else f"add the field '{name}'"
        # A missing field has no line of its own: point at the opening '---'.
        self.problems.append(Problem(self.path, 1, 1, name, f"missing, {why}", hint))

    def value(self, node: Node, spec: dict[str, Any], field: str) -> Any:
        if "$ref" in spec:
            spec = schema()["$defs"][spec["$ref"].rsplit("/", 1)[-1]]
        expected = spec.get("type")
        if expected == "object":
            return self._mapping(node, spec, field)
        if expected == "array":
            return self._list(node, spec, field)
        if not isinstance(node.value, str):
            self.report(
                node,
                field,
                f"expected {_kind_name(expected)}, found a {node.kind}",
                spec.get("x-hint", "write it on one line"),
            )
            return None
        return self._scalar(node, node.value, spec, field)

    def _mapping(self, node: Node, spec: dict[str, Any], field: str) -> dict[str, Any] | None:
        if not isinstance(node.value, dict):
            self.report(
                node,
                field,
                f"expected 'name: value' lines, found {_found(node)}",
                "indent the sub-fields under this one",
            )
            return None
        properties = spec.get("properties", {})
        result: dict[str, Any] = {}
        for name, child in node.value.items():
            child_field = f"{field}.{name}" if field else name
            if name not in properties:
                self.problems.append(
                    Problem(
                        self.path,
                        child.key_line or child.line,
                        child.key_col or child.col,
                        child_field,
                        "unknown field",
                        _did_you_mean(name, list(properties)),
                    )
                )
                continue
            result[name] = self.value(child, properties[name], child_field)
        for name in spec.get("required", []):
            if name not in node.value:
                if field:
                    self.report(node, f"{field}.{name}", "missing", f"add '{name}:' under '{field}'")
                else:
                    self.missing(node, name)
        ordered = spec.get("x-ordered")
        if ordered:
            low, high = (result.get(name) for name in ordered)
            if isinstance(low, int) and isinstance(high, int) and low > high:
                self.report(
                    node.value[ordered[0]],
                    f"{field}.{ordered[0]}",
                    f"{low} is above {ordered[1]} ({high})",
                    f"{ordered[0]} must be at most {ordered[1]}",
                )
        return result

    def _list(self, node: Node, spec: dict[str, Any], field: str) -> list[Any] | None:
        if not isinstance(node.value, list):
            self.report(
                node,
                field,
                f"expected a list, found {_found(node)}",
                f'write {field}: ["first", "second"] or one \'- item\' per line',
            )
            return None
        items = node.value
        if "minItems" in spec and len(items) < spec["minItems"]:
            self.report(
                node,
                field,
                f"{len(items)} item{'s' if len(items) != 1 else ''}, at least {spec['minItems']}",
                "add items",
            )
        if "maxItems" in spec and len(items) > spec["maxItems"]:
            self.report(node, field, f"{len(items)} items, at most {spec['maxItems']}", "remove items")
        result = [self.value(item, spec.get("items", {}), f"{field}[{i}]") for i, item in enumerate(items, start=1)]
        if spec.get("uniqueItems"):
            seen: set[str] = set()
            for item, typed in zip(items, result, strict=True):
                key = json.dumps(typed, sort_keys=True, default=str)
                if key in seen:
                    self.report(item, field, f"{shorten(typed)} is listed twice", "keep it once")
                seen.add(key)
        return result

    def _scalar(self, node: Node, text: str, spec: dict[str, Any], field: str) -> Any:
        expected = spec.get("type", "string")
        value: Any = text
        if expected == "integer":
            if not _INTEGER.match(text):
                self.report(node, field, f"{shorten(text)} is not a whole number", "write digits only, e.g. 2016")
                return None
            value = int(text)
        elif expected == "number":
            if not _NUMBER.match(text):
                self.report(
                    node, field, f"{shorten(text)} is not a number", "write digits, with a dot for decimals, e.g. 3.5"
                )
                return None
            value = float(text) if "." in text else int(text)
        elif expected == "boolean":
            if text not in ("true", "false"):
                self.report(node, field, f"{shorten(text)} is not true or false", "write true or false")
                return None
            value = text == "true"
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return self._number(node, value, spec, field)
        if isinstance(value, bool):
            return value
        return self._text(node, text, spec, field)

    def _number(self, node: Node, value: float, spec: dict[str, Any], field: str) -> float | None:
        if "minimum" in spec and value < spec["minimum"]:
            self.report(node, field, f"{value} is below {spec['minimum']}", f"use a number from {spec['minimum']}")
        elif "maximum" in spec and value > spec["maximum"]:
            self.report(node, field, f"{value} is above {spec['maximum']}", f"use a number up to {spec['maximum']}")
        elif spec.get("x-not-future") and value > self.today.year:
            self.report(node, field, f"{value} is in the future", "use a year that has started")
        return value

    def _text(self, node: Node, text: str, spec: dict[str, Any], field: str) -> str | dt.date | None:
        if "enum" in spec:
            if text not in spec["enum"]:
                options = ", ".join(spec["enum"])
                suggestion = difflib.get_close_matches(text, spec["enum"], n=1)
                hint = f"did you mean '{suggestion[0]}'? " if suggestion else ""
                self.report(node, field, f"{shorten(text)} is not allowed", f"{hint}use one of: {options}")
                return None
            return text
        if not text.strip():
            self.report(node, field, "is empty", "write a value or remove the line")
            return None
        if _MARKUP.search(text):
            # Titles and descriptions end up in every page's navigation and head, unescaped.
            self.report(node, field, f"{shorten(text)} contains HTML", "write plain text, without < >")
            return None
        length = len(text)
        if "minLength" in spec and length < spec["minLength"]:
            self.report(node, field, f"{length} characters, at least {spec['minLength']}", "say a little more")
            return None
        if "maxLength" in spec and length > spec["maxLength"]:
            self.report(node, field, f"{length} characters, at most {spec['maxLength']}", "shorten it")
            return None
        if "pattern" in spec and not re.match(spec["pattern"], text):
            self.report(
                node, field, f"{shorten(text)} does not have the expected form", spec.get("x-hint", "check the format")
            )
            return None
        fmt = spec.get("format")
        if fmt == "https-url" and not re.match(r"^https://[^\s/$.?#][^\s]*$", text):
            problem = "must start with https://" if text.startswith("http://") else "is not an https:// address"
            self.report(node, field, f"{shorten(text)} {problem}", "use the https:// address of the page")
            return None
        if fmt == "date":
            return self._date(node, text, spec, field)
        if fmt == "language" and not known_language(text):
            self.report(
                node, field, f"{shorten(text)} is not a known language code", "write a code such as fr, en, de, sv"
            )
            return None
        return text

    def _date(self, node: Node, text: str, spec: dict[str, Any], field: str) -> dt.date | None:
        match = _DATE.match(text)
        if not match:
            self.report(node, field, f"{shorten(text)} is not a date written YYYY-MM-DD", "e.g. 2026-11-25")
            return None
        try:
            day = dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            self.report(node, field, f"{shorten(text)} is not a real date", "check the day and the month")
            return None
        if spec.get("x-not-future") and day > self.today:
            self.report(
                node, field, f"{text} is in the future", f"use the date of the change, at the latest {self.today}"
            )
        return day


@lru_cache(maxsize=256)
def known_language(code: str) -> bool:
    """True for a language code that CLDR knows (fr, en, de, sv, pt-BR…)."""
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(code, sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


def _kind_name(expected: str | None) -> str:
    return {"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false"}.get(
        expected or "string", "text"
    )


def _found(node: Node) -> str:
    return (
        "a list" if node.kind == "list" else ("a mapping" if node.kind == "mapping" else f"text {shorten(node.value)}")
    )


def _did_you_mean(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return "allowed fields: " + ", ".join(known)
