#!/usr/bin/env bash
# Compile packaging/installer.nsi with NSIS (Debian's `nsis` package) against a small
# stand-in bundle: proves the script is valid without a Windows build. Skips (exit 0,
# with a note) where makensis is not installed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v makensis >/dev/null; then
    echo "check_installer: makensis not installed (apt-get install nsis); not checked"
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bundle/_internal"
for f in helpdesk.exe helpdesk-desk.exe _internal/base_library.zip; do
    printf 'stand-in\n' > "$work/bundle/$f"
done
# The version is written once, in helpdesk/__init__.py (pyproject.toml reads it there).
version=$(grep -m1 -E '^__version__ *= *"' "$here/../helpdesk/__init__.py" | sed -E 's/.*"(.*)".*/\1/')
test -n "$version"
makensis -V2 -WX "-DVERSION=$version" "-DBUNDLE=$work/bundle" "-DOUTFILE=$work/helpdesk-setup.exe" \
    "$here/installer.nsi"
test -s "$work/helpdesk-setup.exe"
echo "check_installer: installer.nsi compiles ($(stat -c %s "$work/helpdesk-setup.exe") bytes with a stand-in bundle)"
