# Two commands on a fresh machine:
#   make run   create .venv, install the pinned dependencies, build the warehouse, print a summary
#   make test  the test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export DAGSTER_HOME := $(CURDIR)/.dagster_home

.PHONY: run test install manifest dev clean

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

run: manifest
	$(BIN)/dagster job execute -m orchestration.definitions -j build_warehouse
	$(BIN)/python -m orchestration.summary

test: manifest
	$(BIN)/python -m pytest -q

dev: manifest
	$(BIN)/dagster dev -w workspace.yaml

clean:
	rm -rf $(VENV) dbt_project/target dbt_project/logs
