# The two commands of the README:
#   make run   installs kg and runs its main job on the bundled data (embedded store ./.kg)
#   make test  installs what the tests need and runs the whole suite (what CI runs)
PYTHON ?= python3
KG = $(PYTHON) -m kg

.PHONY: run test lint pytest benchmark

run:
	$(PYTHON) -m pip install --quiet .
	$(KG) ingest data/
	$(KG) validate
	$(KG) stats
	$(KG) query chronology

test:
	$(PYTHON) -m pip install --quiet -e '.[test]'
	$(MAKE) lint pytest

lint:
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check .
	$(PYTHON) -m mypy

pytest:
	$(PYTHON) -m pytest -q

benchmark:
	PYTHONPATH=. $(PYTHON) tests/benchmarks/bench_ingest.py
	PYTHONPATH=. $(PYTHON) tests/benchmarks/bench_hsg.py
