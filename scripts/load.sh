#!/usr/bin/env bash
# Load test of the demo API (examples/demo.rs): builds it in release mode,
# serves it on a free loopback port with a SQLite file of seeded items, and
# drives it with wrk and the request mix of scripts/load/mix.lua (item reads,
# 404s, bad query parameters, malformed JSON posts that the rate limiter mostly
# answers with 429, 401/403 on the admin route, 406, the masked database 500
# and the /debug/panic 500), while scripts/load/slow.py keeps slow clients
# connected beside it: 8 that dribble their headers a byte a second and 8
# that stall mid-body, each replaced when it ends. The demo runs with a 2 s
# header timeout and a 3 s body timeout, so that the run sees many of each.
#
#   scripts/load.sh [-d SECONDS] [-c CONNECTIONS] [-g MIB] [-w SECONDS]
#
#   -d, --duration SECONDS      how long wrk drives the server (default 20)
#   -c, --connections N         concurrent connections, one per wrk thread (default 8)
#   -g, --rss-growth-mib MIB    allowed RSS growth after warm-up (default 8)
#   -w, --warmup SECONDS        seconds of load before the RSS baseline (default 5)
#
# Reports requests/s and latency percentiles, then checks, failing (exit 1)
# when any does not hold:
# - every response has a status its request kind allows, errors are
#   well-formed problem+json whose `status` member is the HTTP status, and
#   a 5xx body carries no internal text (counted by mix.lua);
# - wrk saw no socket error (connect, read, write, timeout);
# - the server is still up, answers /health, and holds the seeded items only;
# - it logged an ERROR for every masked 500 it answered;
# - every dribbling client was cut off within the header timeout (+2 s), and
#   every stalled body answered 408 `body_timeout` within the body timeout;
# - its resident memory (VmRSS, sampled every second) grows by at most the
#   bound between the end of warm-up and the end of the run.
#
# Installs wrk from Debian when it is missing (apt-get; sudo when not root);
# the slow clients need python3 (standard library only).
# The server and the temporary files are removed on exit, however it ends.
set -euo pipefail

duration=20
connections=8
# About the server's whole resident size after warm-up (7 MiB here); a leak of
# 30 bytes per request at 20k requests/s for 15 s would exceed it.
growth_mib=8
warmup=5
items=10
header_timeout=2
body_timeout=3

# The option lines of the header above.
usage() { sed -n 's/^# \{0,1\}//; /^  scripts\/load.sh/,/^  -w/p' "${BASH_SOURCE[0]}"; }

whole_number() {
    case $2 in
    '' | *[!0-9]*) echo "error: $1 takes a whole number, not '$2'" >&2; exit 2 ;;
    esac
}

while (($#)); do
    case $1 in
    -d | --duration) whole_number "$1" "${2-}"; duration=$2; shift 2 ;;
    -c | --connections) whole_number "$1" "${2-}"; connections=$2; shift 2 ;;
    -g | --rss-growth-mib) whole_number "$1" "${2-}"; growth_mib=$2; shift 2 ;;
    -w | --warmup) whole_number "$1" "${2-}"; warmup=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "error: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    esac
done
if ((duration <= warmup || duration < 10)); then
    echo "error: the duration ($duration s) must be longer than the warm-up ($warmup s), and 10 s at least" >&2
    exit 2
fi
if ((connections < 1)); then
    echo "error: at least one connection" >&2
    exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/status-load.XXXXXX")
server=''
sampler=''
load=''
slow=''

