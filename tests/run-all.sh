#!/usr/bin/env bash
# Every test dueregard has, from a fresh clone. Installs what it needs first,
# and only what is missing, so a second run does no installing.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

# A fresh clone builds everything once: incremental caches would only add
# about 1.5 GB of disk and time.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

step "disk"
# A cold run writes about 10 GB (mostly target/). Say so early rather than fail
# half an hour in with "No space left on device".
free_kb=$(df -Pk . | awk 'NR==2 {print $4}')
if [ "${free_kb}" -lt $((12 * 1024 * 1024)) ]; then
    echo "warning: only $((free_kb / 1024 / 1024)) GB free here; a cold run needs about 10 GB" >&2
else
    echo "$((free_kb / 1024 / 1024)) GB free"
fi

step "toolchain"
for component in rustfmt clippy; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^${component}"; then
        rustup component add "${component}"
    fi
done
cargo --version

step "format"
cargo fmt --all --check

step "lint"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "tests"
cargo test --workspace --locked

step "SARIF output against Microsoft's SARIF multitool (installs @microsoft/sarif-multitool if missing)"
bash tests/sarif-validate.sh

step "Word round trip (installs libreoffice-writer-nogui, python-docx if missing)"; bash tests/annotate-roundtrip.sh

step "WebAssembly binding (installs Debian's rustc-web, wasm-bindgen-cli, binaryen, chromium if missing)"
bash bindings-wasm/test.sh

step "Python binding (builds the abi3 wheel, installs it in a fresh venv, runs pytest)"
bash bindings-python/test.sh

step "fuzzing, ${DUEREGARD_FUZZ_SECONDS:-60} s per target (installs cargo-fuzz if missing; fails on any crash)"
bash core/fuzz/run.sh "${DUEREGARD_FUZZ_SECONDS:-60}"

# Every stage above stops the script on failure, so reaching here means all passed.
echo
echo "stages: 8 passed, 0 failed"
