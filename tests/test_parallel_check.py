"""The content check shares large hubs out among worker processes: the report is the same as in one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import front_matter
from hub import content_check


def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    pages = {
        "fr/index.md": front_matter("Accueil", "home") + "Bonjour.\n",
        "en/index.md": front_matter("Home", "home") + "Hello.\n",
        "fr/bad.md": front_matter("Mauvaise page") + "Écrivez à jean.dupont@example.com.\n",
        "en/bad.md": front_matter("Bad page", "nonsense") + "Text.\n",
        "fr/no-front-matter.md": "Pas d'en-tête.\n",
    }
    pages |= {f"fr/page-{n}.md": front_matter(f"Page {n}") + f"Texte {n}.\n" for n in range(12)}
    pages |= {f"en/page-{n}.md": front_matter(f"Page {n}") + f"Text {n}.\n" for n in range(12)}
    for name, text in pages.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_workers_give_the_report_one_process_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = docs(tmp_path)
    alone = content_check.check_docs(folder)
    monkeypatch.setattr(content_check, "PARALLEL_FROM", 1)
    monkeypatch.setattr(content_check, "_cores", lambda: 3)
    shared = content_check.check_docs(folder)
    assert [str(problem) for problem in shared.problems] == [str(problem) for problem in alone.problems]
    assert len(alone.problems) >= 3  # the e-mail address, the unknown type, the missing front matter
    assert list(shared.pages) == list(alone.pages) and len(alone.pages) == 26
    assert shared.broken == alone.broken and shared.checked == alone.checked == 29
    assert all(shared.pages[key].meta == alone.pages[key].meta for key in alone.pages)
