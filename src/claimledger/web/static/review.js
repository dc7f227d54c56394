// Inline review on the article view: j/k move between claims, e edits, v sets the verdict, x marks "not a
// claim", Esc closes. Saving posts to POST /api/claims/{id}/review with the API token (kept for this tab only);
// everything shown is set as text, never as HTML.
"use strict";

(() => {
  const FIELDS = ["value", "high", "bound", "unit", "category", "time_scope", "period.start", "period.end",
                  "subject", "location", "source.name", "source.type", "verification", "hedged"];
  const TOKEN_KEY = "claimledger-token";
  let claims = [];
  let marks = [];
  let current = -1;

  function get(claim, name) {
    const [head, tail] = name.split(".");
    const value = tail ? (claim[head] || {})[tail] : claim[head];
    return value === null || value === undefined ? "" : String(value);
  }

  function byId(id) { return claims.find((c) => c.id === id); }

  function select(index) {
    if (!marks.length) return;
    current = (index + marks.length) % marks.length;
    const mark = marks[current];
    marks.forEach((m) => m.classList.remove("selected"));
    mark.classList.add("selected");
    mark.focus();
    mark.scrollIntoView({ block: "center" });
    const panel = document.getElementById("review-panel");
    const claim = byId(mark.dataset.claimId);
    if (!panel.hidden) fill(claim);
    else if (window.Claimledger && claim) window.Claimledger.showDetails(claim);
  }

  function fill(claim) {
    const form = document.getElementById("review-form");
    form.dataset.claimId = claim.id;
    document.getElementById("review-claim-text").textContent = claim.text;
    document.getElementById("review-sentence").textContent = claim.sentence;
    const review = claim.review || {};
    for (const name of FIELDS) {
      const input = form.elements[name];
      input.value = name === "hedged" ? String(Boolean(claim.hedged)) : get(claim, name);
      input.classList.toggle("changed", Object.prototype.hasOwnProperty.call(review.fields || {}, name));
    }
    form.elements.verdict.value = review.verdict || "";
    form.elements.note.value = review.note || "";
    form.elements.evidence.value = (review.evidence || []).join("\n");
    form.elements.not_claim.checked = Boolean(review.not_claim);
    const status = document.getElementById("review-status");
    status.className = "wide status";
    status.textContent = review.reviewer ? `Last reviewed by ${review.reviewer} at ${review.at}.` : "Not reviewed yet.";
    document.getElementById("review-history-link").href = `/api/claims/${encodeURIComponent(claim.id)}/history`;
  }

  function open(focusName) {
    if (current < 0) select(0);
    const claim = byId(marks[current].dataset.claimId);
    document.getElementById("details").hidden = true;
    const panel = document.getElementById("review-panel");
    panel.hidden = false;
    fill(claim);
    const target = document.getElementById("review-form").elements[focusName];
    if (target) target.focus();
  }

  function close() {
    document.getElementById("review-panel").hidden = true;
    if (current >= 0) marks[current].focus();
  }

  function changes(form, claim) {
    const review = claim.review || {};
    const body = { fields: {} };
    for (const name of FIELDS) {
      const now = form.elements[name].value.trim();
      const was = name === "hedged" ? String(Boolean(claim.hedged)) : get(claim, name);
      if (now !== was) body.fields[name] = now === "" ? null : now;
    }
    const verdict = form.elements.verdict.value;
    if (verdict !== (review.verdict || "")) body.verdict = verdict || null;
    const note = form.elements.note.value.trim();
    if (note !== (review.note || "")) body.note = note || null;
    const evidence = form.elements.evidence.value.split("\n").map((s) => s.trim()).filter(Boolean);
    if (evidence.join("\n") !== (review.evidence || []).join("\n")) body.evidence = evidence;
    if (form.elements.not_claim.checked !== Boolean(review.not_claim)) body.not_claim = form.elements.not_claim.checked;
    return body;
  }

  function refresh(claim) {
    const index = claims.findIndex((c) => c.id === claim.id);
    if (index >= 0) claims[index] = claim;
    const mark = document.getElementById(`claim-${claim.id}`);
    if (mark) {
      mark.classList.add("reviewed");
      mark.classList.toggle("not-claim", Boolean(claim.review && claim.review.not_claim));
    }
    const cell = document.querySelector(`td.review-cell[data-claim-id="${CSS.escape(claim.id)}"]`);
    if (cell && claim.review) {
      const what = claim.review.not_claim ? "not a claim" : (claim.review.verdict || "edited");
      cell.textContent = `${what} (${claim.review.reviewer})`;
    }
  }

  async function save(ev) {
    ev.preventDefault();
    const form = ev.target;
    const claim = byId(form.dataset.claimId);
    const status = document.getElementById("review-status");
    const tokenInput = document.getElementById("review-token");
    const token = tokenInput.value.trim();
    sessionStorage.setItem(TOKEN_KEY, token);
    const body = changes(form, claim);
    const nothing = !Object.keys(body.fields).length && Object.keys(body).length === 1;
    if (nothing) { status.className = "wide status"; status.textContent = "Nothing changed."; return; }
    status.className = "wide status";
    status.textContent = "Saving…";
    try {
      const response = await fetch(`/api/claims/${encodeURIComponent(claim.id)}/review`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      const data = await response.json();
      if (!response.ok) {
        status.className = "wide status error";
        status.textContent = (data.error && data.error.message) || `error ${response.status}`;
        return;
      }
      refresh(data);
      fill(data);
      status.className = "wide status ok";
      status.textContent = `Saved by ${data.review.reviewer}.`;
    } catch (err) {
      status.className = "wide status error";
      status.textContent = `Could not save: ${err}`;
    }
  }

  function typing(target) {
    return target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
  }

  function onKey(ev) {
    if (ev.key === "Escape") { close(); return; }
    if (ev.ctrlKey || ev.metaKey || ev.altKey || typing(ev.target)) return;
    const actions = {
      j: () => select(current + 1),
      k: () => select(current - 1),
      e: () => open("value"),
      v: () => open("verdict"),
      x: () => { open("not_claim"); const box = document.getElementById("review-not-claim"); box.checked = !box.checked; },
    };
    if (actions[ev.key]) { ev.preventDefault(); actions[ev.key](); }
  }

  // "Delete this article": DELETE /api/documents/{id} with the token, then the documents list
  async function deleteDocument() {
    const article = document.querySelector("article[data-doc-id]");
    const status = document.getElementById("delete-status");
    const token = document.getElementById("delete-token").value.trim();
    if (!article || !window.confirm("Delete this article and its claims from the ledger?")) return;
    sessionStorage.setItem(TOKEN_KEY, token);
    status.className = "status";
    status.textContent = "Deleting…";
    try {
      const response = await fetch(`/api/documents/${encodeURIComponent(article.dataset.docId)}`, {
        method: "DELETE",
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
      const data = await response.json();
      if (!response.ok) {
        status.className = "status error";
        status.textContent = (data.error && data.error.message) || `error ${response.status}`;
        return;
      }
      window.location.assign("/documents");
    } catch (err) {
      status.className = "status error";
      status.textContent = `Could not delete: ${err}`;
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const remove = document.getElementById("delete-document");
    if (remove) {
      document.getElementById("delete-token").value = sessionStorage.getItem(TOKEN_KEY) || "";
      remove.addEventListener("click", deleteDocument);
    }
    const data = document.getElementById("claims-data");
    const form = document.getElementById("review-form");
    if (!data || !form) return;
    claims = JSON.parse(data.textContent);
    marks = [...document.querySelectorAll("#article-text mark.claim[data-claim-id]")];
    document.getElementById("review-token").value = sessionStorage.getItem(TOKEN_KEY) || "";
    form.addEventListener("submit", save);
    document.getElementById("review-close").addEventListener("click", close);
    document.addEventListener("keydown", onKey);
    // a click on a mark makes it the current claim too
    document.getElementById("article-text").addEventListener("click", (ev) => {
      const mark = ev.target.closest("mark.claim[data-claim-id]");
      if (mark) current = marks.indexOf(mark);
    });
    const selected = document.querySelector("#article-text mark.claim.selected");
    if (selected) current = marks.indexOf(selected);
  });
})();
