#!/usr/bin/env bash
# Smoke test of a built bundle, run FROM the bundle (not from the source tree):
#     bash packaging/smoke.sh dist/helpdesk
# In a fresh HELPDESK_HOME: --version, init, demo --size tiny, report monthly (a PDF),
# then the desktop (helpdesk-desk) on Qt's offscreen platform until it asks for a
# login; its log must show no error. Exits non-zero on the first failure.
set -euo pipefail
bundle=$(cd "${1:?usage: smoke.sh BUNDLE_FOLDER}" && pwd)
home=$(mktemp -d)
desk_pid=""
cleanup() {
    if [ -n "$desk_pid" ]; then kill "$desk_pid" 2>/dev/null || true; fi
    rm -rf "$home"
}
trap cleanup EXIT
export HELPDESK_HOME="$home" HELPDESK_LANG=en QT_QPA_PLATFORM=offscreen
unset HELPDESK_DATABASE_URL PYTHONPATH
cd "$home"  # nothing may come from the source tree
step() { echo "smoke: $*"; }

step "version: $("$bundle/helpdesk" --version)"
printf 'secret123\n' > "$home/pw.txt"
step "init"
"$bundle/helpdesk" init --store 天顺汽车4S店 --code TS --preset dealership --admin admin \
    --password-file "$home/pw.txt" >/dev/null
step "demo --size tiny"
"$bundle/helpdesk" --database "$home/demo.db" demo --size tiny >/dev/null
month=$(date +%Y-%m)
step "report monthly $month"
"$bundle/helpdesk" --database "$home/demo.db" report monthly --month "$month" \
    --out "$home/monthly.pdf" >/dev/null
head -c 5 "$home/monthly.pdf" | grep -q '%PDF-' || { echo "smoke: no PDF written" >&2; exit 1; }

step "desktop (offscreen) until the login"
"$bundle/helpdesk-desk" --database "$home/demo.db" >"$home/desk.out" 2>&1 &
desk_pid=$!
log="$home/logs/helpdesk.log"
for _ in $(seq 1 120); do
    grep -q "asking for a login" "$log" 2>/dev/null && break
    kill -0 "$desk_pid" 2>/dev/null || break
    sleep 0.5
done
if ! grep -q "asking for a login" "$log" 2>/dev/null || ! kill -0 "$desk_pid" 2>/dev/null; then
    echo "smoke: the desktop did not reach the login" >&2
    cat "$home/desk.out" "$log" >&2 2>/dev/null || true
    exit 1
fi
kill "$desk_pid"; wait "$desk_pid" 2>/dev/null || true; desk_pid=""
if grep -E " (ERROR|CRITICAL) " "$log"; then
    echo "smoke: the log has errors" >&2
    exit 1
fi
step "ok"
