"""The hub's command line: every rule of the hub, without any site engine.

    python -m hub check [DOCS]                      front matter, content rules, files (make check-content)
    python -m hub scan [SITE]                       the safety scan of a built site
    python -m hub translations status [DOCS]        the state of every translation (make translations)
    python -m hub translations record PAGE [DOCS]   record a translation as up to date (make translated)
    python -m hub links [DOCS]                      every external link checked by lychee (make links)

Run it from the project root with the hooks folder on the path (the Makefile
does): PYTHONPATH=hooks python -m hub check docs.

Exit codes: 0 all is well, 1 problems were found, 2 the command was misused
(unknown command, missing folder).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns its exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse exits 2 on bad usage and 0 on --help
        return int(stop.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    run: Callable[[argparse.Namespace], int] = args.run
    return run(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m hub",
        description="The Counterspeech Hub's rules, run on the Markdown pages and on the built site.",
        epilog="Exit codes: 0 all is well, 1 problems were found, 2 the command was misused.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("check", help="check every page, data file and asset under docs/")
    check.add_argument("docs", nargs="?", default="docs", type=Path, help="the docs folder (default: docs)")
    check.set_defaults(run=_check)
    scan = commands.add_parser("scan", help="scan a built site for anything a reader must not get")
    scan.add_argument("site", nargs="?", default="site", type=Path, help="the built site (default: site)")
    scan.add_argument("--site-url", default="", help="the site's public address, whose links are its own")
    scan.add_argument("--manifest", type=Path, help="files the build already judged (written by the build)")
    scan.add_argument("--docs", type=Path, help="the docs folder, to trace a page's problems to its source lines")
    scan.set_defaults(run=_scan)
    links = commands.add_parser("links", help="check every external link of the pages and facts (needs lychee)")
    links.add_argument("docs", nargs="?", default="docs", type=Path)
    links.add_argument("--timeout", type=int, default=20, help="seconds per request (default 20)")
    links.add_argument("--concurrency", type=int, default=8, help="requests at once (default 8)")
    links.add_argument("--retries", type=int, default=2, help="retries of a failed request (default 2)")
    links.add_argument("--remap", action="append", default=[], help='"OLD NEW": check NEW instead of OLD (tests)')
    links.add_argument("--report", type=Path, help="also write the result as Markdown (the weekly issue's body)")
    links.set_defaults(run=_links)
    translations = commands.add_parser("translations", help="translation states, or record one as up to date")
    actions = translations.add_subparsers(dest="action", metavar="ACTION", required=True)
    status = actions.add_parser("status", help="list every page with the state of its translation")
    status.add_argument("docs", nargs="?", default="docs", type=Path)
    status.set_defaults(run=_translations_status)
    record = actions.add_parser("record", help="record a page's translation as up to date with its original")
    record.add_argument("page", help="the page, e.g. packs/getting-started")
    record.add_argument("docs", nargs="?", default="docs", type=Path)
    record.set_defaults(run=_translations_record)
    return parser


def _folder(path: Path, what: str) -> bool:
    if path.is_dir():
        return True
    print(f"{path}: no such folder (run from the project root, or give the {what} folder)", file=sys.stderr)
    return False


def _check(args: argparse.Namespace) -> int:
    from hub.content_check import check_command

    return check_command(args.docs) if _folder(args.docs, "docs") else EXIT_USAGE


def _scan(args: argparse.Namespace) -> int:
    from hub.built_html_scan import scan_command

    if not _folder(args.site, "built site"):
        return EXIT_USAGE
    return scan_command(args.site, args.site_url, args.manifest, args.docs)


def _links(args: argparse.Namespace) -> int:
    from hub.link_check import links_command

    if not _folder(args.docs, "docs"):
        return EXIT_USAGE
    return links_command(args.docs, args.timeout, args.concurrency, args.retries, args.remap, args.report)


def _translations_status(args: argparse.Namespace) -> int:
    from hub.translations import status_command

    return status_command(args.docs) if _folder(args.docs, "docs") else EXIT_USAGE


def _translations_record(args: argparse.Namespace) -> int:
    from hub.translations import record_command

    return record_command(args.page, args.docs) if _folder(args.docs, "docs") else EXIT_USAGE
