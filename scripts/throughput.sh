#!/usr/bin/env bash
# End-to-end throughput: the same minimal axum service (a 200 JSON route, a 404
# problem, a 429 problem with Retry-After) built once with #[derive(HttpError)]
# and ProblemLayer and once by hand (thiserror + serde_json + IntoResponse), see
# benches/examples/throughput.rs. Both are served on loopback and driven with
# wrk and the same mix (scripts/throughput/mix.lua), alternating between the
# two services run by run so that a machine getting busier affects both alike.
#
#   scripts/throughput.sh [-r RUNS] [-d SECONDS] [-c CONNECTIONS] [-t THREADS]
#
#   -r, --runs N             rounds, each one run of either service (default 11)
#   -d, --duration SECONDS   length of one run (default 4)
#   -c, --connections N      concurrent connections (default 32)
#   -t, --threads N          wrk threads (default 1: the servers keep the other core)
#
# Before timing, both services must give the same status, headers (less Date
# and the layer's Vary: Accept) and body on every route of the mix. Targets, on
# the median of the rounds' ratios: throughput ours / hand >= 1.0, p99 ours /
# hand <= 1.0. A miss is reported, not fatal: the exit status is
# non-zero only when something fails (a build, a server, the comparison, wrk).
#
# On a machine with two or more CPUs (and util-linux's taskset), the servers
# run on the last CPU and wrk on the first, so that the load generator and the
# service do not take turns on the same core: unpinned, one service's
# requests per second varied by 30% between its own runs on the 2-core CI
# machine, more than the difference being measured. Pinned, tokio sees one
# CPU and runs one worker, on both sides alike.
#
# Installs wrk from Debian when it is missing (apt-get; sudo when not root).
# The servers and temporary files are removed on exit, however it ends.
set -euo pipefail

runs=11
duration=4
connections=32
threads=1

usage() { sed -n 's/^# \{0,1\}//; /^  scripts\/throughput.sh/,/^  -t/p' "${BASH_SOURCE[0]}"; }
positive() {
    case $2 in
    '' | *[!0-9]* | 0)
        echo "error: $1 must be a positive whole number, got '$2'" >&2
        usage >&2
        exit 2
        ;;
    esac
}
while (($#)); do
    case $1 in
    -r | --runs) positive "$1" "${2-}"; runs=$2; shift 2 ;;
    -d | --duration) positive "$1" "${2-}"; duration=$2; shift 2 ;;
    -c | --connections) positive "$1" "${2-}"; connections=$2; shift 2 ;;
    -t | --threads) positive "$1" "${2-}"; threads=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "error: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done
