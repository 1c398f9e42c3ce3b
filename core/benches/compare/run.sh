#!/usr/bin/env bash
# dueregard against alex (npm), the tool people use today for insensitive
# writing, on the same Markdown documents on this machine, in one run.
#
#   bash core/benches/compare/run.sh
#
# Installs alex into core/benches/compare/node_modules (from package-lock.json)
# and hyperfine (Debian) if missing, builds the release `dueregard` command, writes
# 1k-, 10k- and 100k-word Markdown documents that embed every term of
# shared-terms.txt in the prose of sentences.txt and filler.txt, then times:
#   - dueregard: the release check binary (--format json) under hyperfine, less
#     the same binary on an empty .md (process start-up and engine build), with
#     each document checked many times in one process to average out the noise;
#   - alex: its markdown() API inside one warm node process (alex-time.mjs),
#     and its CLI (node_modules/.bin/alex FILE, what `npx alex FILE` runs)
#     under hyperfine;
# and prints time per document, the ratios, and each tool's recall on the
# shared terms. Results are left in core/benches/compare/out/.
# Environment: RUNS (hyperfine runs for dueregard, default 20), ALEX_RUNS
# (hyperfine runs for the alex CLI, default 3), ALEX_REPEAT (API repeats, 9).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="$here/out"
runs="${RUNS:-20}"
alex_runs="${ALEX_RUNS:-3}"

if ! command -v hyperfine >/dev/null; then
    echo "compare: installing hyperfine" >&2
    apt-get update -qq >&2 && apt-get install -y -qq hyperfine >&2
fi
if [ ! -x "$here/node_modules/.bin/alex" ]; then
    echo "compare: installing alex into $here/node_modules" >&2
    (cd "$here" && npm ci --no-audit --no-fund >&2)
fi
(cd "$root" && cargo build --release --bin dueregard >&2)
check="$root/target/release/dueregard"
alex="$here/node_modules/.bin/alex"

rm -rf "$out"
python3 "$here/compare.py" gen "$out" >&2
cd "$out"

# dueregard's findings (exit 1 means the gate failed, which is not an error here).
for doc in doc-1k doc-10k doc-100k; do
    status=0
    "$check" --format json "$doc.md" >"$doc.dueregard.json" || status=$?
    [ "$status" -le 1 ] || { echo "compare: check failed on $doc.md" >&2; exit 1; }
done

# One process per document for the CLI figures; and, to get the cost of a
# document out of the noise of process start-up on a shared machine, one
# process checking the same document BATCH times (check takes many files and
# builds its engine once): per document = (batch - empty) / BATCH.
echo "compare: timing dueregard ($runs runs each)" >&2
batch() { local n=$1 file=$2 args=""; for _ in $(seq "$n"); do args="$args $file"; done; echo "$args"; }
hyperfine -N -i --warmup 3 --runs "$runs" --style basic --export-json dueregard-hyperfine.json \
    -n empty "$check --format json empty.md" \
    -n doc-1k "$check --format json doc-1k.md" \
    -n doc-10k "$check --format json doc-10k.md" \
    -n doc-100k "$check --format json doc-100k.md" \
    -n "doc-1k x100" "$check --format json$(batch 100 doc-1k.md)" \
    -n "doc-10k x20" "$check --format json$(batch 20 doc-10k.md)" \
    -n "doc-100k x5" "$check --format json$(batch 5 doc-100k.md)" >&2

echo "compare: timing alex's API (in one node process)" >&2
(cd "$here" && node alex-time.mjs "$out/doc-1k.md" "$out/doc-10k.md" "$out/doc-100k.md") >alex-api.json

echo "compare: timing alex's CLI ($alex_runs runs each)" >&2
hyperfine -N -i --warmup 1 --runs "$alex_runs" --style basic --export-json alex-cli-hyperfine.json \
    -n doc-1k "$alex doc-1k.md" \
    -n doc-10k "$alex doc-10k.md" \
    -n doc-100k "$alex doc-100k.md" >&2

echo "== dueregard vs alex $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), node $(node --version), alex $(node -p "require('$here/node_modules/alex/package.json').version")"
python3 "$here/compare.py" report "$out"
