// main.js is the playground page: two CodeMirror editors (the payload and
// the normalized payload), the findings list, options, examples and share
// links. The engine (package validate, compiled to WebAssembly) runs in a
// Web Worker; this file never blocks on it.
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

/* global __WORKER_SOURCE__, __EXAMPLES__ */
const EXAMPLES = __EXAMPLES__;
const WORKER_SOURCE = __WORKER_SOURCE__;
const MAX_LISTED = 1000; // findings rendered in the list; the editor shows all

const $ = (id) => document.getElementById(id);
const body = document.body;

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
  "&.cm-focused .cm-cursor": { borderLeftColor: "var(--accent)", borderLeftWidth: "2px" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection":
    { backgroundColor: "var(--selection) !important" },
  ".cm-gutters": { backgroundColor: "var(--gutter-bg)", color: "var(--muted)", borderRight: "1px solid var(--border)" },
  ".cm-activeLine": { backgroundColor: "var(--active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--active-line)", color: "var(--fg)" },
  ".cm-matchingBracket, &.cm-focused .cm-matchingBracket": { backgroundColor: "var(--match)", outline: "none" },
  ".cm-selectionMatch": { backgroundColor: "var(--match)" },
  ".cm-tooltip": { backgroundColor: "var(--panel)", color: "var(--fg)", border: "1px solid var(--border)",
    borderRadius: "6px", boxShadow: "0 6px 20px rgb(0 0 0 / 0.18)", fontFamily: "var(--sans)", maxWidth: "42em" },
  ".cm-tooltip-lint": { padding: "2px 0" },
  ".cm-diagnostic": { padding: "4px 10px", lineHeight: "1.4" },
  ".cm-diagnostic-error": { borderLeft: "4px solid var(--error)" },
  ".cm-diagnostic-warning": { borderLeft: "4px solid var(--warning)" },
  ".cm-diagnostic-info": { borderLeft: "4px solid var(--info)" },
  ".cm-diagnosticSource": { fontFamily: "var(--mono)", opacity: "0.75" },
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

let docVersion = 0;
const inputRoot = mount($("editor"));
const input = new EditorView({
  root: inputRoot,
  parent: inputRoot,
  state: EditorState.create({
    doc: "",
    extensions: [
      base(), history(), indentOnInput(), lintGutter(),
      keymap.of(historyKeymap),
      EditorView.contentAttributes.of({ "aria-label": "Payload: the JSON body of the PATCH request", "aria-describedby": "input-help" }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) {
          if (!u.transactions.some((tr) => tr.isUserEvent("select.example"))) $("example").value = "";
          docVersion++;
          body.dataset.docVersion = String(docVersion);
          scheduleLint();
        }
        if (u.docChanged || u.selectionSet) showCursor(u.state);
      }),
    ],
  }),
});

const diffMode = new Compartment();
const outputRoot = mount($("output"));
const output = new EditorView({
  root: outputRoot,
  parent: outputRoot,
  state: outputState("", null),
});

