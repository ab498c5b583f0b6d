# The two commands a new user needs (see README):
#   make demo   - set everything up and write a sample workbook and its report into ./demo
#   make test   - set everything up (LibreOffice included) and run the tests
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint template bench clean

$(STAMP): pyproject.toml
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "jobbook needs Python 3.11 or newer: make PY=python3.11 ...")'
	$(PY) -m venv $(VENV) || { echo "$(PY) -m venv failed: on Debian/Ubuntu, apt-get install python3-venv" >&2; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/jobbook demo demo --force

# ../shared/tools/ooxml_check.py (the ISO schemas Excel follows), when present, checks the books
# the tests change; it needs lxml, kept out of .venv (openpyxl writes other bytes with it)
OOXML := ../shared/tools/ooxml_check.py
OOXML_PY := $(CURDIR)/.venv-ooxml/bin/python

test: $(STAMP)
	scripts/ensure_system_tools.sh
	$(BIN)/ruff check jobbook tests scripts benchmarks
	@if [ -f $(OOXML) ] && [ ! -x $(OOXML_PY) ]; then \
	  $(PY) -m venv .venv-ooxml && .venv-ooxml/bin/python -m pip install --quiet lxml \
	  || { echo "lxml not installed: ooxml_check.py is skipped with a warning" >&2; rm -rf .venv-ooxml; }; fi
	JOBBOOK_OOXML_PYTHON=$$([ -x $(OOXML_PY) ] && echo $(OOXML_PY)) $(BIN)/pytest -n auto --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check jobbook tests scripts benchmarks
	$(BIN)/ruff format --check jobbook tests scripts benchmarks

template: $(STAMP)
	$(BIN)/python scripts/build_template.py

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) .venv-ooxml demo .pytest_cache .ruff_cache
