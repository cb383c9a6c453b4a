#!/usr/bin/env bash
# Install everything the tests need (venv, requirements, Debian's Chromium), check the code, then
# run the whole test suite, browser tests included. Extra arguments go to pytest.
#   ruff: style and common bugs in framing, dashboard, tests and bench (rules: pyproject.toml [tool.ruff]);
#   mypy: the type hints of framing/ checked against each other ([tool.mypy]).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
echo "ruff check framing dashboard tests bench"
.venv/bin/ruff check framing dashboard tests bench
echo "mypy (framing/)"
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
