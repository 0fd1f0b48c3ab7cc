#!/usr/bin/env bash
# What ProblemLayer adds to a successful request, in instructions: callgrind
# counts the instructions of benches/examples/layer_instructions.rs answering
# N and 3N requests, through the layer, through tower's MapResponse (a layer
# that does nothing: the floor) and without either; the difference of the
# differences, over 2N, is a layer's instructions per request. Counts are
# the same from run to run, unlike times, so a change of a few instructions
# shows; they are not times (memory moves and branches cost unlike amounts),
# and benches/benches/layer.rs stays the measure of issue #15's ratio.
#
#   scripts/layer-instructions.sh [N]      N defaults to 1000
#
# Installs valgrind from Debian when it is missing (apt-get; sudo when not root).
set -euo pipefail

n=${1:-1000}
case $n in
'' | *[!0-9]* | 0)
    echo "N must be a positive whole number, got '$n'" >&2
    exit 2
    ;;
esac

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

if ! command -v valgrind >/dev/null; then
    echo "installing valgrind (Debian package)"
    sudo=$([ "$(id -u)" -eq 0 ] || echo sudo)
    $sudo apt-get install -y -qq valgrind >/dev/null
fi

echo "building benches/examples/layer_instructions.rs (release)"
cargo build --quiet --release -p status-benches --example layer_instructions
binary=target/release/examples/layer_instructions

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# instructions MODE COUNT: the program's total instruction count.
instructions() {
    valgrind --tool=callgrind --callgrind-out-file="$work/out" "$binary" "$1" "$2" 2>&1 |
        awk '/Collected :/ { print $NF }'
}

declare -A per_request
for mode in plain floor layer; do
    small=$(instructions "$mode" "$n")
    large=$(instructions "$mode" $((3 * n)))
    per_request[$mode]=$(((large - small) / (2 * n)))
    echo "  $mode: ${per_request[$mode]} instructions per request"
done
report() {
    awk -v name="$1" -v o=$((per_request[$2] - per_request[plain])) -v p="${per_request[plain]}" \
        'BEGIN { printf "%s adds %d instructions to a 200 (%.1f%% of the bare router'"'"'s %d)\n", name, o, 100 * o / p, p }'
}
report ProblemLayer layer
report "the floor (MapResponse)" floor
