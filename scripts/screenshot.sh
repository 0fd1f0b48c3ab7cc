#!/usr/bin/env bash
# Screenshots of the demo's /codes page in headless Chromium (the
# distribution's package: apt-get install chromium), desktop and phone width:
#   scripts/screenshot.sh [OUT_DIR]      (default docs/)
# Not part of CI: it needs a browser.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs}
port=${PORT:-3917}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome)

cargo build -q --example demo
target/debug/examples/demo --port "$port" >/dev/null &
demo=$!
trap 'kill "$demo" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
    sleep 0.1
done

shot() { # NAME WIDTH HEIGHT URL
    local profile
    profile=$(mktemp -d)
    "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --user-data-dir="$profile" --window-size="$2,$3" \
        --screenshot="$out/$1" "$4" 2>/dev/null
    rm -rf "$profile"
    echo "$out/$1"
}
shot codes-desktop.png 1000 2000 "http://127.0.0.1:$port/codes"
shot codes-phone.png 390 1500 "http://127.0.0.1:$port/codes"
shot errors-desktop.png 1000 2000 "http://127.0.0.1:$port/errors"
