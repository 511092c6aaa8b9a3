"""Build hook: every page protects its reader, and the built site is scanned before it is published.

- A Content Security Policy in each page's <head> (static hosts cannot send
  headers): scripts only from the site, and the theme's few inline scripts by
  their SHA-256, computed here from the page itself.
- Links to other sites carry rel="noopener noreferrer"; every page already says
  <meta name="referrer" content="no-referrer"> (overrides/main.html).
- hooks/built_html_scan.py checks every page as it is written, then every other
  HTML and CSS file of the site, and the build fails if anything forbidden got
  through, whatever produced it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority, get_plugin_logger

from hub import built_html_scan, content_policy
from mkdocs_support.build_state import STATE, i18n_building

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = get_plugin_logger("safety")


def on_pre_build(config: MkDocsConfig) -> None:
    if not i18n_building(config):
        STATE.extra["scanned_pages"] = {}


@event_priority(-50)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # Last change to the page, then its scan, on the text about to be written.
    output = content_policy.protect(output)
    path = Path(page.file.abs_dest_path).resolve()
    STATE.extra.setdefault("scanned_pages", {})[path] = built_html_scan.scan_page(output, config.site_url or "")
    return output


@event_priority(40)  # after page_weight, before hooks/site_links.py keeps the 404 pages
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name.endswith(".html"):
        return content_policy.protect(output_content)
    return output_content


@event_priority(-300)
def on_post_build(config: MkDocsConfig) -> None:
    # Last of all, once every language and every PDF is written.
    if i18n_building(config):
        return
    site = Path(config.site_dir).resolve()
    scanned: dict[Path, list[str]] = STATE.extra.get("scanned_pages", {})
    findings = [
        f"site/{path.relative_to(site).as_posix()}: {problem}"
        for path, problems in sorted(scanned.items())
        for problem in problems
    ]
    if not STATE.serving:  # the preview rebuilds only edited pages, already scanned above
        findings += built_html_scan.scan_site(site, config.site_url or "", skip=set(scanned))
    if findings:
        for finding in findings:
            log.error(finding)
        raise Abort(f"The built site failed the safety scan: {len(findings)} problem(s); nothing was published.")
    log.info("Safety scan: no script, frame, event handler, remote resource or unsafe link in the built pages")