((threads <= connections)) || { echo "error: wrk needs at least one connection per thread" >&2; exit 2; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
declare -A pid address
cleanup() {
    for flavour in "${!pid[@]}"; do kill "${pid[$flavour]}" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

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
command -v curl >/dev/null || { echo "error: curl is needed to compare the responses" >&2; exit 1; }

echo "building benches/examples/throughput.rs (release)"
(cd "$root" && cargo build --quiet --release -p status-benches --example throughput)
target=${CARGO_TARGET_DIR:-$root/target}
[[ $target = /* ]] || target=$root/$target
binary=$target/release/examples/throughput
[[ -x $binary ]] || { echo "error: no binary at $binary" >&2; exit 1; }

server_on=() load_on=()
cpus=$(nproc 2>/dev/null || echo 1)
if ((cpus >= 2)) && command -v taskset >/dev/null; then
    server_on=(taskset -c $((cpus - 1)))
    load_on=(taskset -c 0)
    echo "servers pinned to CPU $((cpus - 1)), wrk to CPU 0"
else
    echo "not pinned (one CPU, or no taskset): expect more run-to-run noise"
fi

for flavour in derive hand; do
    "${server_on[@]}" "$binary" "$flavour" 127.0.0.1:0 >"$work/$flavour.out" 2>"$work/$flavour.err" &
    pid[$flavour]=$!
    for _ in $(seq 100); do
        address[$flavour]=$(sed -n 's|^throughput listening on http://\([0-9.:]*\)$|\1|p' "$work/$flavour.out")
        [[ -n ${address[$flavour]} ]] && break
        kill -0 "${pid[$flavour]}" 2>/dev/null || break
        sleep 0.1
    done
    if [[ -z ${address[$flavour]} ]]; then
        echo "error: the $flavour service did not start" >&2
        cat "$work/$flavour.err" >&2
        exit 1
    fi
done

# Same answer on every route, byte for byte apart from the Date header and
# the layer's `Vary: Accept` (the derived side also answers problem+xml to a
# client that asks for it; the hand-written one offers JSON only, so it has
# nothing to vary on).
for path in /items/1 /items/7 /limited; do
    for flavour in derive hand; do
        curl --silent --show-error --include "http://${address[$flavour]}$path" |
            tr -d '\r' | grep -iv '^date:' | grep -iv '^vary: accept$' >"$work/$flavour.seen"
    done
    if ! diff -u "$work/hand.seen" "$work/derive.seen" >"$work/diff"; then
        echo "error: the services answer GET $path differently (- hand, + derive):" >&2
        cat "$work/diff" >&2
        exit 1
    fi
done
echo "both services give the same responses on the mix's three routes"

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
at_least() { awk -v r="$1" -v t="$2" 'BEGIN { print (r >= t) ? "PASS" : "MISS" }'; }
at_most() { awk -v r="$1" -v t="$2" 'BEGIN { print (r <= t) ? "PASS" : "MISS" }'; }

declare -A rps p99 p50 this_rps this_p99
rps_pairs='' p99_pairs=''
echo "wrk: $runs rounds of one ${duration}s run per service, $connections connections, $threads thread(s)"
for run in $(seq "$runs"); do
    # Who goes first alternates, as in the benches' ratio tables.
    order=(derive hand)
    ((run % 2 == 0)) && order=(hand derive)
    for flavour in "${order[@]}"; do
        line=$("${load_on[@]}" wrk -t "$threads" -c "$connections" -d "${duration}s" \
            -s "$root/scripts/throughput/mix.lua" "http://${address[$flavour]}" | grep '^THROUGHPUT' || true)
        [[ -n $line ]] || { echo "error: wrk reported nothing for $flavour" >&2; exit 1; }
        errors=$(sed -n 's/.*socket_errors=\([0-9]*\).*/\1/p' <<<"$line")
        ((errors == 0)) || { echo "error: wrk saw $errors socket errors on $flavour: $line" >&2; exit 1; }
        this_rps[$flavour]=$(sed -n 's/.*rps=\([0-9.]*\).*/\1/p' <<<"$line")
        this_p99[$flavour]=$(sed -n 's/.*p99=\([0-9]*\).*/\1/p' <<<"$line")
        rps[$flavour]+="${this_rps[$flavour]} "
        p50[$flavour]+="$(sed -n 's/.*p50=\([0-9]*\).*/\1/p' <<<"$line") "
        p99[$flavour]+="${this_p99[$flavour]} "
        echo "  run $run  $flavour  $line"
    done
    rps_pairs+="$(ratio "${this_rps[derive]}" "${this_rps[hand]}") "
    p99_pairs+="$(ratio "${this_p99[derive]}" "${this_p99[hand]}") "
done

# shellcheck disable=SC2086 # the lists are space-separated numbers on purpose
{
    rps_ours=$(median ${rps[derive]}) rps_hand=$(median ${rps[hand]})
    p50_ours=$(median ${p50[derive]}) p50_hand=$(median ${p50[hand]})
    p99_ours=$(median ${p99[derive]}) p99_hand=$(median ${p99[hand]})
}
rps_ratio=$(ratio "$rps_ours" "$rps_hand")
p50_ratio=$(ratio "$p50_ours" "$p50_hand")
p99_ratio=$(ratio "$p99_ours" "$p99_hand")
# shellcheck disable=SC2086 # the lists are space-separated numbers on purpose
{
    rps_paired=$(median $rps_pairs)
    p99_paired=$(median $p99_pairs)
}
echo
echo "medians of each service's runs:"
printf '%-16s %12s %12s %8s\n' measure hand derive ratio
printf '%-16s %12s %12s %8s\n' "requests/s" "$rps_hand" "$rps_ours" "$rps_ratio"
printf '%-16s %12s %12s %8s\n' "p50 latency (us)" "$p50_hand" "$p50_ours" "$p50_ratio"
printf '%-16s %12s %12s %8s\n' "p99 latency (us)" "$p99_hand" "$p99_ours" "$p99_ratio"
echo
# The verdict: the median of the ratios of the two runs of each round. The
# machine's speed drifts over tens of seconds, and a round's two runs are next
# to each other, so their ratio cancels most of the drift that the medians of
# each side keep.
echo "median of the $runs rounds' ratios (derive / hand, the two runs of a round back to back):"
printf '%-16s %8s %8s  %s\n' measure ratio target result
printf '%-16s %8s %8s  %s\n' "requests/s" "$rps_paired" ">= 1.0" "$(at_least "$rps_paired" 1.0)"
printf '%-16s %8s %8s  %s\n' "p99 latency" "$p99_paired" "<= 1.0" "$(at_most "$p99_paired" 1.0)"
