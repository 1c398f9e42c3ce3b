#!/usr/bin/env bash
# Every test of the WebAssembly binding, from a fresh clone: builds (build.sh
# installs what is missing), installs Debian's chromium if it is missing, then
# runs the node tests: the conformance corpus, checkFile on every Word and
# HTML fixture against the command's report, every error path, the
# randomized session test, tsc --noEmit on the typed usage file, the README
# one-liner, and the intranet form in headless Chromium.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

say() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

say "generated types are fresh"
# Before build.sh, which regenerates them: a committed types/dueregard.d.ts that no
# longer matches schemas/ fails here (regenerate with node bindings-wasm/types/generate.mjs).
node "$here/types/generate.mjs" --check

say "build"
bash "$here/build.sh"

say "the dueregard command (the Word and HTML reports are compared with its output)"
(cd "$here/.." && cargo build -p dueregard --bin dueregard)

say "chromium"
if [ ! -x /usr/bin/chromium ]; then
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
fi
/usr/bin/chromium --version 2>/dev/null || true

say "node tests"
node --test --test-reporter=spec tests/js/*.test.mjs
