// The TypeScript types: generated from the schemas and fresh, and a typed
// usage file (tests/ts/usage.ts) compiles with tsc --noEmit against the
// built package's .d.ts.
import test from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { wasmDir } from "./helpers.mjs";

test("types/dueregard.d.ts is fresh (generated from schemas/)", () => {
  execFileSync(process.execPath, [join(wasmDir, "types", "generate.mjs"), "--check"], { stdio: "pipe" });
});

test("tsc --noEmit accepts the typed usage file", () => {
  const tsc = join(wasmDir, "node_modules", "typescript", "bin", "tsc");
  try {
    execFileSync(process.execPath, [tsc, "--noEmit", "-p", join(wasmDir, "tests", "ts", "tsconfig.json")], { encoding: "utf8", stdio: "pipe" });
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
  }
});
