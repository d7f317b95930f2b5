# Set-up and everyday commands. `make serve` and `make test` do all set-up
# on a fresh machine (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1:8000

# Material 9.7+ prints an "MkDocs 2.0" banner on every run unless told not to.
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve build validate check-links test test-fast chromium java vnu lint bench lighthouse clean

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# click > 8.2.1 turned live reload off by default in `mkdocs serve`; ask for it.
serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload --strict -a $(HOST)

build: $(STAMP)
	$(BIN)/mkdocs build --strict --site-dir site

validate: $(STAMP)
	$(BIN)/catalogus validate

# Every cited web address, checked over the network (weekly in CI).
check-links: $(STAMP)
	$(BIN)/catalogus check-links

# Browser tests need Debian's chromium; install it when missing (as root).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "Installeer chromium: sudo apt-get install -y chromium"; exit 1; \
	  fi; \
	fi

# The Nu HTML Checker, pinned in tests/package.json, run with Debian's Java.
# --ignore-scripts: the jar is in the package; its postinstall would fetch a JRE.
VNU_JAR := tests/node_modules/vnu-jar/build/dist/vnu.jar
vnu: $(VNU_JAR) java

$(VNU_JAR): tests/package.json tests/package-lock.json
	cd tests && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

java:
	@if ! command -v java >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; \
	  else \
	    echo "Installeer Java: sudo apt-get install -y default-jre-headless"; exit 1; \
	  fi; \
	fi

test: $(STAMP) chromium vnu
	$(BIN)/pytest

# Everything except the browser: quick feedback while editing.
test-fast: $(STAMP)
	$(BIN)/pytest -m "not browser"

# Benchmarks are not part of `make test`: they take minutes and measure, not check.
BENCH_SIZES ?= 10 1000 5000
bench: $(STAMP) chromium
	$(BIN)/python bench/run.py $(BENCH_SIZES)

# Lighthouse on every page kind, phone and desktop (pinned in bench/package.json):
# the "Lighthouse" section of bench/results.md. Minutes; not part of `make test`.
LIGHTHOUSE_RUNS ?= 3
bench/node_modules/.bin/lighthouse: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --loglevel=error
	touch $@

lighthouse: $(STAMP) chromium bench/node_modules/.bin/lighthouse
	$(BIN)/python bench/lighthouse.py --runs $(LIGHTHOUSE_RUNS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf site .pytest_cache tests/node_modules bench/node_modules
