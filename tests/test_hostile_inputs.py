"""The corpus of hostile inputs (tests/fixtures/hostile/, one class per file), each built in tmp_path.

Every case is checked by `python -m hub check` and built by `make build`'s
publisher (tools/publish.py): it must be refused with its file and line, never
published, never crash with a traceback, and finish in bounded time. A few
cases are harmless once the hub reads them as a browser would (`publishes: true`):
those must build.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ENV, HUB, ROOT, front_matter, write_site

CORPUS = ROOT / "tests" / "fixtures" / "hostile"
BOUND_SECONDS = 120  # a whole check or build of one group, slow pages included
FAST = {**ENV, "HUB_PDF": "0", "HUB_RENDER_SECONDS": "2"}
BODY_LINE = front_matter("x").count("\n") + 1  # the first body line under the standard front matter


def classes() -> list[dict[str, Any]]:
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(CORPUS.glob("*.yml"))]


def groups() -> list[tuple[str, list[dict[str, Any]]]]:
    """Cases built together (one site per class), and each case that needs a site of its own."""
    found = []
    for kind in classes():
        together = [case for case in kind["cases"] if not (case.get("alone") or case.get("publishes"))]
        if together:
            found.append((kind["class"], together))
        found += [(f"{kind['class']}: {case['name']}", [case]) for case in kind["cases"] if case not in together]
    return found


def page_of(case: dict[str, Any]) -> str:
    """The page file of a case, front matter included."""
    if "file" in case:
        return str(case["file"])
    repeat = case.get("repeat")
    if case.get("nested_list"):
        body = "".join("  " * level + "- x\n" for level in range(case["nested_list"]))
    elif repeat:
        body = repeat.get("before", "") + repeat["text"] * repeat["times"]
        body += repeat.get("then", "") * repeat.get("then_times", 0) + repeat.get("after", "")
    else:
        body = str(case.get("page", ""))
    extra = case.get("front_matter")
    head = front_matter(f"Cas {case['name']}")
    if extra:
        head = head.replace("\n---\n", f"\n{extra}\n---\n", 1)
    return head + body + "\n"


def write_cases(root: Path, cases: list[dict[str, Any]]) -> None:
    pages: dict[str, str | bytes] = {"fr/index.md": front_matter("Accueil", "home") + "Bonjour.\n"}
    pages["en/index.md"] = front_matter("Home", "home") + "Hello.\n"
    for case in cases:
        text = page_of(case)
        pages[f"fr/{case['name']}.md"] = text.encode("latin-1") if case.get("latin1") else text
    write_site(root, pages)
    for case in cases:
        for path, content in (case.get("files") or {}).items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        for path, link in (case.get("links") or {}).items():
            (root / path).symlink_to(link)
        for path in case.get("fifos") or []:
            os.mkfifo(root / path)


def expected(case: dict[str, Any]) -> list[tuple[str, str]]:
    """(place, message) pairs: 'docs/fr/case.md:8:' and what it must say."""
    found = []
    for item in case.get("expect") or []:
        path = item.get("path", f"docs/fr/{case['name']}.md")
        line = item.get("at", item.get("line"))
        found.append((f"{path}:{line}:", item["says"]))
    return found


def run(command: list[str], root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=root, env=FAST, capture_output=True, text=True, check=False, timeout=BOUND_SECONDS
    )


def reported(output: str, place: str, message: str) -> bool:
    return any(line.startswith(place) and message in line for line in re.split(r"\n|ERROR\s+-\s+\w+: ", output))


@pytest.mark.parametrize(("name", "cases"), groups(), ids=[name for name, _ in groups()])
def test_hostile_inputs_are_refused_where_they_are_written(
    tmp_path: Path, name: str, cases: list[dict[str, Any]]
) -> None:
    root = tmp_path / "hub"
    root.mkdir()
    write_cases(root, cases)
    check = run([*HUB, "check", "docs"], root)
    build = run([sys.executable, str(ROOT / "tools" / "publish.py"), "--config", str(root / "mkdocs.yml")], root)
    for finished in (check, build):
        assert "Traceback" not in finished.stdout + finished.stderr, (finished.stdout + finished.stderr)[-3000:]
    if all(case.get("publishes") for case in cases):
        assert check.returncode == 0, check.stdout[-3000:]
        assert build.returncode == 0, (build.stdout + build.stderr)[-3000:]
        return
    assert check.returncode == 1
    assert build.returncode != 0
    assert not (root / "site").exists(), "nothing is published"
    for case in cases:
        for place, message in expected(case):
            assert reported(check.stdout, place, message), f"check: {place} {message}\n{check.stdout[-3000:]}"
            output = build.stdout + build.stderr
            assert reported(output, place, message), f"build: {place} {message}\n{output[-3000:]}"


def test_every_case_says_what_it_expects() -> None:
    for kind in classes():
        for case in kind["cases"]:
            assert case.get("expect") or case.get("publishes"), case["name"]


def test_amp_tooltip_leaves_entities_intact(tmp_path: Path) -> None:
    case = next(c for k in classes() for c in k["cases"] if c["name"] == "glossary-amp-tooltip")
    root = tmp_path / "hub"
    root.mkdir()
    write_cases(root, [case])
    built = run([sys.executable, str(ROOT / "tools" / "publish.py"), "--config", str(root / "mkdocs.yml")], root)
    assert built.returncode == 0, built.stderr[-2000:]
    html = (root / "site" / "glossary-amp-tooltip" / "index.html").read_text(encoding="utf-8")
    assert "Texte &amp; suite." in html
    assert html.count('<abbr tabindex="0"') == 0  # "amp" is not a word of the text
