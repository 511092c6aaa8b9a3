"""The Counterspeech Hub's own rules and transformations, independent of any site engine.

Everything here works on Markdown files, YAML data and built HTML, and imports
nothing from MkDocs, Material or mkdocs-static-i18n (`make check` enforces it):
the event modules in hooks/ adapt MkDocs to it, and `python -m hub` runs it on
its own.
"""
