// build.mjs bundles the playground into dist/: index.html (with the
// Content-Security-Policy), main.js (CodeMirror, the page logic, the worker's
// source and the examples, all inlined), style.css. The Makefile's `web`
// target adds main.wasm and wasm_exec.js beside them.
//
// The worker runs from a blob: URL, so that it inherits the page's policy
// on any static host, with or without the header.
import * as esbuild from "esbuild";
import { mkdir, readFile, writeFile } from "node:fs/promises";
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

async function main() {
  await mkdir(out, { recursive: true });
  const worker = await esbuild.build({
    entryPoints: [join(here, "src", "worker.js")],
    bundle: true, format: "iife", minify: true, write: false, target, legalComments: "none",
  });
  await esbuild.build({
    entryPoints: [join(here, "src", "main.js")],
    bundle: true, format: "esm", minify: true, target, legalComments: "none",
    outfile: join(out, "main.js"),
    define: {
      __WORKER_SOURCE__: JSON.stringify(worker.outputFiles[0].text),
      __EXAMPLES__: JSON.stringify(await examples()),
    },
  });
  await esbuild.build({
    entryPoints: [join(here, "src", "style.css")],
    bundle: true, minify: true, target, outfile: join(out, "style.css"),
  });
  const html = await readFile(join(here, "src", "index.html"), "utf8");
  if (!html.includes("%CSP%")) throw new Error("src/index.html lacks %CSP%");
  await writeFile(join(out, "index.html"), html.replace("%CSP%", CSP));
  console.log(`web: wrote ${out}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
