# The two quick-start commands: `make serve` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
# The client generator lives in a venv of its own: its pins (ruff, pydantic, typer) are not ours.
CLIENT_GEN := .venv-client-gen
CLIENT_GEN_STAMP := $(CLIENT_GEN)/.installed-$(shell cksum clients/generator-requirements.txt | cut -d' ' -f1)

.PHONY: serve test lint demo bench clean openapi client messages

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

serve: $(STAMP)  ## run the service on the embedded default (SQLite in ./var)
	$(BIN)/iplan serve

test: $(STAMP)  ## run the whole test suite
	$(BIN)/pytest -n 2 -p no:cacheprovider

lint: $(STAMP)  ## ruff, mypy --strict and the import-linter contracts
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .
	$(BIN)/lint-imports

openapi: $(STAMP)  ## refresh the committed OpenAPI document (api/openapi.json) from the app
	$(BIN)/python -m api.openapi > api/openapi.json.tmp
	mv api/openapi.json.tmp api/openapi.json

$(CLIENT_GEN_STAMP): clients/generator-requirements.txt
	$(PYTHON) -m venv $(CLIENT_GEN)
	$(CLIENT_GEN)/bin/python -m pip install -q -r clients/generator-requirements.txt
	rm -f $(CLIENT_GEN)/.installed-*
	touch $(CLIENT_GEN_STAMP)

client: $(CLIENT_GEN_STAMP)  ## regenerate the typed Python client (clients/python) from api/openapi.json
	PATH="$(abspath $(CLIENT_GEN))/bin:$$PATH" $(CLIENT_GEN)/bin/openapi-python-client generate \
		--path api/openapi.json --config clients/python-client.yaml \
		--custom-template-path clients/python-templates --output-path clients/python --overwrite

demo: $(STAMP)  ## seed the synthetic Ortenaukreis county into the embedded store
	$(BIN)/iplan demo

bench: $(STAMP)  ## every benchmark on SQLite and PostgreSQL, one JSON list (BENCH_STORES=sqlite for one)
	$(BIN)/python -m benchmarks.all --stores $(or $(BENCH_STORES),sqlite,postgres)

messages: $(STAMP)  ## extract the web pages' texts and update the catalogues (then translate)
	$(BIN)/pybabel extract -F api/web/babel.cfg -k N_ --no-location -o var/messages.pot .
	$(BIN)/pybabel update -i var/messages.pot -d api/web/locale --no-location --omit-header

clean:
	rm -rf $(VENV) $(CLIENT_GEN) var .mypy_cache .ruff_cache .pytest_cache .hypothesis
