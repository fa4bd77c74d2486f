#!/usr/bin/env bash
# Build the one-folder bundle dist/helpdesk/ (helpdesk + helpdesk-desk) with PyInstaller.
# Run from anywhere, in an environment where Helpdesk is installed with the bundle extra:
#     pip install -e ".[bundle]" && bash packaging/build.sh
# Options are passed to PyInstaller (e.g. --distpath /tmp/dist --workpath /tmp/build).
set -euo pipefail
cd "$(dirname "$0")/.."
python -m PyInstaller --noconfirm --clean --log-level WARN "$@" packaging/helpdesk.spec
