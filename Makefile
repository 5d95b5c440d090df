# Two commands on a fresh machine:
#   make run   create .venv, install the pinned dependencies, build the warehouse, print a summary
#   make test  the test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export DAGSTER_HOME := $(CURDIR)/.dagster_home

.PHONY: run run-alone test install manifest dev clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# Installed once per change of the lock file or the package metadata.
$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/activate
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

install: $(VENV)/.installed

# dagster-dbt reads the dbt manifest when the definitions load.
manifest: install
	cd dbt_project && ../$(BIN)/dbt parse --profiles-dir . --quiet

# Two `make run` at once take turns (one writer of the warehouse at a time; a fresh Dagster
# instance created by two processes at once fails on its own tables): the second waits.
run:
	mkdir -p $(DAGSTER_HOME)
	flock $(DAGSTER_HOME)/.run.lock $(MAKE) --no-print-directory run-alone

# One line per step of the job, then the summary; Dagster's and dbt's whole output goes to the
# log file named on the first line (orchestration/run.py).
run-alone: manifest
	$(BIN)/python -m orchestration.run

test: manifest
	$(BIN)/python -m pytest -q

# The UI, the daemon (the inbox sensor runs under it) and the code server, which dagster dev starts
# with this environment: the .venv's programs first on PATH, whatever the shell's PATH holds.
dev: manifest
	mkdir -p $(DAGSTER_HOME)
	PATH="$(CURDIR)/$(BIN):$$PATH" DAGSTER_HOME="$(DAGSTER_HOME)" $(BIN)/dagster dev -w workspace.yaml

clean:
	rm -rf $(VENV) dbt_project/target dbt_project/logs
