# Counterspeech Hub: one command per task. `make help` lists them.
# Every target installs what it needs first, into .venv, from the pinned
# requirements/ files; nothing is installed outside .venv except Debian's
# chromium, firefox-esr and poppler-utils for the tests (as root, when missing).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MKDOCS := $(PY) -m mkdocs
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help build serve test check check-content translations translated new bench fuzz links lock clean system-deps

help: ## List the commands
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

# --- Environment -------------------------------------------------------------
$(VENV)/.python-ok:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + "); set PYTHON=python3.11")'
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	@touch $@

$(VENV)/.build-deps: requirements/build.txt $(VENV)/.python-ok
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/build.txt
	@touch $@

$(VENV)/.test-deps: requirements/test.txt requirements/build.txt $(VENV)/.build-deps
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/test.txt
	@touch $@

system-deps: ## Install Debian's chromium, firefox-esr and poppler-utils for the tests (root only)
	@bash tools/system_deps.sh

# --- The two commands of the README -----------------------------------------
build: $(VENV)/.build-deps ## Build the whole site and its PDFs into site/ (strict; site/ is replaced only on success)
	$(PY) tools/publish.py

test: $(VENV)/.test-deps system-deps ## Run the whole test suite (builds tiny sites and the real one)
	@$(PY) -m pytest $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: that is a failure" >&2; exit 1; fi; \
	exit $$status

# --- Everyday commands -------------------------------------------------------
serve: $(VENV)/.build-deps ## Live preview on http://127.0.0.1:8000 (drafts shown; PDFs only with PDF=1)
	HUB_PDF=$(PDF) $(MKDOCS) serve --dev-addr 127.0.0.1:8000 --livereload --dirty

check: $(VENV)/.test-deps ## Lint (ruff), types (mypy), the import contract (the core imports no engine), field reference
	$(PY) -m ruff check hooks tools tests
	$(PY) -m ruff format --check hooks tools tests
	$(PY) -m mypy
	PYTHONPATH=hooks $(VENV)/bin/lint-imports
	$(PY) tools/field_reference.py --check

check-content: $(VENV)/.build-deps ## Check every page's front matter and content rules, without building
	PYTHONPATH=hooks $(PY) -m hub check docs

translations: $(VENV)/.build-deps ## List every page with the state of its translation
	PYTHONPATH=hooks $(PY) -m hub translations status docs

translated: $(VENV)/.build-deps ## Record a translation as up to date: make translated PAGE=packs/getting-started
	@test -n "$(PAGE)" || { echo "give the page: make translated PAGE=packs/getting-started" >&2; exit 2; }
	PYTHONPATH=hooks $(PY) -m hub translations record "$(PAGE)" docs

new: $(VENV)/.build-deps ## Start a page in both languages: make new TYPE=information-pack SLUG=packs/my-guide
	$(PY) tools/new_page.py "$(TYPE)" "$(SLUG)"

bench: $(VENV)/.test-deps ## Measure build speed, page weight and search quality (writes BENCHMARKS results)
	$(PY) tools/bench.py

links: $(VENV)/.test-deps ## Check every source and link of the pages with lychee (needs the internet)
	PYTHONPATH=hooks $(PY) -m hub links docs

fuzz: $(VENV)/.test-deps ## The property tests with a large example budget (minutes)
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest tests/test_properties.py

lock: $(VENV)/.python-ok ## Re-pin requirements/ from pyproject.toml (needs the network)
	$(PY) tools/lock.py

clean: ## Remove the built site, caches and the virtual environment
	rm -rf site .site-build-* .site-old-* .cache .pytest_cache .mypy_cache .ruff_cache .hypothesis .import_linter_cache $(VENV)
