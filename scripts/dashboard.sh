#!/usr/bin/env bash
# Install (first run only takes long) and open the dashboard on the bundled demo corpus,
# or on PATH when given: scripts/dashboard.sh [PATH]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/framing dashboard "$@"
