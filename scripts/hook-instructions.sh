#!/usr/bin/env bash
# What status-core's framework hooks add to a successful request, in
# instructions: callgrind counts the instructions of
# benches/examples/hook_instructions.rs answering N and 3N requests with and
# without each hook; the difference of the differences, over 2N, is a hook's
# instructions per request. The hooks are axum's ProblemLayer (beside tower's
# MapResponse, a layer that does nothing: the floor) and actix-web's and
# poem's Problems. Counts are the same from run to run, unlike times, so a
# change of a few instructions shows; they are not times (memory moves and
# branches cost unlike amounts), and benches/benches/layer.rs and
# benches/benches/middleware.rs stay the measure of issue #15's ratios.
#
#   scripts/hook-instructions.sh [N] [FRAMEWORK...]
#
# N defaults to 1000; FRAMEWORK is axum, actix or poem, all three by default.
# Installs valgrind from Debian when it is missing (apt-get; sudo when not root).
set -euo pipefail

n=${1:-1000}
case $n in
'' | *[!0-9]* | 0)
    echo "N must be a positive whole number, got '$n'" >&2
    exit 2
    ;;
esac
shift || true
frameworks=("$@")
[ ${#frameworks[@]} -gt 0 ] || frameworks=(axum actix poem)
for framework in "${frameworks[@]}"; do
    case $framework in
    axum | actix | poem) ;;
    *)
        echo "FRAMEWORK is axum, actix or poem, got '$framework'" >&2
        exit 2
        ;;
    esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

if ! command -v valgrind >/dev/null; then
    echo "installing valgrind (Debian package)"
    sudo=$([ "$(id -u)" -eq 0 ] || echo sudo)
    $sudo apt-get install -y -qq valgrind >/dev/null
fi

echo "building benches/examples/hook_instructions.rs (release)"
cargo build --quiet --release -p status-benches --example hook_instructions
binary=target/release/examples/hook_instructions

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# per_request MODE: the instructions one more request costs in MODE.
per_request() {
    local small large
    small=$(instructions "$1" "$n")
    large=$(instructions "$1" $((3 * n)))
    echo $(((large - small) / (2 * n)))
}
# instructions MODE COUNT: the program's total instruction count.
instructions() {
    valgrind --tool=callgrind --callgrind-out-file="$work/out" "$binary" "$1" "$2" 2>&1 |
        awk '/Collected :/ { print $NF }'
}
# report NAME HOOK_COUNT PLAIN_COUNT
report() {
    awk -v name="$1" -v o=$(($2 - $3)) -v p="$3" \
        'BEGIN { printf "%s adds %d instructions to a 200 (%.1f%% of the bare app'"'"'s %d)\n", name, o, 100 * o / p, p }'
}

for framework in "${frameworks[@]}"; do
    plain=$(per_request "$framework-plain")
    echo "  $framework without a hook: $plain instructions per request"
    case $framework in
    axum)
        report "axum's ProblemLayer" "$(per_request axum-layer)" "$plain"
        report "  (the floor, tower's MapResponse)" "$(per_request axum-floor)" "$plain"
        ;;
    actix) report "actix-web's Problems" "$(per_request actix-problems)" "$plain" ;;
    poem) report "poem's Problems" "$(per_request poem-problems)" "$plain" ;;
    esac
done
