#!/usr/bin/env bash
# Create .venv (if needed) and install framing with everything it needs. Idempotent.
# Usage: scripts/setup.sh [--browser]   (--browser also installs Debian's Chromium for browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating the virtual environment .venv"
  "$PY" -m venv .venv
fi
echo "setup: installing the Python packages of requirements.txt into .venv (a few minutes on a fresh machine)"
.venv/bin/python -m pip install -q -U pip   # the pip that venv ships skips lxml[html_clean]
.venv/bin/python -m pip install -q -r requirements.txt
.venv/bin/python -m pip install -q --no-deps -e .
if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing Debian's chromium with apt-get (for the browser tests; a few minutes)"
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  elif command -v sudo >/dev/null; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "scripts/setup.sh: browser tests need Debian's chromium at /usr/bin/chromium; install it with 'apt-get install -y chromium' as root" >&2
    exit 1
  fi
fi
