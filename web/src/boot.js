// boot.js starts the engine as soon as it arrives (an async script; the
// page's head preloads main.wasm): it compiles main.wasm while it downloads
// (streaming, off the main thread) and starts the worker that will run it,
// while main.js (the editors) loads. It is a small classic script; main.js takes the worker, the compiled module and the
// messages sent so far from window.azconnBoot. A restarted worker gets the
// same compiled module, without a second download.
/* global __WORKER_SOURCE__, __WASM_SIZE__ */
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const url = URL.createObjectURL(new Blob([__WORKER_SOURCE__], { type: "text/javascript" }));
  const base = new URL(".", document.baseURI).href;
  const timings = { bootAt: now() };
  const boot = { url, base, queue: [], listener: null, worker: null, startedAt: performance.now(), timings };
  // emit hands a message to main.js, or keeps it until main.js listens.
  boot.emit = (m) => (boot.listener ? boot.listener(m) : boot.queue.push(m));

  // countBytes reads a copy of the response to report bytes as they
  // arrive; the total is main.wasm's size as built (Content-Length counts
  // compressed bytes). The response itself goes to the streaming compiler
  // untouched, so compiling does not wait for this thread.
  async function countBytes(resp, total) {
    const reader = resp.body.getReader();
    let loaded = 0, last = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.byteLength;
      const t = performance.now();
      if (t - last > 80) { last = t; boot.emit({ type: "progress", loaded, total }); }
    }
    timings.fetchedAt = now();
    boot.emit({ type: "progress", loaded, total: Math.max(total, loaded), done: true });
  }

  const wasmURL = new URL("main.wasm", base).href;
  timings.fetchAt = now();
  // index.html preloads main.wasm; this fetch takes the preloaded response.
  const responded = fetch(wasmURL).then((resp) => {
    if (!resp.ok) throw new Error(`main.wasm: HTTP ${resp.status}`);
    timings.responseAt = now();
    countBytes(resp.clone(), __WASM_SIZE__).catch(() => {});
    return resp;
  });
  // A host that sends main.wasm with another MIME type than
  // application/wasm defeats streaming compilation: compile the bytes.
  boot.module = WebAssembly.compileStreaming(responded)
    .catch(async (err) => {
      if (!(err instanceof TypeError)) throw err;
      const resp = await fetch(wasmURL);
      return WebAssembly.compile(await resp.arrayBuffer());
    })
    .then((m) => {
      timings.compiledAt = now();
      return m;
    });
  boot.module.catch(() => {}); // reported through each worker's start

  boot.start = () => {
    const w = new Worker(url, { name: "azconn-engine" });
    w.onmessage = (e) => boot.queue.push(e.data);
    w.onerror = (e) => { e.preventDefault(); boot.queue.push({ type: "died", error: e.message || "the worker failed" }); };
    boot.module.then(
      (module) => w.postMessage({ type: "init", module }),
      (err) => boot.emit({ type: "fatal", error: String(err && err.message || err) }));
    return w;
  };
  boot.worker = boot.start();
  window.azconnBoot = boot;
  // main.js may have loaded first (this script is async).
  window.dispatchEvent(new Event("azconnboot"));
})();
