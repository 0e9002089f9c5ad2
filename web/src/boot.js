// boot.js starts the engine. It is the first script of the page's head (a
// small classic script, run before the parser goes on), so the engine's
// download, compile and worker start never wait for main.js (the editors):
// it takes the response of main.wasm (which the head preloads) and hands
// its body, as it arrives, to the worker, which compiles it while it
// downloads (WebAssembly.compileStreaming) and runs it. This thread only
// counts the bytes as they pass, for the progress line. main.js takes the
// worker and the messages sent so far from window.azconnBoot. A restarted
// worker gets the module the first one compiled, without a second download.
/* global __WORKER_SOURCE__, __WASM_SIZE__ */
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const url = URL.createObjectURL(new Blob([__WORKER_SOURCE__], { type: "text/javascript" }));
  const base = new URL(".", document.baseURI).href;
  const timings = { bootAt: now() };
  const boot = { url, base, queue: [], listener: null, worker: null, startedAt: performance.now(), timings, module: null };
  // emit hands a message to main.js, or keeps it until main.js listens.
  boot.emit = (m) => (boot.listener ? boot.listener(m) : boot.queue.push(m));

  // counted passes main.wasm's body on unchanged, counting the bytes as the
  // worker's compiler pulls them; the total is main.wasm's size as built
  // (Content-Length counts compressed bytes). A tee() instead left the
  // counting branch without bytes in some loads (Chromium fed it only as
  // the worker read the other branch), so the progress line never moved.
  function counted(body, total) {
    let loaded = 0, last = 0;
    return body.pipeThrough(new TransformStream({
      transform(chunk, out) {
        loaded += chunk.byteLength;
        const t = performance.now();
        if (t - last > 80) { last = t; boot.emit({ type: "progress", loaded, total }); }
        out.enqueue(chunk);
      },
      flush() {
        timings.fetchedAt = now();
        boot.emit({ type: "progress", loaded, total: Math.max(total, loaded), done: true });
      },
    }));
  }

  const wasmURL = new URL("main.wasm", base).href;
  // fetchEngine fetches main.wasm (the first time, the preloaded response)
  // and returns its body, counted, for the worker.
  function fetchEngine() {
    timings.fetchAt = now();
    return fetch(wasmURL).then((resp) => {
      if (!resp.ok) throw new Error(`main.wasm: HTTP ${resp.status}`);
      timings.responseAt = now();
      return counted(resp.body, __WASM_SIZE__);
    });
  }

  // send gives the worker the engine: the compiled module once there is one;
  // else the body as a stream (transferred, so the worker compiles while it
  // downloads), or, where streams cannot be transferred, its bytes.
  async function send(w) {
    if (boot.module) { w.postMessage({ type: "init", module: boot.module }); return; }
    const body = await fetchEngine();
    try {
      w.postMessage({ type: "init", stream: body }, [body]);
    } catch {
      const bytes = await new Response(body).arrayBuffer();
      w.postMessage({ type: "init", bytes }, [bytes]);
    }
  }

  boot.start = () => {
    const w = new Worker(url, { name: "azconn-engine" });
    w.onmessage = (e) => boot.queue.push(e.data);
    // The compiled module comes back once, for restarts; main.js replaces
    // onmessage, not this listener.
    w.addEventListener("message", (e) => { if (e.data.type === "compiled") boot.module = e.data.module; });
    w.onerror = (e) => { e.preventDefault(); boot.queue.push({ type: "died", error: e.message || "the worker failed" }); };
    send(w).catch((err) => boot.emit({ type: "fatal", error: String(err && err.message || err) }));
    return w;
  };
  boot.worker = boot.start();
  window.azconnBoot = boot;
  window.dispatchEvent(new Event("azconnboot"));
})();