cleanup() {
    local status=$?
    if [[ -n $load ]]; then
        kill "$load" 2>/dev/null || true
        wait "$load" 2>/dev/null || true
    fi
    if [[ -n $slow ]]; then
        kill "$slow" 2>/dev/null || true
        wait "$slow" 2>/dev/null || true
    fi
    if [[ -n $sampler ]]; then
        kill "$sampler" 2>/dev/null || true
        wait "$sampler" 2>/dev/null || true
    fi
    if [[ -n $server ]] && kill -0 "$server" 2>/dev/null; then
        kill -TERM "$server" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$server" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- the load generator -------------------------------------------------------
if ! command -v wrk >/dev/null; then
    echo "wrk is missing: installing it from Debian"
    as_root=()
    if ((EUID != 0)); then
        command -v sudo >/dev/null || { echo "error: need root or sudo to install wrk" >&2; exit 1; }
        as_root=(sudo)
    fi
    "${as_root[@]}" apt-get install -y wrk >/dev/null ||
        { "${as_root[@]}" apt-get update >/dev/null && "${as_root[@]}" apt-get install -y wrk >/dev/null; }
fi

command -v python3 >/dev/null || { echo "error: the slow clients need python3" >&2; exit 1; }

# --- the server -----------------------------------------------------------------
echo "building the demo (release)"
(cd "$root" && cargo build --quiet --release --example demo)
target=${CARGO_TARGET_DIR:-$root/target}
[[ $target = /* ]] || target=$root/$target
binary=$target/release/examples/demo
[[ -x $binary ]] || { echo "error: no demo binary at $binary" >&2; exit 1; }

# Quiet (no per-request line) but with the ERROR log of every 5xx, to a file.
# No backtraces: /debug/panic would capture one per request.
RUST_BACKTRACE=0 "$binary" --port 0 --db "$work/items.db" --quiet \
    --header-timeout "$header_timeout" --body-timeout "$body_timeout" \
    >"$work/server.out" 2>"$work/server.err" &
server=$!

address=''
for _ in $(seq 100); do
    address=$(sed -n 's|^status-core demo listening on http://\([0-9.:]*\) .*|\1|p' "$work/server.out")
    [[ -n $address ]] && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
done
if [[ -z $address ]]; then
    echo "error: the demo did not start" >&2
    cat "$work/server.err" >&2
    exit 1
fi
base=http://$address

for n in $(seq "$items"); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$base/items" \
        -H 'content-type: application/json' -d "{\"name\":\"item $n\"}")
    [[ $code = 201 ]] || { echo "error: seeding item $n answered $code" >&2; exit 1; }
done
stats() { curl -s "$base/admin/stats" -H 'authorization: Bearer admin-token'; }
seeded=$(stats)

# --- the run ------------------------------------------------------------------------
rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$server/status" 2>/dev/null; }
(
    while kill -0 "$server" 2>/dev/null; do
        rss || break
        sleep 1
    done
) >"$work/rss.kb" &
sampler=$!

echo "driving $base for ${duration}s with $connections connections (one per wrk thread), and slow clients"
# Ends early enough that its last stalled body is answered within the run.
python3 "$root/scripts/load/slow.py" "$address" $((duration - body_timeout - 2)) \
    "$header_timeout" "$body_timeout" 8 >"$work/slow.out" 2>&1 &
slow=$!
# In the background, so that a signal interrupts `wait` and the trap runs now.
LOAD_ITEMS=$items wrk -t "$connections" -c "$connections" -d "${duration}s" --timeout 5s \
    -s "$root/scripts/load/mix.lua" "$base" >"$work/wrk.out" 2>&1 &
load=$!
wrk_status=0
wait "$load" || wrk_status=$?
load=''
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
sampler=''
slow_status=0
wait "$slow" || slow_status=$?
slow=''

# --- the report -------------------------------------------------------------------
cat "$work/wrk.out"
result=$(grep '^LOAD ' "$work/wrk.out" || true)
value() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$result"; }

failures=()
[[ $wrk_status = 0 ]] || failures+=("wrk exited with $wrk_status")
[[ -n $result ]] || failures+=("mix.lua reported nothing")
if [[ -n $result ]]; then
    [[ $(value requests) -gt 0 ]] || failures+=("no request completed")
    [[ $(value checked) = "$(value requests)" ]] ||
        failures+=("$(value checked) responses checked of $(value requests)")
    [[ $(value mismatches) = 0 ]] || failures+=("$(value mismatches) responses not as expected")
    [[ $(value socket_errors) = 0 ]] || failures+=("$(value socket_errors) socket errors")
    # One is wrk inspecting the script before the run; more means reconnects.
    [[ $(value unanswered) -le 1 ]] || failures+=("$(value unanswered) requests never answered")
fi

cat "$work/slow.out"
[[ $slow_status = 0 ]] || failures+=("slow clients: not every one was cut off or answered 408 in time")

if ! kill -0 "$server" 2>/dev/null; then
    failures+=("the server died")
else
    health=$(curl -s -o /dev/null -w '%{http_code}' "$base/health")
    [[ $health = 200 ]] || failures+=("/health answered $health after the run")
    after=$(stats)
    [[ $after = "$seeded" ]] || failures+=("the database changed: $seeded before, $after after")
fi

mapfile -t samples <"$work/rss.kb"
if ((${#samples[@]} <= warmup + 1)); then
    failures+=("only ${#samples[@]} RSS samples")
else
    start=${samples[0]}
    baseline=${samples[warmup]}
    peak=0
    later_peak=0
    for i in "${!samples[@]}"; do
        ((samples[i] > peak)) && peak=${samples[i]}
        ((i >= warmup && samples[i] > later_peak)) && later_peak=${samples[i]}
    done
    end=${samples[-1]}
    growth=$((later_peak - baseline))
    mib() { awk -v kb="$1" 'BEGIN { printf "%.1f MiB", kb / 1024 }'; }
    echo "RSS: start $(mib "$start") (idle, seeded), after ${warmup}s warm-up $(mib "$baseline"), peak $(mib "$peak"), end $(mib "$end"); growth after warm-up $(mib "$growth") (bound $growth_mib MiB, ${#samples[@]} samples)"
    ((growth <= growth_mib * 1024)) ||
        failures+=("RSS grew by $(mib "$growth") after warm-up, over the $growth_mib MiB bound")
fi

errors_logged=$(grep -c ' ERROR ' "$work/server.err" || true)
answered_500=$(awk '$1 == "" && $3 == 500 { sum += $4 } END { print sum + 0 }' FS=' +' "$work/wrk.out")
echo "server: $errors_logged ERROR lines logged for $answered_500 masked 500s answered"
# The server may log one more per connection: answered after wrk stopped reading.
((errors_logged >= answered_500)) || failures+=("only $errors_logged of $answered_500 masked 500s were logged")
echo "machine: $(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)); wrk and the server share them"

if ((${#failures[@]})); then
    printf 'FAIL: %s\n' "${failures[@]}" >&2
    exit 1
fi
echo "PASS"
