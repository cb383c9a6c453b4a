#!/usr/bin/env bash
# Install everything the tests need (venv, requirements, Debian's Chromium) and run the whole
# test suite, browser tests included. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
exec .venv/bin/python -m pytest "$@"
