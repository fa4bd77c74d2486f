#!/usr/bin/env bash
# CI's bundle job: from a copy of the tracked files (so it never races the test run's
# editable install in the work tree), a fresh venv with the bundle extra, the
# PyInstaller one-folder build, the smoke test run from the bundle, and the NSIS
# installer check. .ci/run starts it in the background before the tests and waits for
# it after them. Prints how long each step took.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${BUNDLE_WORK:-$(mktemp -d)}
trap 'rm -rf "$work"' EXIT
started=$SECONDS
lap() { echo "bundle: $1 ($((SECONDS - started)) s)"; }

mkdir -p "$work/src"
(cd "$root" && git ls-files -z | tar --null -T - -cf -) | tar -xf - -C "$work/src"
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --disable-pip-version-check "$work/src[bundle]"
lap "installed"
(cd "$work/src" && PATH="$work/venv/bin:$PATH" bash packaging/build.sh \
    --distpath "$work/dist" --workpath "$work/build")
lap "built ($(du -sh "$work/dist/helpdesk" | cut -f1))"
bash "$work/src/packaging/smoke.sh" "$work/dist/helpdesk"
lap "smoke test passed"
bash "$work/src/packaging/check_installer.sh"
lap "done"
