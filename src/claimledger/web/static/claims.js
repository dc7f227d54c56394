// Claim marks and their details. Everything shown is set as text (textContent), never as HTML.
"use strict";

const Claimledger = (() => {
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function checkState(claim) {
    const results = new Set((claim.checks || []).map((c) => c.result));
    for (const s of ["inconsistent", "consistent", "unknown"]) if (results.has(s)) return s;
    return "unchecked";
  }

  function period(p) {
    if (!p || (!p.start && !p.end)) return "—";
    return p.start === p.end ? p.start : `${p.start || "?"} to ${p.end || "?"}`;
  }

  function number(v) {
    return typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: 6 }) : "—";
  }

  // Only same-site paths and http(s) URLs become links.
  function safeHref(href) {
    return /^(\/(?!\/)|https?:\/\/)/i.test(href) ? href : null;
  }

  function showDetails(claim) {
    const panel = document.getElementById("details");
    const body = document.getElementById("details-body");
    if (!panel || !body) return;
    body.replaceChildren();
    body.append(el("h2", { id: "details-title" }, claim.text));
    body.append(el("p", { class: "sentence" }, claim.sentence));
    const src = claim.source || {};
    const rows = [
      ["value", number(claim.value) + (claim.high != null ? ` to ${number(claim.high)}` : "") + ` (${claim.bound})`],
      ["unit", claim.unit], ["category", claim.category], ["subject", claim.subject || "—"],
      ["location", claim.location || "—"],
      ["source", src.name + (src.canonical && src.canonical !== src.name ? ` (${src.canonical})` : "")],
      ["source type", src.type], ["cue", src.cue || "—"], ["via", src.via || "—"],
      ["time scope", claim.time_scope], ["period", period(claim.period)],
      ["hedged", claim.hedged ? `yes${claim.hedge_cue ? ` (“${claim.hedge_cue}”)` : ""}` : "no"],
      ["verification", claim.verification || "—"],
      ["published", claim.published || "—"], ["outlet", claim.outlet || "—"],
    ];
    const dl = el("dl", { class: "fields" });
    for (const [k, v] of rows) {
      dl.append(el("dt", {}, k), el("dd", { "data-field": k }, v));
    }
    body.append(dl);
    body.append(el("h3", {}, "Checks"));
    const checks = claim.checks || [];
    if (!checks.length) body.append(el("p", {}, "No check applies to this claim."));
    const ul = el("ul", { class: "checks" });
    for (const c of checks) {
      const li = el("li", { class: `check r-${c.result}` });
      li.append(el("strong", {}, `${c.kind.replace(/_/g, " ")}: ${c.result}`), el("span", {}, ` — ${c.detail}`));
      ul.append(li);
    }
    body.append(ul);
    if (claim.figure) {
      const href = safeHref(`/figures/${encodeURIComponent(claim.figure)}`);
      const p = el("p");
      p.append(el("a", { href, id: "details-figure" }, "This figure over time →"));
      body.append(p);
    }
    panel.hidden = false;
  }

  function claimClasses(claim) {
    let cls = `claim c-${checkState(claim)} v-${claim.verification || "none"}`;
    if (claim.hedged) cls += " hedged";
    return cls;
  }

  // Build the marked text from offsets: text nodes for the article, <mark> for each claim's span.
  function renderMarked(container, text, claims) {
    container.replaceChildren();
    let para = el("p");
    const pushText = (s) => {
      const parts = s.split("\n");
      parts.forEach((part, i) => {
        if (i > 0 && para.childNodes.length) { container.append(para); para = el("p"); }
        if (part) para.append(document.createTextNode(part));
      });
    };
    let at = 0;
    const sorted = [...claims].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
    for (const c of sorted) {
      const [start, end] = c.span;
      if (start < at || end > text.length || end <= start) continue;
      pushText(text.slice(at, start));
      const mark = el("mark", { class: claimClasses(c), id: `claim-${c.id}`, "data-claim-id": c.id,
                                tabindex: "0", role: "button",
                                title: `${c.source.name} · ${c.time_scope}${c.verification ? " · " + c.verification : ""}` },
                      text.slice(start, end));
      para.append(mark);
      at = end;
    }
    pushText(text.slice(at));
    if (para.childNodes.length) container.append(para);
    bindMarks(container, claims);
  }

  function bindMarks(container, claims) {
    const byId = new Map(claims.map((c) => [c.id, c]));
    const open = (ev) => {
      const mark = ev.target.closest("mark.claim[data-claim-id]");
      if (!mark || !byId.has(mark.dataset.claimId)) return;
      if (ev.type === "keydown" && ev.key !== "Enter" && ev.key !== " ") return;
      ev.preventDefault();
      container.querySelectorAll("mark.selected").forEach((m) => m.classList.remove("selected"));
      mark.classList.add("selected");
      showDetails(byId.get(mark.dataset.claimId));
    };
    container.addEventListener("click", open);
    container.addEventListener("keydown", open);
  }

  function readEmbeddedClaims() {
    const node = document.getElementById("claims-data");
    return node ? JSON.parse(node.textContent) : null;
  }

  document.addEventListener("DOMContentLoaded", () => {
    const close = document.getElementById("details-close");
    if (close) close.addEventListener("click", () => { document.getElementById("details").hidden = true; });
    const claims = readEmbeddedClaims();
    const text = document.getElementById("article-text");
    if (claims && text) {
      bindMarks(text, claims);
      const target = location.hash.startsWith("#claim-") && document.getElementById(location.hash.slice(1));
      if (target) { target.classList.add("selected"); showDetails(claims.find((c) => c.id === target.dataset.claimId)); }
    }
  });

  return { el, renderMarked, showDetails, checkState, safeHref };
})();
window.Claimledger = Claimledger;
