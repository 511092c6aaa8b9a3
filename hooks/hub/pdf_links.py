"""The download buttons of built pages, once the PDFs exist: each says its file's size.

A PDF's size is known only once it is rendered, after the pages are written;
a button whose PDF could not be made is removed rather than left dead.
"""

from __future__ import annotations

from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from hub import guide_pdf, interface


def fill_in_sizes(site: Path, page_urls: set[str]) -> None:
    """Write each PDF's size next to its download link (known only once it is made); drop links to no PDF."""
    for url in sorted(page_urls):
        page = site / url / "index.html"
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        sizes = tree.css("span.hub-pdf__size[data-hub-pdf]")
        if not sizes:
            continue
        language = "en" if page.relative_to(site).parts[0] == "en" else "fr"
        for span in sizes:
            pdf = site / (span.attributes.get("data-hub-pdf") or "")
            button = span.parent
            if not pdf.is_file():
                if button is not None and button.tag == "p" and pdf.suffix != ".zip":  # a zip comes later
                    button.decompose()
                continue
            kind = "zip_size" if pdf.suffix == ".zip" else "pdf_size"
            label = interface.text(language, kind, size=guide_pdf.human_size(pdf.stat().st_size, language))
            span.replace_with(_span_with(tree, span, label))
        page.write_text(tree.html or "", encoding="utf-8")


def _span_with(tree: LexborHTMLParser, span: LexborNode, text: str) -> LexborNode:
    """A copy of `span` with `text` as its only content."""
    new = tree.create_node("span")
    for name, value in span.attributes.items():
        new.attrs[name] = value or ""
    new.insert_child(text)
    return new
