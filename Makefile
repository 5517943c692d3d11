# tsunagari — `make run` serves the portal, `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
TSUNAGARI := $(VENV)/bin/tsunagari
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/tsunagari
EVAL_SET ?= ../shared/eval/navigator-dev.yaml

.PHONY: help install browser run test lint typecheck migrations-check test-sqlite test-postgres test-e2e bench bench-urgency eval eval-search eval-local crisis-model urgency-model messages public-messages clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed messages  ## make .venv and install the project with its dev tools

messages:  ## compile the translations (gettext's msgfmt)
	@command -v msgfmt >/dev/null || (apt-get install -y -q gettext >/dev/null)
	@cd src/tsunagari && ../../$(TSUNAGARI) compilemessages --verbosity 0

# The public pages' catalogues (web, navigator, and the names the directory gives them) in
# every language but Japanese (tests/test_translations.py: all of them complete).
PUBLIC_LOCALES ?= en zh_Hans zh_Hant ko vi tl pt_BR es ne id th
MAKEMESSAGES = ../../../$(TSUNAGARI) makemessages --no-obsolete $(addprefix -l ,$(PUBLIC_LOCALES))

public-messages: install  ## update those catalogues after a string changed: make public-messages [PUBLIC_LOCALES="vi tl"]
	cd src/tsunagari/web && $(MAKEMESSAGES)
	cd src/tsunagari/navigator && $(MAKEMESSAGES)
	cd src/tsunagari/directory && $(MAKEMESSAGES)
	@for locale in $(filter-out en,$(PUBLIC_LOCALES)); do \
	  po=src/tsunagari/directory/locale/$$locale/LC_MESSAGES/django.po; \
	  msggrep --location='taxonomy_names.py' --location='area_names.py' --location='provenance.py' -o $$po $$po || exit 1; \
	done

browser:  ## Debian chromium for the browser tests (no browser download by Playwright), with fonts for every script the pages use
	@test -x /usr/bin/chromium || (DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null)
	@fc-list -q "Noto Sans CJK SC" && fc-list -q "Noto Sans Thai" && fc-list -q "Noto Sans Devanagari" || (DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends fonts-noto-cjk fonts-noto-core >/dev/null)

run: install  ## migrate SQLite, load the bundled data, serve on 127.0.0.1:8000
	$(TSUNAGARI) migrate --noinput
	$(TSUNAGARI) bootstrap
	$(TSUNAGARI) demo_staff
	$(TSUNAGARI) serve --host $(HOST) --port $(PORT)

test: install browser lint typecheck migrations-check test-sqlite test-postgres test-e2e  ## every check

lint:
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests
	$(VENV)/bin/lint-imports --no-cache

typecheck:
	$(VENV)/bin/mypy

migrations-check:
	$(TSUNAGARI) makemigrations --check --dry-run

test-sqlite:
	$(PY) -m pytest -n 2 -m "not e2e"

test-postgres:
	@scripts/with-postgres $(PG_URL) $(PY) -m pytest -n 2 -m "not e2e"

test-e2e: browser
	$(PY) -m pytest -m e2e

urgency-model: crisis-model  ## retrain the urgency classifier on data/navigator/urgency/*.yaml
	$(TSUNAGARI) train_urgency_model --cases tests/navigator/cases.yaml

crisis-model: install  ## retrain the crisis second reader on the crisis sentences, the own cases and data/navigator/urgency
	$(TSUNAGARI) train_crisis_model --cases tests/navigator/cases.yaml

bench: install  ## benchmarks, printing figures (with a loopback load run by wrk)
	@command -v wrk >/dev/null || (DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk >/dev/null)
	$(PY) -m tsunagari.bench

bench-urgency: install  ## urgency grading alone: p95 on a quiet message and on the corpus, memory
	TSUNAGARI_BENCH_ONLY=urgency nice $(PY) -m tsunagari.bench navigator

eval: install  ## navigator evaluation on the development set
	$(TSUNAGARI) navigate --eval $(EVAL_SET)

eval-search: install  ## the search judged on plain queries: make eval-search SET=path/to/set.yaml
	$(TSUNAGARI) migrate --noinput -v0
	$(TSUNAGARI) bootstrap
	$(TSUNAGARI) evaluate_search $(SET)

eval-local: install  ## local first judged: local services above nationwide ones that do not serve the need
	$(TSUNAGARI) migrate --noinput -v0
	$(TSUNAGARI) bootstrap
	$(TSUNAGARI) evaluate_local $(EVAL_SET) tests/navigator/search-cases.yaml tests/navigator/multilingual-dev.yaml

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
