# Two commands for a fresh machine: `make serve` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)/scripts
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# The Anki deck's notes are stamped with this time: the last commit's, so the same commit builds the same bytes
# and a newer one updates notes already imported (fentkb/export/anki.py). Empty outside a git checkout.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)

.PHONY: serve build zip bench check test lint clean distclean setup setup-test

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements-test.txt package.json package-lock.json $(VENV)/.site-installed
	$(BIN)/pip install --quiet -r requirements-test.txt
	npm ci --silent --no-audit --no-fund
	touch $@

setup: $(VENV)/.site-installed
setup-test: $(VENV)/.test-installed

serve: setup  ## build and serve on http://127.0.0.1:8000, reloading on edits
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --watch quizzes --watch scripts

build: setup  ## strict build into site/; the old site stays until a new one is complete
	rm -rf build/site.new
	$(BIN)/mkdocs build --strict --site-dir build/site.new
	rm -rf site && mv build/site.new site

zip: setup  ## an offline copy: dist/fentanyl-module-offline.zip, opened from disk with index.html
	rm -rf build/fentanyl-module
	$(BIN)/mkdocs build --strict -f mkdocs.offline.yml --site-dir build/fentanyl-module
	mkdir -p dist && rm -f dist/fentanyl-module-offline.zip.tmp
	cd build && ../$(BIN)/python -m zipfile -c ../dist/fentanyl-module-offline.zip.tmp fentanyl-module
	mv dist/fentanyl-module-offline.zip.tmp dist/fentanyl-module-offline.zip

bench: setup  ## build, generator and page-weight benchmarks, written to BENCHMARKS.md
	$(BIN)/python scripts/bench.py

check: setup  ## validate the knowledge base, listing every problem
	$(BIN)/python -m fentkb check

lint: setup-test  ## ruff, and mypy with untyped functions refused (settings in pyproject.toml)
	$(BIN)/ruff check scripts tests
	$(BIN)/mypy

test: setup-test lint  ## lint, then every test (unit, build, browser)
	$(BIN)/python -m pytest

clean:
	rm -rf site build dist .pytest_cache .ruff_cache

distclean: clean
	rm -rf $(VENV) node_modules
