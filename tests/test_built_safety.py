"""The built site, judged whole: scan, Content Security Policy, escaping at the template boundary.

Nothing here trusts a marker a page could write: the scan finds the page's text
in the parsed tree, the policy allows only the site's own script files, and
every value from front matter reaches the HTML as text.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from selectolax.lexbor import LexborHTMLParser

from conftest import ENV, ROOT, Build, front_matter, run_build, write_site
from hub import built_html_scan, built_page, content_policy

SITE_URL = "https://counterspeech-hub.github.io/hub/"


def inject(html: str, text: str, where: str = "text") -> str:
    """A built page with `text` put into its page text (or its head), as if a check had been bypassed."""
    if where == "head":
        return html.replace("</head>", text + "</head>", 1)
    return html.replace('<div class="hub-text">', '<div class="hub-text">' + text, 1)


@pytest.mark.parametrize(
    ("text", "where", "problem"),
    [
        ("<iframe src='x'></iframe>", "text", "<iframe> is never allowed"),
        ("<embed src='x.swf'>", "text", "<embed> is never allowed"),
        ('<img src="x.png" onerror="alert(1)">', "text", "event handlers are not allowed"),
        ("<img/onerror=alert(1)/src=x.png>", "text", "event handlers are not allowed"),
        ('<a href="&#106;avascript:alert(1)">x</a>', "text", "javascript: addresses are not allowed"),
        ('<img src="https://tracker.example/p.gif">', "text", "loads a resource from another site"),
        ('<img src="/\\tracker.example/p.gif">', "text", "loads a resource from another site"),
        ("<form><input name='q'></form>", "text", "in the page's text: <form> is not allowed"),
        ("<script>document.title='x'</script>", "text", "an inline script"),
        ("<script>document.title='x'</script>", "head", "an inline script"),
        ('<script src="https://cdn.example/x.js"></script>', "head", "a script from another site"),
        ('<meta http-equiv="refresh" content="0; url=https://evil.example/">', "head", "is not allowed"),
        ('<p id="__config">x</p>', "text", "would replace the theme's configuration"),
        ('<a ping="https://t.example/" href="x">p</a>', "text", "ping=…>: not allowed"),
        ("</div></div><p>escaped</p>", "text", "the HTML of this page is not balanced"),
        ('<pre class="mermaid">graph TD</pre>', "text", 'the class "mermaid" is reserved'),
    ],
)
def test_built_page_scan_finds_what_got_through(hub: Build, text: str, where: str, problem: str) -> None:
    html = inject(hub.html("packs/"), text, where)
    assert any(problem in found for found in built_html_scan.scan_html(html, SITE_URL)), text


def test_a_page_without_the_hub_frame_is_refused(hub: Build) -> None:
    html = hub.html("packs/").replace('class="hub-text"', 'class="other"')
    assert "the page has no hub-text frame" in " ".join(built_html_scan.scan_html(html, SITE_URL))


def test_a_sentence_naming_a_header_is_just_text(hub: Build) -> None:
    html = inject(hub.html("packs/"), "<p>The hub sets a Content-Security-Policy on every page.</p>")
    assert built_html_scan.scan_html(html, SITE_URL) == []


def test_stylesheets_are_read_by_a_css_parser() -> None:
    assert built_html_scan.css_findings("a{background:url(https\\3a //tracker.example/p.png)}")
    assert built_html_scan.css_findings('@import "https://cdn.example/x.css";')
    assert built_html_scan.css_findings("/* url(https://x.example) */ a{color:red}") == []
    assert built_html_scan.css_findings("a{background:url(data:image/png;base64,AAAA)}") == []


def test_the_policy_allows_only_the_sites_own_scripts() -> None:
    policy = content_policy.POLICY
    assert "script-src 'self';" in policy and "'sha256-" not in policy and "unsafe-inline" not in policy
    assert "object-src 'none'" in policy and "base-uri 'self'" in policy and "form-action 'none'" in policy


def test_every_built_page_carries_the_policy_and_no_inline_script(hub: Build) -> None:
    for path in sorted(hub.site.rglob("*.html")):
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        metas = tree.css('meta[http-equiv="Content-Security-Policy"]')
        assert [meta.attributes.get("content") for meta in metas] == [content_policy.POLICY], path
        for script in tree.css("script"):
            attributes = script.attributes
            assert "src" in attributes or attributes.get("type") == "application/json", path


def test_outbound_links_get_noopener_noreferrer() -> None:
    page = (
        '<!doctype html><html lang="fr"><head><meta charset="utf-8"></head><body><div class="hub-text">'
        '<a href="https://example.org" rel="nofollow">x</a> <a href="../page/">y</a></div>'
        '<span id="hub-text-end" hidden></span></body></html>'
    )
    html = built_page.finish(page, built_page.PageContext(language="fr")).html
    assert 'rel="nofollow noopener noreferrer"' in html
    assert '<a href="../page/">y</a>' in html


def test_real_built_site_passes_the_scan(hub: Build) -> None:
    assert built_html_scan.scan_site(hub.site, SITE_URL) == []


def test_a_build_without_the_hubs_hooks_is_still_refused_with_the_line(tmp_path: Path) -> None:
    pages = {
        "fr/index.md": front_matter("Accueil", "home")
        + "Bonjour.\n\nNote \\`<script>document.title='x'</script>\\` fin.\n",
        "en/index.md": front_matter("Home", "home") + "Hello.\n",
    }
    root = write_site(tmp_path, pages)
    config = root / "mkdocs.yml"
    config.write_text(re.sub(r"\nhooks:\n(?:  - .*\n)+", "\nhooks: []\n", config.read_text(encoding="utf-8")), "utf-8")
    command = [sys.executable, str(ROOT / "tools" / "publish.py"), "--config", str(config)]
    result = subprocess.run(command, cwd=root, env={**ENV, "HUB_PDF": "0"}, capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "docs/fr/index.md:9:9: content: <script> is not allowed in pages" in result.stdout
    assert "no Content Security Policy" in result.stdout
    assert not (root / "site").exists()
    assert "Traceback" not in result.stdout + result.stderr


# --- Escaping at the template boundary ------------------------------------------------------------

REDIRECT = '0; url=/somewhere" http-equiv="refresh'
QUOTES = 'It\'s "quoted" & <b>-free'


def payload_pages(text: str) -> dict[str, str | bytes]:
    """A page of every type, with `text` in every text field of its front matter."""
    quoted = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    source = f'{{title: {quoted}, url: "https://example.org/", publisher: {quoted}, year: 2020}}'
    fields = {
        "information-pack": {"audience": '["activists"]', "key_points": f"[{quoted}, {quoted}, {quoted}]"},
        "lab-method": {"duration_hours": "2", "participants": "{min: 2, max: 3}", "roles": f"[{quoted}]"},
        "recommendations": {"event": f"{{name: {quoted}, date: 2020-01-01, place: {quoted}}}"},
        "case-study": {"organisations": f"[{quoted}]", "year": "2020", "country": quoted},
        "resource": {},
    }
    pages: dict[str, str | bytes] = {
        "fr/index.md": front_matter("Accueil", "home") + "Bonjour.\n",
        "en/index.md": front_matter("Home", "home") + "Hello.\n",
    }
    for number, (page_type, extra) in enumerate(fields.items()):
        head = [
            "---",
            f"title: {quoted}",
            f'description: {quoted[:-1]} — une description assez longue pour le contrat."',
            f"type: {page_type}",
            "updated: 2026-01-15",
            f"content_warning: {quoted}",
            f"sources: [{source}]",
            *(f"{key}: {value}" for key, value in extra.items()),
            "---",
            "",
        ]
        pages[f"fr/page{number}.md"] = "\n".join(head) + "Texte.\n"
    return pages


@pytest.mark.parametrize("text", [REDIRECT, QUOTES], ids=["refresh", "quotes"])
def test_front_matter_reaches_every_template_as_text(tmp_path: Path, text: str) -> None:
    build = run_build(write_site(tmp_path, payload_pages(text)), env={**ENV, "HUB_PDF": "0"})
    if "<b>" in text:  # markup in a text field is refused, with its line, before anything is built
        assert build.returncode != 0 and "docs/fr/page0.md:2:8: title: \"It's" in build.output
        return
    assert build.returncode == 0, build.output[-3000:]
    for number in range(5):
        tree = LexborHTMLParser(build.html(f"page{number}/"))
        assert [meta.attributes.get("http-equiv") for meta in tree.css("meta[http-equiv]")] == [
            "Content-Security-Policy"
        ]
        description = tree.css_first('meta[name="description"]')
        assert description is not None and (description.attributes.get("content") or "").startswith(text)
        title = tree.css_first("title")
        assert title is not None and title.text().startswith(text)
        assert text in tree.css_first("h1").text()  # type: ignore[union-attr]


def test_the_same_quotes_pass_in_text_fields(tmp_path: Path) -> None:
    text = 'It\'s "quoted" & done'
    build = run_build(write_site(tmp_path, payload_pages(text)), env={**ENV, "HUB_PDF": "0"})
    assert build.returncode == 0, build.output[-3000:]
    tree = LexborHTMLParser(build.html("page0/"))
    points = [item.text() for item in tree.css(".hub-cover__points li")]
    assert points == [text, text, text]


@pytest.mark.browser
def test_nothing_hostile_runs_or_redirects_in_chromium(tmp_path: Path, browser: Browser) -> None:
    from browser import serve

    build = run_build(write_site(tmp_path, payload_pages(REDIRECT)), env={**ENV, "HUB_PDF": "0"})
    assert build.returncode == 0, build.output[-3000:]
    page_file = build.site / "page0" / "index.html"
    # As if a check had been bypassed: a script in the page text, under the hub's policy.
    page_file.write_text(
        inject(page_file.read_text(encoding="utf-8"), "<script>document.title='pwned'</script>"), "utf-8"
    )
    with serve(build.site) as url:
        page = browser.new_page()
        violations: list[str] = []
        page.on("console", lambda message: violations.append(message.text))
        page.goto(url + "page0/")
        page.wait_for_timeout(1500)  # a refresh of 0 s would have fired by now
        assert page.url == url + "page0/"
        assert page.title().startswith(REDIRECT)
        assert any("Content Security Policy" in text for text in violations)
        page.close()


def test_pages_finished_by_a_worker_are_the_pages_finished_in_place(tmp_path: Path) -> None:
    # On more than one core the pages are finished in worker processes while the engine renders
    # the next ones (hooks/mkdocs_support/finishing.py): the published site must not differ.
    pages: dict[str, str | bytes] = {
        "fr/index.md": front_matter("Accueil", "home") + "Bonjour : voici « le hub » ! [Lien](https://example.org).\n",
        "en/index.md": front_matter("Home", "home") + "Hello: the *hub*.\n",
        "fr/guide.md": front_matter("Guide") + "## Partie ?\n\n- [ ] Une case : cochée ?\n\n`code : intact`\n",
        "en/guide.md": front_matter("Guide") + "## Part?\n\n- [ ] A box\n\n### Deeper\n\nText <b>bold</b>.\n",
    }
    sites = {}
    outputs = {}
    for workers in ("0", "1"):
        root = tmp_path / f"workers-{workers}"
        root.mkdir()
        write_site(root, pages)
        build = run_build(root, env={**ENV, "HUB_PDF": "0", "HUB_FINISH_WORKERS": workers})
        assert build.returncode == 0, build.output[-3000:]
        outputs[workers] = build.output
        sites[workers] = {
            path.relative_to(build.site).as_posix(): path.read_bytes()
            for path in build.site.rglob("*")
            if path.is_file() and path.suffix in (".html", ".json", ".xml")
        }
    assert sites["0"].keys() == sites["1"].keys()
    assert [name for name in sites["0"] if sites["0"][name] != sites["1"][name]] == []
    finished = LexborHTMLParser(sites["1"]["index.html"].decode())
    assert finished.css_first('meta[http-equiv="Content-Security-Policy"]') is not None
    assert "Bonjour\u00a0: voici «\u00a0le hub\u00a0»\u202f!" in finished.css_first("article").text()  # type: ignore[union-attr]
    # The workers write the pages themselves: the engine's notice that it wrote nothing is held back.
    assert "Page skipped" not in outputs["1"]
    # The theme's search entries, computed by the workers, are the theme's own, section by section.
    english = json.loads(sites["1"]["en/search/search_full.json"])["docs"]
    assert {"location": "guide/#deeper", "title": "Deeper", "text": "<p>Text bold.</p>"}.items() <= next(
        entry for entry in english if entry["location"] == "guide/#deeper"
    ).items()
    # Search results read like the pages: French spacing in the French entries, made either way.
    french = {entry["location"]: entry for entry in json.loads(sites["1"]["search/search_full.json"])["docs"]}
    assert "Bonjour\u00a0: voici «\u00a0le hub\u00a0»\u202f!" in french[""]["text"]
    assert french["guide/#partie"]["title"] == "Partie\u202f?"


def test_a_hostile_page_is_refused_when_a_worker_finishes_it(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"fr/index.md": front_matter("Accueil", "home"), "fr/page.md": front_matter("Page")})
    # The pages are clean; the templates are not: a script slipped into every page after the check.
    (root / "overrides").unlink()
    shutil.copytree(ROOT / "overrides", root / "overrides")
    template = root / "overrides" / "main.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("{% block site_meta %}", "{% block site_meta %}<script>alert(1)</script>", 1))
    build = run_build(root, env={**ENV, "HUB_PDF": "0", "HUB_FINISH_WORKERS": "1"})
    assert build.returncode != 0
    assert "an inline script" in build.output
