// findings.js draws the findings list: one tab stop (a roving tabindex),
// arrow keys between findings, Right/Left to show or hide a finding's rule
// help and its own fix, severity filters, and the first PAGE findings with
// more on demand, so that 55,000 findings never block the page.

export const PAGE = 1000;

// FindingsList renders into an <ol>. Callbacks: goTo(finding), fix(index).
export class FindingsList {
  constructor(list, { goTo, fix, rule }) {
    this.list = list;
    this.goTo = goTo;
    this.fix = fix;
    this.rule = rule;          // id -> {summary, help}
    this.findings = [];        // every finding of the result, with .index
    this.shown = [];           // the filtered ones
    this.limit = PAGE;
    this.hidden = new Set();   // severities filtered out
    this.active = 0;           // index into shown of the tab stop
    this.editable = new Set();
    list.addEventListener("keydown", (e) => this.onKey(e));
    list.addEventListener("click", (e) => this.onClick(e));
    // Whether the list is scrolled, read when it scrolls (layout is clean
    // then): set() resets the offset only when there is one, since writing
    // scrollTop forces a layout in the middle of rendering a result.
    this.scrolled = false;
    list.addEventListener("scroll", () => { this.scrolled = list.scrollTop > 0; }, { passive: true });
  }

  // set takes a new result's findings; keep says whether to keep the
  // scroll offset and the active finding (the same text, re-linted).
  set(findings, editable, keep) {
    this.findings = findings.map((f, index) => ({ ...f, index }));
    this.editable = new Set(editable);
    if (!keep) {
      this.limit = PAGE;
      this.active = 0;
      if (this.scrolled) { this.list.scrollTop = 0; this.scrolled = false; }
    }
    this.render();
  }

  toggle(severity) {
    if (this.hidden.has(severity)) this.hidden.delete(severity);
    else this.hidden.add(severity);
    this.active = 0;
    this.render();
  }

  more() {
    this.limit += PAGE;
    this.render(true);
  }

  render(focusMore = false) {
    this.shown = this.findings.filter((f) => !this.hidden.has(f.severity));
    const frag = document.createDocumentFragment();
    const upto = Math.min(this.shown.length, this.limit);
    this.active = Math.min(this.active, Math.max(0, upto - 1));
    for (let i = 0; i < upto; i++) frag.append(this.item(this.shown[i], i));
    const rest = this.shown.length - upto;
    if (rest > 0) {
      const li = document.createElement("li");
      li.className = "more";
      const b = document.createElement("button");
      b.type = "button";
      b.className = "show-more";
      b.textContent = `Show ${Math.min(rest, PAGE).toLocaleString("en")} more`;
      const note = span("hint", ` of ${rest.toLocaleString("en")} not listed (all are marked in the editor; F8 moves to the next)`);
      li.append(b, note);
      frag.append(li);
    }
    const first = focusMore ? this.list.querySelectorAll(".finding").length : -1;
    this.list.replaceChildren(frag);
    this.list.dataset.listed = String(upto);
    this.list.dataset.total = String(this.shown.length);
    if (first >= 0) this.focus(first);
  }

  item(f, i) {
    const li = document.createElement("li");
    li.className = `item sev-${f.severity}`;
    const b = document.createElement("button");
    b.type = "button";
    b.className = `finding sev-${f.severity}`;
    b.tabIndex = i === this.active ? 0 : -1;
    b.id = `finding-${f.index}`;
    b.dataset.pos = String(i);
    Object.assign(b.dataset, { rule: f.rule, line: f.line, col: f.column, from: f.from, severity: f.severity, index: f.index });
    const fixable = this.editable.has(f.index);
    b.setAttribute("aria-expanded", "false");
    b.setAttribute("aria-controls", `details-${f.index}`);
    const loc = span("loc", "");
    loc.append(span("visually-hidden", `line ${f.line}, column ${f.column}: `), ariaHidden(`${f.line}:${f.column}`));
    const head = span("head", "");
    head.append(span("sev", f.severity), loc, span("rule", f.rule));
    if (fixable) head.append(span("fixable", "fixable"));
    b.append(head, span("msg", f.message), ariaHidden("", "chev"));
    li.append(b);
    return li;
  }

  details(f) {
    const d = document.createElement("div");
    d.className = "details";
    d.id = `details-${f.index}`;
    const meta = this.rule(f.rule);
    if (meta) {
      d.append(para("summary", meta.summary));
      if (meta.help) d.append(para("help", meta.help));
    }
    if (this.editable.has(f.index)) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "fix-one";
      b.dataset.index = String(f.index);
      b.textContent = "Apply this fix";
      d.append(b);
    } else if (f.fixable) {
      d.append(para("help", "Its fix waits for the errors that block changes."));
    }
    return d;
  }

  buttons() { return [...this.list.querySelectorAll(".finding")]; }

  focus(pos) {
    const all = this.buttons();
    if (!all.length) return;
    pos = Math.max(0, Math.min(pos, all.length - 1));
    for (const b of all) b.tabIndex = -1;
    all[pos].tabIndex = 0;
    this.active = pos;
    all[pos].focus();
    all[pos].scrollIntoView({ block: "nearest" });
  }

  expand(b, open) {
    const li = b.parentElement;
    const f = this.findings[+b.dataset.index];
    const shown = b.getAttribute("aria-expanded") === "true";
    if (open === shown) return;
    b.setAttribute("aria-expanded", String(open));
    if (open) li.append(this.details(f));
    else li.querySelector(".details")?.remove();
  }

  onKey(e) {
    const b = e.target.closest(".finding");
    if (!b) return;
    const pos = +b.dataset.pos;
    const page = Math.max(1, Math.floor(this.list.clientHeight / Math.max(1, b.offsetHeight)));
    const moves = { ArrowDown: pos + 1, ArrowUp: pos - 1, Home: 0, End: Infinity, PageDown: pos + page, PageUp: pos - page };
    if (e.key in moves) {
      e.preventDefault();
      this.focus(moves[e.key]);
    } else if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
      e.preventDefault();
      this.expand(b, e.key === "ArrowRight");
    }
  }

  onClick(e) {
    const fix = e.target.closest(".fix-one");
    if (fix) { this.fix(+fix.dataset.index); return; }
    if (e.target.closest(".show-more")) { this.more(); return; }
    const b = e.target.closest(".finding");
    if (!b) return;
    this.active = +b.dataset.pos;
    for (const x of this.buttons()) x.tabIndex = x === b ? 0 : -1;
    if (e.target.closest(".chev")) {
      this.expand(b, b.getAttribute("aria-expanded") !== "true");
      return;
    }
    this.goTo(this.findings[+b.dataset.index]);
  }

  // text is every finding as plain text, one a line, for the clipboard.
  text() {
    return this.findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule}: ${f.message}`).join("\n") + "\n";
  }
}

function span(cls, text) {
  const s = document.createElement("span");
  s.className = cls;
  s.textContent = text;
  return s;
}

function para(cls, text) {
  const p = document.createElement("p");
  p.className = cls;
  p.textContent = text;
  return p;
}

function ariaHidden(text, cls = "") {
  const s = span(cls, text);
  s.setAttribute("aria-hidden", "true");
  return s;
}
