# The project's vocabulary. Each target installs or trains first when needed.
SHELL := /bin/bash
PYTHON_VERSION := $(shell cat .python-version)
BASE_PYTHON ?= $(firstword $(wildcard $(or $(PYENV_ROOT),$(HOME)/.pyenv)/versions/$(PYTHON_VERSION)/bin/python) $(shell command -v python3.10))
VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
SPACY_PIPELINE := .cache/spacy/en_advisor
MODEL := models/advisor.tar.gz
WIDGET := rasa_project/web/node_modules/.installed
KB_INPUTS := $(wildcard knowledge/data/*.yml) $(wildcard knowledge/*.py)
TRAINING_INPUTS := config.yml $(shell find rasa_project/domain rasa_project/data -name '*.yml') \
	$(wildcard rasa_project/components/*.py) $(KB_INPUTS)
RASA_DIRS := --config config.yml --domain rasa_project/domain --data rasa_project/data

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3
export TF_ENABLE_ONEDNN_OPTS := 0
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONPATH := $(CURDIR)

.PHONY: install train validate run shell test bench clean report check-sources

## install: the virtual environment (pinned versions), the blank spaCy pipeline, the chat widget
install: $(VENV)/.installed $(SPACY_PIPELINE)/meta.json $(WIDGET)

$(VENV)/.installed: requirements.lock
	@test -n "$(BASE_PYTHON)" || { echo "Python $(PYTHON_VERSION) not found (pyenv install $(PYTHON_VERSION))"; exit 1; }
	test -x $(PY) || $(BASE_PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

# The chat page's widget, exactly as package-lock.json pins it; no install scripts run.
$(WIDGET): rasa_project/web/package-lock.json
	cd rasa_project/web && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

$(SPACY_PIPELINE)/meta.json: $(VENV)/.installed rasa_project/components/spacy_pipeline.py
	$(PY) -m rasa_project.components.spacy_pipeline $(SPACY_PIPELINE)

## train: retrain the model when the data, config or knowledge base changed (the entity matcher stores the knowledge base's names)
train: $(MODEL)

# The model is dated when training started: an input edited while it trains makes the next
# `make train` train again instead of keeping a model built from the older input.
$(MODEL): $(TRAINING_INPUTS) | install
	@date +%Y%m%d%H%M.%S > .train-started
	$(RASA) train $(RASA_DIRS) --out models --fixed-model-name advisor
	touch -t $$(cat .train-started) $@ && rm -f .train-started

## validate: the knowledge base and the Rasa training data
validate: install
	$(PY) -m knowledge
	$(RASA) data validate $(RASA_DIRS) --fail-on-warning

## run: chat page (8080), Rasa server (REST, socket.io on 5005), action server, until Ctrl-C
run: train
	$(PY) -m rasa_project.launcher run

## shell: talk to the advisor in the terminal
shell: train
	$(PY) -m rasa_project.launcher shell

## test: every test, against the real trained model and real servers
test: validate train
	$(PY) -m pytest

## bench: training time, start-up, memory and latency, beside a stock rasa init bot
bench: train
	$(PY) -m bench

## report: what people asked and what went unanswered, from the configured tracker store (SINCE=YYYY-MM-DD optional)
report: install
	$(PY) -m rasa_project.report $(if $(SINCE),--since $(SINCE))

## check-sources: every figure and name of the knowledge base against the paragraph it cites (SOURCES=folder of the article)
check-sources: install
	$(PY) -m source_check $(SOURCES)

clean:
	rm -rf models results run .cache .pytest_cache

## run-scale: like run, with conversations in PostgreSQL, locks and rate limits in Redis (POSTGRES_*, REDIS_* set; docs/deploy.md)
.PHONY: run-scale
# Rate limits are counted in Redis database 2 unless MLIS_ADVISOR_RATE_REDIS_URL says otherwise.
run-scale: train
	RASA_ENDPOINTS=rasa_project/endpoints.scale.yml \
	MLIS_ADVISOR_RATE_REDIS_URL="$${MLIS_ADVISOR_RATE_REDIS_URL:-redis://:$${REDIS_PASSWORD}@$${REDIS_HOST}:$${REDIS_PORT}/2}" \
	$(PY) -m rasa_project.launcher run
