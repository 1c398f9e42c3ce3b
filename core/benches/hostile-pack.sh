#!/usr/bin/env bash
# Time and peak memory of hostile rule packs over a 100,000-word document, on
# the command, Python and node, each under `ulimit -v 1048576` (1 GiB of
# virtual memory), as issue 15 asks:
#
#   - pack-50000: one rule with 50,000 entries of "a" (800 KB). Before the
#     phrase-use limit it took 1.6 GB on 2 KB of text; now it is a rule pack
#     error at /term_rules/0/entries/32/terms/0.
#   - pack-32-rules: the heaviest pack the limits allow on one word, 32 error
#     rules each on "a": every "a" is 32 hits, folded into one
#     finding that names the other 31 (also_matched).
#   - pack-overlap: 32 rules each with the 100 nested phrases "a", "a a", ...,
#     "a a ... a" (199 bytes): at every word of doc-100k-a, 100 phrases end
#     and each serves 32 rules, the most overlap the limits allow.
#
# over doc-100k (100,000 words of prose, 23,530 of them "a") and doc-100k-a
# (100,000 times "a "). Peak RSS and wall time by GNU time (/usr/bin/time -v).
#
#   bash core/benches/hostile-pack.sh
#
# Needs the release `dueregard` command (built here), the Python wheel installed in
# .venv-python/fresh (bash bindings-python/test.sh) and bindings-wasm/pkg
# (bash bindings-wasm/build.sh); a surface that is missing is skipped, saying so.
# node runs with --disable-wasm-trap-handler (else it reserves 8 GiB per
# WebAssembly memory) and MALLOC_ARENA_MAX=2 (else its worker threads' malloc
# arenas alone pass 1 GiB of virtual memory before any check runs).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$root/target/hostile-pack"
mkdir -p "$work"

if [ ! -x /usr/bin/time ]; then
    echo "hostile-pack: installing GNU time" >&2
    apt-get update -qq >&2 && apt-get install -y -qq time >&2
fi
(cd "$root" && cargo build --release --bin dueregard >&2)

python3 - "$work" <<'EOF'
import json, sys
from pathlib import Path
out = Path(sys.argv[1])
def rule(i, entries):
    return {"id": f"r{i}", "name": "n", "severity": "error", "elements": ["2.3"], "message": "{term}",
            "rationale": "r", "source": {"title": "t", "url": "u", "checked": "2026-11-30"}, "entries": entries}
(out / "pack-50000.json").write_text(json.dumps(
    {"name": "issue", "version": "1", "term_rules": [rule(0, [{"terms": ["a"]}] * 50000)]}, separators=(",", ":")))
(out / "pack-32-rules.json").write_text(json.dumps(
    {"name": "heavy", "version": "1", "term_rules": [rule(i, [{"terms": ["a"]}]) for i in range(32)]}))
nested = [" ".join(["a"] * n) for n in range(1, 101)]
(out / "pack-overlap.json").write_text(json.dumps(
    {"name": "overlap", "version": "1", "term_rules": [rule(i, [{"terms": nested}]) for i in range(32)]}))
words = ("a policy for a team and a manager who asks if he or she needs a break " * 7200).split()[:100000]
(out / "doc-100k.txt").write_text(" ".join(words))
(out / "doc-100k-a.txt").write_text("a " * 100000)
(out / "measure.py").write_text('''
import sys, dueregard
try:
    s = dueregard.Checker(sys.argv[1]).check(sys.argv[2]).summary
    print(f"report: {s.violations} listed, {s.omitted} counted, {s.blocking} blocking")
except dueregard.DueregardError as e:
    print(f"typed error: {type(e).__name__} {e.kind} at {e.pointer}")
''')
(out / "measure.cjs").write_text('''
const fs = require("fs");
// The title is the file's stem, as the command and Python name a text file.
const { Checker } = require(process.argv[4]);
try {
  const s = new Checker(fs.readFileSync(process.argv[2], "utf8")).checkText(fs.readFileSync(process.argv[3], "utf8"), { title: require("path").basename(process.argv[3], ".txt") }).summary;
  console.log(`report: ${s.violations} listed, ${s.omitted} counted, ${s.blocking} blocking`);
} catch (e) {
  console.log(`typed error: ${e.name} ${e.kind} at ${e.pointer} (${e.message.slice(0, 60)})`);
}
''')
EOF

measure() { # label, command...
    local label="$1"
    shift
    local out
    : > "$work/report.json"
    out="$( (ulimit -v 1048576; /usr/bin/time -v "$@" 2>"$work/time.txt") || true)"
    local rss wall
    rss=$(awk -F': ' '/Maximum resident/ {print int($2 / 1024)}' "$work/time.txt")
    wall=$(awk -F': ' '/Elapsed \(wall/ {print $2}' "$work/time.txt")
    printf '%-34s %-8s %6s MiB  %s\n' "$label" "$wall" "$rss" "$(echo "$out" | grep -E '^(report|typed error|check:)' | head -1 | cut -c1-110)"
}

python="$root/.venv-python/fresh/bin/python"
pkg="$root/bindings-wasm/pkg"
printf '%-34s %-8s %10s  %s\n' "surface, pack, document" "wall" "peak RSS" "outcome"
for pack in pack-50000 pack-32-rules pack-overlap; do
    for doc in doc-100k doc-100k-a; do
        measure "command $pack $doc" bash -c 'exec "$@" > "$0"' "$work/report.json" \
            "$root/target/release/dueregard" check --format json --rule-pack "$work/$pack.json" "$work/$doc.txt"
        python3 - "$work/report.json" "$work/time.txt" <<'EOF2'
import json, sys
try:
    r = json.load(open(sys.argv[1])); r = r if isinstance(r, dict) else r[0]["report"]; s = r["summary"]
    print(f"    report: {s['violations']} listed, {s['omitted']} counted, {s['blocking']} blocking")
except ValueError:
    print("    " + next((l for l in open(sys.argv[2]) if l.startswith("check:")), "no report").strip()[:110])
EOF2
        if [ -x "$python" ]; then
            measure "python $pack $doc" "$python" "$work/measure.py" "$work/$pack.json" "$work/$doc.txt"
        else
            echo "python: skipped (no .venv-python/fresh; run bash bindings-python/test.sh)"
        fi
        if [ -f "$pkg/dueregard.js" ]; then
            measure "node $pack $doc" env MALLOC_ARENA_MAX=2 node --disable-wasm-trap-handler \
                "$work/measure.cjs" "$work/$pack.json" "$work/$doc.txt" "$pkg"
        else
            echo "node: skipped (no bindings-wasm/pkg; run bash bindings-wasm/build.sh)"
        fi
    done
done
