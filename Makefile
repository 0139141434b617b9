# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: run bot test lint bench bench-street bench-street-intake install install-dev compile clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install -q -e '.[compile]'
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(PY)
	$(PY) -m pip install -q -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# The understanding step compiled with mypyc (service/understanding/compiled.py), rebuilt when
# any of its modules changes. Without a C compiler the Python source runs: the same readings,
# slower (`python -m service.understanding.build_compiled --status` says which runs).
COMPILED := $(VENV)/hongqiao-compiled/manifest.json
$(COMPILED): $(wildcard service/understanding/*.py) | $(VENV)/.installed
	$(PY) -m service.understanding.build_compiled \
		|| echo "warning: the understanding step was not compiled; the Python source runs"

compile: $(COMPILED)

run: install compile
	$(PY) -m bot.cli run

bot: install compile
	$(PY) -m bot.cli bot

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

# Includes tests/test_puppet_service.py, which npm-installs the Node puppet service into
# tests/.node the first time (needs node and npm).
# The suite is split over one process per core (pytest-xdist), a whole test file to a process;
# the slowest tests are listed at the end. TEST_WORKERS=0 runs it in this one process.
TEST_WORKERS ?= auto
test: lint compile
	HONGQIAO_EXPECT_COMPILED=1 $(VENV)/bin/pytest -n $(TEST_WORKERS) --dist loadfile --durations=25

bench: install-dev compile
	@for f in bench/bench_*.py; do echo "== $$f"; $(PY) $$f || exit 1; done

# A whole 街道 on PostgreSQL (30 communities, 1,000,000 tickets; see bench/street.py).
bench-street: install-dev compile
	$(PY) bench/street.py

# The street's chat through real workers: 30 accounts on Node puppet services, 3 `hongqiao bot`
# workers, intake, each account's pace, a worker killed mid-run (see bench/street_intake.py).
bench-street-intake: install-dev compile
	$(PY) bench/street_intake.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache tests/.node
