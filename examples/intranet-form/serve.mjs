#!/usr/bin/env node
// Serves the intranet form on 127.0.0.1 (only this computer can reach it):
//
//   node examples/intranet-form/serve.mjs [--port 8080]
//
// "/" is this folder; "/pkg/" is the browser build in bindings-wasm/pkg-web/
// (run `bash bindings-wasm/build.sh` first). No request body is read and no
// draft text is ever sent here: checking runs in the page.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const pkgWeb = join(here, "..", "..", "bindings-wasm", "pkg-web");

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

/** Maps a URL path to a file under one of the two roots, or null. */
function resolve(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split("?")[0]);
  } catch {
    return null;
  }
  if (path.includes("\0")) return null;
  let base = here;
  if (path === "/") path = "/index.html";
  if (path.startsWith("/pkg/")) {
    base = pkgWeb;
    path = path.slice("/pkg".length);
  }
  const file = normalize(join(base, path));
  if (file !== base && !file.startsWith(base + sep)) return null;
  if (base === here && file.startsWith(join(here, "node_modules"))) return null;
  return file;
}

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
      const hint = (req.url ?? "").startsWith("/pkg/") ? " Run bash bindings-wasm/build.sh first." : "";
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
  const i = process.argv.indexOf("--port");
  const port = i > 0 ? Number(process.argv[i + 1]) : Number(process.env.PORT ?? 8080);
  const { url } = await startServer({ port });
  console.log(`dueregard intranet form: ${url}  (Ctrl+C to stop)`);
}
