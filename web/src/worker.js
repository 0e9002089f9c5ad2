// worker.js runs the engine (main.wasm) off the page's thread. It is
// bundled into main.js as a string and started from a blob: URL, so it
// inherits the page's Content-Security-Policy on any host.
//
// Messages in:  {type:"init", base} then {type:"lint", id, text, options, diff}
//               and {type:"redact", id, text, options}.
// Messages out: {type:"ready", info} | {type:"fatal", error}
//               | {type:"result", id, ms, result} | {type:"redacted", id, text, error}.
import { utf16Positions } from "./positions.js";

async function start(base) {
  // wasm_exec.js (copied from the Go that built main.wasm) defines Go.
  importScripts(new URL("wasm_exec.js", base).href);
  const go = new Go();
  const loaded = new Promise((resolve) => { self.azconnReady = resolve; });
  const url = new URL("main.wasm", base).href;
  let instance;
  try {
    ({ instance } = await WebAssembly.instantiateStreaming(fetch(url), go.importObject));
  } catch (err) {
    // A host that serves .wasm with the wrong MIME type: fall back.
    const resp = await fetch(url);
    if (!resp.ok) throw new Error(`main.wasm: HTTP ${resp.status}`);
    ({ instance } = await WebAssembly.instantiate(await resp.arrayBuffer(), go.importObject));
  }
  go.run(instance).then(() => { post({ type: "fatal", error: "the engine exited" }); });
  await loaded;
  const info = call("{}", { info: true });
  if (info.error) throw new Error(info.error);
  return { version: info.version, goVersion: info.goVersion, targets: info.targets, rules: info.rules };
}

function call(text, options) {
  return JSON.parse(self.azconnLint(text, JSON.stringify(options)));
}

function post(msg) { self.postMessage(msg); }

let ready = null;

self.onmessage = async (e) => {
  const m = e.data;
  if (m.type === "init") {
    ready = start(m.base);
    try {
      post({ type: "ready", info: await ready });
    } catch (err) {
      post({ type: "fatal", error: String(err && err.message || err) });
    }
    return;
  }
  if (!ready) return;
  try { await ready; } catch { return; }
  // call never throws for bad input (the bridge answers {error}); a throw
  // here means the Go program died, and the page hears it as an error.
  if (m.type === "lint") {
    const t0 = performance.now();
    let r;
    try {
      r = call(m.text, { ...m.options, redact: !!m.diff });
      if (!r.error) {
        utf16Positions(m.text, r.findings);
        // The diff view shows both sides with the password masked.
        if (m.diff) r.redactedNormalized = r.changed ? call(r.normalized, { target: m.options.target, redact: true }).redacted : r.redacted;
      }
    } catch (err) {
      r = { error: String(err && err.message || err) };
    }
    post({ type: "result", id: m.id, ms: performance.now() - t0, result: r });
  } else if (m.type === "redact") {
    try {
      const r = call(m.text, { target: m.options.target, redact: true });
      post({ type: "redacted", id: m.id, text: r.redacted, error: r.error });
    } catch (err) {
      post({ type: "redacted", id: m.id, error: String(err && err.message || err) });
    }
  }
};
