"""A JSON Schema applied to YAML that a contributor wrote, with messages that name the line.

The schema is standard JSON Schema (draft 2020-12) and is applied by the
`jsonschema` library, so a keyword added to a schema is enforced even if the
hub has no message of its own for it (a generic one then). What the hub adds:

- values typed by the schema: YAML scalars arrive as text (hooks/hub/strict_yaml.py)
  and become integers, numbers or booleans only where the schema says so;
- the line and column of every value, so each validation error points at the
  line to fix, with a hint (`x-hint`, `x-example` and did-you-mean suggestions);
- the hub's own keywords: `x-not-future` (a date or year that has not come yet
  is refused), `x-ordered` (two fields in order, such as min ≤ max), and the
  formats `date`, `https-url` and `language`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators

from hub.problems import Problem, shorten
from hub.strict_yaml import Node

_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")  # 18 digits at most: no giant integers
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]{0,17})(?:\.[0-9]{1,12})?")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_HTTPS_URL = re.compile(r"https://[^\s/$.?#][^\s]*")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Z]{2})?")
# Markup in a plain-text field: a tag opening or an entity (both linear: no nested quantifiers).
_MARKUP = re.compile(r"<[a-zA-Z/!?]|&#?[a-zA-Z0-9]{1,32};")
_KINDS = {"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false"}
_HINTS = {
    "integer": "write digits only, e.g. 2016",
    "number": "write digits, with a dot for decimals, e.g. 3.5",
    "boolean": "write true or false",
}


def known_language(code: str) -> bool:
    """True for a language code that CLDR knows (fr, en, de, sv, pt-BR…)."""
    from babel import Locale, UnknownLocaleError

    if not isinstance(code, str) or not _LANGUAGE.fullmatch(code):
        return False
    try:
        Locale.parse(code, sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    match = _DATE.fullmatch(value)
    if not match:
        return False
    try:
        dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return False
    return True


def _format_checker() -> FormatChecker:
    checker = FormatChecker(formats=())
    checker.checks("date")(_is_date)
    checker.checks("https-url")(lambda value: not isinstance(value, str) or bool(_HTTPS_URL.fullmatch(value)))
    checker.checks("language")(lambda value: not isinstance(value, str) or known_language(value))
    return checker


class SchemaCheck:
    """One schema, ready to check many documents."""

    def __init__(self, schema: dict[str, Any]) -> None:
        Draft202012Validator.check_schema(schema)
        self.schema = schema

    @lru_cache(maxsize=4)  # noqa: B019 (a handful of schemas, each alive for the whole process)
    def _validator(self, today: dt.date) -> Any:
        """The validator, with the hub's keywords; `x-not-future` compares with `today`."""
        hub_validator = validators.extend(
            Draft202012Validator,
            {"x-not-future": _not_future(today), "x-ordered": _ordered},
        )
        return hub_validator(self.schema, format_checker=_format_checker())

    def resolve(self, spec: dict[str, Any]) -> dict[str, Any]:
        """A subschema with its local `$ref` followed."""
        while "$ref" in spec:
            target: Any = self.schema
            for part in spec["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            spec = target
        return spec

    def check(self, path: str, root: Node, today: dt.date) -> tuple[Any, list[Problem]]:
        """The document's values, typed, and every problem, each with its line."""
        problems: list[Problem] = []
        places: dict[tuple[Any, ...], Node] = {}
        value = self._typed(path, root, self.schema, (), places, problems)
        refused = {(problem.line, problem.col) for problem in problems}  # values already refused while typing
        for error in self._validator(today).iter_errors(value):
            problem = self._problem(path, error, places, root)
            if (problem.line, problem.col) not in refused:
                problems.append(problem)
        if not problems:
            value = self._dates(value, self.schema)
            problems += self._markup(path, value, self.schema, (), places)
        return value, sorted(set(problems))

    # --- typing -------------------------------------------------------------
    def _typed(
        self,
        path: str,
        node: Node,
        spec: dict[str, Any],
        at: tuple[Any, ...],
        places: dict[tuple[Any, ...], Node],
        problems: list[Problem],
    ) -> Any:
        places[at] = node
        spec = self.resolve(spec)
        if isinstance(node.value, dict):
            properties = spec.get("properties", {})
            return {
                name: self._typed(path, child, properties.get(name, {}), (*at, name), places, problems)
                for name, child in node.value.items()
            }
        if isinstance(node.value, list):
            items = spec.get("items", {})
            return [self._typed(path, child, items, (*at, i), places, problems) for i, child in enumerate(node.value)]
        text = node.value
        expected = spec.get("type")
        if expected == "integer" and _INTEGER.fullmatch(text):
            return int(text)
        if expected == "number" and _NUMBER.fullmatch(text):
            return float(text) if "." in text else int(text)
        if expected == "boolean" and text in ("true", "false"):
            return text == "true"
        if expected in ("integer", "number") and re.fullmatch(r"-?[0-9]{19,}", text[:4000]):
            problems.append(
                Problem(path, node.line, node.col, _field(at), f"{shorten(text)} is too large", "use a smaller number")
            )
            return None
        return text

    def _dates(self, value: Any, spec: dict[str, Any]) -> Any:
        """Turn date strings into dates once the document is valid (the hub compares them)."""
        spec = self.resolve(spec)
        if isinstance(value, dict):
            properties = spec.get("properties", {})
            return {name: self._dates(child, properties.get(name, {})) for name, child in value.items()}
        if isinstance(value, list):
            return [self._dates(child, spec.get("items", {})) for child in value]
        if spec.get("format") == "date" and isinstance(value, str):
            return dt.date.fromisoformat(value)
        return value

    def _markup(
        self, path: str, value: Any, spec: dict[str, Any], at: tuple[Any, ...], places: dict[tuple[Any, ...], Node]
    ) -> list[Problem]:
        """Plain-text fields stay plain text: a tag or an entity would show as such to readers."""
        spec = self.resolve(spec)
        if isinstance(value, dict):
            properties = spec.get("properties", {})
            return [
                problem
                for name, child in value.items()
                for problem in self._markup(path, child, properties.get(name, {}), (*at, name), places)
            ]
        if isinstance(value, list):
            return [
                problem
                for i, child in enumerate(value)
                for problem in self._markup(path, child, spec.get("items", {}), (*at, i), places)
            ]
        plain = isinstance(value, str) and not any(key in spec for key in ("enum", "format", "pattern", "const"))
        if plain and _MARKUP.search(value):
            node = places[at]
            return [
                Problem(
                    path,
                    node.line,
                    node.col,
                    _field(at),
                    f"{shorten(value)} contains HTML",
                    "write plain text, without < >",
                )
            ]
        return []

    # --- messages -----------------------------------------------------------
    def _problem(self, path: str, error: ValidationError, places: dict[tuple[Any, ...], Node], root: Node) -> Problem:
        at = tuple(error.absolute_path)
        node = places.get(at, root)
        field = _field(at)
        spec = self.resolve(error.schema) if isinstance(error.schema, dict) else {}
        keyword = str(error.validator)
        value = error.instance

        def problem(
            message: str, hint: str = "", where: Node | None = None, name: str | None = None, key: bool = False
        ) -> Problem:
            place = where or node
            line, col = (place.key_line or place.line, place.key_col or place.col) if key else (place.line, place.col)
            return Problem(path, line, col, name or field, message, hint)

        if keyword == "required":
            missing = _missing_name(error)
            name = f"{field}.{missing}" if field else missing
            why = "required"
            then = _then_type(error, self.schema)
            if then:
                why = f"required for a page of type {then}"
            example = (
                self.resolve(self.schema.get("properties", {}).get(missing, {})).get("x-example") if not at else None
            )
            hint = (
                f"add a line '{missing}: {example}'"
                if example
                else (f"add '{missing}:' under '{field}'" if field else f"add the field '{missing}'")
            )
            if not at:  # a missing field has no line of its own: point at the opening '---'
                return Problem(path, 1, 1, name, f"missing, {why}", hint)
            return Problem(path, node.line, node.col, name, "missing", hint)
        if keyword == "additionalProperties":
            allowed = list(spec.get("properties", {}))
            extra = [name for name in value if name not in allowed] if isinstance(value, dict) else []
            name = extra[0] if extra else "?"
            child = places.get((*at, name), node)
            close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "allowed fields: " + ", ".join(allowed)
            return problem("unknown field", hint, where=child, name=f"{field}.{name}" if field else name, key=True)
        if keyword == "type":
            expected = spec.get("type")
            kind = "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else None
            if expected == "array":
                return problem(
                    f"expected a list, found {kind or 'text ' + shorten(value)}",
                    f'write {field}: ["first", "second"] or one \'- item\' per line',
                )
            if expected == "object":
                return problem(
                    f"expected 'name: value' lines, found {kind or 'text ' + shorten(value)}",
                    "indent the sub-fields under this one",
                )
            if kind:
                return problem(
                    f"expected {_KINDS.get(str(expected), 'text')}, found {kind}",
                    spec.get("x-hint", "write it on one line"),
                )
            nouns = {"integer": "is not a whole number", "number": "is not a number", "boolean": "is not true or false"}
            return problem(
                f"{shorten(value)} {nouns.get(str(expected), 'has the wrong type')}",
                _HINTS.get(str(expected), "check the value"),
            )
        if keyword == "enum":
            options = [str(option) for option in spec.get("enum", [])]
            close = difflib.get_close_matches(str(value), options, n=1)
            hint = (f"did you mean '{close[0]}'? " if close else "") + "use one of: " + ", ".join(options)
            return problem(f"{shorten(value)} is not allowed", hint)
        if keyword == "minLength":
            if isinstance(value, str) and not value.strip():
                return problem("is empty", "write a value or remove the line")
            return problem(f"{len(value)} characters, at least {error.validator_value}", "say a little more")
        if keyword == "maxLength":
            return problem(f"{len(value)} characters, at most {error.validator_value}", "shorten it")
        if keyword == "minItems":
            count = len(value)
            return problem(f"{count} item{'s' if count != 1 else ''}, at least {error.validator_value}", "add items")
        if keyword == "maxItems":
            return problem(f"{len(value)} items, at most {error.validator_value}", "remove items")
        if keyword == "uniqueItems":
            seen: set[str] = set()
            for index, item in enumerate(value):
                key = json.dumps(item, sort_keys=True, default=str)
                if key in seen:
                    return problem(f"{shorten(item)} is listed twice", "keep it once", where=places.get((*at, index)))
                seen.add(key)
            return problem("lists an item twice", "keep each item once")
        if keyword == "minimum":
            return problem(f"{value} is below {error.validator_value}", f"use a number from {error.validator_value}")
        if keyword == "maximum":
            return problem(f"{value} is above {error.validator_value}", f"use a number up to {error.validator_value}")
        if keyword == "pattern":
            return problem(f"{shorten(value)} does not have the expected form", spec.get("x-hint", "check the format"))
        if keyword == "format":
            return self._format_problem(problem, value, spec)
        if keyword in ("x-not-future", "x-ordered"):
            message, hint = error.message.split("|", 1)
            if keyword == "x-ordered":
                first = spec["x-ordered"][0]
                return problem(message, hint, where=places.get((*at, first)), name=f"{field}.{first}")
            return problem(message, hint)
        return problem(
            shorten(error.message, 120).strip('"'), spec.get("x-hint", "see the field reference in CONTRIBUTING.md")
        )

    @staticmethod
    def _format_problem(problem: Any, value: Any, spec: dict[str, Any]) -> Problem:
        fmt = spec.get("format")
        if fmt == "date":
            if isinstance(value, str) and _DATE.fullmatch(value):
                return problem(f"{shorten(value)} is not a real date", "check the day and the month")  # type: ignore[no-any-return]
            return problem(f"{shorten(value)} is not a date written YYYY-MM-DD", "e.g. 2026-11-25")  # type: ignore[no-any-return]
        if fmt == "https-url":
            what = "must start with https://" if str(value).startswith("http://") else "is not an https:// address"
            return problem(f"{shorten(value)} {what}", "use the https:// address of the page")  # type: ignore[no-any-return]
        if fmt == "language":
            return problem(f"{shorten(value)} is not a known language code", "write a code such as fr, en, de, sv")  # type: ignore[no-any-return]
        return problem(f"{shorten(value)} is not a valid {fmt}", spec.get("x-hint", "check the format"))  # type: ignore[no-any-return]


def _not_future(today: dt.date) -> Any:
    """The `x-not-future` keyword: a year or a date after `today` is refused."""

    def keyword(validator: Any, wanted: Any, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
        if not wanted:
            return
        if isinstance(instance, int) and not isinstance(instance, bool) and instance > today.year:
            yield ValidationError(f"{instance} is in the future|use a year that has started")
        elif (
            isinstance(instance, str)
            and _DATE.fullmatch(instance)
            and _is_date(instance)
            and dt.date.fromisoformat(instance) > today
        ):
            yield ValidationError(f"{instance} is in the future|use the date of the change, at the latest {today}")

    return keyword


def _ordered(validator: Any, names: Any, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    if not isinstance(instance, dict):
        return
    low, high = (instance.get(name) for name in names)
    if isinstance(low, int) and isinstance(high, int) and low > high:
        yield ValidationError(f"{low} is above {names[1]} ({high})|{names[0]} must be at most {names[1]}")


def _field(at: tuple[Any, ...]) -> str:
    """'sources[2].url' from a path like ('sources', 1, 'url')."""
    text = ""
    for part in at:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _missing_name(error: ValidationError) -> str:
    match = re.match(r"'([^']+)' is a required property", error.message)
    return match.group(1) if match else "?"


def _then_type(error: ValidationError, schema: dict[str, Any]) -> str:
    """The page type whose `if`/`then` rule required the field, if that is where it came from."""
    path = list(error.schema_path)
    if "then" not in path:
        return ""
    index = path.index("then")
    rule: Any = schema
    for part in path[:index]:
        rule = rule[part]
    const = rule.get("if", {}).get("properties", {}).get("type", {}).get("const")
    return str(const) if const else ""
