# eventcoder — set-up and everyday targets. Everything runs inside .venv.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/pip
STAMP  := $(VENV)/.installed
DB     ?= eventcoder.db
# the seed report is coded too when ../shared is present (it is not copied into the repo)
SEED   := $(wildcard ../shared/seed/000.txt)

.PHONY: run test install lint clean evaluate evaluate-real bench bench-robust

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found; set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(PIP) install --quiet --no-deps --require-hashes -r constraints.txt
	$(PIP) install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

run: install
	@if [ -f $(DB) ]; then $(BIN)/eventcoder db upgrade --db $(DB); fi
	$(BIN)/eventcoder code samples/ $(SEED) --db $(DB) --summary
	@echo
	@echo "Stored in $(DB). Browse it: $(BIN)/eventcoder serve --db $(DB), then open http://127.0.0.1:8000/"
	@echo "(REST API and its OpenAPI docs at http://127.0.0.1:8000/docs; CSV: $(BIN)/eventcoder export --db $(DB) --format csv)"

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/python -m compileall -q src tests

evaluate: install
	$(BIN)/eventcoder evaluate --gold ../shared/devset/gold.jsonl --json -
	$(BIN)/eventcoder evaluate --gold devdata/gold.jsonl --json -
	$(BIN)/eventcoder evaluate --gold heldout/gold.jsonl --json -

# real published reports (realnews/): texts are restored per realnews/README.md, never committed
evaluate-real: install
	$(BIN)/eventcoder evaluate-real --gold realnews/gold.jsonl --json eval-real.json

bench: install
	$(BIN)/eventcoder bench ../shared/devset/reports --repeat 2 --workers 0
	$(BIN)/python -m eventcoder.bench merge --gold ../shared/devset/gold.jsonl
	$(BIN)/python -m eventcoder.bench ingest
	$(BIN)/python -m eventcoder.bench feed --docs 10000 --fake-coder
	$(BIN)/python -m eventcoder.bench dask --workers 2
	$(BIN)/python bench/gazetteer_bench.py

# issue 19: 10,000 bad/mutated inputs, 20 kill -9 trials (PostgreSQL too with EVENTCODER_TEST_PG_URL), schemathesis
bench-robust: install
	$(BIN)/python bench/robustness.py
	$(BIN)/python -m eventcoder.web.loadtest --events 10000 --readers 200 --workers 2

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
