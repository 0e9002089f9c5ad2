// build.mjs bundles the playground into dist/: index.html (with the
// Content-Security-Policy), boot.js (the head's first script: starts the
// engine's worker and streams main.wasm to it; the worker's source and Go's
// wasm_exec.js, inlined), main.js (CodeMirror, the
// page logic and the examples), style.css. The Makefile's `web` target
// builds main.wasm first (its size is the progress line's total) and
// compresses every file afterwards.
//
// The worker runs from a blob: URL, so that it inherits the page's policy
// on any static host, with or without the header. Files are written only
// when their content changes, so `make web` recompresses only those.
import * as esbuild from "esbuild";
import { execFileSync } from "node:child_process";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const out = join(here, "dist");

// The policy. No connect-src beyond the page's own files (the worker fetches
// main.wasm); workers only from blob:; no inline script or style (CodeMirror
// mounts its styles as constructed style sheets inside shadow roots).
// frame-ancestors cannot be set from a <meta>; the servers add it.
export const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src blob:",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const target = ["chrome111", "firefox113", "safari16.4"];

async function examples() {
  const list = JSON.parse(await readFile(join(here, "examples", "examples.json"), "utf8"));
  for (const e of list) e.text = await readFile(join(root, e.file), "utf8");
  return list;
}

// put writes a file unless it already holds exactly that content.
async function put(name, content) {
  const path = join(out, name);
  const old = await readFile(path, "utf8").catch(() => null);
  if (old !== content) await writeFile(path, content);
}

async function bundle(entry, opts) {
  const r = await esbuild.build({
    entryPoints: [join(here, "src", entry)], bundle: true, minify: true, write: false, target,
    legalComments: "none", ...opts,
  });
  return r.outputFiles[0].text;
}

async function main() {
  await mkdir(out, { recursive: true });
  const goroot = execFileSync("go", ["env", "GOROOT"], { encoding: "utf8" }).trim();
  const wasmExec = await readFile(join(goroot, "lib", "wasm", "wasm_exec.js"), "utf8");
  const wasmSize = (await stat(join(out, "main.wasm")).catch(() => ({ size: 0 }))).size;
  const worker = await bundle("worker.js", { format: "iife", banner: { js: wasmExec } });
  await put("boot.js", await bundle("boot.js", {
    format: "iife",
    define: { __WORKER_SOURCE__: JSON.stringify(worker), __WASM_SIZE__: String(wasmSize) },
  }));
  await put("main.js", await bundle("main.js", {
    format: "esm", define: { __EXAMPLES__: JSON.stringify(await examples()) },
  }));
  await put("style.css", await bundle("style.css", {}));
  const html = await readFile(join(here, "src", "index.html"), "utf8");
  if (!html.includes("%CSP%")) throw new Error("src/index.html lacks %CSP%");
  await put("index.html", html.replace("%CSP%", CSP));
  console.log(`web: wrote ${out}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
