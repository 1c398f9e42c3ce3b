#!/usr/bin/env bash
# Validates dueregard's SARIF output with Microsoft's SARIF multitool, as well
# as the official schema that core/tests/sarif.rs checks every log against.
#
# Installs @microsoft/sarif-multitool from npm (a self-contained .NET binary
# inside the package, about 100 MB) into target/tools/sarif-multitool the
# first time; later runs reuse it. Writes the SARIF for every example, corpus
# case, labelled draft and inline waiver fixture (the sarif test with
# DUEREGARD_SARIF_OUT set, one log each, and `dueregard check --format sarif`
# over all of them at once), validates them all with the multitool's SARIF
# and GitHub rules, and fails on any error or warning it reports. Notes (its
# suggestions, such as embedding file contents) are counted, not failed.
set -euo pipefail
cd "$(dirname "$0")/.."

MULTITOOL_VERSION=5.7.0
tools="$PWD/target/tools/sarif-multitool"
logs="$PWD/target/sarif-logs"
result="$PWD/target/sarif-validation.sarif"

say() { printf '\n== %s\n' "$*"; }

say "SARIF multitool $MULTITOOL_VERSION"
package="$tools/node_modules/@microsoft/sarif-multitool"
installed="$(node -p "try { require('$package/package.json').version } catch { '' }" 2>/dev/null || true)"
if [ "$installed" != "$MULTITOOL_VERSION" ]; then
    mkdir -p "$tools"
    npm install --prefix "$tools" --no-audit --no-fund --no-save \
        "@microsoft/sarif-multitool@$MULTITOOL_VERSION"
fi
# The package names the binary for this platform; its postinstall marks it
# executable, which npm may skip when install scripts are not allowed.
binary="$(node -p "require('$package')")"
chmod u+x "$binary"
"$binary" --version | head -1

say "SARIF logs (cargo test -p dueregard --test sarif)"
rm -rf "$logs"
DUEREGARD_SARIF_OUT="$logs" cargo test -q -p dueregard --test sarif

say "SARIF log from the command (dueregard check --format sarif, every fixture at once)"
fixtures=(examples/drafts/*.json examples/drafts/*.md tests/corpus/*/draft.json
    core/tests/data/inline-waivers/*)
for draft in tests/labelled/drafts/*.json; do
    case "$draft" in *.labels.json) ;; *) fixtures+=("$draft") ;; esac
done
cargo build -q -p dueregard --bin dueregard
status=0
target/debug/dueregard check --format sarif --output "$logs/command-all-fixtures.sarif" \
    "${fixtures[@]}" || status=$?
# 1 is a blocked gate, which several fixtures are written to show; 2 would be bad input.
if [ "$status" -gt 1 ]; then
    echo "dueregard check --format sarif failed with exit code $status" >&2
    exit 1
fi
count="$(find "$logs" -name '*.sarif' | wc -l)"
if [ "$count" -lt 25 ]; then
    echo "only $count SARIF logs were written to $logs" >&2
    exit 1
fi

say "multitool validate ($count logs)"
rm -f "$result"
# The multitool exits 0 whatever it finds, so its own SARIF output is read.
"$binary" validate --rule-kind "Sarif;Gh" --level "Error;Warning;Note" \
    --output "$result" "$logs/*.sarif" >/dev/null
node - "$result" "$count" <<'EOF'
const [resultPath, expected] = process.argv.slice(2);
const log = JSON.parse(require('fs').readFileSync(resultPath, 'utf8').replace(/^\uFEFF/, ''));
const run = log.runs[0];
const rules = new Map((run.tool.driver.rules || []).map((r) => [r.id, r]));
const levelOf = (r) =>
  r.level || rules.get(r.ruleId)?.defaultConfiguration?.level || 'warning';
const failures = run.results.filter((r) => ['error', 'warning'].includes(levelOf(r)));
const notes = run.results.length - failures.length;
const notifications = (run.invocations || []).flatMap((i) => [
  ...(i.toolExecutionNotifications || []),
  ...(i.toolConfigurationNotifications || []),
]).filter((n) => (n.level || 'warning') !== 'note');
for (const f of failures) {
  const where = f.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
  const args = f.message.arguments ? f.message.arguments.join(' | ') : f.message.text;
  console.error(`${levelOf(f)} ${f.ruleId} ${where}: ${args}`);
}
for (const n of notifications) console.error(`notification: ${n.message.text}`);
const scanned = run.artifacts ? run.artifacts.length : Number(expected);
console.log(`multitool: ${scanned} logs, ${failures.length} errors or warnings, ${notes} notes`);
if (failures.length || notifications.length) process.exit(1);
EOF
echo "sarif-validate: 1 passed, 0 failed"
