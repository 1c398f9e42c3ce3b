#!/usr/bin/env bash
# Fuzzes dueregard with cargo-fuzz (libFuzzer) for a bounded time per target.
#
#   bash core/fuzz/run.sh [SECONDS] [TARGET...]
#
# SECONDS per target (default 60); TARGETs default to every target
# (draft_json, markdown, rule_pack, pack_and_document, docx_xml, html), run one after another.
# Every target runs with a 512 MB RSS limit: a check that needs more memory
# than that on a fuzzed input is a failure, so memory blow-ups cannot
# return unseen. Installs cargo-fuzz
# into target/tools at the repository root if it is missing, and builds with
# the installed stable toolchain (RUSTC_BOOTSTRAP=1 lets it use the nightly
# flags libFuzzer needs). Each target starts from the committed seeds in
# core/fuzz/corpus/<target>/ plus what earlier runs found (kept, uncommitted, in
# core/fuzz/target/corpus/<target>/), so the committed seeds never change.
#
# Exits 1 if any target crashed, hung (over 10 s on one input) or went over
# the RSS limit; the input that did it is in core/fuzz/artifacts/<target>/ and the
# libFuzzer log in core/fuzz/target/logs/<target>.log. Reproduce with
#   RUSTC_BOOTSTRAP=1 target/tools/bin/cargo-fuzz run -a TARGET ARTIFACT
# from core/fuzz/. A crash found becomes a regression test in core/tests/.
set -euo pipefail

seconds="${1:-60}"
shift || true
case "$seconds" in
    '' | *[!0-9]*) echo "usage: run.sh [SECONDS] [TARGET...]" >&2; exit 2 ;;
esac

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tools="$root/target/tools"
if [ ! -x "$tools/bin/cargo-fuzz" ]; then
    echo "run.sh: installing cargo-fuzz into $tools" >&2
    cargo install cargo-fuzz --locked --root "$tools" >&2
fi
export PATH="$tools/bin:$PATH"
export RUSTC_BOOTSTRAP=1

cd "$here"
all_targets=$(cargo fuzz list)
if [ "$#" -gt 0 ]; then
    targets="$*"
else
    targets="$all_targets"
fi
for target in $targets; do
    if ! grep -qx "$target" <<<"$all_targets"; then
        echo "run.sh: no fuzz target $target (have: $(echo $all_targets))" >&2
        exit 2
    fi
done

# -a: debug assertions (integer overflow, slice bounds in debug_assert!).
for target in $targets; do
    cargo fuzz build -a "$target" >&2
done

failed=()
mkdir -p target/logs
for target in $targets; do
    work="target/corpus/$target"
    mkdir -p "$work" "artifacts/$target"
    log="target/logs/$target.log"
    echo "== $target: ${seconds}s" >&2
    status=0
    # The first corpus directory is where libFuzzer writes what it finds.
    cargo fuzz run -a "$target" "$work" "corpus/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=512 \
        -max_len=65536 -print_final_stats=1 >"$log" 2>&1 || status=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    time=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    cov=$(grep -oE '^#[0-9]+.*cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+' || true)
    if [ "$status" -eq 0 ]; then
        echo "$target: ok, ${runs:-?} inputs in ${seconds}s (${time:-?}/s), ${cov:-no coverage line}" >&2
    else
        echo "$target: FAILED (exit $status); last lines of $log:" >&2
        tail -n 40 "$log" >&2
        ls -1 "artifacts/$target" >&2 || true
        failed+=("$target")
    fi
done

if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzz: crash in ${failed[*]}" >&2
    exit 1
fi
echo "fuzz: no crash in $(echo $targets) (${seconds}s each)"