function outputState(doc, original) {
  return EditorState.create({
    doc,
    extensions: [
      base(), EditorState.readOnly.of(true),
      EditorView.contentAttributes.of({ "aria-label": "Normalized payload (read-only)", "aria-readonly": "true" }),
      diffMode.of(original == null ? [] : unifiedMergeView({
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
let inflight = null;   // {id, version, optionsKey}
let queued = false;    // input changed while a lint was in flight
let timer = 0;
let lastMs = 0;
let result = null;     // the last applied result, with .version
const redactWaiters = new Map();

function options() {
  return { target: $("target").value || undefined, dropReadOnly: $("drop-read-only").checked, path: "payload.json" };
}
const optionsKey = () => JSON.stringify(options());

function startWorker() {
  const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: "text/javascript" }));
  worker = new Worker(url, { name: "azconn-engine" });
  worker.onmessage = onWorkerMessage;
  worker.onerror = (e) => fatal(`The engine's worker failed: ${e.message || "unknown error"}`);
  worker.postMessage({ type: "init", base: new URL(".", document.baseURI).href });
}

function onWorkerMessage(e) {
  const m = e.data;
  switch (m.type) {
    case "ready":
      info = m.info;
      onEngineReady();
      break;
    case "fatal":
      fatal(`The engine could not start: ${m.error}`);
      break;
    case "result":
      onResult(m);
      break;
    case "redacted": {
      const w = redactWaiters.get(m.id);
      redactWaiters.delete(m.id);
      if (w) m.error ? w.reject(new Error(m.error)) : w.resolve(m.text);
      break;
    }
  }
}

// The debounce grows with the last lint's time, so a 1 MB payload does not
// queue work on every keystroke.
function scheduleLint(now = false) {
  clearTimeout(timer);
  if (!info) return;
  body.dataset.state = "pending";
  const delay = now ? 0 : Math.min(1000, 120 + 2 * lastMs + input.state.doc.length / 20000);
  timer = setTimeout(() => { timer = 0; sendLint(); }, delay);
}

function sendLint() {
  if (inflight) { queued = true; return; }
  const id = ++seq;
  inflight = { id, version: docVersion, optionsKey: optionsKey() };
  body.dataset.state = "linting";
  $("lint-status").textContent = "Checking…";
  worker.postMessage({
    type: "lint", id, text: input.state.doc.toString(), options: options(), diff: outputTab === "diff",
  });
}

function onResult(m) {
  const sent = inflight;
  inflight = null;
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
    if (!inflight && !timer) body.dataset.state = "idle";
    return;
  }
  if ($("error").dataset.kind === "lint") $("error").hidden = true;
  result = { ...m.result, version: sent.version, ms: m.ms };
  const t0 = performance.now();
  render(result);
  performance.measure("azconn:render", { start: t0 });
  body.dataset.lintedVersion = String(sent.version);
  body.dataset.lintSeq = String(m.id);
  body.dataset.lintMs = m.ms.toFixed(2);
  if (!inflight && !timer) body.dataset.state = "idle";
  if (body.dataset.ready !== "true") {
    body.dataset.ready = "true";
    body.dataset.readyMs = performance.now().toFixed(0);
  }
}

function redact(text) {
  const id = ++seq;
  return new Promise((resolve, reject) => {
    redactWaiters.set(id, { resolve, reject });
    worker.postMessage({ type: "redact", id, text, options: options() });
  });
}

// --- rendering -----------------------------------------------------------------

const SEVERITY = { error: "error", warning: "warning", info: "info" };
let rulesById = new Map();

function render(r) {
  const doc = input.state.doc;
  const diagnostics = r.findings.map((f) => ({
    from: Math.min(f.from, doc.length), to: Math.min(f.to, doc.length),
    severity: SEVERITY[f.severity] || "info", source: f.rule,
    message: f.fixable ? `${f.message} (fixable)` : f.message,
  }));
  input.dispatch(setDiagnostics(input.state, diagnostics));
  renderFindings(r);
  renderOutput(r);
  const s = r.summary;
  const n = r.findings.length;
  $("counts").textContent = n === 0 ? "no findings" :
    `${s.errors} error${s.errors === 1 ? "" : "s"}, ${s.warnings} warning${s.warnings === 1 ? "" : "s"}, ${s.infos} info`;
  $("lint-status").textContent = `${n === 0 ? "No findings" : `${n} finding${n === 1 ? "" : "s"}`} · checked in ${r.ms < 10 ? r.ms.toFixed(1) : Math.round(r.ms)} ms`;
  $("findings-pane").dataset.empty = String(n === 0);
}

function renderFindings(r) {
  const list = $("findings");
  const frag = document.createDocumentFragment();
  for (const f of r.findings.slice(0, MAX_LISTED)) {
    const li = document.createElement("li");
    const b = document.createElement("button");
    b.type = "button";
    b.className = `finding sev-${f.severity}`;
    Object.assign(b.dataset, { rule: f.rule, line: f.line, col: f.column, from: f.from, severity: f.severity });
    const sev = span("sev", f.severity);
    const loc = span("loc", "");
    loc.append(span("visually-hidden", `line ${f.line}, column ${f.column}: `), hidden(`${f.line}:${f.column}`));
    const msg = span("msg", f.message);
    const rule = span("rule", f.rule);
    const meta = rulesById.get(f.rule);
    if (meta) rule.title = `${meta.summary}${meta.help ? `\n${meta.help}` : ""}`;
    b.append(sev, loc, msg, rule);
    if (f.fixable) b.append(span("fixable", "fixable"));
    b.addEventListener("click", () => goTo(f.from));
    li.append(b);
    frag.append(li);
  }
  if (r.findings.length > MAX_LISTED) {
    const li = document.createElement("li");
    li.className = "more";
    li.textContent = `… and ${r.findings.length - MAX_LISTED} more (all are marked in the editor; F8 moves to the next)`;
    frag.append(li);
  }
  list.replaceChildren(frag);
}

function hidden(text) {
  const s = document.createElement("span");
  s.setAttribute("aria-hidden", "true");
  s.textContent = text;
  return s;
}

function span(cls, text) {
  const s = document.createElement("span");
  s.className = cls;
  s.textContent = text;
  return s;
}

function goTo(pos) {
  const p = Math.min(pos, input.state.doc.length);
  input.dispatch({ selection: { anchor: p }, effects: EditorView.scrollIntoView(p, { y: "center" }) });
  input.focus();
}

let outputTab = "normalized";
let shownOutput = null; // {text, original} currently in the output view

function renderOutput(r) {
  const text = r.normalized;
  const original = outputTab === "diff" ? (r.redacted ?? null) : null;
  const shown = outputTab === "diff" ? (r.redactedNormalized ?? text) : text;
  if (!shownOutput || shownOutput.text !== shown || shownOutput.original !== original) {
    output.setState(outputState(shown, original));
    shownOutput = { text: shown, original };
  }
  const blocked = !r.changed && r.findings.some((f) => f.fixable);
  const fixes = r.fixes.length;
  $("output-note").textContent = r.changed ? `${fixes} fix${fixes === 1 ? "" : "es"} applied` :
    blocked ? "No fixes applied: the payload has an error that blocks them" : "Nothing to fix";
  $("output-note").dataset.changed = String(r.changed);
  $("apply").disabled = !r.changed;
  $("diff-note").hidden = outputTab !== "diff";
}

function setTab(tab) {
  outputTab = tab;
  for (const [id, name] of [["tab-normalized", "normalized"], ["tab-diff", "diff"]]) {
    const el = $(id);
    el.setAttribute("aria-selected", String(name === tab));
    el.tabIndex = name === tab ? 0 : -1;
  }
  $("output").setAttribute("aria-labelledby", tab === "diff" ? "tab-diff" : "tab-normalized");
  shownOutput = null;
  if (tab === "diff") scheduleLint(true); // the diff needs the masked texts
  else if (result) renderOutput(result);
}

function setInput(text, userEvent = "input.replace") {
  input.dispatch({
    changes: { from: 0, to: input.state.doc.length, insert: text },
    selection: { anchor: 0 }, scrollIntoView: true, userEvent,
  });
}

// --- actions ---------------------------------------------------------------------

function current() {
  return result && result.version === docVersion ? result : null;
}

$("apply").addEventListener("click", () => {
  const r = current();
  if (!r || !r.changed) return;
  input.dispatch({
    changes: { from: 0, to: input.state.doc.length, insert: r.normalized },
    userEvent: "input.apply",
  });
  toast(`Applied ${r.fixes.length} fix${r.fixes.length === 1 ? "" : "es"}. Undo with Ctrl-Z.`);
});

// The normalized payload of the last result (the output pane may show the
// masked diff instead).
const normalized = () => result ? result.normalized : "";

$("copy").addEventListener("click", async () => {
  await copyText(normalized());
  toast("Normalized payload copied.");
});

$("download").addEventListener("click", () => {
  const text = normalized();
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  a.download = "azure-connection.normalized.json";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
});

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
}

for (const id of ["tab-normalized", "tab-diff"]) {
  $(id).addEventListener("click", () => setTab(id === "tab-diff" ? "diff" : "normalized"));
  $(id).addEventListener("keydown", (e) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    const next = id === "tab-diff" ? "tab-normalized" : "tab-diff";
    setTab(next === "tab-diff" ? "diff" : "normalized");
    $(next).focus();
  });
}

document.querySelector(".skip").addEventListener("click", (e) => {
  e.preventDefault();
  input.focus();
});

$("target").addEventListener("change", () => scheduleLint(true));
$("drop-read-only").addEventListener("change", () => scheduleLint(true));

$("example").addEventListener("change", (e) => {
  const ex = EXAMPLES.find((x) => x.id === e.target.value);
  if (!ex) return;
  if (ex.target && [...$("target").options].some((o) => o.value === ex.target)) $("target").value = ex.target;
  setInput(ex.text, "select.example");
  scheduleLint(true);
});

$("share").addEventListener("click", async () => {
  const panel = $("share-panel");
  try {
    const masked = await redact(input.state.doc.toString());
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

let toastTimer = 0;
function toast(text) {
  const el = $("toast");
  el.textContent = text;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, 3500);
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
}

// --- start-up ------------------------------------------------------------------

function fillSelects() {
  const ex = $("example");
  for (const e of EXAMPLES) ex.append(new Option(e.label, e.id));
  const t = $("target");
  t.replaceChildren(...info.targets.map((name, i) => new Option(i === 0 ? `${name} (default)` : name, name)));
  rulesById = new Map(info.rules.map((r) => [r.id, r]));
}

async function loadFragment() {
  const h = location.hash;
  if (!/^#v\d+=/.test(h)) return false; // not a share link (e.g. an in-page anchor)
  try {
    const s = await decodeShare(h.slice(1));
    if (s.target && [...$("target").options].some((o) => o.value === s.target)) $("target").value = s.target;
    $("drop-read-only").checked = !!s.dropReadOnly;
    setInput(s.payload);
    const b = $("banner");
    b.textContent = "Loaded from a share link. Any password (adDomainPassword) was replaced by ******** when the link was made.";
    b.hidden = false;
    body.dataset.fromShare = "true";
    return true;
  } catch (err) {
    showError(`This share link could not be read (${err.message}). Showing an example instead.`);
    return false;
  }
}

async function onEngineReady() {
  fillSelects();
  $("engine").textContent = info.version;
  $("engine").title = `azconn engine ${info.version}, built with ${info.goVersion}`;
  body.dataset.engineVersion = info.version;
  if (!(await loadFragment())) {
    $("example").value = EXAMPLES[0].id;
    if (EXAMPLES[0].target) $("target").value = EXAMPLES[0].target;
    setInput(EXAMPLES[0].text, "select.example");
  }
  scheduleLint(true);
}

window.addEventListener("hashchange", async () => {
  if (info && await loadFragment()) scheduleLint(true);
});

// A small handle for automation and the browser test; nothing here is needed
// by the page itself.
window.azconnPlayground = {
  inputText: () => input.state.doc.toString(),
  outputText: () => output.state.doc.toString(),
  cspViolations,
};

body.dataset.ready = "false";
showCursor(input.state);
startWorker();
