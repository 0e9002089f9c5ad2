// worker.js runs the engine (main.wasm) off the page's thread. It is
// bundled, with Go's wasm_exec.js, into boot.js as a string and started from
// a blob: URL, so it inherits the page's Content-Security-Policy on any host.
// boot.js sends it main.wasm's body as it downloads (or its bytes, or the
// module an earlier worker compiled); it compiles and runs it.
//
// Messages in:  {type:"init", stream | bytes | module} then {type:"lint", id, text, options, diff},
//               {type:"redact", id, text, options}, {type:"edit", id, text, options, index}.
// Messages out: {type:"compiled", module} (for boot.js: a restart reuses it)
//               | {type:"ready", info, timings} | {type:"warmed", ms}
//               | {type:"fatal", error} | {type:"died", error}
//               | {type:"result", id, ms, result} | {type:"redacted", id, text, error}
//               | {type:"edited", id, from, to, insert, error}.
import { utf16Positions } from "./positions.js";

/* global Go */
// Go (wasm_exec.js, from the Go that built main.wasm) is defined by the
// bundle's banner: build.mjs puts the file in front of this one, which saves
// the request importScripts would make.

const now = () => performance.timeOrigin + performance.now();
const scriptAt = now();

// compile compiles main.wasm from what boot.js sent: the body as it
// downloads (streaming: compiling ends about when the last byte arrives),
// the whole bytes, or the module itself.
async function compile(m, timings) {
  if (m.module) return m.module;
  let module;
  if (m.stream) {
    // The end of the body, seen here, where the compiler reads it.
    const seen = m.stream.pipeThrough(new TransformStream({ flush() { timings.fetchedAt = now(); } }));
    module = await WebAssembly.compileStreaming(new Response(seen, { headers: { "Content-Type": "application/wasm" } }));
  } else {
    timings.fetchedAt = now();
    module = await WebAssembly.compile(m.bytes);
  }
  timings.compiledAt = now();
  post({ type: "compiled", module });
  return module;
}

// start compiles and runs the engine and waits for the Go program to
// register azconnLint.
async function start(m) {
  const timings = { scriptAt, initAt: now() };
  const module = await compile(m, timings);
  const go = new Go();
  const loaded = new Promise((resolve) => { self.azconnReady = resolve; });
  const instance = await WebAssembly.instantiate(module, go.importObject);
  timings.instantiatedAt = now();
  go.run(instance).then(() => died("the engine exited"));
  await loaded;
  timings.goStartedAt = now();
  // An empty text: the engine answers from a generated constant
  // (wasm/info_gen.go), with no lint.
  const info = call("", { info: true });
  if (info.error) throw new Error(info.error);
  // Ready now: the schemas are Go data compiled ahead of time; what the
  // engine still does on first use (its regular expressions) is done for
  // each target after the first result is out (warm), not on the way to
  // ready.
  timings.infoAt = now();
  targets = info.targets || [];
  return {
    info: { version: info.version, goVersion: info.goVersion, targets: info.targets, rules: info.rules, maxSize: info.maxSize },
    timings,
  };
}

function call(text, options) {
  return JSON.parse(self.azconnLint(text, JSON.stringify(options)));
}

function post(msg) { self.postMessage(msg); }

let dead = false;
// died tells the page the Go program is gone (it exited, or a call trapped):
// the page starts a new worker.
function died(error) {
  if (dead) return;
  dead = true;
  post({ type: "died", error });
}

// guarded runs one call into the engine; a throw means the Go program died
// (the bridge answers bad input with {error}, it never throws).
function guarded(fn, fail) {
  try {
    return fn();
  } catch (err) {
    died(String(err && err.message || err));
    return fail;
  }
}

let ready = null;
let firstLint = true;
let targets = [];

// warm lints an empty object for each target, one per task so a lint the
// page sends meanwhile is not held up by all of them, so that the engine's
// first-use work is done before the user's next text; it reports how long
// that took.
function warm() {
  const t0 = performance.now();
  const next = (i) => {
    if (dead) return;
    if (i >= targets.length) { post({ type: "warmed", ms: performance.now() - t0 }); return; }
    guarded(() => call("{}", { target: targets[i] }), null);
    setTimeout(() => next(i + 1));
  };
  setTimeout(() => next(0));
}

const handlers = {
  lint(m) {
    const t0 = performance.now();
    const r = guarded(() => {
      const r = call(m.text, { ...m.options, redact: !!m.diff });
      if (!r.error) {
        utf16Positions(m.text, r.findings);
        // The requests' spans too: the page picks the one the cursor is in.
        if (r.requests) utf16Positions(m.text, r.requests.map((q) => q.span));
        // The diff view shows both sides with the password masked.
        if (m.diff) r.redactedNormalized = r.changed ? call(r.normalized, { target: m.options.target, redact: true }).redacted : r.redacted;
      }
      return r;
    }, null);
    if (!r) return;
    const msg = { type: "result", id: m.id, ms: performance.now() - t0, result: r };
    const first = firstLint;
    if (firstLint) { firstLint = false; msg.firstLintMs = msg.ms; }
    post(msg);
    if (first) warm();
  },
  redact(m) {
    const r = guarded(() => call(m.text, { target: m.options.target, redact: true }), null);
    if (r) post({ type: "redacted", id: m.id, text: r.redacted, error: r.error });
  },
  // edit applies one finding's fix: the engine's byte edit, mapped to the
  // editor's positions. The raw text goes only into the user's editor.
  edit(m) {
    const r = guarded(() => call(m.text, { ...m.options, edit: m.index }), null);
    if (!r) return;
    if (r.error) { post({ type: "edited", id: m.id, error: r.error }); return; }
    const e = { offset: r.fixEdit.offset, endOffset: r.fixEdit.endOffset };
    utf16Positions(m.text, [e]);
    post({ type: "edited", id: m.id, from: e.from, to: e.to, insert: r.fixEdit.text });
  },
  // crash is for the browser test: an uncaught error, as a worker that
  // dies of one. The page must notice and start a new worker.
  crash() {
    setTimeout(() => { throw new Error("test: the worker crashed"); });
    dead = true;
  },
};

self.onmessage = async (e) => {
  const m = e.data;
  if (m.type === "init") {
    ready = start(m);
    try {
      post({ type: "ready", ...(await ready) });
    } catch (err) {
      post({ type: "fatal", error: String(err && err.message || err) });
    }
    return;
  }
  if (!ready) return;
  try { await ready; } catch { return; }
  if (dead) return;
  const h = handlers[m.type];
  if (h) h(m);
};
