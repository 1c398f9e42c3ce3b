#!/usr/bin/env bash
# Builds the dueregard WebAssembly packages:
#   bindings-wasm/pkg/      npm package for node (wasm-bindgen's nodejs target: require())
#   bindings-wasm/pkg-web/  ES module for browsers (web target), loaded by examples/intranet-form/
#                           when a Word document is opened
#   bindings-wasm/pkg-web-lean/  the same without the Word and HTML readers, the Word writer and
#                           the organisation view (cargo --no-default-features): less than half
#                           the size, for pages that check typed drafts; the form loads it first
#
# Installs only what is missing, so a second run installs nothing and, when no
# source changed, finishes in a few seconds:
#   - Debian's rustc-web, cargo-web, rust-web-src and lld-22 (rustup has no wasm32 std here)
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock, in target/tools
#   - binaryen (wasm-opt), typescript, playwright-core and axe-core from npm, in bindings-wasm/node_modules
#
# Environment: DUEREGARD_WASM_PROFILE=release (default) or dev for a quick unoptimised build;
# DUEREGARD_WASM_OPT=-O3 (default), -Oz, ... for wasm-opt.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

say() { printf '[build.sh] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. Debian's Rust with wasm32 std sources, and the wasm linker.
if [ ! -x /usr/bin/wasm-ld-22 ] || [ ! -x /usr/bin/rustc ] || [ ! -x /usr/bin/cargo ] \
    || [ ! -d /usr/lib/rustlib/src/rust/library/std ]; then
    say "installing rustc-web cargo-web rust-web-src lld-22 from Debian"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        rustc-web cargo-web rust-web-src lld-22
fi

# 2. wasm-bindgen-cli matching Cargo.lock (the CLI refuses a module from another version).
bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[ -n "$bindgen_version" ] || { say "no wasm-bindgen in Cargo.lock"; exit 1; }
tools="$root/target/tools"
bindgen="$tools/bin/wasm-bindgen"
if [ ! -x "$bindgen" ] || [ "$("$bindgen" --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
    say "installing wasm-bindgen-cli $bindgen_version into target/tools (about 2 minutes)"
    # Not --locked: the CLI's own lockfile pins a crate version this registry lacks.
    cargo install wasm-bindgen-cli --version "$bindgen_version" --root "$tools" --force
fi

# 3. npm tools (wasm-opt from binaryen; Debian's binaryen makes modules that fail to load).
if [ ! -x "$here/node_modules/.bin/wasm-opt" ] || [ ! -f "$here/node_modules/.package-lock.json" ] \
    || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
    say "installing npm tools (binaryen, typescript, playwright-core, axe-core)"
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

# 4. TypeScript types from schemas/ (rewritten only when they change, so cargo does not rebuild).
node "$here/types/generate.mjs"

# 5. Compile with Debian's rustc and std built from source. Profile settings come
#    from the environment so the workspace's host profiles stay untouched.
profile="${DUEREGARD_WASM_PROFILE:-release}"
# -O3 rather than -Oz: the same size gzipped here (about 284 KiB) and about 10% fewer
# instructions per check (measured with callgrind; see bench.mjs).
wasm_opt_level="${DUEREGARD_WASM_OPT:--O3}"
wasm_target="$root/target/wasm"
export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$wasm_target"
export CARGO_PROFILE_RELEASE_LTO=true CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1 \
    CARGO_PROFILE_RELEASE_PANIC=abort CARGO_PROFILE_RELEASE_OPT_LEVEL="${DUEREGARD_WASM_OPT_LEVEL:-3}" \
    CARGO_PROFILE_DEV_PANIC=abort
profile_flag=(--release)
out_dir=release
if [ "$profile" = dev ]; then profile_flag=(); out_dir=debug; fi
# Both builds share the target dir (std and the dependencies common to both are compiled
# once); each writes the same output path, so each module is copied aside after its build.
built="$wasm_target/wasm32-unknown-unknown/$out_dir/dueregard_wasm.wasm"
module="$wasm_target/dueregard-full.wasm"
lean_module="$wasm_target/dueregard-lean.wasm"
/usr/bin/cargo build -p dueregard-wasm "${profile_flag[@]}" --target wasm32-unknown-unknown \
    -Zbuild-std=std,panic_abort --locked
cp "$built" "$module"
/usr/bin/cargo build -p dueregard-wasm "${profile_flag[@]}" --target wasm32-unknown-unknown \
    -Zbuild-std=std,panic_abort --locked --no-default-features
cp "$built" "$lean_module"

# 6. Bindings and size optimisation, skipped when the modules and this script are unchanged.
stamp="$( (sha256sum "$module" "$lean_module" "$here/build.sh" "$here/types/dueregard.d.ts"; echo "$bindgen_version $profile $wasm_opt_level") | sha256sum | cut -c1-64)"
if [ -f "$here/pkg/.stamp" ] && [ "$(cat "$here/pkg/.stamp")" = "$stamp" ] \
    && [ -f "$here/pkg-web/dueregard_bg.wasm" ] && [ -f "$here/pkg/dueregard_bg.wasm" ] \
    && [ -f "$here/pkg-web-lean/dueregard_bg.wasm" ]; then
    say "pkg/, pkg-web/ and pkg-web-lean/ are up to date"
    exit 0
fi
version="$(awk -F'"' '/^\[workspace.package\]/ { w = 1 } w && /^version/ { print $2; exit }' Cargo.toml)"
for build in nodejs web web-lean; do
    target="${build%-lean}"
    dir="$here/pkg"; [ "$build" = web ] && dir="$here/pkg-web"
    input="$module"; [ "$build" = web-lean ] && { dir="$here/pkg-web-lean"; input="$lean_module"; }
    rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
    "$bindgen" --target "$target" --out-dir "$dir.tmp" --out-name dueregard "$input"
    if [ "$profile" = release ]; then
        "$here/node_modules/.bin/wasm-opt" "$wasm_opt_level" --enable-bulk-memory --enable-reference-types \
            --enable-sign-ext --enable-nontrapping-float-to-int --enable-multivalue \
            --enable-mutable-globals "$dir.tmp/dueregard_bg.wasm" -o "$dir.tmp/dueregard_bg.wasm"
    fi
    node - "$dir.tmp" "$build" "$version" <<'EOF'
const fs = require("fs"), path = require("path");
const [dir, build, version] = process.argv.slice(2);
const target = build === "nodejs" ? "nodejs" : "web";
const lean = build === "web-lean";
const pkg = {
  name: { nodejs: "dueregard", web: "dueregard-web", "web-lean": "dueregard-web-lean" }[build],
  version,
  description: "Checks NHS policy drafts for LGBTQ+ inclusion and equality impact assessment quality, as they are written (WebAssembly)." +
    (lean ? " Lean build: drafts, text and Markdown; no Word or HTML reader, Word writer or organisation view." : ""),
  license: "MIT OR Apache-2.0",
  files: ["dueregard_bg.wasm", "dueregard.js", "dueregard.d.ts", "dueregard_bg.wasm.d.ts"],
  main: "dueregard.js",
  types: "dueregard.d.ts",
};
if (target === "web") { pkg.type = "module"; pkg.module = "dueregard.js"; delete pkg.main; }
fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
EOF
    rm -f "$dir.tmp/.gitignore"
    rm -rf "$dir" && mv "$dir.tmp" "$dir"
done
echo "$stamp" > "$here/pkg/.stamp"
say "built pkg/ and pkg-web/ ($(wc -c < "$here/pkg/dueregard_bg.wasm") bytes of wasm)" \
    "and pkg-web-lean/ ($(wc -c < "$here/pkg-web-lean/dueregard_bg.wasm") bytes)"
