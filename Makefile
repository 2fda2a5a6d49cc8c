# One command per habit. Each target installs what it needs into .venv first.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000
DATA   ?= data/providers.yaml
INSTANCE ?= instance
# The browser tests drive Debian's Chromium; Playwright never downloads a browser.
CHROMIUM ?= /usr/bin/chromium
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BABEL  := $(BIN)/pybabel
POT    := locale/messages.pot

.PHONY: run test lint bench check install clean browser messages language screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/vardkedjan serve --host $(HOST) --port $(PORT) --data $(DATA) --instance $(INSTANCE)

check: $(STAMP)
	$(BIN)/vardkedjan check $(DATA)

browser: $(CHROMIUM)

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium

test: $(STAMP) $(CHROMIUM)
	$(BIN)/python -m pytest -q

# The README's screenshots, in build/screenshots/ (a picture is not a test).
screenshots: $(STAMP) $(CHROMIUM)
	$(BIN)/python tools/screenshots.py

# Translators: `make messages` collects every sentence into $(POT) and updates each
# language's catalogue; `make language CODE=de` starts a new one (see README).
messages: $(STAMP)
	$(BABEL) extract -F babel.cfg -k N_ -k Msg --no-location --sort-output --omit-header -o $(POT) .
	$(BABEL) update -i $(POT) -d locale -D messages --no-wrap --ignore-obsolete

language: $(STAMP)
	@test -n "$(CODE)" || (echo "usage: make language CODE=de" >&2; exit 1)
	$(BABEL) init -i $(POT) -d locale -D messages --no-wrap -l $(CODE)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/hadolint Dockerfile

bench: $(STAMP)
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python bench/run.py --markdown

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache bench/out build
