# Two commands do everything on a fresh clone (Python 3.11 + make are all you need):
#   make run    set up .venv and run the pipeline on raw/ -> processed/
#   make test   set up .venv and run the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup run test bench clean
setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=24"
	$(BIN)/python -m pip install -q -c requirements.lock -e ".[dev]"
	touch $(STAMP)

run: setup
	$(BIN)/claimflow run

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python -m pip install -q -c requirements.lock -e ".[dev,bench]"
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) processed/*.parquet processed/conflicts.*
