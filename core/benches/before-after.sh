#!/usr/bin/env bash
# The full check of 100,000 words and the one-section session update, timed
# with the sources of BASE (default: where this branch left main) and with the
# working tree's, in one run, on the same machine and target directory:
#
#   bash core/benches/before-after.sh [BASE]
#
# 1. checks out BASE's core/src and core/benches/check.rs, runs those benches
#    and saves them as criterion's baseline "before";
# 2. restores the working tree's files and runs the same benches against that
#    baseline, so criterion prints each new figure with its change;
# 3. prints both medians side by side, with the load average.
# The working tree must be clean (commit first): step 1 overwrites files.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
base="${1:-$(git merge-base HEAD main)}"
git diff --quiet HEAD -- core || { echo "commit or stash your changes in core/ first" >&2; exit 1; }
filter='^check/100000_words$|^session_update_100000_words$'
restore() {
    git checkout HEAD -- core/src core/benches/check.rs
    # Files BASE has and this tree does not.
    git diff --name-only --diff-filter=A HEAD "$base" -- core/src | xargs -r rm -f
    git reset -q HEAD -- core
}
trap restore EXIT
# Files this tree added stay on disk; BASE's sources do not name them.
git checkout "$base" -- core/src core/benches/check.rs
cargo bench -p dueregard --bench check -- "$filter" --save-baseline before
restore
trap - EXIT
cargo bench -p dueregard --bench check -- "$filter" --baseline before
median() { python3 -c 'import json,sys; print("%.3f ms" % (json.load(open(sys.argv[1]))["median"]["point_estimate"] / 1e6))' "$1"; }
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for id in check/100000_words session_update_100000_words; do
    dir="target/criterion/$id"
    echo "$id: $base $(median "$dir/before/estimates.json"), this tree $(median "$dir/new/estimates.json")"
done
