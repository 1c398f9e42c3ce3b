// The intranet form's server (examples/intranet-form/serve.mjs): it serves the
// page's own assets and nothing else, and a bad command line is one line on
// stderr with a non-zero exit, never a stack trace or a random port.
import test from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const script = join(root, "examples", "intranet-form", "serve.mjs");
const { startServer, parseArgs } = await import(script);

test("only the page's own assets are served", async (t) => {
  const server = await startServer({ port: 0 });
  t.after(() => server.close());
  const status = async (path) => (await fetch(new URL(path, server.url))).status;
  const raw = async (path) => {
    // fetch() normalises "..", so send the path exactly as written with a raw request.
    const { request } = await import("node:http");
    const { port } = new URL(server.url);
    return new Promise((done, fail) => {
      request({ host: "127.0.0.1", port, path, method: "GET" }, (res) => {
        res.resume();
        done(res.statusCode);
      }).on("error", fail).end();
    });
  };
  for (const ok of ["/", "/index.html", "/app.js", "/style.css", "/favicon.svg"]) {
    assert.equal(await status(ok), 200, ok);
  }
  for (const hidden of [
    "/serve.mjs",
    "/README.md",
    "/.gitignore",
    "/pkg/package.json",
    "/pkg/dueregard.d.ts",
    "/pkg-lean/package.json",
    "/pkg-lean/dueregard.d.ts",
    "/pkg-lean/../app.js",
    "/../../Cargo.toml",
    "/%2e%2e/%2e%2e/Cargo.toml",
    "/pkg/../serve.mjs",
    "/pkg/%2e%2e/%2e%2e/README.md",
    "/%73erve.mjs",
    "//etc/passwd",
    "/index.html%00.js",
  ]) {
    assert.equal(await raw(hidden), 404, hidden);
  }
  assert.equal(await raw("/index.html?x=1"), 200, "a query string is ignored");
});

test("the command line accepts a port and rejects anything else", () => {
  assert.deepEqual(parseArgs([]), { port: 8080 });
  assert.deepEqual(parseArgs(["--port", "9000"]), { port: 9000 });
  assert.deepEqual(parseArgs(["--port=9001"]), { port: 9001 });
  assert.deepEqual(parseArgs([], { PORT: "9002" }), { port: 9002 });
  for (const bad of [["--port"], ["--port", ""], ["--port="], ["--port", "0"], ["--port", "65536"],
    ["--port", "abc"], ["--port", "80.5"], ["--port", "-1"], ["--port", " 80"], ["--prot", "80"]]) {
    assert.throws(() => parseArgs(bad), /port|argument/, JSON.stringify(bad));
  }
  assert.throws(() => parseArgs([], { PORT: "" }), /PORT must be a port number/);
});

test("a bad --port is one line on stderr and exit status 2", () => {
  for (const args of [["--port", "nope"], ["--port", ""], ["--port"], ["--port", "99999"]]) {
    const run = spawnSync(process.execPath, [script, ...args], { encoding: "utf8", timeout: 10_000, env: { ...process.env, PORT: "" } });
    assert.equal(run.status, 2, `${JSON.stringify(args)}: ${run.stderr}`);
    assert.equal(run.stdout, "", JSON.stringify(args));
    const lines = run.stderr.trimEnd().split("\n");
    assert.equal(lines.length, 1, `one line, not a stack trace: ${run.stderr}`);
    assert.match(lines[0], /^serve\.mjs: (--port|PORT) (must be a port number|needs a port number)/);
  }
});

test("a port in use is one line on stderr and exit status 1", async (t) => {
  const taken = await startServer({ port: 0 });
  t.after(() => taken.close());
  const { port } = new URL(taken.url);
  const { spawn } = await import("node:child_process");
  // Asynchronous: the server holding the port runs in this process's event loop.
  const child = spawn(process.execPath, [script, "--port", port], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const code = await new Promise((done) => child.on("exit", done));
  assert.equal(code, 1, stderr);
  assert.equal(stderr.trimEnd().split("\n").length, 1, stderr);
  assert.match(stderr, new RegExp(`^serve\\.mjs: port ${port} is already in use`));
});
