# Two commands a newcomer needs: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint messages compilemessages migrate load serve bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

compilemessages: $(STAMP)
	$(BIN)/python manage.py compile_catalogues

migrate: $(STAMP)
	$(BIN)/python manage.py migrate --no-input --verbosity=0

load: migrate
	$(BIN)/python manage.py load_locality
	$(BIN)/python manage.py create_demo_users
	$(BIN)/python manage.py generate_sample_usage --months 4

run: compilemessages load
	@echo "Serving the portal at http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Two workers, one per core; a module (or test class) stays on one worker, so the sample it
# loads once is loaded once. `make test PYTEST_ARGS=tests/orientation` runs a part in one process.
PYTEST_ARGS ?= -n 2 --dist loadscope
test: compilemessages
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Extract new interface strings into every catalogue (then translate them, then compile).
messages: $(STAMP)
	$(BIN)/python manage.py makemessages --all --ignore=.venv --ignore=staticfiles --no-obsolete

bench: compilemessages
	$(BIN)/python bench/public_pages.py
	$(BIN)/python bench/insights_report.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache
