# claimlight: `make run` sets up and serves, `make test` sets up and tests. Nothing else is installed by hand.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/pip --disable-pip-version-check
STAMP_RUN  := $(VENV)/.stamp-run
STAMP_TEST := $(VENV)/.stamp-test
EXT_DIST   := extension/dist
ARGS ?=
# The Python tests run in pytest-xdist workers, a test module to each at a time (tests/conftest.py):
# most tests wait (for a browser, a daemon, a debounce), so three share two CPUs well.
# PYTEST_WORKERS=0 runs them in one process (for --pdb, or to compare).
PYTEST_WORKERS ?= 3
PYTEST_PARALLEL := $(if $(filter 0,$(PYTEST_WORKERS)),,-n $(PYTEST_WORKERS) --dist loadgroup)

.PHONY: run test test-py test-js test-browser extension bench pages lock clean venv help

help:
	@echo "make run        set up .venv + extension, start the daemon on 127.0.0.1 (foreground)"
	@echo "make test       set up with test dependencies, run the whole suite"
	@echo "make extension  build the Chrome extension into $(EXT_DIST)/"
	@echo "make bench      run the benchmarks, write bench/results.json"
	@echo "make pages      measure the extension on the pages corpus (seeds/pages/corpus) against its gold"
	@echo "make test-py | test-js | test-browser   one part of the suite"
	@echo "  (ARGS=... more pytest arguments; PYTEST_WORKERS=N workers, 0 for none; default $(PYTEST_WORKERS))"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Stamps make the set-up idempotent and quick on the second run; they depend on what they install from.
$(STAMP_RUN): $(BIN)/python pyproject.toml requirements.lock
	$(PIP) install -q -c requirements.lock -e .
	@touch $@

$(STAMP_TEST): $(STAMP_RUN)
	$(PIP) install -q -c requirements.lock -e '.[test]'
	@touch $@

venv: $(STAMP_RUN)

extension/node_modules/.package-lock.json: extension/package.json extension/package-lock.json
	cd extension && npm ci --no-audit --no-fund

extension: extension/node_modules/.package-lock.json
	cd extension && npm run --silent build

run: $(STAMP_RUN) extension
	$(BIN)/claimlight serve $(ARGS)

test: $(STAMP_TEST) extension
	$(BIN)/python -m pytest -q $(PYTEST_PARALLEL) $(ARGS)
	cd extension && npm test --silent

test-py: $(STAMP_TEST)
	$(BIN)/python -m pytest -q $(PYTEST_PARALLEL) --ignore=tests/browser $(ARGS)

test-js: extension/node_modules/.package-lock.json
	cd extension && npm test --silent

test-browser: $(STAMP_TEST) extension
	$(BIN)/python -m pytest -q $(PYTEST_PARALLEL) tests/browser $(ARGS)

bench: $(STAMP_TEST) extension
	$(BIN)/claimlight bench $(ARGS)

pages: $(STAMP_TEST) extension
	$(BIN)/claimlight pages seeds/pages/corpus $(ARGS)

lock: $(BIN)/python
	$(PIP) install -q -e '.[test]' && $(PIP) freeze --exclude-editable | grep -v '^claimlight' > requirements.lock.new
	@(echo "# Pinned versions of every Python package claimlight installs (run + test); used as pip constraints by the Makefile."; echo "# Regenerate with: make lock"; cat requirements.lock.new) > requirements.lock && rm requirements.lock.new

clean:
	rm -rf $(VENV) extension/node_modules $(EXT_DIST) .pytest_cache
