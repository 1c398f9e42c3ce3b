#!/usr/bin/env bash
# Peak memory of a full check: the release `dueregard` command on generated JSON
# drafts of 1k, 10k, 100k and 1M words (many sections, realistic prose with
# some findings), measured as peak RSS by GNU time (/usr/bin/time -v).
#
#   bash core/benches/memory.sh
#
# Installs GNU time (Debian package `time`) if missing. The drafts are written
# to target/memory-drafts/ at the repository root; the report goes to
# /dev/null. Environment: FORMAT (json or text, default json), REPEAT (runs per
# draft, default 3; the table shows the highest peak and the fastest wall time).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
format="${FORMAT:-json}"
repeat="${REPEAT:-3}"
drafts="$root/target/memory-drafts"

if [ ! -x /usr/bin/time ]; then
    echo "memory: installing GNU time" >&2
    apt-get update -qq >&2 && apt-get install -y -qq time >&2
fi
(cd "$root" && cargo build --release --bin dueregard >&2)
check="$root/target/release/dueregard"

mkdir -p "$drafts"
python3 - "$drafts" "$here/compare" <<'EOF'
import json, random, re, sys
from pathlib import Path
out, data = Path(sys.argv[1]), Path(sys.argv[2])
def lines(name):
    return [l for l in (data / name).read_text().splitlines() if l.strip() and not l.startswith("#")]
filler = lines("filler.txt")
carriers = [l.replace("{{", "").replace("}}", "") for l in lines("sentences.txt")]
headings = [l[3:] for l in (data / "filler.txt").read_text().splitlines() if l.startswith("## ")]
# About 200 words a section: 1M words is about 5,000 sections, within the
# default limit of 10,000, and about 6 MB, within the default 10 MiB.
for name, words in [("empty", 0), ("1k", 1_000), ("10k", 10_000), ("100k", 100_000), ("1m", 1_000_000)]:
    rng = random.Random(words)
    sections, count, n = [], 0, 0
    while count < words:
        sentences = []
        while sum(len(s.split()) for s in sentences) < 200:
            n += 1
            sentences.append(carriers[n // 10 % len(carriers)] if n % 10 == 0 else rng.choice(filler))
        text = " ".join(sentences[:len(sentences) // 2]) + "\n\n" + " ".join(sentences[len(sentences) // 2:])
        count += len(text.split())
        i = len(sections)
        sections.append({"id": f"s{i + 1}", "heading": f"{headings[i % len(headings)]} {i + 1}", "text": text})
    draft = {"title": f"Memory benchmark draft ({name} words)", "kind": "workforce_policy", "sections": sections}
    path = out / f"draft-{name}.json"
    path.write_text(json.dumps(draft, indent=1))
    print(f"{path.name}\t{count}\t{len(sections)}\t{path.stat().st_size}")
EOF

printf '%-18s %10s %9s %11s %14s %12s %12s\n' draft words sections bytes "peak RSS MiB" "over empty" "wall s"
for name in empty 1k 10k 100k 1m; do
    file="$drafts/draft-$name.json"
    read -r words sections bytes < <(python3 -c "
import json,sys; d=json.load(open(sys.argv[1]))
print(sum(len(s['text'].split()) for s in d['sections']), len(d['sections']), len(open(sys.argv[1],'rb').read()))" "$file")
    peak=0
    best=""
    for _ in $(seq "$repeat"); do
        status=0
        /usr/bin/time -v "$check" --format "$format" "$file" >/dev/null 2>"$drafts/time-$name.txt" || status=$?
        [ "$status" -le 1 ] || { echo "memory: check failed on $file:" >&2; cat "$drafts/time-$name.txt" >&2; exit 1; }
        kb=$(grep 'Maximum resident set size' "$drafts/time-$name.txt" | grep -o '[0-9]*$')
        wall=$(grep 'Elapsed (wall clock)' "$drafts/time-$name.txt" | grep -o '[0-9:.]*$' | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
        [ "$kb" -gt "$peak" ] && peak=$kb
        if [ -z "$best" ] || awk "BEGIN { exit !($wall < $best) }"; then best=$wall; fi
    done
    [ "$name" = empty ] && base=$peak
    printf '%-18s %10s %9s %11s %14.1f %12.1f %12.2f\n' "draft-$name.json" "$words" "$sections" "$bytes" \
        "$(awk "BEGIN { print $peak / 1024 }")" "$(awk "BEGIN { print ($peak - $base) / 1024 }")" "$best"
done
echo "(peak RSS: the highest of $repeat runs; dueregard check, --format $format, $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'))"
