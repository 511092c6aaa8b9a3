"""The allow-list for page text, judged on the rendered HTML, each refusal at its source line."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from conftest import front_matter, run_build, write_site
from hub import content_check, html_policy, personal_data

BASE = front_matter("Page", "section")
FIRST_BODY_LINE = BASE.count("\n") + 1

CASES = [
    ("script tag", 'Texte <script>alert("x")</script>', 8, "content: <script> is not allowed in pages"),
    ("style tag", "<style>body{display:none}</style>", 2, "content: <style> is not allowed in pages"),
    ("iframe", '<iframe src="https://example.org"></iframe>', 2, "content: <iframe> is not allowed in pages"),
    ("object", '<object data="x.swf"></object>', 2, "content: <object> is not allowed in pages"),
    ("embed", '<embed src="x.swf">', 2, "content: <embed> is not allowed in pages"),
    ("form", '<form action="https://example.org"></form>', 2, "content: <form> is not allowed in pages"),
    ("event handler", '<img src="x.png" onerror="alert(1)">', 18, "content: the onerror= attribute runs a script"),
    ("javascript link", "[clic](javascript:alert(1))", 8, "content: javascript: links are not allowed"),
    ("data link", "[clic](data:text/html;base64,PHNjcmlwdD4=)", 8, "content: data: links are not allowed"),
    ("vbscript link", "[clic](vbscript:msgbox)", 8, "content: vbscript: links are not allowed"),
    ("remote image", "![pixel](https://tracker.example/p.gif)", 10, "content: image"),
    ("tracking pixel in html", '<img src="https://tracker.example/p.gif">', 11, "content: image"),
    (
        "remote stylesheet",
        '<link rel="stylesheet" href="https://cdn.example/x.css">',
        2,
        "content: <link> is not allowed",
    ),
    (
        "account handle",
        "Écrivez à @jean_dupont pour en savoir plus.",
        11,
        'personal data: account handle "@jean_dupont"',
    ),
    ("e-mail address", "Contact : jean.dupont@example.org", 11, "personal data: e-mail address"),
    ("phone number", "Appelez le 06 12 34 56 78.", 12, 'personal data: phone number "06 12 34 56 78"'),
    ("international phone", "Appelez le +33 6 12 34 56 78.", 12, "personal data: phone number"),
    ("reserved id", "Texte\n{: #__config }", 5, 'content: the id "__config" is reserved'),
    ("style attribute", '<p style="color:red">x</p>', 4, "content: style= attributes are not allowed"),
]


def check_page(tmp_path: Path, body: str) -> list[str]:
    target = tmp_path / "docs" / "fr" / "page.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(BASE + body + "\n", encoding="utf-8")
    return [str(problem) for problem in content_check.check_docs(tmp_path / "docs").problems]


@pytest.mark.parametrize(("case", "line", "col", "message"), CASES, ids=[c[0] for c in CASES])
def test_forbidden_construct_is_refused_with_its_line(
    tmp_path: Path, case: str, line: str, col: int, message: str
) -> None:
    problems = check_page(tmp_path, "Premier paragraphe.\n\n" + line)
    row = FIRST_BODY_LINE + 2 + line.count("\n")
    expected = f"docs/fr/page.md:{row}:{col}: {message}"
    assert any(problem.startswith(expected) for problem in problems), problems


@pytest.mark.parametrize(
    "text",
    [
        "Code en ligne : `<script>` et `onclick=` ne sont que du texte.",
        "```html\n<script>alert(1)</script>\n```",
        "Une [source](https://example.org) et un [lien ancien](http://example.org).",
        "Les numéros d'urgence 17, 15, 18 et 112, le 3018, et 1 500 000 personnes en 2016-2017.",
        "Le hashtag #jagärhär et l'adresse https://example.org/@compte dans un lien.",
        "The hub sets a Content-Security-Policy on every page.",
        '<span lang="en">an English phrase</span> dans une phrase française.',
        "[Un bouton](page.md){ .md-button }",
        "??? content-warning\n    Un exemple atténué.",
        "- [ ] une case à cocher",
        "| a | b |\n|:--|--:|\n| 1 | 2 |",
        "Une note[^1].\n\n[^1]: Le détail de la note.",
    ],
)
def test_harmless_text_passes(tmp_path: Path, text: str) -> None:
    assert check_page(tmp_path, text) == []


def test_public_organisations_can_be_allowed(tmp_path: Path) -> None:
    assert check_page(tmp_path, "Le 3018 répond aux victimes de cyberharcèlement.") == []


def test_every_problem_of_a_page_is_reported_at_once(tmp_path: Path) -> None:
    body = "<script>a()</script>\n\n[x](javascript:b())\n\nÉcrire à jean@exemple.fr\n\n<b onclick=c()>d</b>"
    problems = check_page(tmp_path, body)
    rows = sorted(int(problem.split(":")[1]) for problem in problems)
    assert rows == [FIRST_BODY_LINE + 0, FIRST_BODY_LINE + 2, FIRST_BODY_LINE + 4, FIRST_BODY_LINE + 6], problems


def test_repeated_finding_is_reported_at_each_of_its_lines(tmp_path: Path) -> None:
    problems = check_page(tmp_path, "[a](javascript:x())\n\nTexte.\n\n[b](javascript:x())")
    assert [problem.split(":")[1] for problem in problems] == [str(FIRST_BODY_LINE), str(FIRST_BODY_LINE + 4)]


def test_strict_build_refuses_a_page_with_a_script_at_its_line(tmp_path: Path) -> None:
    pages = {
        "fr/index.md": BASE + "Bonjour <script>alert(1)</script>\n",
        "en/index.md": front_matter("Home", "home") + "Hello.\n",
    }
    build = run_build(write_site(tmp_path, pages))
    assert build.returncode != 0
    assert f"docs/fr/index.md:{FIRST_BODY_LINE}:10: content: <script> is not allowed in pages" in build.output
    assert "Traceback" not in build.output


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("javascript:alert(1)", "javascript"),
        ("  JaVaScRiPt:alert(1)", "javascript"),
        ("\x01javascript:x", "javascript"),
        ("java\nscript:x", "javascript"),
        ("java\tscript:x", "javascript"),
        ("https://example.org", "https"),
        ("../page/", ""),
        ("#section", ""),
        ("mailto:x@example.org", "mailto"),
        ("page:colon.md", "page"),
        ("/\\tracker.example/p", ""),
    ],
)
def test_urls_are_read_as_browsers_read_them(url: str, scheme: str) -> None:
    assert html_policy.url_scheme(html_policy.normalise_url(url)) == scheme


def test_backslash_is_read_as_a_slash() -> None:
    assert html_policy.normalise_url("/\\tracker.example/p").startswith("//")


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("jean\u200b@exemple.fr", "e-mail address", "jean@exemple.fr"),
        ("ｊｅａｎ＠ｅｘｅｍｐｌｅ．ｆｒ", "e-mail address", "jean@exemple.fr"),
        ("jean@exemple\u00adfr.org", "e-mail address", "jean@exemplefr.org"),
        ("06\u00a012\u00a034\u00a056\u00a078", "phone number", "06 12 34 56 78"),
        ("０６ １２ ３４ ５６ ７８", "phone number", "06 12 34 56 78"),
        ("@јean", "account handle", "@jean"),
        ("@ｊｅａｎ", "account handle", "@jean"),
    ],
)
def test_personal_data_is_found_after_normalisation(text: str, kind: str, value: str) -> None:
    found = [(detail.kind, detail.value) for detail in personal_data.details(text, allowed=frozenset())]
    assert (kind, value) in found


def test_public_contacts_are_allowed_in_any_spelling() -> None:
    assert personal_data.details("Appelez le 116\u00a0006 ou le ３０１８.") == []


def test_hateful_example_is_collapsed_behind_a_warning_in_the_page_language(tmp_path: Path) -> None:
    example = "??? content-warning\n    Un exemple atténué.\n"
    pages = {
        "fr/index.md": front_matter("Accueil", "home") + example,
        "en/index.md": front_matter("Home", "home") + example.replace("Un exemple atténué.", "A softened example."),
        "fr/page.md": front_matter("Page", "section", content_warning='"Cette page décrit des propos racistes."')
        + "Texte.\n",
        "en/page.md": front_matter("Page", "section", content_warning='"This page describes racist speech."')
        + "Text.\n",
    }
    build = run_build(write_site(tmp_path, pages))
    assert build.returncode == 0, build.output
    french, english = unescape(build.html("")), unescape(build.html("en/"))
    assert re.search(
        r'<details class="content-warning">\s*<summary>Avertissement\u00a0: exemple de propos haineux', french
    )
    assert re.search(
        r'<details class="content-warning">\s*<summary>Content warning: example of hateful speech', english
    )
    assert '<details class="content-warning" open' not in french
    assert "Cette page décrit des propos racistes." in build.html("page/")
    assert "Avertissement sur le contenu" in build.html("page/") and "Content warning" in build.html("en/page/")
