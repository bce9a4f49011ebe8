# Two commands on a fresh machine: `make run` and `make test` (see README.md).
# Everything the project needs is installed from here, never by hand.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
PORT   ?= 8501
# llama.cpp must not tune itself to this CPU: CI may run on another one.
export CMAKE_ARGS ?= -DGGML_NATIVE=OFF

.PHONY: run test lint venv deps dev-deps llm system-deps init bench clean-db

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.deps: requirements.txt | $(VENV)/bin/python
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-deps: requirements-dev.txt $(VENV)/.deps
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

# The embedded llama.cpp backend builds from source (about 5-8 minutes on 2 cores).
$(VENV)/.llm-deps: requirements-llm.txt $(VENV)/.deps
	$(PIP) install --quiet -r requirements-llm.txt
	touch $@

venv: $(VENV)/bin/python
deps: $(VENV)/.deps
dev-deps: $(VENV)/.dev-deps
llm: $(VENV)/.llm-deps

# Debian packages: chromium (browser tests, figure export) and a Japanese font.
system-deps:
	@scripts/install_system_deps.sh

init: deps
	$(PY) -m phi_core init

# Figure export needs chromium and a Japanese font; without them the app still
# runs and the export buttons say how to install them, hence the leading '-'.
run: init
	-@scripts/install_system_deps.sh
	$(VENV)/bin/streamlit run serve.py --server.address 127.0.0.1 --server.port $(PORT)

test: dev-deps llm system-deps lint
	$(PY) -m pytest

# Lint rules live in pyproject.toml ([tool.ruff]).
lint: dev-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Speed and memory figures, printed (not asserted); see bench/*.py.
bench: dev-deps llm system-deps
	$(PY) -m bench.rules
	$(PY) -m bench.core
	$(PY) -m bench.analysis
	$(PY) -m bench.pages
	$(PY) -m bench.runner
	$(PY) -m bench.styles
	$(PY) -m bench.deid
	$(PY) -m bench.archive
	$(PY) -m bench.scaleout
	$(PY) -m bench.agreement
	$(PY) -m bench.workbench_fit

clean-db:
	rm -f db/phi.duckdb db/phi.duckdb.wal
