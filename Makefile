# localnhs: two commands on a fresh clone - `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
WORKERS ?= 1
HOST   ?= 127.0.0.1
DB     := var/localnhs.sqlite

.PHONY: serve test install install-test build bench bench-postcodesio load clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(DB): | $(VENV)/.installed
	$(BIN)/localnhs build

build: $(VENV)/.installed
	$(BIN)/localnhs build

serve: $(VENV)/.installed $(DB)
	$(BIN)/localnhs serve --host $(HOST) --port $(PORT)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --silent --no-audit --no-fund

test: $(VENV)/.installed-test node_modules/.package-lock.json
	$(BIN)/python -m pytest -q

bench: $(VENV)/.installed-test $(DB)
	$(BIN)/python bench/run.py

bench-postcodesio: $(VENV)/.installed-test $(DB)
	$(BIN)/python bench/postcodesio.py

load: $(VENV)/.installed-test $(DB)
	$(BIN)/python bench/load.py --connections 64 --seconds 60 --workers $(WORKERS)

clean:
	rm -rf var/test
