# The README's two commands: `make run` (set up, then chat or run the bot) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test fuzz bench loadtest eval validate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m bot

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

# The property-based tests with fresh random examples (the suite's own are fixed); run it
# a few times. A failure is remembered in .hypothesis/ and replayed first next time.
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=explore $(BIN)/python -m pytest tests/test_fuzz.py tests/test_fuzz_admin.py

bench: $(STAMP)
	$(BIN)/python -m bot bench

# A 1,000-question smoke run against the echo bot; scripts/loadtest.py --help for the rest.
loadtest: $(STAMP)
	$(BIN)/python scripts/loadtest.py --quick

eval: $(STAMP)
	$(BIN)/python -m bot eval

validate: $(STAMP)
	$(BIN)/python -m bot validate

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
