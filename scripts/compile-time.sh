#!/usr/bin/env bash
# Compile-time benchmark: the same 40-variant error enum turned into problem+json
# responses, once by hand and once with status-core's #[derive(HttpError)], in
# two pairs of apps under scripts/compile-time/:
#
#   peer / ours              http + thiserror + serde_json by hand, against the
#                            derive with feature `http`
#   peer-axum / ours-axum    the same enums in an axum app: a hand-written
#                            IntoResponse over serde_json, against the derive
#                            with feature `axum`
#
# Each app builds in its own target directory, after `cargo fetch`, so
# downloads are not timed.
#
#   scripts/compile-time.sh [RUNS]      RUNS defaults to 3
#
# Prints, per pair, the median of RUNS clean debug builds and of 5 x RUNS
# incremental rebuilds after touching src/main.rs (a rebuild takes a fraction
# of a second, so a shared machine's jitter of tens of milliseconds needs more
# samples than a clean build does), the ratios ours / peer, and
# the syn versions in each app's dependency tree. The builds alternate between
# the apps of a pair so that a machine getting slower or faster mid-run affects
# both alike.
#
# Targets (issue #15): clean <= 1.05x, incremental <= 1.05x, one syn major
# version. A miss is reported, not fatal: the exit status is non-zero only when
# a build fails.
set -euo pipefail

runs=${1:-3}
case $runs in
'' | *[!0-9]* | 0)
    echo "RUNS must be a positive whole number, got '$runs'" >&2
    exit 2
    ;;
esac

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
apps=$root/scripts/compile-time
targets=${CT_TARGET_DIR:-$root/target/compile-time}
# A wrapper such as sccache would time the cache, not the compiler.
unset RUSTC_WRAPPER CARGO_BUILD_RUSTC_WRAPPER

now_ns() { date +%s%N; }

# build APP: one `cargo build` of APP in its own target dir; prints seconds.
build() {
    local app=$1 start end
    start=$(now_ns)
    CARGO_TARGET_DIR=$targets/$app cargo build --quiet --offline \
        --manifest-path "$apps/$app/Cargo.toml"
    end=$(now_ns)
    awk -v ns=$((end - start)) 'BEGIN { printf "%.2f\n", ns / 1e9 }'
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
verdict() { awk -v r="$1" -v t="$2" 'BEGIN { print (r <= t) ? "PASS" : "MISS" }'; }

target=1.05
pairs=("peer ours" "peer-axum ours-axum")

for pair in "${pairs[@]}"; do
    for app in $pair; do
        cargo fetch --quiet --manifest-path "$apps/$app/Cargo.toml"
    done
done

# measure PEER OURS: the clean and incremental builds of one pair, and its table.
measure() {
    local peer=$1 ours=$2 run app seconds
    local -A clean=() incremental=()
    echo "== $peer / $ours"
    echo "clean debug builds ($runs each, alternating):"
    for run in $(seq "$runs"); do
        for app in "$peer" "$ours"; do
            rm -rf "${targets:?}/$app"
            seconds=$(build "$app")
            clean[$app]+="$seconds "
            echo "  run $run  $app  ${seconds}s"
        done
    done
    echo "incremental rebuilds after touching src/main.rs ($((5 * runs)) each, alternating):"
    for run in $(seq $((5 * runs))); do
        for app in "$peer" "$ours"; do
            touch "$apps/$app/src/main.rs"
            seconds=$(build "$app")
            incremental[$app]+="$seconds "
            echo "  run $run  $app  ${seconds}s"
        done
    done

    local clean_peer clean_ours incr_peer incr_ours clean_ratio incr_ratio
    # shellcheck disable=SC2086 # the lists are space-separated numbers on purpose
    {
        clean_peer=$(median ${clean[$peer]})
        clean_ours=$(median ${clean[$ours]})
        incr_peer=$(median ${incremental[$peer]})
        incr_ours=$(median ${incremental[$ours]})
    }
    clean_ratio=$(ratio "$clean_ours" "$clean_peer")
    incr_ratio=$(ratio "$incr_ours" "$incr_peer")

    echo
    printf '%-22s %9s %9s %8s %8s  %s\n' build "peer (s)" "ours (s)" ratio target result
    printf '%-22s %9s %9s %8s %8s  %s\n' "clean debug" "$clean_peer" "$clean_ours" \
        "$clean_ratio" "<= $target" "$(verdict "$clean_ratio" "$target")"
    printf '%-22s %9s %9s %8s %8s  %s\n' "incremental (touch)" "$incr_peer" "$incr_ours" \
        "$incr_ratio" "<= $target" "$(verdict "$incr_ratio" "$target")"

    echo
    local versions majors result
    for app in "$peer" "$ours"; do
        versions=$(cargo tree --quiet --offline --manifest-path "$apps/$app/Cargo.toml" \
            --edges normal,build --prefix none | awk '$1 == "syn" { print $2 }' | sort -u)
        majors=$(printf '%s\n' "$versions" | sed 's/^v//; s/\..*//' | sort -u | wc -l)
        result=$([ "$majors" -eq 1 ] && echo PASS || echo MISS)
        # shellcheck disable=SC2086 # one line of versions
        echo "$app: syn $(echo $versions) -> $majors major version(s): $result"
    done
    echo
}

for pair in "${pairs[@]}"; do
    # shellcheck disable=SC2086 # two app names
    measure $pair
done
