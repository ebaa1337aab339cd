"use strict";
// The corpusmend report's document browser. Data comes from two non-executable script elements:
// cm-index (one compressed record: the document list) and cm-docs (one compressed record per
// line, inflated when its document is shown). Text only ever reaches the page as text nodes.
(() => {
  const $ = (id) => document.getElementById(id);
  const SEVERITY = { e: "error", w: "warning", i: "info" };
  const RANK = { error: 0, warning: 1, info: 2 };
  const PAGE = 200;
  const CONTEXT = 40;

  const state = { index: [], folder: "", shown: [], limit: PAGE, current: -1, records: new Map(), docs: null };
  const short = (label) => (label.startsWith(state.folder) ? label.slice(state.folder.length) : label);
  const visible = (text) => text.replace(/\n/g, "↵\n"); // a line break in a diff shows as ↵

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  async function inflate(b64) {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return JSON.parse(await new Response(stream).text());
  }

  async function record(k) {
    if (!state.records.has(k)) {
      if (state.docs === null) state.docs = $("cm-docs").textContent.trim().split("\n");
      state.records.set(k, inflate(state.docs[k]));
    }
    return state.records.get(k);
  }

  // ---- filters and the document list ----
  function filters() {
    const sevs = new Set([...document.querySelectorAll(".sev input:checked")].map((i) => i.value));
    return {
      query: $("search").value.trim().toLowerCase(),
      rule: $("rule").value,
      sevs,
      clean: $("clean").checked,
    };
  }

  function wanted(f, severityOf, code) {
    return (!f.rule || code === f.rule) && f.sevs.has(severityOf);
  }

  function matches(entry, f) {
    const [label, id, , kinds, problem] = entry;
    if (f.query && !label.toLowerCase().includes(f.query) && !id.toLowerCase().includes(f.query))
      return false;
    if (problem) return !f.rule;
    if (!kinds.length) return f.clean && !f.rule;
    return kinds.some((k) => {
      const [code, s] = k.split(":");
      return wanted(f, s, code);
    });
  }

  function refilter() {
    const f = filters();
    state.shown = [];
    state.index.forEach((entry, k) => { if (matches(entry, f)) state.shown.push(k); });
    state.limit = PAGE;
    renderList();
    if (state.current >= 0) show(state.current, false);
  }

  function badges(counts) {
    return ["error", "warning", "info"].map((s, i) =>
      counts[i] ? el("span", { class: `badge ${s}`, title: `${counts[i]} ${s}s`, text: String(counts[i]) }) : null);
  }

  function renderList() {
    const list = $("list");
    list.replaceChildren();
    for (const k of state.shown.slice(0, state.limit)) {
      const [label, , counts, , problem] = state.index[k];
      const button = el("button", { type: "button", "data-doc": k, "aria-current": k === state.current ? "true" : null },
        el("span", { class: "name", text: short(label), title: label }), ...badges(counts),
        problem ? el("span", { class: "badge error", text: "unread" }) : null);
      list.append(el("li", {}, button));
    }
    const total = state.index.length;
    $("shown").textContent = `${state.shown.length.toLocaleString("en")} of ${total.toLocaleString("en")} documents`;
    $("more").hidden = state.shown.length <= state.limit;
  }

  function step(delta) {
    if (!state.shown.length) return;
    const at = state.shown.indexOf(state.current);
    const next = at < 0 ? 0 : Math.min(state.shown.length - 1, Math.max(0, at + delta));
    if (next >= state.limit) { state.limit = next + PAGE; renderList(); }
    show(state.shown[next], true);
  }

  // ---- highlighting ----
  // spans: {start, end, cls, f (finding index or null), msg}; returns nodes for text[from, to).
  // One sweep over the cut points, so a long document with many findings stays quick.
  function paint(text, from, to, spans) {
    const inside = spans.filter((s) => (s.end > from && s.start < to) || (s.start === s.end && s.start >= from && s.start <= to));
    const cuts = new Set([from, to]);
    const empties = new Map();
    for (const s of inside) {
      cuts.add(Math.max(from, s.start));
      cuts.add(Math.min(to, s.end));
      if (s.start === s.end) empties.set(s.start, (empties.get(s.start) || []).concat([s]));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const ranged = inside.filter((s) => s.start < s.end).sort((x, y) => x.start - y.start);
    const nodes = [];
    const started = new Set();
    let active = [];
    let next = 0;
    for (let p = 0; p < points.length; p++) {
      const a = points[p];
      for (const s of empties.get(a) || []) nodes.push(markFor([s], "", started));
      if (p + 1 === points.length) break;
      const b = points[p + 1];
      while (next < ranged.length && ranged[next].start <= a) active.push(ranged[next++]);
      active = active.filter((s) => s.end > a);
      const piece = text.slice(a, b);
      if (!active.length) nodes.push(document.createTextNode(piece));
      else if (active.every((s) => s.f === null)) nodes.push(el("span", { class: active[0].cls, text: piece }));
      else nodes.push(markFor(active, piece, started));
    }
    return nodes;
  }

  function markFor(on, piece, started) {
    const found = on.filter((s) => s.f !== null);
    found.sort((x, y) => RANK[x.sev] - RANK[y.sev]);
    const top = found[0];
    const classes = [top.cls];
    if (!piece) classes.push("at");
    if (on.some((s) => s.f === null)) classes.push("only");
    const first = found.some((s) => !started.has(s.f));
    found.forEach((s) => started.add(s.f));
    return el("mark", {
      class: classes.join(" "), "data-f": found.map((s) => s.f).join(" "), "data-msg": found.map((s) => s.msg).join("\n"),
      tabindex: first ? 0 : null, "aria-label": found.map((s) => s.msg).join("; "), text: piece,
    });
  }

  // ---- the document view ----
  function fixDiff(text, fix) {
    const edits = [...fix.edits].sort((x, y) => x[0] - y[0]);
    return edits.map(([start, end, content]) => el("pre", { class: "diff" },
      el("span", { class: "ctx", text: (start > CONTEXT ? "…" : "") + text.slice(Math.max(0, start - CONTEXT), start) }),
      end > start ? el("del", { text: visible(text.slice(start, end)) }) : null,
      content ? el("ins", { text: visible(content) }) : null,
      el("span", { class: "ctx", text: text.slice(end, end + CONTEXT) + (end + CONTEXT < text.length ? "…" : "") })));
  }

  function provenance(p) {
    if (!p) return null;
    const parts = [`from ${p.path || p.sibling}`];
    if (p.similarity !== undefined) parts.push(`similarity ${p.similarity}`);
    if (p.versions !== undefined) parts.push(`${p.agree} of ${p.versions} versions agree`);
    if (p.siblings !== undefined) parts.push(`${p.siblings} siblings`);
    return el("p", { class: "prov", text: parts.join(" · ") });
  }

  function findingCard(rec, f, i) {
    const fixKind = f.fix ? (f.fix.edits.length ? f.fix.applicability : "display") : null;
    const card = el("li", { class: `finding ${f.severity}`, tabindex: 0, "data-f": i },
      el("div", { class: "head" },
        el("span", { class: "code", text: f.code }), el("span", { text: f.severity }),
        el("span", { class: "msg", text: f.message }),
        el("span", { class: "where", text: `line ${f.line}, column ${f.column}` }),
        fixKind ? el("span", { class: "fixkind", text: `${fixKind} fix` }) : null));
    if (f.fix) {
      card.append(el("p", { class: "prov", text: `fix: ${f.fix.message}` }));
      if (f.fix.edits.length) card.append(...fixDiff(rec.text, f.fix));
      const prov = provenance(f.fix.provenance);
      if (prov) card.append(prov);
    } else if (f.provenance) {
      card.append(provenance(f.provenance));
    }
    return card;
  }

  function sideBySide(rec, view, keep) {
    const left = [], right = [];
    for (const [i, ds, de, ss, se] of view.marks) {
      if (!keep.has(i)) continue;
      const f = rec.findings[i];
      const cls = f.code === "SIB001" || f.code === "SIB005" ? "moved" : f.severity;
      left.push({ start: ds, end: de, cls, f: i, sev: f.severity, msg: `${f.code}: ${f.message}` });
      if (ss !== null) right.push({ start: ss, end: se, cls, f: i, sev: f.severity, msg: `${f.code} (in the sibling): ${f.message}` });
    }
    const only = (runs) => runs.map(([s, e]) => ({ start: s, end: e, cls: "only", f: null, sev: "info", msg: "" }));
    const leftSpans = left.concat(only(view.only_here)), rightSpans = right.concat(only(view.only_there));
    const grid = el("div", { class: "grid" },
      el("div", { class: "colhead", text: `this document: ${short(rec.label)}`, title: rec.label }),
      el("div", { class: "colhead", text: `sibling: ${short(view.label)}`, title: view.label }));
    view.rows.forEach(([a, b], r) => {
      grid.append(
        a ? el("div", { class: "cell left", "data-row": r }, ...paint(rec.text, a[0], a[1], leftSpans)) : el("div", { class: "cell left none", "data-row": r }),
        b ? el("div", { class: "cell right", "data-row": r }, ...paint(view.text, b[0], b[1], rightSpans)) : el("div", { class: "cell right none", "data-row": r }));
    });
    return el("section", { class: "sbs", "data-sibling": view.label },
      el("h3", { text: `Side by side with ${short(view.label)}`, title: view.label }),
      el("p", { class: "prov", text: `similarity ${view.similarity} (share of this document's words the alignment finds in the sibling); paragraphs aligned, each text in its own order` }),
      grid,
      el("p", { class: "legend" }, el("mark", { class: "moved", text: "moved block" }), " drawn where each text has it · ",
        el("span", { class: "only", text: "dotted" }), " only in one text · hatched: nothing in that place"));
  }

  async function show(k, focus) {
    state.current = k;
    for (const b of document.querySelectorAll("#list button")) b.setAttribute("aria-current", String(Number(b.dataset.doc) === k));
    if (location.hash !== `#doc/${k}`) history.replaceState(null, "", `#doc/${k}`);
    const rec = await record(k);
    if (state.current !== k) return;
    const f = filters();
    const keep = new Set(rec.findings.map((x, i) => [x, i]).filter(([x]) => wanted(f, x.severity[0], x.code)).map(([, i]) => i));
    const pane = $("doc");
    const counts = state.index[k][2];
    pane.replaceChildren(el("h2", { text: rec.label }),
      el("p", { class: "meta", text: `id ${rec.id}${rec.path && rec.path !== rec.label ? ` · ${rec.path}` : ""} · ${rec.findings.length} findings` }, " ", ...badges(counts)));
    if (rec.error) pane.append(el("p", { class: "problem", text: rec.error }));
    const cards = el("ol", { class: "findings" });
    rec.findings.forEach((x, i) => { if (keep.has(i)) cards.append(findingCard(rec, x, i)); });
    if (keep.size < rec.findings.length) pane.append(el("p", { class: "note", text: `${rec.findings.length - keep.size} findings hidden by the filters` }));
    pane.append(cards);
    const spans = rec.findings.map((x, i) => ({ start: x.start, end: x.end, cls: x.severity, f: i, sev: x.severity, msg: `${x.code}: ${x.message}` })).filter((s) => keep.has(s.f));
    pane.append(el("pre", { class: "text", "aria-label": "document text" }, ...paint(rec.text, 0, rec.text.length, spans)));
    for (const view of rec.siblings) pane.append(sideBySide(rec, view, keep));
    pane.dataset.shown = String(k);
    if (focus) pane.focus({ preventScroll: true });
    if (focus) pane.scrollIntoView({ block: "nearest" });
  }

  function markOf(i) {
    return document.querySelector(`#doc pre.text mark[data-f~="${i}"]`);
  }

  function stepFinding(delta) {
    const marks = [...document.querySelectorAll("#doc pre.text mark[tabindex]")];
    if (!marks.length) return;
    const at = marks.indexOf(document.activeElement);
    const next = at < 0 ? (delta > 0 ? 0 : marks.length - 1) : (at + delta + marks.length) % marks.length;
    marks[next].focus();
  }

  // ---- tooltip ----
  function tip(target) {
    const box = $("tip");
    if (!target || !target.dataset.msg) { box.hidden = true; return; }
    box.textContent = target.dataset.msg;
    box.hidden = false;
    const r = target.getBoundingClientRect();
    box.style.left = `${Math.max(4, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - box.offsetWidth - 8))}px`;
    box.style.top = `${r.bottom + window.scrollY + 4}px`;
    for (const m of document.querySelectorAll("mark.active")) m.classList.remove("active");
    for (const i of target.dataset.f.split(" ")) for (const m of document.querySelectorAll(`#doc mark[data-f~="${i}"]`)) m.classList.add("active");
  }

  // ---- wiring ----
  function wire() {
    $("list").addEventListener("click", (e) => {
      const b = e.target.closest("button[data-doc]");
      if (b) show(Number(b.dataset.doc), true);
    });
    $("list").addEventListener("keydown", (e) => {
      if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
      const items = [...document.querySelectorAll("#list button")];
      const at = items.indexOf(document.activeElement);
      const next = items[at + (e.key === "ArrowDown" ? 1 : -1)];
      if (next) { next.focus(); e.preventDefault(); }
    });
    $("more").addEventListener("click", () => { state.limit += PAGE; renderList(); });
    for (const id of ["search", "rule", "clean"]) $(id).addEventListener("input", refilter);
    for (const box of document.querySelectorAll(".sev input")) box.addEventListener("change", refilter);
    $("doc").addEventListener("click", (e) => {
      const card = e.target.closest("li.finding");
      if (card) { const m = markOf(card.dataset.f); if (m) m.focus(); }
    });
    for (const type of ["mouseover", "focusin"]) document.addEventListener(type, (e) => tip(e.target.closest && e.target.closest("mark[data-msg]")));
    document.addEventListener("keydown", (e) => {
      const typing = e.target.matches("input, select, textarea");
      if (e.key === "Escape") { if (typing) e.target.blur(); tip(null); return; }
      if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
      const keys = { "/": () => $("search").focus(), j: () => step(1), k: () => step(-1), n: () => stepFinding(1), p: () => stepFinding(-1), o: () => $("overview").scrollIntoView() };
      if (keys[e.key]) { keys[e.key](); e.preventDefault(); }
    });
    window.addEventListener("hashchange", fromHash);
  }

  function fromHash() {
    const m = /^#doc\/(\d+)$/.exec(location.hash);
    if (m && Number(m[1]) < state.index.length && Number(m[1]) !== state.current) show(Number(m[1]), true);
  }

  async function start() {
    const data = await inflate($("cm-index").textContent.trim());
    state.index = data.documents;
    state.folder = data.folder;
    const codes = new Set();
    for (const entry of state.index) for (const k of entry[3]) codes.add(k.split(":")[0]);
    for (const code of [...codes].sort()) $("rule").append(el("option", { value: code, text: code }));
    wire();
    refilter();
    document.body.dataset.ready = "true";
    fromHash();
  }

  start().catch((err) => {
    $("doc").replaceChildren(el("p", { class: "problem", text: `This page could not load its data: ${err}` }));
    document.body.dataset.ready = "error";
  });
})();
