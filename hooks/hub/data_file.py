"""Reading one YAML data file of docs/ (glossary, facts, terms): bounded, strict, checked by its schema.

The file is read only if it is a regular file below the size cap; the YAML is
read by hooks/hub/strict_yaml.py (no anchors, aliases or tags); the values are
checked by the file's JSON Schema in hooks/hub/schemas/. A missing file is an
empty list. Every problem carries the file's path and the line.
"""

from __future__ import annotations

import datetime as dt
import json
import stat
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from hub.problems import Problem
from hub.schema_check import SchemaCheck
from hub.strict_yaml import Node, compose

MAX_DATA_BYTES = 1024 * 1024
SCHEMAS = Path(__file__).parent / "schemas"


@dataclass
class DataFile:
    """A data file as read: its entries (typed), their nodes (for lines) and its problems."""

    path: str
    entries: list[dict[str, Any]] = field(default_factory=list)
    nodes: list[Node] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def report(self, line: int, col: int, name: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.path, line, col, name, message, hint))


@lru_cache(maxsize=8)
def schema_check(name: str) -> SchemaCheck:
    """The checker of hooks/hub/schemas/<name>.schema.json."""
    with (SCHEMAS / f"{name}.schema.json").open(encoding="utf-8") as handle:
        return SchemaCheck(json.load(handle))


def load(docs_dir: Path, file_name: str, schema_name: str, today: dt.date | None = None) -> DataFile:
    """Read and check docs/<file_name>, a YAML list of entries."""
    path = docs_dir / file_name
    data = DataFile(path.relative_to(docs_dir.parent).as_posix())
    try:
        info = path.lstat()
    except FileNotFoundError:
        return data
    except OSError as error:
        data.report(1, 1, "file", f"cannot be read ({error.strerror})", "check the file")
        return data
    if not stat.S_ISREG(info.st_mode):
        data.report(
            1, 1, "file", "is not a regular file (a link, a folder or a device)", "replace it with a plain file"
        )
        return data
    if info.st_size > MAX_DATA_BYTES:
        data.report(1, 1, "file", f"{info.st_size:,} bytes, at most {MAX_DATA_BYTES:,} (1 MiB)", "split the data")
        return data
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        data.report(1, 1, "encoding", f"byte {error.start} is not UTF-8", "re-save the file as UTF-8")
        return data
    except OSError as error:
        data.report(1, 1, "file", f"cannot be read ({error.strerror})", "check the file")
        return data
    root = compose(text.replace("\r\n", "\n"), data.report, first_line=1, field=schema_name)
    if data.problems or root is None:
        return data
    if not isinstance(root.value, list):
        data.report(root.line, root.col, schema_name, "expected a list of entries", "start each entry with '- '")
        return data
    data.nodes = list(root.value)
    values, problems = schema_check(schema_name).check(data.path, root, today or dt.date.today())
    data.problems += problems
    if not problems and isinstance(values, list):
        data.entries = values
    return data
