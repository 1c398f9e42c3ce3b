#!/usr/bin/env node
// Serves the intranet form on 127.0.0.1 (only this computer can reach it):
//
//   node examples/intranet-form/serve.mjs [--port 8080]
//
// "/" is the page (index.html, app.js, style.css, favicon.svg and nothing else
// from this folder); "/pkg-lean/" is the lean browser build in
// bindings-wasm/pkg-web-lean/, which the page loads first, and "/pkg/" the full
// one in bindings-wasm/pkg-web/, loaded when a Word document is opened (run
// `bash bindings-wasm/build.sh` first). No request body is read and no
// draft text is ever sent here: checking runs in the page.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { dirname, extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const pkgWeb = join(here, "..", "..", "bindings-wasm", "pkg-web");
const pkgWebLean = join(here, "..", "..", "bindings-wasm", "pkg-web-lean");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

// Defence in depth: even if draft text were ever inserted as HTML, no inline
// script or event handler could run. 'wasm-unsafe-eval' lets the page compile
// the checker; nothing may connect anywhere but this server.
const HEADERS = {
  "Content-Security-Policy":
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; " +
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
};

// Only the page's own assets are served: an allowlist, not a folder, so this
// script, the README, dotfiles and anything added to the folder later stay
// private, and no path trick can reach outside it.
const PAGE_FILES = ["index.html", "app.js", "style.css", "favicon.svg"];
// What the page loads from the browser build (not its .d.ts or package.json).
const PKG_FILES = ["dueregard.js", "dueregard_bg.wasm"];

const ROUTES = new Map([
  ["/", join(here, "index.html")],
  ...PAGE_FILES.map((name) => [`/${name}`, join(here, name)]),
  ...PKG_FILES.map((name) => [`/pkg/${name}`, join(pkgWeb, name)]),
  ...PKG_FILES.map((name) => [`/pkg-lean/${name}`, join(pkgWebLean, name)]),
]);

/** Maps a request URL to one of the page's files, or null. */
export function resolve(url) {
  // Exact match on the path as sent: "/%61pp.js" or "/./app.js" are not the
  // page's own URLs, so they are not found rather than normalised.
  const path = url.split(/[?#]/, 1)[0];
  return ROUTES.get(path) ?? null;
}

/** A port from the command line or PORT: digits only, 1 to 65535. */
export function parsePort(value, from) {
  if (value === undefined) throw new UsageError(`${from} needs a port number, such as ${from} 8080`);
  if (!/^[0-9]{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 65535) {
    throw new UsageError(`${from} must be a port number from 1 to 65535, not ${JSON.stringify(value)}`);
  }
  return Number(value);
}

/** Reads `[--port N | --port=N]` (or PORT); anything else is a usage error. */
export function parseArgs(argv, env = {}) {
  let port;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--port") {
      port = parsePort(argv[++i], "--port");
    } else if (arg.startsWith("--port=")) {
      port = parsePort(arg.slice("--port=".length), "--port");
    } else if (arg === "--help" || arg === "-h") {
      return { help: true };
    } else {
      throw new UsageError(`unknown argument ${JSON.stringify(arg)}; usage: node serve.mjs [--port 8080]`);
    }
  }
  if (port === undefined && env.PORT !== undefined) port = parsePort(env.PORT, "PORT");
  return { port: port ?? 8080 };
}

export class UsageError extends Error {}

export function startServer({ port = 8080, host = "127.0.0.1" } = {}) {
  const server = createServer(async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { ...HEADERS, Allow: "GET, HEAD" }).end();
      return;
    }
    const file = resolve(req.url ?? "/");
    try {
      if (!file || !(await stat(file)).isFile()) throw new Error("not found");
      const body = await readFile(file);
      res.writeHead(200, { ...HEADERS, "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      const hint = /^\/pkg(-lean)?\//.test(req.url ?? "") ? " Run bash bindings-wasm/build.sh first." : "";
      res.writeHead(404, { ...HEADERS, "Content-Type": "text/plain; charset=utf-8" }).end(`Not found.${hint}\n`);
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolvePromise({
        url: `http://${host}:${actual}/`,
        close: () => new Promise((done) => server.close(done)),
        server,
      });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  // One line on stderr and exit status 2 for a usage or start-up problem, never a stack trace.
  const fail = (message, code) => {
    console.error(`serve.mjs: ${message}`);
    process.exit(code);
  };
  let options;
  try {
    options = parseArgs(process.argv.slice(2), process.env);
  } catch (err) {
    fail(err instanceof UsageError ? err.message : String(err), 2);
  }
  if (options.help) {
    console.log("usage: node examples/intranet-form/serve.mjs [--port 8080]  (or PORT=8080)");
    process.exit(0);
  }
  try {
    const { url } = await startServer({ port: options.port });
    console.log(`dueregard intranet form: ${url}  (Ctrl+C to stop)`);
  } catch (err) {
    const why = err?.code === "EADDRINUSE" ? "is already in use" : err?.code === "EACCES" ? "is not allowed" : `failed (${err?.message ?? err})`;
    fail(`port ${options.port} ${why}; choose another with --port`, 1);
  }
}
