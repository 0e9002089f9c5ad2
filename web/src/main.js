// main.js is the playground page: two CodeMirror editors (the payload and
// the normalized payload), the findings list, options, examples and share
// links. The engine (package validate, compiled to WebAssembly) runs in a
// Web Worker that boot.js started before this file loaded; this file never
// blocks on it, and nothing the engine does replaces the user's text.
import { EditorState, Compartment } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  highlightSpecialChars, drawSelection, rectangularSelection, crosshairCursor,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import {
  syntaxHighlighting, HighlightStyle, bracketMatching, foldGutter, foldKeymap, indentOnInput,
} from "@codemirror/language";
import { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { lintGutter, lintKeymap, setDiagnostics } from "@codemirror/lint";
import { unifiedMergeView } from "@codemirror/merge";
import { json } from "@codemirror/lang-json";
import { tags } from "@lezer/highlight";
import { codePointColumn } from "./positions.js";
import { encodeShare, decodeShare } from "./share.js";
import { FindingsList } from "./findings.js";

/* global __EXAMPLES__ */
const EXAMPLES = __EXAMPLES__;
// The engine's size limit (validate.DefaultMaxSize) until the engine says.
let maxSize = 4 << 20;
// A lint that takes longer than this shows that it is running.
const MOMENT_MS = 300;

const $ = (id) => document.getElementById(id);
const body = document.body;
// boot.js is the head's first script; start() would wait for it otherwise.
let boot = window.azconnBoot;

// CSP violations, if any, are recorded for the browser test and shown.
const cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`);
  body.dataset.cspViolations = String(cspViolations.length);
});

// --- editors ---------------------------------------------------------------

const theme = EditorView.theme({
  "&": { color: "var(--fg)", backgroundColor: "var(--editor-bg)", height: "100%", fontSize: "13.5px" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.55", overflow: "auto" },
  ".cm-content": { caretColor: "var(--accent)" },
  "&.cm-focused": { outline: "none" },
  // A ring whenever the editor holds the focus (the read-only pane is not
  // contenteditable, so CodeMirror's focus class is not enough).
  "&:focus-within": { outline: "2px solid var(--focus)", outlineOffset: "-2px" },
  "&.cm-focused .cm-cursor": { borderLeftColor: "var(--accent)", borderLeftWidth: "2px" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection":
    { backgroundColor: "var(--selection) !important" },
  ".cm-gutters": { backgroundColor: "var(--gutter-bg)", color: "var(--muted)", borderRight: "1px solid var(--border)" },
  ".cm-activeLine": { backgroundColor: "var(--active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--active-line)", color: "var(--fg)" },
  ".cm-matchingBracket, &.cm-focused .cm-matchingBracket": { backgroundColor: "var(--match)", outline: "none" },
  ".cm-selectionMatch": { backgroundColor: "var(--match)" },
  ".cm-tooltip": { backgroundColor: "var(--panel)", color: "var(--fg)", border: "1px solid var(--border)",
    borderRadius: "6px", boxShadow: "0 6px 20px rgb(0 0 0 / 0.18)", fontFamily: "var(--sans)", maxWidth: "min(42em, 90vw)" },
  ".cm-tooltip-lint": { padding: "2px 0" },
  ".cm-diagnostic": { padding: "4px 10px", lineHeight: "1.4" },
  ".cm-diagnostic-error": { borderLeft: "4px solid var(--error)" },
  ".cm-diagnostic-warning": { borderLeft: "4px solid var(--warning)" },
  ".cm-diagnostic-info": { borderLeft: "4px solid var(--info)" },
  ".cm-diagnosticSource": { fontFamily: "var(--mono)", opacity: "0.75" },
  ".cm-diagnosticAction": { backgroundColor: "var(--accent)", color: "var(--accent-fg)", borderRadius: "4px",
    font: "inherit", fontWeight: "600", padding: "1px 8px", marginLeft: "8px" },
  ".cm-lintRange-error": { backgroundImage: "none", textDecoration: "underline wavy var(--error)",
    textDecorationSkipInk: "none", textUnderlineOffset: "3px" },
  ".cm-lintRange-warning": { backgroundImage: "none", textDecoration: "underline wavy var(--warning)",
    textDecorationSkipInk: "none", textUnderlineOffset: "3px" },
  ".cm-lintRange-info": { backgroundImage: "none", textDecoration: "underline dotted var(--info)",
    textDecorationThickness: "2px", textUnderlineOffset: "3px" },
  ".cm-lintPoint:after": { borderBottomColor: "var(--error)" },
  ".cm-panels": { backgroundColor: "var(--panel)", color: "var(--fg)" },
  ".cm-panels.cm-panels-bottom": { borderTop: "1px solid var(--border)" },
  ".cm-textfield": { backgroundColor: "var(--bg)", color: "var(--fg)", border: "1px solid var(--border)" },
  ".cm-button": { backgroundImage: "none", backgroundColor: "var(--button)", color: "var(--fg)",
    border: "1px solid var(--border)" },
  ".cm-foldPlaceholder": { backgroundColor: "var(--match)", border: "none", color: "var(--muted)" },
  ".cm-changedLine": { backgroundColor: "var(--diff-ins-line) !important" },
  ".cm-changedText": { background: "var(--diff-ins) !important" },
  ".cm-deletedChunk": { backgroundColor: "var(--diff-del-line) !important" },
  ".cm-deletedChunk del, .cm-deletedText": { background: "var(--diff-del) !important", textDecoration: "none" },
  ".cm-changeGutter": { width: "4px", paddingLeft: "0" },
  ".cm-changedLineGutter": { background: "var(--ok)" },
  ".cm-deletedLineGutter": { background: "var(--error)" },
  ".cm-collapsedLines": { color: "var(--muted)", background: "var(--gutter-bg)" },
});

const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: "var(--hl-key)" },
  { tag: tags.string, color: "var(--hl-string)" },
  { tag: tags.number, color: "var(--hl-number)" },
  { tag: [tags.bool, tags.null], color: "var(--hl-keyword)", fontWeight: "600" },
  { tag: [tags.brace, tags.squareBracket, tags.separator, tags.punctuation], color: "var(--muted)" },
  { tag: tags.invalid, color: "var(--error)" },
]);

const noSpell = EditorView.contentAttributes.of({
  spellcheck: "false", autocorrect: "off", autocapitalize: "off", translate: "no",
});

function base() {
  return [
    lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), foldGutter(),
    drawSelection(), EditorState.allowMultipleSelections.of(true), bracketMatching(),
    rectangularSelection(), crosshairCursor(), highlightActiveLine(), highlightSelectionMatches(),
    EditorState.tabSize.of(2), json(), syntaxHighlighting(highlight), theme, noSpell,
    keymap.of([...defaultKeymap, ...searchKeymap, ...foldKeymap, ...lintKeymap]),
  ];
}

// Each editor lives in a shadow root: CodeMirror then mounts its styles as
// constructed style sheets, which a style-src 'self' policy allows.
const mount = (host) => host.attachShadow({ mode: "open" });

// What the user typed into the plain text area that stands in for the
// editor until this file has loaded.
const early = $("early-input");
const earlyText = early ? early.value : "";
const earlyFocus = early && document.activeElement === early;
const earlySel = early ? [early.selectionStart, early.selectionEnd] : [0, 0];
early?.remove();

let docVersion = 0;
// touched: the user changed the text (typing, paste, drop, undo, a fix).
// Only an untouched editor ever gets text the user did not ask for.
let touched = earlyText !== "";
const AUTOMATIC = "select.auto";

const inputRoot = mount($("editor"));
const input = new EditorView({
  root: inputRoot,
  parent: inputRoot,
  state: EditorState.create({
    doc: earlyText,
    selection: { anchor: Math.min(earlySel[0], earlyText.length), head: Math.min(earlySel[1], earlyText.length) },
    extensions: [
      base(), history(), indentOnInput(), lintGutter(),
      keymap.of([...historyKeymap, { key: "Mod-.", run: fixAtCursor }]),
      EditorView.contentAttributes.of({ "aria-label": "Payload: the PATCH body or the whole HTTP request", "aria-describedby": "input-help" }),
      EditorView.updateListener.of(onInputUpdate),
    ],
  }),
});
if (earlyFocus) input.focus();

function onInputUpdate(u) {
  if (u.docChanged) {
    const auto = u.transactions.some((tr) => tr.isUserEvent(AUTOMATIC));
    const example = u.transactions.some((tr) => tr.isUserEvent("select.example"));
    if (!auto) touched = true;
    if (!auto && !example) $("example").value = "";
    docVersion++;
    body.dataset.docVersion = String(docVersion);
    body.dataset.touched = String(touched);
    markStale();
    // Keys wait for a pause; a paste, a drop, a file, an example, a link,
    // a fix or an undo is linted at once.
    scheduleLint(!u.transactions.some((tr) => TYPING.some((e) => tr.isUserEvent(e))));
  }
  if (u.docChanged || u.selectionSet) showCursor(u.state);
  if (u.selectionSet && !u.docChanged && result?.requests?.length > 1) {
    renderForm(result);
    if (outputTab === "request" && requestAtCursor() !== result.requestIndex) scheduleLint(true);
  }
}

// requestAtCursor is the index of the request the cursor is in (by the
// last result's spans), else of the one before it, else the first.
function requestAtCursor() {
  const reqs = result?.requests || [];
  const at = input.state.selection.main.head;
  let i = 0;
  for (let k = 0; k < reqs.length; k++) if (reqs[k].span?.from != null && reqs[k].span.from <= at) i = k;
  return i;
}

const outputMode = new Compartment();
const outputRoot = mount($("output"));
const output = new EditorView({ root: outputRoot, parent: outputRoot, state: outputState("", null) });

// outputState is the read-only pane: not editable (so it is not announced
// as an editable field) but focusable, to select, search and scroll.
function outputState(doc, original) {
  return EditorState.create({
    doc,
    extensions: [
      base(), EditorState.readOnly.of(true), EditorView.editable.of(false),
      EditorView.contentAttributes.of({ "aria-label": "Normalized payload (read-only)", "aria-readonly": "true", tabindex: "0", "aria-multiline": "true" }),
      outputMode.of(original == null ? [] : unifiedMergeView({
        original, mergeControls: false, gutter: true, highlightChanges: true, syntaxHighlightDeletions: true,
        collapseUnchanged: { margin: 3, minSize: 8 }, diffConfig: { scanLimit: 2000, timeout: 500 },
      })),
    ],
  });
}

function showCursor(state) {
  const head = state.selection.main.head;
  const line = state.doc.lineAt(head);
  const col = codePointColumn(line.text, head - line.from);
  const el = $("cursor");
  el.textContent = `Ln ${line.number}, Col ${col}`;
  el.dataset.line = String(line.number);
  el.dataset.col = String(col);
}

// --- the worker --------------------------------------------------------------

let worker = null;
let info = null;
let seq = 0;
let inflight = null;   // {id, version, optionsKey, at}
let queued = false;    // input changed while a lint was in flight
let timer = 0;
let lastMs = 0;
let result = null;     // the last applied result, with .version
let restarts = 0;
let readyTimings = null;
const waiters = new Map(); // id -> {resolve, reject} for redact and edit

// MAX_FINDINGS is the engine's findings cap for the page (the engine's
// default is 1,000): the list shows 1,000 at a time and marks every one in
// the editor; past the cap the engine's too-many-findings finding says how
// many more there were.
const MAX_FINDINGS = 50000;

function options() {
  const o = { target: $("target").value || undefined, dropReadOnly: $("drop-read-only").checked, path: "payload.json", maxFindings: MAX_FINDINGS };
  // The Request view is rendered only while it shows, for the request the
  // cursor is in.
  if (outputTab === "request") { o.requestView = true; o.request = requestAtCursor(); }
  return o;
}
const optionsKey = () => JSON.stringify(options());

// adopt takes a worker (boot.js's first one, or a restarted one) and the
// messages it sent before this file listened.
function adopt(w, queue) {
  worker = w;
  boot.listener = onWorkerMessage;
  w.onmessage = (e) => onWorkerMessage(e.data);
  w.onerror = (e) => { e.preventDefault(); engineDied(e.message || "the worker failed"); };
  for (const m of queue.splice(0)) onWorkerMessage(m);
  for (const m of boot.queue.splice(0)) onWorkerMessage(m);
}

function onWorkerMessage(m) {
  switch (m.type) {
    case "progress": return showProgress(m);
    case "ready": return onEngineReady(m);
    case "fatal": return fatal(`The engine could not start: ${m.error}`);
    case "died": return engineDied(m.error);
    case "result": return onResult(m);
    case "warmed": body.dataset.warmMs = m.ms.toFixed(0); return;
    case "redacted": return settle(m.id, m.error, m.text);
    case "edited": return settle(m.id, m.error, m);
  }
}

function settle(id, error, value) {
  const w = waiters.get(id);
  waiters.delete(id);
  if (w) error ? w.reject(new Error(error)) : w.resolve(value);
}

function ask(msg) {
  const id = ++seq;
  return new Promise((resolve, reject) => {
    waiters.set(id, { resolve, reject });
    worker.postMessage({ ...msg, id });
  });
}

const mb = (n) => (n / 1e6).toLocaleString("en", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function showProgress(m) {
  const p = $("load-progress");
  p.max = m.total || 1;
  p.value = Math.min(m.loaded, p.max);
  body.dataset.loaded = String(m.loaded);
  $("lint-status").textContent = m.done ? "Starting the engine…" :
    `Loading the engine: ${mb(m.loaded)} of ${mb(m.total)} MB`;
}

// engineDied starts a new worker: the Go program in the old one is gone.
// The text is the editor's; only the findings wait.
function engineDied(error) {
  if (body.dataset.ready === "error") return;
  restarts++;
  body.dataset.restarts = String(restarts);
  worker?.terminate();
  for (const [id, w] of waiters) { waiters.delete(id); w.reject(new Error("the engine restarted")); }
  inflight = null;
  queued = false;
  info = null;
  clearTimeout(timer);
  if (restarts > 3) {
    fatal(`The engine stopped again (${error}). Reload the page; your text stays in the editor until then.`);
    return;
  }
  showBanner(`The engine stopped (${error}) and was restarted. Your text is untouched.`, "restart");
  $("lint-status").textContent = "Restarting the engine…";
  body.dataset.state = "restarting";
  adopt(boot.start(), []);
}

// TYPING are the user events of keys: they wait for a pause of TYPING_MS
// plus the last lint's time (a 1 MB text is not linted on every key).
const TYPING = ["input.type", "delete", "input.complete"];
const TYPING_MS = 50;
// soon: a lint is due at the end of this task (several changes in one task,
// such as an example that sets the target and the text, make one lint).
let soon = false;

function scheduleLint(now = false) {
  clearTimeout(timer);
  timer = 0;
  if (!info) return;
  body.dataset.state = "pending";
  if (!now) {
    timer = setTimeout(() => { timer = 0; sendLint(); }, Math.min(1000, TYPING_MS + lastMs));
    return;
  }
  if (soon) return;
  soon = true;
  queueMicrotask(() => {
    soon = false;
    if (info && !timer) sendLint();
  });
}

// A lint in flight cannot be stopped (the engine's call is synchronous, and
// a new worker costs more than the longest lint): a newer text supersedes
// it. Its answer is dropped when it comes, and the newest text is sent then,
// with no debounce.

let runningTimer = 0;
function sendLint() {
  if (inflight) { queued = true; return; }
  const id = ++seq;
  inflight = { id, version: docVersion, optionsKey: optionsKey() };
  body.dataset.state = "linting";
  // The ids of the last lint sent and the last answered: signals that only
  // grow, for the browser test to wait on (a state such as "linting" can
  // pass between two looks).
  body.dataset.lintSent = String(id);
  clearTimeout(runningTimer);
  runningTimer = setTimeout(showRunning, MOMENT_MS);
  worker.postMessage({
    type: "lint", id, text: input.state.doc.toString(), options: options(), diff: outputTab === "diff",
  });
}

function showRunning() {
  if (!inflight) return;
  $("lint-status").textContent = "Checking…";
  body.dataset.running = "true";
  $("findings-pane").dataset.running = "true";
}

function markStale() {
  if (!result) return;
  $("findings-pane").dataset.stale = "true";
  $("stale").hidden = false;
}

function onResult(m) {
  body.dataset.lintAnswered = String(m.id);
  const sent = inflight;
  inflight = null;
  clearTimeout(runningTimer);
  delete body.dataset.running;
  delete $("findings-pane").dataset.running;
  lastMs = m.ms;
  if (queued) {
    queued = false;
    sendLint();
  }
  // Stale: the text or the options changed since it was sent. A newer lint
  // is then in flight or scheduled; drop this answer.
  if (!sent || sent.id !== m.id || sent.version !== docVersion || sent.optionsKey !== optionsKey()) {
    body.dataset.dropped = String(+(body.dataset.dropped || 0) + 1);
    return;
  }
  if (m.result.error) {
    showError(`The engine failed on this input: ${m.result.error}`, "lint");
    if (!inflight && !timer && !soon) body.dataset.state = "idle";
    return;
  }
  if ($("error").dataset.kind === "lint") $("error").hidden = true;
  result = { ...m.result, version: sent.version, ms: m.ms };
  const t0 = performance.now();
  render(result, !newText);
  newText = false;
  // The view was asked for by the older text's spans: ask again for the
  // request the cursor is in now.
  if (outputTab === "request" && result.requestCount > 1 && requestAtCursor() !== result.requestIndex) scheduleLint(true);
  performance.measure("azconn:render", { start: t0 });
  body.dataset.lintedVersion = String(sent.version);
  body.dataset.lintSeq = String(m.id);
  body.dataset.lintMs = m.ms.toFixed(2);
  if (!inflight && !timer && !soon) body.dataset.state = "idle";
  const version = sent.version;
  const first = body.dataset.ready !== "true" && !firstPending;
  if (first) { firstPending = true; firstInDOM = performance.now(); }
  afterPaint(() => {
    body.dataset.shownVersion = String(version);
    if (first) onFirstShown(m);
  });
}

// afterPaint runs f after the next frame is drawn: in a task that follows
// the frame's rendering (requestAnimationFrame runs before it).
function afterPaint(f) {
  requestAnimationFrame(() => {
    const c = new MessageChannel();
    c.port1.onmessage = f;
    c.port2.postMessage(0);
  });
}

let firstPending = false;
let firstInDOM = 0;

// onFirstShown sets the readiness mark once the first findings are on
// screen (the frame that shows them is drawn), not merely in the DOM.
function onFirstShown(m) {
  body.dataset.ready = "true";
  const readyAt = performance.now();
  body.dataset.readyMs = readyAt.toFixed(0);
  if (readyTimings && m.firstLintMs != null) {
    const t = { ...boot.timings, ...readyTimings };
    const rel = (x) => Math.round(x - performance.timeOrigin);
    body.dataset.readyBreakdown = JSON.stringify({
      boot: rel(t.bootAt),
      fetch: Math.round(t.fetchedAt - t.fetchAt),
      firstByte: Math.round(t.responseAt - t.fetchAt),
      compile: Math.round((t.compiledAt ?? t.initAt) - (t.fetchedAt ?? t.initAt)),
      workerScript: rel(t.scriptAt),
      instantiate: Math.round(t.instantiatedAt - (t.compiledAt ?? t.initAt)),
      goStart: Math.round(t.goStartedAt - t.instantiatedAt),
      info: Math.round(t.infoAt - t.goStartedAt),
      engineReady: rel(t.infoAt),
      firstLint: Math.round(m.firstLintMs),
      inDOM: Math.round(firstInDOM),
      ready: Math.round(readyAt),
    });
  }
}

// --- rendering -----------------------------------------------------------------

const SEVERITY = { error: "error", warning: "warning", info: "info" };
let rulesById = new Map();

const list = new FindingsList($("findings"), {
  goTo: (f) => goTo(f.from, f.to),
  fix: (i) => fixFinding(i),
  rule: (id) => rulesById.get(id),
});

function render(r, keep) {
  const editable = new Set(r.editable || []);
  const doc = input.state.doc;
  const diagnostics = r.findings.map((f, i) => ({
    from: Math.min(f.from, doc.length), to: Math.min(f.to, doc.length),
    severity: SEVERITY[f.severity] || "info", source: f.rule,
    message: f.message,
    actions: editable.has(i) ? [{ name: "Fix", apply: () => fixFinding(i) }] : undefined,
  }));
  input.dispatch(setDiagnostics(input.state, diagnostics));
  list.set(r.findings, r.editable || [], keep);
  delete $("findings-pane").dataset.stale;
  $("stale").hidden = true;
  renderOutput(r);
  renderCounts(r);
  renderTarget(r);
  renderForm(r);
}

function renderCounts(r) {
  const s = r.summary;
  for (const b of document.querySelectorAll("#counts .filter")) {
    const n = s[{ error: "errors", warning: "warnings", info: "infos" }[b.dataset.severity]] || 0;
    b.querySelector(".n").textContent = n.toLocaleString("en");
    b.lastChild.textContent = ` ${b.dataset.severity}${b.dataset.severity === "info" || n === 1 ? "" : "s"}`;
    b.disabled = n === 0 && b.getAttribute("aria-pressed") === "true";
  }
  const n = r.findings.length;
  $("lint-status").textContent = `${n === 0 ? "No findings" : `${n.toLocaleString("en")} finding${n === 1 ? "" : "s"}`} · checked in ${r.ms < 10 ? r.ms.toFixed(1) : Math.round(r.ms)} ms`;
  $("findings-pane").dataset.empty = String(n === 0);
}

// renderTarget says which target the engine used, and why
// (Result.TargetFrom), next to the selector.
function renderTarget(r) {
  $("target-detected").textContent = `${r.target} — ${targetWhy(r.targetFrom, !!$("target").value)}`;
  $("target-detected").dataset.target = r.target;
  $("target-detected").dataset.from = r.targetFrom || "";
}

function targetWhy(from, chosen) {
  if (chosen || from === "flag") return "chosen here";
  if (!from || from === "default") return "the default (nothing in the payload says)";
  if (from === "mixed") return "best fit of mixed evidence";
  if (from === "url") return "from the URL";
  if (from === "api") return "from the API version";
  return `from ${from.replace(/^property /, "")}`;
}

const FORMS = { json: "JSON body", http: "HTTP request", "http-file": ".http file", markdown: "Markdown" };

// renderForm says what the engine recognised the input as.
// ("HTTP request, PATCH beta, onPremisesConnection from the URL"; "JSON
// body, onPremisesConnection — from connectionType"); for several requests,
// which one the cursor is in.
function renderForm(r) {
  const el = $("form");
  const reqs = r.requests || [];
  el.dataset.form = r.form || "";
  if (!r.form) { el.textContent = ""; return; }
  if (r.form === "json" || !reqs.length) {
    el.textContent = `${FORMS[r.form] || r.form}, ${r.target} — ${targetWhy(r.targetFrom, !!$("target").value)}`;
    return;
  }
  const i = Math.min(requestAtCursor(), reqs.length - 1);
  const req = reqs[i];
  const parts = [FORMS[r.form] || r.form];
  if (reqs.length > 1) parts[0] += ` with ${reqs.length} requests (request ${i + 1}, at line ${req.span.line})`;
  const call = [req.method, req.api].filter(Boolean).join(" ");
  if (call) parts.push(call);
  if (req.target) parts.push(`${req.target} ${targetWhy(req.targetFrom, !!$("target").value)}`);
  el.textContent = parts.join(", ");
}

function goTo(from, to = from) {
  const n = input.state.doc.length;
  const a = Math.min(from, n), h = Math.min(to, n);
  // The whole span is selected, so F8 moves on to the next finding.
  input.dispatch({ selection: { anchor: h, head: a }, effects: EditorView.scrollIntoView(a, { y: "center" }) });
  input.focus();
}

let outputTab = "normalized";
// newText: the whole text was replaced (an example, a file, a link) since
// the last result; the list then starts again at its top.
let newText = true;
let outputShown = { mode: null, original: null };

function blockingFinding(r) {
  return r.blocked ? r.findings.find((f) => f.severity === "error") : null;
}

function renderOutput(r) {
  const block = blockingFinding(r);
  $("output-blocked").hidden = !block;
  if (block) {
    $("output-blocked").textContent = `No normalized payload while the ${block.rule} error at ${block.line}:${block.column} stands: fix it first.`;
  }
  let text = block ? "" : r.normalized;
  let original = null;
  if (outputTab === "diff" && !block) {
    original = r.redacted ?? null;
    text = r.redactedNormalized ?? text;
  } else if (outputTab === "request" && !block) {
    text = requestText(r);
  }
  setOutput(text, original);
  const fixes = r.fixes.length;
  $("output-note").textContent = block ? "" : r.changed ? `${fixes} fix${fixes === 1 ? "" : "es"} applied` : "Nothing to fix";
  $("output-note").dataset.changed = String(r.changed);
  $("apply").disabled = !r.changed || !!block;
  $("copy").disabled = !!block;
  $("download").disabled = !!block;
  $("diff-note").hidden = outputTab !== "diff";
  $("request-bar").hidden = outputTab !== "request";
  $("tab-request").hidden = !r.requestCount;
}

// setOutput updates the read-only pane by a transaction that replaces only
// what changed, so its scroll position and folds survive; a new mode (the
// diff view) builds a new state.
function setOutput(text, original) {
  const mode = original == null ? "text" : "diff";
  if (outputShown.mode !== mode || outputShown.original !== original) {
    output.setState(outputState(text, original));
    outputShown = { mode, original };
    return;
  }
  const old = output.state.doc.toString();
  if (old === text) return;
  let a = 0;
  const max = Math.min(old.length, text.length);
  while (a < max && old.charCodeAt(a) === text.charCodeAt(a)) a++;
  let b = 0;
  while (b < max - a && old.charCodeAt(old.length - 1 - b) === text.charCodeAt(text.length - 1 - b)) b++;
  output.dispatch({ changes: { from: a, to: old.length - b, insert: text.slice(a, text.length - b) } });
}

// requestText is the Request view: the engine renders the normalized body
// as complete calls (validate.RenderCalls through the bridge's
// requestView: {note, calls: [{kind, title, text}], live}), the password
// as a variable reference, never its value.
function requestText(r) {
  const v = r.requestView;
  if (!v) { $("request-note").textContent = "Rendering the request…"; return ""; }
  const kind = $("request-kind").value;
  const pick = (calls) => (calls || []).find((c) => c.kind === kind)?.text ?? "";
  const which = r.requestCount > 1 ? `Request ${r.requestIndex + 1} of ${r.requestCount} (the one the cursor is in). ` : "";
  const id = pick(v.calls).includes("{id}") ? " {id} is yours to fill in." : "";
  $("request-note").textContent = which + (v.note || `The password is a variable reference, never its value.${id}`);
  const live = pick(v.live);
  // In a .http file, ### starts the next request.
  const comment = kind === "http" ? "###\n#" : "#";
  return pick(v.calls) + (live ? `\n\n${comment} The same call on the live API (onPremisesConnection):\n${live}` : "");
}

const TABS = [["tab-normalized", "normalized"], ["tab-diff", "diff"], ["tab-request", "request"]];

function setTab(tab) {
  outputTab = tab;
  for (const [id, name] of TABS) {
    const el = $(id);
    el.setAttribute("aria-selected", String(name === tab));
    el.tabIndex = name === tab ? 0 : -1;
  }
  $("output").setAttribute("aria-labelledby", TABS.find(([, n]) => n === tab)[0]);
  if (tab === "diff" || tab === "request") scheduleLint(true); // the diff needs the masked texts, the request its view
  else if (result) renderOutput(result);
}

// setInput replaces the whole text. userEvent says who asked: the user (an
// example, a file) or the page (AUTOMATIC: only ever into an untouched
// editor).
function setInput(text, userEvent) {
  if (userEvent === AUTOMATIC && touched) return false;
  input.dispatch({
    changes: { from: 0, to: input.state.doc.length, insert: text },
    selection: { anchor: 0 }, scrollIntoView: true, userEvent,
  });
  // The findings list goes back to its top with the next result (newText).
  newText = true;
  return true;
}

// --- actions ---------------------------------------------------------------------

function current() {
  return result && result.version === docVersion ? result : null;
}

$("apply").addEventListener("click", () => {
  const r = current();
  if (!r || !r.changed || r.blocked) return;
  input.dispatch({
    changes: { from: 0, to: input.state.doc.length, insert: r.normalized },
    userEvent: "input.apply",
  });
  input.focus();
  toast(`Applied ${r.fixes.length} fix${r.fixes.length === 1 ? "" : "es"}. Undo with Ctrl-Z.`);
});

// fixFinding applies finding i's own fix: the worker lints the same text and
// answers with that finding's byte edit, mapped to the editor.
async function fixFinding(i) {
  const r = current();
  if (!r || !info) return;
  const version = docVersion;
  try {
    const e = await ask({ type: "edit", text: input.state.doc.toString(), options: options(), index: i });
    if (docVersion !== version) { toast("The text changed meanwhile; the fix was not applied."); return; }
    input.dispatch({
      changes: { from: e.from, to: e.to, insert: e.insert },
      selection: { anchor: e.from + e.insert.length }, userEvent: "input.fix", scrollIntoView: true,
    });
    input.focus();
    toast(`Fixed: ${r.findings[i].rule}. Undo with Ctrl-Z.`);
  } catch (err) {
    toast(`Could not apply the fix: ${err.message}`);
  }
}

// fixAtCursor (Ctrl-.) applies the fix of the first fixable finding at the
// cursor.
function fixAtCursor(view) {
  const r = current();
  if (!r) return false;
  const pos = view.state.selection.main.head;
  const i = (r.editable || []).find((k) => r.findings[k].from <= pos && pos <= r.findings[k].to);
  if (i == null) return false;
  fixFinding(i);
  return true;
}

// The normalized payload of the last result (the output pane may show the
// masked diff instead).
const normalized = () => result && !result.blocked ? result.normalized : "";

// maskedPassword is the engine's secret-value finding on the mask: a payload
// restored from a share link. Copy and Download ask first.
function maskedPassword() {
  const r = current();
  return r ? r.findings.find((f) => f.rule === "secret-value") : null;
}

let pendingExport = null;
function guardedExport(action) {
  const f = maskedPassword();
  if (!f) { action(); return; }
  pendingExport = action;
  $("secret-ask").hidden = false;
  $("secret-go").focus();
  $("secret-go").onclick = () => { $("secret-ask").hidden = true; goTo(f.from, f.to); };
}
$("secret-anyway").addEventListener("click", () => {
  $("secret-ask").hidden = true;
  const a = pendingExport;
  pendingExport = null;
  a?.();
});

function copyOutput() {
  const text = outputTab === "request" ? output.state.doc.toString() : normalized();
  copyText(text).then(() => toast(outputTab === "request" ? "Request copied." : "Normalized payload copied."));
}

function downloadOutput() {
  const text = normalized();
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  a.download = downloadName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

let downloadName = "azure-connection.normalized.json";
$("copy").addEventListener("click", () => guardedExport(copyOutput));
$("download").addEventListener("click", () => guardedExport(downloadOutput));

$("copy-findings").addEventListener("click", async () => {
  const r = current() || result;
  if (!r) return;
  const n = r.findings.length;
  await copyText(`azconn: ${n} finding${n === 1 ? "" : "s"} (target ${r.target})\n` + (n ? list.text() : ""));
  toast(`${n.toLocaleString("en")} finding${n === 1 ? "" : "s"} copied as text.`);
});

for (const b of document.querySelectorAll("#counts .filter")) {
  b.addEventListener("click", () => {
    const on = b.getAttribute("aria-pressed") !== "true";
    b.setAttribute("aria-pressed", String(on));
    list.toggle(b.dataset.severity);
  });
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const ta = document.createElement("textarea");
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.className = "offscreen";
    document.body.append(ta);
    ta.select();
    document.execCommand("copy");
    ta.remove();
  }
  body.dataset.copied = String(+(body.dataset.copied || 0) + 1);
  window.azconnPlayground.lastCopied = text;
}

for (const [id, name] of TABS) {
  $(id).addEventListener("click", () => setTab(name));
  $(id).addEventListener("keydown", (e) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    const tabs = TABS.filter(([t]) => !$(t).hidden);
    const at = tabs.findIndex(([t]) => t === id);
    const [next, nextName] = tabs[(at + (e.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
    setTab(nextName);
    $(next).focus();
  });
}
$("request-kind").addEventListener("change", () => { if (result) renderOutput(result); });

document.querySelector(".skip").addEventListener("click", (e) => {
  e.preventDefault();
  input.focus();
});

$("target").addEventListener("change", () => scheduleLint(true));
$("drop-read-only").addEventListener("change", () => scheduleLint(true));

$("example").addEventListener("change", (e) => {
  const ex = EXAMPLES.find((x) => x.id === e.target.value);
  if (!ex) return;
  const had = touched && input.state.doc.length > 0;
  setExampleTarget(ex);
  setInput(ex.text, "select.example");
  scheduleLint(true);
  if (had) toast("Example loaded. Ctrl-Z brings back your text.");
});

// setExampleTarget puts the selector back on Detect: every example is
// detected as the target it is for (TestExamples holds them to it).
function setExampleTarget() {
  $("target").value = "";
}

// Files: the Open button and a drop on the editor both replace the text
// (undoable); larger than the engine's limit is refused before reading.
$("open-file").addEventListener("click", () => $("file").click());
$("file").addEventListener("change", () => {
  const f = $("file").files[0];
  $("file").value = "";
  if (f) openFile(f);
});
$("editor").addEventListener("dragover", (e) => {
  if (![...e.dataTransfer.types].includes("Files")) return;
  e.preventDefault();
  e.stopPropagation();
  $("editor").dataset.drop = "true";
}, true);
$("editor").addEventListener("dragleave", () => { delete $("editor").dataset.drop; });
$("editor").addEventListener("drop", (e) => {
  const f = e.dataTransfer.files[0];
  delete $("editor").dataset.drop;
  if (!f) return;
  e.preventDefault();
  e.stopPropagation();
  openFile(f);
}, true);

async function openFile(f) {
  if (f.size > maxSize) {
    showError(`${f.name} is ${mb(f.size)} MB; the engine checks at most ${mb(maxSize)} MB.`, "file");
    return;
  }
  let text;
  try {
    text = await f.text();
  } catch {
    showError(`${f.name} could not be read.`, "file");
    return;
  }
  if ($("error").dataset.kind === "file") $("error").hidden = true;
  const had = input.state.doc.length > 0;
  setInput(text, "input.file");
  downloadName = f.name.replace(/\.[^.]*$/, "") + ".normalized" + (/\.json$/i.test(f.name) ? ".json" : f.name.match(/\.[^.]*$/)?.[0] || ".json");
  input.focus();
  toast(`Opened ${f.name}.${had ? " Ctrl-Z brings back the previous text." : ""}`);
}

$("share").addEventListener("click", async () => {
  const panel = $("share-panel");
  if (!info) { toast("The engine is still loading; the link needs it to mask the password."); return; }
  try {
    const masked = await ask({ type: "redact", text: input.state.doc.toString(), options: options() });
    const o = options();
    const frag = await encodeShare({ payload: masked, target: o.target || "", dropReadOnly: o.dropReadOnly });
    const url = new URL(location.href);
    url.hash = frag;
    $("share-url").value = url.href;
    $("share-size").textContent = `${url.href.length.toLocaleString("en")} characters` +
      (url.href.length > 8000 ? " — some apps cut links this long" : "");
    panel.hidden = false;
    $("share-url").focus();
    $("share-url").select();
    body.dataset.shared = "true";
  } catch (err) {
    showError(`Could not make a share link: ${err.message}`);
  }
});

$("share-copy").addEventListener("click", async () => {
  await copyText($("share-url").value);
  toast("Share link copied.");
});
function closeShare() {
  $("share-panel").hidden = true;
  $("share").focus();
}
$("share-close").addEventListener("click", closeShare);
$("share-panel").addEventListener("keydown", (e) => { if (e.key === "Escape") closeShare(); });
$("banner-close").addEventListener("click", () => { $("banner").hidden = true; input.focus(); });

let toastTimer = 0;
function toast(text) {
  const el = $("toast");
  el.textContent = text;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, 3500);
}

function showBanner(text, kind) {
  $("banner-text").textContent = text;
  $("banner").dataset.kind = kind;
  $("banner").hidden = false;
}

function showError(text, kind = "") {
  const el = $("error");
  el.textContent = text;
  el.dataset.kind = kind;
  el.hidden = false;
}

function fatal(text) {
  showError(text);
  body.dataset.ready = "error";
  $("engine").textContent = "unavailable";
  $("lint-status").textContent = "The engine is unavailable";
}

// --- start-up ------------------------------------------------------------------

// engineVersion reads Go's pseudo-version of a local build
// (v0.0.0-20261201095123-ebe3348abcde+dirty) as people do.
function engineVersion(v) {
  if (v === "(devel)" || v === "(unknown)") return "development build";
  const m = /^v0\.0\.0-(\d{4})(\d{2})(\d{2})\d{6}-([0-9a-f]{7})[0-9a-f]*(\+dirty)?$/.exec(v);
  if (!m) return v.replace(/^\(devel\) ([0-9a-f]{7})[0-9a-f]*/, "development build $1");
  return `development build ${m[4]}${m[5] ? " (modified)" : ""}, ${m[1]}-${m[2]}-${m[3]}`;
}

function fillExamples() {
  const ex = $("example");
  for (const e of EXAMPLES) ex.append(new Option(e.label, e.id));
  ex.value = ""; // "Choose an example…" until one is loaded
}

// fillTargets keeps the page's options in step with the engine's targets,
// keeping the user's choice.
function fillTargets() {
  const t = $("target");
  const have = [...t.options].map((o) => o.value).filter(Boolean);
  if (have.join() === info.targets.join()) return;
  const keep = t.value;
  t.replaceChildren(new Option("Detect", ""), ...info.targets.map((n) => new Option(n, n)));
  t.value = info.targets.includes(keep) ? keep : "";
}

async function loadFragment() {
  const h = location.hash;
  if (!/^#v\d+=/.test(h)) return false; // not a share link (e.g. an in-page anchor)
  try {
    const s = await decodeShare(h.slice(1), maxSize);
    body.dataset.shareDecoded = String(s.decoded);
    if (touched) return false;
    if ([...$("target").options].some((o) => o.value === s.target)) $("target").value = s.target;
    $("drop-read-only").checked = !!s.dropReadOnly;
    setInput(s.payload, AUTOMATIC);
    showBanner("Loaded from a share link. Any password (adDomainPassword) was replaced by ******** when the link was made: set the real one before you send this.", "share");
    body.dataset.fromShare = "true";
    return true;
  } catch (err) {
    body.dataset.shareDecoded = String(err.decoded || 0);
    body.dataset.shareRefused = err.tooLarge ? "too-large" : "damaged";
    const what = err.tooLarge ? "This share link was not opened" : "This share link could not be read";
    showError(`${what}: ${err.message || "it is damaged"}.`, "share");
    return false;
  }
}

function onEngineReady(m) {
  info = m.info;
  readyTimings = m.timings;
  maxSize = info.maxSize || maxSize;
  fillTargets();
  rulesById = new Map(info.rules.map((r) => [r.id, r]));
  $("engine").textContent = engineVersion(info.version);
  $("engine").title = `azconn engine ${info.version}, built with ${info.goVersion}`;
  body.dataset.engineVersion = info.version;
  $("load-progress").hidden = true;
  $("lint-status").textContent = "Checking…";
  if (restarts) body.dataset.state = "idle";
  scheduleLint(true);
}

async function start() {
  fillExamples();
  body.dataset.ready = "false";
  showCursor(input.state);
  initialText();
  if (!boot) await new Promise((resolve) => window.addEventListener("azconnboot", resolve, { once: true }));
  boot = window.azconnBoot;
  window.azconnPlayground.boot = boot;
  adopt(boot.worker, []);
}

// initialText fills an untouched editor: a share link's payload, else the
// first example. None of it needs the engine.
async function initialText() {
  if (touched) return;
  if (await loadFragment()) return;
  const ex = EXAMPLES[0];
  if (!touched) {
    setExampleTarget(ex);
    if (setInput(ex.text, AUTOMATIC)) $("example").value = ex.id;
  }
}

window.addEventListener("hashchange", async () => {
  const was = touched;
  touched = false; // following a share link is asking for its text
  if (await loadFragment()) scheduleLint(true);
  else touched = was;
});

// A small handle for automation and the browser test; nothing here is needed
// by the page itself.
window.azconnPlayground = {
  inputText: () => input.state.doc.toString(),
  outputText: () => output.state.doc.toString(),
  setCursor: (pos) => input.dispatch({ selection: { anchor: pos } }),
  maxSize: () => maxSize,
  crashEngine: () => worker.postMessage({ type: "crash" }),
  inputView: input,
  outputView: output,
  boot,
  cspViolations,
  lastCopied: "",
};

start();
