# Two commands on a fresh machine: `make run` and `make test` (see README.md).
SHELL := /bin/bash
PORT ?= 8000
PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
MANAGE := $(UV) run --frozen python manage.py

.PHONY: run test install lint check pytest e2e messages vendor vendor-check audit clean

# uv installs the locked dependencies; bootstrap it into .tools/ when it is missing.
.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv

install: $(if $(findstring .tools,$(UV)),.tools/bin/uv)
	$(UV) sync --frozen --quiet

run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_data --with-demo-users
	@echo "Serving on http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: install
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .
	$(UV) run --frozen djhtml --check $$(find templates -name '*.html')

check: install
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run

# The suite in parallel (pytest-xdist), one worker per core of the CI machine, each with a
# test database of its own; `--dist load` hands each worker its tests in collection order,
# so each still runs its committing tests last. PYTEST_WORKERS=0: one process.
PYTEST_WORKERS ?= 2
pytest: install
	$(UV) run --frozen pytest -n $(PYTEST_WORKERS) --dist load $(PYTEST_ARGS)

test: lint check pytest

messages: install
	$(MANAGE) makemessages --locale nl --ignore ".venv/*" --ignore ".tools/*" --ignore "cms/frontend/*" --no-obsolete --add-location file
	$(MANAGE) compilemessages --locale nl --ignore ".venv/*" --ignore ".tools/*"

# Known vulnerabilities in the locked Python packages (pip-audit against PyPI's advisory
# database; needs internet access to pypi.org).
audit: install
	mkdir -p .tools
	$(UV) export --frozen --format requirements-txt --no-hashes --quiet > .tools/audit-requirements.txt
	$(UV) run --frozen pip-audit --disable-pip --no-deps --strict --progress-spinner off -r .tools/audit-requirements.txt

# Front-end libraries (Chart.js) come from npm, pinned in cms/frontend/package-lock.json, and
# are committed under cms/static/vendor/ so that `make run` needs no Node.js. `make vendor`
# reinstalls them from the lock file; `make vendor-check` (run by CI) proves the committed
# files are exactly the locked ones.
VENDOR_FILES := dist/chart.umd.min.js dist/chart.umd.min.js.map LICENSE.md
vendor:
	npm ci --prefix cms/frontend --no-audit --no-fund --silent
	cp $(addprefix cms/frontend/node_modules/chart.js/,$(VENDOR_FILES)) cms/static/vendor/chartjs/

vendor-check:
	npm ci --prefix cms/frontend --no-audit --no-fund --silent
	for file in $(VENDOR_FILES); do cmp cms/frontend/node_modules/chart.js/$$file cms/static/vendor/chartjs/$$(basename $$file); done
	@echo "cms/static/vendor/ holds exactly the locked npm packages."

clean:
	rm -rf .venv .tools db.sqlite3* .test-db.sqlite3* static
