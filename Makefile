# The two commands of the README:
#   make run   installs kg and runs its main job on the bundled data (embedded store ./.kg)
#   make test  installs what the tests need and runs the whole suite (what CI runs)
PYTHON ?= python3
KG = $(PYTHON) -m kg

# Debian packages the tests use: a real browser and a real SPARQL server.
TEST_DEBIAN_PACKAGES = chromium virtuoso-opensource

.PHONY: run test test-deps lint pytest benchmark

run:
	$(PYTHON) -m pip install --quiet .
	$(KG) ingest data/
	$(KG) validate
	$(KG) stats
	$(KG) query chronology
	mkdir -p out
	$(KG) export html --from 1961 --to 1963 -o out/timeline-1961-1963.html
	$(KG) network --source frus --source wilson --source curated -o out/network.png
	@echo "Open out/timeline-1961-1963.html in a browser; out/network.png is who met whom."

test: test-deps
	$(PYTHON) -m pip install --quiet -e '.[test]'
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	$(MAKE) lint pytest

test-deps:
	@command -v chromium >/dev/null && command -v virtuoso-t >/dev/null || { \
	  apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    $(TEST_DEBIAN_PACKAGES); }

lint:
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check .
	$(PYTHON) -m mypy

pytest:
	$(PYTHON) -m pytest -q

benchmark:
	PYTHONPATH=. $(PYTHON) tests/benchmarks/bench_ingest.py
	PYTHONPATH=. $(PYTHON) tests/benchmarks/bench_hsg.py
	PYTHONPATH=. $(PYTHON) tests/benchmarks/bench_html_timeline.py
