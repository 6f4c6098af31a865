# Two commands do everything: `make run` and `make test`. See README.md.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
STAMP := $(VENV)/.installed
MODEL := models/assistant.tar.gz
TRAINING_DATA := config.yml domain.yml $(shell find data -name '*.yml' 2>/dev/null)
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export TF_CPP_MIN_LOG_LEVEL := 2
export RASA_TELEMETRY_ENABLED := false
export PYTHONPATH := $(CURDIR)

.PHONY: run shell test lint unit e2e validate conversation-tests evaluate train clean constraints knowledge-check \
	browser office loadbalancer benchmark run-scaled report

run: $(STAMP) $(MODEL)  ## start the assistant (REST on RASA_PORT, default 5005)
	$(PY) scripts/serve.py run

shell: $(STAMP) $(MODEL)  ## talk to the assistant in this terminal
	$(PY) scripts/serve.py shell

# The tests without servers need no model, so they run while it trains: training alone keeps about one
# core of two busy (tests/test_entities.py, which loads the model, is marked `servers`).
test: $(STAMP) browser office loadbalancer lint knowledge-check validate  ## everything CI runs
	$(MAKE) --no-print-directory -j2 unit $(MODEL)
	$(MAKE) --no-print-directory e2e conversation-tests

$(STAMP): requirements.txt constraints.txt
	@test -x $(PY) || { py=$$(scripts/find-python) && echo "Creating $(VENV) with $$py" && "$$py" -m venv $(VENV); }
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	@touch $@

$(MODEL): $(STAMP) $(TRAINING_DATA)
	$(RASA) train --fixed-model-name assistant --out models --quiet
	@touch $@

train: $(MODEL)

browser:  ## Debian's chromium for the browser tests of the chat page (as root; nothing if present)
	@test -x /usr/bin/chromium || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)

office:  ## Debian's LibreOffice Writer and poppler, to open records as a reader would (as root; nothing if present)
	@(test -x /usr/bin/soffice && test -x /usr/bin/pdftotext) || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils)

loadbalancer:  ## Debian's nginx for the scaled profile (as root; nothing if present; never left as a system service)
	@test -x /usr/sbin/nginx || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx \
		&& { systemctl disable --now nginx 2>/dev/null || true; }; }

run-scaled: $(STAMP) $(MODEL) loadbalancer  ## two Rasa and two action servers behind nginx, on PostgreSQL and Redis
	$(PY) scripts/scaled.py

# two pytest-xdist workers: most of an end-to-end test is waiting on servers (E2E_WORKERS=1 for one at a time)
E2E_WORKERS ?= 2
e2e: $(STAMP) $(MODEL) browser office loadbalancer  ## the real servers, the browser, the scaled profile, the benchmark's smoke run
	$(PY) -m pytest -q -m servers $(if $(filter-out 1,$(E2E_WORKERS)),-n $(E2E_WORKERS) --dist loadgroup)

benchmark: $(STAMP) $(MODEL)  ## this assistant against a bare `rasa init` bot: results/benchmark.json and .png
	$(PY) scripts/benchmark.py

# the anonymised learning report (bot/reporting/): make report FROM=2026-10-01 TO=2026-12-31 [OUT=folder]
OUT ?= results/learning-report-$(FROM)-to-$(TO)
report: $(STAMP)  ## the learning report for a period: Word, CSV and charts in an owner-only folder (FROM, TO, OUT)
	@test -n "$(FROM)" -a -n "$(TO)" || { echo "Give the period: make report FROM=2026-10-01 TO=2026-12-31 [OUT=folder]"; exit 2; }
	$(PY) -m bot report --from "$(FROM)" --to "$(TO)" --out "$(OUT)"

lint: $(STAMP)  ## ruff (lint) on the whole tree and mypy on bot/, as pyproject.toml sets them
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

knowledge-check: $(STAMP)  ## load and check knowledge/ as start-up does
	$(PY) -m bot check

validate: $(STAMP)
	$(RASA) data validate --fail-on-warnings --quiet

UNIT_WORKERS ?= 2
unit: $(STAMP) office  ## pytest without servers: bot/, actions/, knowledge, records (on UNIT_WORKERS cores)
	$(PY) -m pytest -q -m "not servers" -n $(UNIT_WORKERS)

conversation-tests: $(STAMP) $(MODEL)
	$(RASA) test core --model $(MODEL) --stories tests/conversations --fail-on-prediction-errors --out results/core --quiet

evaluate: $(STAMP) $(MODEL)  ## NLU quality and the danger check on held-out sets, reports in results/
	$(PY) scripts/danger_report.py --out results
	$(RASA) test nlu --model $(MODEL) --nlu tests/nlu/paraphrases.yml --out results/nlu-paraphrases
	$(RASA) test nlu --nlu data/nlu --config config.yml --cross-validation --folds 5 --out results/nlu-cross-validation
	$(PY) scripts/nlu_report.py results/nlu-paraphrases results/nlu-cross-validation

constraints: $(STAMP)  ## re-pin every package after changing requirements.txt
	(echo "# Every installed package, pinned (pip freeze of a working environment)."; echo "# Regenerate with: make constraints"; $(PY) -m pip freeze) > constraints.txt

clean:
	rm -rf models results .pytest_cache .cache
