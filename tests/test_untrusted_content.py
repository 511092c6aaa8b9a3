"""Content from strangers' pull requests: each forbidden construct is refused with its file and line."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ENV, ROOT, front_matter, run_build, write_site
from hub import built_html_scan, content_check, content_policy

BASE = front_matter("Page", "section")
FIRST_BODY_LINE = BASE.count("\n") + 1

CASES = [
    ("script tag", 'Texte <script>alert("x")</script>', 7, "content: <script> is not allowed in pages"),
    ("style tag", "<style>body{display:none}</style>", 1, "content: <style> is not allowed in pages"),
    ("iframe", '<iframe src="https://example.org"></iframe>', 1, "content: <iframe> is not allowed in pages"),
    ("object", '<object data="x.swf"></object>', 1, "content: <object> is not allowed in pages"),
    ("embed", '<embed src="x.swf">', 1, "content: <embed> is not allowed in pages"),
    ("form", '<form action="https://example.org">', 1, "content: <form> is not allowed in pages"),
    ("event handler", '<img src="x.png" onerror="alert(1)">', 18, "content: the onerror= attribute runs a script"),
    ("javascript link", "[clic](javascript:alert(1))", 8, "content: javascript: links are not allowed"),
    ("data link", "[clic](data:text/html;base64,PHNjcmlwdD4=)", 8, "content: data: links are not allowed"),
    ("vbscript link", "[clic](vbscript:msgbox)", 8, "content: vbscript: links are not allowed"),
    ("http link", "[source](http://example.org)", 10, "content: http: links are not allowed"),
    ("remote image", "![pixel](https://tracker.example/p.gif)", 10, "content: remote image"),
    ("tracking pixel in html", '<img src="https://tracker.example/p.gif">', 11, "content: remote image"),
    ("remote stylesheet", '<link rel="stylesheet" href="https://cdn.example/x.css">', 1, "content: <link> is not"),
    (
        "account handle",
        "Écrivez à @jean_dupont pour en savoir plus.",
        11,
        'personal data: account handle "@jean_dupont"',
    ),
    ("e-mail address", "Contact : jean.dupont@example.org", 11, "personal data: e-mail address"),
    ("phone number", "Appelez le 06 12 34 56 78.", 12, 'personal data: phone number "06 12 34 56 78"'),
    ("international phone", "Appelez le +33 6 12 34 56 78.", 12, "personal data: phone number"),
]


@pytest.mark.parametrize(("case", "line", "col", "message"), CASES, ids=[c[0] for c in CASES])
def test_forbidden_construct_is_refused_with_its_line(
    tmp_path: Path, case: str, line: str, col: int, message: str
) -> None:
    target = tmp_path / "docs" / "fr" / "page.md"
    target.parent.mkdir(parents=True)
    target.write_text(BASE + "Premier paragraphe.\n\n" + line + "\n", encoding="utf-8")
    problems = [str(problem) for problem in content_check.check_docs(tmp_path / "docs").problems]
    expected = f"docs/fr/page.md:{FIRST_BODY_LINE + 2}:{col}: {message}"
    assert any(problem.startswith(expected) for problem in problems), problems


@pytest.mark.parametrize(
    "text",
    [
        "Code en ligne : `<script>` et `onclick=` ne sont que du texte.",
        "```html\n<script>alert(1)</script>\n```",
        "Une [source](https://example.org) et un [courriel](mailto:contact@example.org).",
        "Les numéros d'urgence 17, 15, 18 et 112, le 3018, et 1 500 000 personnes en 2016-2017.",
        "Le hashtag #jagärhär et l'adresse https://example.org/@compte dans un lien.",
    ],
)
def test_harmless_text_passes(tmp_path: Path, text: str) -> None:
    target = tmp_path / "docs" / "fr" / "page.md"
    target.parent.mkdir(parents=True)
    target.write_text(BASE + text + "\n", encoding="utf-8")
    problems = [str(problem) for problem in content_check.check_docs(tmp_path / "docs").problems]
    assert [p for p in problems if "mailto" not in text or "e-mail" not in p] == []


def test_public_organisations_can_be_allowed(tmp_path: Path) -> None:
    target = tmp_path / "docs" / "fr" / "page.md"
    target.parent.mkdir(parents=True)
    target.write_text(BASE + "Net Écoute répond au 3018.\n", encoding="utf-8")
    assert content_check.check_docs(tmp_path / "docs").problems == []


def test_strict_build_refuses_a_page_with_a_script(tmp_path: Path) -> None:
    pages = {
        "fr/index.md": BASE + "Bonjour <script>alert(1)</script>\n",
        "en/index.md": front_matter("Home", "home") + "Hello.\n",
    }
    write_site(tmp_path, pages)
    build = run_build(tmp_path)
    assert build.returncode != 0
    assert f"docs/fr/index.md:{FIRST_BODY_LINE}:9: content: <script> is not allowed in pages" in build.output


# --- The built HTML is scanned whatever produced it ----------------------------------------------


def page_html(text: str, head: str = "") -> str:
    html = (
        f'<html><head><meta charset="utf-8">{head}</head><body><article class="md-content__inner md-typeset">'
        f'<div class="hub-text">{text}<!-- /hub:guide --></article></body></html>'
    )
    return content_policy.protect(html)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("<iframe src='x'></iframe>", "<iframe> is never allowed"),
        ("<embed src='x.swf'>", "<embed> is never allowed"),
        ('<img src="x.png" onerror="alert(1)">', "event handlers are not allowed"),
        ('<a href="javascript:alert(1)">x</a>', "javascript: URLs are not allowed"),
        ('<a href="http://example.org">x</a>', "http: URLs are not allowed"),
        ('<img src="https://tracker.example/p.gif">', "loads a resource from another site"),
        ("<form><input name='q'></form>", "<form> in the page text"),
        ("<style>body{}</style>", "<style> in the page text"),
        ('<script src="https://cdn.example/x.js"></script>', "loads a resource from another site"),
        ('<pre class="mermaid">graph TD</pre>', "Mermaid"),
    ],
)
def test_built_page_scan_finds_what_got_through(text: str, problem: str) -> None:
    assert any(problem in found for found in built_html_scan.scan_page(page_html(text))), text


def test_inline_script_must_match_the_page_policy() -> None:
    html = page_html("ok", head="<script>var ok=1</script>")
    assert built_html_scan.scan_page(html) == []
    tampered = html.replace("var ok=1", "var ok=2")
    assert "an inline script that the page's Content Security Policy does not allow" in built_html_scan.scan_page(
        tampered
    )


def test_policy_allows_exactly_the_inline_scripts_of_the_page() -> None:
    html = page_html("x", head="<script>a()</script><script>b()</script>")
    csp = html.split('content="', 1)[1].split('"', 1)[0]
    assert "default-src 'self'" in csp and "object-src 'none'" in csp and "base-uri 'self'" in csp
    assert "form-action 'none'" in csp and "unsafe-inline" not in csp
    digest = "sha256-" + __import__("base64").b64encode(hashlib.sha256(b"a()").digest()).decode()
    assert f"'{digest}'" in csp
    assert csp.count("'sha256-") == 2


def test_outbound_links_get_noopener_noreferrer() -> None:
    html = page_html('<a href="https://example.org" rel="nofollow">x</a> <a href="../page/">y</a>')
    assert '<a href="https://example.org" rel="nofollow noopener noreferrer">' in html
    assert '<a href="../page/">' in html


def test_real_built_site_passes_the_scan(hub) -> None:
    assert built_html_scan.scan_site(hub.site, "https://counterspeech-hub.github.io/hub/") == []


# --- Atomic publish -----------------------------------------------------------------------------


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def publish(root: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(ROOT / "tools" / "publish.py"), "--config", str(root / "mkdocs.yml")]
    return subprocess.run(command, cwd=root, env=ENV, capture_output=True, text=True, check=False)


def small_site(tmp_path: Path, pages: int = 60) -> Path:
    content: dict[str, str | bytes] = {
        "fr/index.md": front_matter("Accueil", "home") + "Bonjour.\n",
        "en/index.md": front_matter("Home", "home") + "Hello.\n",
    }
    for number in range(pages):
        for language in ("fr", "en"):
            content[f"{language}/page{number:03}.md"] = front_matter(f"Page {number}") + ("Texte. " * 300) + "\n"
    return write_site(tmp_path, content)


def test_failed_build_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    root = small_site(tmp_path, pages=3)
    assert publish(root).returncode == 0
    before = tree_hash(root / "site")
    # A broken link fails the strict build only after MkDocs has written pages.
    page = root / "docs" / "fr" / "page001.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[lien cassé](nulle-part.md)\n", encoding="utf-8")
    failed = publish(root)
    assert failed.returncode != 0
    assert "site/ was left as it was" in failed.stderr
    assert tree_hash(root / "site") == before
    assert list(root.glob(".site-build-*")) == []


def test_killed_build_leaves_the_previous_site_and_is_cleaned_next_time(tmp_path: Path) -> None:
    root = small_site(tmp_path)
    assert publish(root).returncode == 0
    before = tree_hash(root / "site")
    command = [sys.executable, str(ROOT / "tools" / "publish.py"), "--config", str(root / "mkdocs.yml")]
    running = subprocess.Popen(
        command, cwd=root, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until the new build has written some pages
        staging = list(root.glob(".site-build-*"))
        if staging and len(list(staging[0].rglob("index.html"))) >= 10:
            break
        time.sleep(0.02)
    else:
        pytest.fail("the build never started writing pages")
    os.killpg(running.pid, signal.SIGKILL)
    running.wait()
    assert list(root.glob(".site-build-*")), "the killed build should have left its temporary folder"
    assert tree_hash(root / "site") == before
    assert publish(root).returncode == 0
    assert list(root.glob(".site-build-*")) == []


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
    french, english = build.html(""), build.html("en/")
    assert re.search(
        r'<details class="content-warning">\s*<summary>Avertissement\u00a0: exemple de propos haineux', french
    )
    assert re.search(
        r'<details class="content-warning">\s*<summary>Content warning: example of hateful speech', english
    )
    assert '<details class="content-warning" open' not in french
    assert "Cette page décrit des propos racistes." in build.html("page/")
    assert "Avertissement sur le contenu" in build.html("page/") and "Content warning" in build.html("en/page/")
