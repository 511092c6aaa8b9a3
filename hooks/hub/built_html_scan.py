"""The last look at the built site: nothing forbidden is published, whatever produced it.

Every HTML page is parsed as a browser parses it (lexbor) and judged whole:

- the page carries the hub's Content Security Policy, and no other `http-equiv`
  (no refresh, no redirect);
- every script is a file of the site (`script-src 'self'`), or the theme's one
  JSON configuration block; no inline script, no event handler in any
  spelling, no `style`, `ping` or `srcdoc` attribute, anywhere;
- no frame, plug-in or `<base>`; no `javascript:`, `data:` or other unsafe
  scheme in any address; nothing loaded from another site;
- the page's text sits in its frame (`div.hub-text`, closed before
  `#hub-text-end`) and passes the allow-list of hooks/hub/html_policy.py. The
  frame is found in the tree, not by markers a page could write: a page without
  it was not built by the hub's templates and is refused.

Stylesheets are read by a CSS parser (tinycss2: escapes decoded) for remote
`url()` and `@import`; SVG files by hooks/hub/svg_check.py. Used by the build
after each page (hooks/page_safety.py) and on its own: `python -m hub scan site`,
which `make build` runs after the engine, so a build whose hooks did not run is
still refused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import tinycss2
from selectolax.lexbor import LexborHTMLParser, LexborNode

from hub import content_policy, html_policy, svg_check

NEVER = ("iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "fencedframe")
URL_ATTRIBUTES = [
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "data",
    "srcset",
    "cite",
    "background",
    "xlink:href",
    "manifest",
    "icon",
    "longdesc",
    "lowsrc",
    "dynsrc",
    "codebase",
    "archive",
]
LOADING = frozenset(
    {"script", "img", "source", "video", "audio", "track", "input", "image", "iframe", "embed", "object"}
)
LOADING_RELS = frozenset({"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "apple-touch-icon"})
ALLOWED_SCHEMES = frozenset({"", "https", "http", "mailto"})
NEVER_ATTRIBUTES = frozenset({"style", "ping", "srcdoc"})
# Files an engine may write that the hub never publishes.
FOREIGN_SUFFIXES = frozenset({".xhtml", ".xht", ".htm", ".shtml", ".svgz", ".swf", ".php", ".phtml"})


def scan_html(html: str, site_url: str = "", check_content: bool = True) -> list[str]:
    """Problems in one built page."""
    return page_findings(LexborHTMLParser(html), site_url, check_content)


def page_findings(tree: LexborHTMLParser, site_url: str = "", check_content: bool = True) -> list[str]:
    """Problems in a parsed page: the whole page, then its text inside its frame."""
    findings = _policy_findings(tree)
    root = tree.root
    if root is None:
        return ["the page cannot be read as HTML"]
    configs = 0
    for node in root.traverse():
        tag = node.tag or ""
        if tag in NEVER:
            findings.append(f"<{tag}> is never allowed")
        if tag == "script":
            found, is_config = _script(node, site_url)
            findings += found
            configs += is_config
        findings += _attribute_findings(node, tag, site_url)
    if configs > 1:
        findings.append("more than one theme configuration block")
    first = tree.css_first("#__config")
    if first is not None and first.tag != "script":
        findings.append(f'<{first.tag} id="__config"> would replace the theme\'s configuration')
    region, end = tree.css_first("div.hub-text"), tree.css_first("#hub-text-end")
    if region is None or end is None:
        findings.append("the page has no hub-text frame: it was not built by the hub's templates")
    elif check_content:
        content = html_policy.frame_findings(region.parent, region, end) + html_policy.region_findings(region)
        findings += [f"in the page's text: {finding.message}" for finding in content]
    return list(dict.fromkeys(findings))


def _policy_findings(tree: LexborHTMLParser) -> list[str]:
    head = tree.head
    metas = head.css("meta[http-equiv]") if head is not None else []
    policies = [
        meta for meta in metas if (meta.attributes.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    allowed = {meta.mem_id for meta in policies}
    findings = [
        f'<meta http-equiv="{meta.attributes.get("http-equiv")}"> is not allowed'
        for meta in tree.css("meta[http-equiv]")
        if meta.mem_id not in allowed
    ]
    if not policies:
        findings.append("no Content Security Policy")
    elif any(meta.attributes.get("content") != content_policy.POLICY for meta in policies):
        findings.append("a Content Security Policy that is not the hub's")
    return findings


def _script(node: LexborNode, site_url: str) -> tuple[list[str], int]:
    attributes = node.attributes
    if "src" in attributes:
        src = html_policy.normalise_url(attributes.get("src") or "")
        remote = bool(html_policy.url_scheme(src)) or src.startswith("//")
        if remote and not (site_url and src.startswith(site_url)):
            return [f'<script src="{src[:60]}">: a script from another site'], 0
        if (node.text() or "").strip():
            return ["a script with both a file and inline code"], 0
        return [], 0
    if attributes.get("type") == "application/json" and attributes.get("id") == "__config":
        return [], 1
    return ["an inline script (the hub's pages run only the site's own script files)"], 0


def _attribute_findings(node: LexborNode, tag: str, site_url: str) -> list[str]:
    findings = []
    attributes = node.attributes
    for name, value in attributes.items():
        lowered = name.lower()
        if lowered.startswith("on"):
            findings.append(f"<{tag} {lowered}=…>: event handlers are not allowed")
        elif lowered in NEVER_ATTRIBUTES:
            findings.append(f"<{tag} {lowered}=…>: not allowed")
        elif lowered in URL_ATTRIBUTES and isinstance(value, str):
            findings += _url_findings(tag, lowered, value, attributes, site_url)
    return findings


def _url_findings(tag: str, attribute: str, value: str, attributes: dict[str, str | None], site_url: str) -> list[str]:
    candidates = [part.strip().split(" ")[0] for part in value.split(",")] if attribute == "srcset" else [value]
    findings = []
    for candidate in candidates:
        url = html_policy.normalise_url(candidate)
        if site_url and url.startswith(site_url):
            continue  # the site's own address (which a preview serves over http)
        scheme = html_policy.url_scheme(url)
        remote = scheme in ("http", "https") or url.startswith("//")
        if scheme not in ALLOWED_SCHEMES:
            findings.append(f'<{tag} {attribute}="{url[:40]}">: {scheme}: addresses are not allowed')
        elif remote and tag in LOADING:
            findings.append(f'<{tag} {attribute}="{url[:60]}">: loads a resource from another site')
        elif remote and tag == "link" and LOADING_RELS & set((attributes.get("rel") or "").lower().split()):
            findings.append(f'<link href="{url[:60]}">: loads a resource from another site')
        elif scheme == "mailto" and tag not in ("a", "area"):
            findings.append(f'<{tag} {attribute}="{url[:40]}">: mailto: only on links')
    return findings


def css_findings(text: str) -> list[str]:
    """Remote loads in a stylesheet, read by a CSS parser (escapes decoded, comments skipped)."""
    findings: list[str] = []
    for url in _css_urls(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)):
        normalised = html_policy.normalise_url(url)
        scheme = html_policy.url_scheme(normalised)
        if normalised.startswith("//") or scheme in ("http", "https"):
            findings.append(f"loads {normalised[:60]} from another site")
        elif scheme not in ("", "data"):
            findings.append(f"url({normalised[:40]}): {scheme}: addresses are not allowed")
    return list(dict.fromkeys(findings))


def _css_urls(nodes: Iterable[object]) -> Iterable[str]:
    for node in nodes:
        kind = getattr(node, "type", "")
        if kind == "url":
            yield str(getattr(node, "value", ""))
        elif kind == "at-rule" and str(getattr(node, "lower_at_keyword", "")) == "import":
            yield "//@import"  # any @import fetches another stylesheet, which may not be the site's
        elif kind == "function" and str(getattr(node, "lower_name", "")) in ("url", "src"):
            strings = [arg.value for arg in getattr(node, "arguments", []) if getattr(arg, "type", "") == "string"]
            yield from strings[:1]
        for child_attribute in ("prelude", "content", "arguments"):
            children = getattr(node, child_attribute, None)
            if isinstance(children, list):
                yield from _css_urls(children)


def scan_site(site: Path, site_url: str, skip: dict[str, str] | None = None) -> list[str]:
    """Every problem in the built site, one line each: `site/path: problem`.

    `skip` maps site paths to the SHA-256 of bytes already judged in this build:
    a file whose bytes still match is not read again.
    """
    findings = []
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.is_symlink():
            if path.is_symlink():
                findings.append(f"site/{path.relative_to(site).as_posix()}: a symbolic link")
            continue
        relative = path.relative_to(site).as_posix()
        suffix = path.suffix.lower()
        if suffix not in (".html", ".css", ".svg") and suffix not in FOREIGN_SUFFIXES:
            continue
        data = path.read_bytes()
        if skip and skip.get(relative) == digest(data):
            continue
        findings += [f"site/{relative}: {problem}" for problem in file_findings(suffix, data, site_url)]
    return findings


def file_findings(suffix: str, data: bytes, site_url: str) -> list[str]:
    """Problems of one built file, by its kind."""
    if suffix in FOREIGN_SUFFIXES:
        return [f"{suffix} files are not published by the hub"]
    text = data.decode("utf-8", "replace")
    if suffix == ".html":
        return scan_html(text, site_url)
    if suffix == ".css":
        return css_findings(text)
    return [problem.message for problem in svg_check.check(data)]


def digest(data: bytes) -> str:
    """The fingerprint the build and `hub scan` share for bytes already judged."""
    return hashlib.sha256(data).hexdigest()


def scan_command(site: Path, site_url: str, manifest: Path | None = None, docs: Path | None = None) -> int:
    """`python -m hub scan`: every problem of a built site, one line each; 1 if any.

    With `docs`, a problem in a page's text is also traced to its Markdown
    source, `path:line:col`, as the content check reports it.
    """
    skip = read_manifest(manifest) if manifest else {}
    findings = scan_site(site, site_url, skip)
    traced: set[str] = set()
    for finding in findings:
        print(finding)
        if docs is not None and "in the page's text:" in finding:
            relative = finding.removeprefix("site/").split(": ", 1)[0]
            if relative not in traced:
                traced.add(relative)
                for problem in source_problems(relative, docs):
                    print(problem)
    if findings:
        print(f"{len(findings)} problem(s) in the built site: it must not be published")
        return 1
    checked = "every file" if not skip else f"every file ({len(skip)} already judged by the build)"
    print(f"Safety scan of the built site: {checked}; no script, frame, handler, remote resource or unsafe link")
    return 0


def read_manifest(path: Path) -> dict[str, str]:
    """The files the build judged, with their fingerprints: one `sha256  path` line each."""
    if not path.is_file():
        return {}
    entries = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fingerprint, _, relative = line.partition("  ")
        if len(fingerprint) == 64 and relative:
            entries[relative] = fingerprint
    return entries


def write_manifest(path: Path, entries: dict[str, str]) -> None:
    """Record the files judged by the build, for `python -m hub scan --manifest`."""
    path.write_text(
        "".join(f"{fingerprint}  {relative}\n" for relative, fingerprint in sorted(entries.items())), "utf-8"
    )


def source_problems(relative: str, docs: Path) -> list[str]:
    """The content problems of the Markdown page a built page came from, with their lines."""
    from hub.content_check import check_docs
    from hub.languages import LANGUAGES

    parts = relative.split("/")
    language = parts[0] if parts[0] in LANGUAGES and parts[0] != "fr" else "fr"
    inside = "/".join(parts[1:] if language != "fr" else parts)
    folder = inside.removesuffix("index.html").rstrip("/")
    candidates = ["index.md"] if not folder else [f"{folder}.md", f"{folder}/index.md"]
    shown = [f"docs/{language}/{candidate}" for candidate in candidates]
    report = check_docs(docs)
    return [str(problem) for problem in report.problems if problem.path in shown]
