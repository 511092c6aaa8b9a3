"""The front-matter contract: hooks/hub/schemas/front_matter.schema.json applied to a page.

The schema is standard JSON Schema (draft 2020-12): editors use it for
autocompletion, `jsonschema` applies it (hooks/hub/schema_check.py), and
CONTRIBUTING's field reference is generated from it. This module adds the one
rule that needs the page's place: the folder gives the language, so a `lang:`
field is never needed.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from hub.problems import Problem, shorten
from hub.schema_check import SchemaCheck
from hub.strict_yaml import Node

SCHEMA_PATH = Path(__file__).parent / "schemas" / "front_matter.schema.json"
NAMES = {"fr": "French", "en": "English"}


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The contract, read once per process."""
    with SCHEMA_PATH.open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = json.load(handle)
    return loaded


@lru_cache(maxsize=1)
def _checker() -> SchemaCheck:
    return SchemaCheck(schema())


def labels(definition: str) -> dict[str, dict[str, str]]:
    """French and English labels of a vocabulary (`tag`, `audience`…) or of page types (`type`)."""
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
    assert isinstance(root.value, dict)
    problems: list[Problem] = []
    fields = root.value
    if "lang" in fields:
        lang = fields["lang"]
        told = lang.value if isinstance(lang.value, str) else ""
        if told == language:
            problems.append(
                Problem(
                    path, lang.line, lang.col, "lang", "not needed: the folder gives the language", "remove this line"
                )
            )
        else:
            problems.append(
                Problem(
                    path,
                    lang.line,
                    lang.col,
                    "lang",
                    f"says {shorten(told)} but the page is in docs/{language}/",
                    f"remove this line; if the page is not in {NAMES.get(language, language)}, "
                    "move it to the other folder",
                )
            )
        root = Node({name: node for name, node in fields.items() if name != "lang"}, root.line, root.col)
    values, found = _checker().check(path, root, today)
    problems += found
    return (values if isinstance(values, dict) and not found else {}), sorted(problems)
