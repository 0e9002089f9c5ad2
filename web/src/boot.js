// boot.js starts the engine as soon as the page's head is read: it fetches
// and compiles main.wasm (streaming, off the main thread) and starts the
// worker that will run it, while main.js (the editors) loads. It is a small
// classic script; main.js takes the worker, the compiled module and the
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

  // fetchCounting reports bytes as they arrive. The total is main.wasm's
  // size as built (Content-Length counts compressed bytes).
  async function fetchCounting(total) {
    timings.fetchAt = now();
    const resp = await fetch(new URL("main.wasm", base).href);
    if (!resp.ok) throw new Error(`main.wasm: HTTP ${resp.status}`);
    timings.responseAt = now();
    let loaded = 0, last = 0;
    const counted = resp.body.pipeThrough(new TransformStream({
      transform(chunk, ctl) {
        loaded += chunk.byteLength;
        const t = performance.now();
        if (t - last > 80) { last = t; boot.emit({ type: "progress", loaded, total }); }
        ctl.enqueue(chunk);
      },
      flush() {
        timings.fetchedAt = now();
        boot.emit({ type: "progress", loaded, total: Math.max(total, loaded), done: true });
      },
    }));
    // A Response of our own carries the right MIME type whatever the host
    // sent, so streaming compilation always applies.
    return new Response(counted, { headers: { "Content-Type": "application/wasm" } });
  }

  boot.module = WebAssembly.compileStreaming(fetchCounting(__WASM_SIZE__)).then((m) => {
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
})();
