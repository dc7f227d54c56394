// The paste box: post the article to /api/extract and mark the claims it returns.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("paste-form");
  const status = document.getElementById("paste-status");
  const result = document.getElementById("paste-result");
  const links = document.getElementById("paste-links");
  const tokenInput = document.getElementById("paste-token");
  const { el, renderMarked, safeHref } = window.Claimledger;

  tokenInput.value = sessionStorage.getItem("claimledger-token") || "";

  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const kind = form.querySelector("input[name=kind]:checked").value;
    const body = { [kind]: document.getElementById("paste-text").value,
                   store: document.getElementById("paste-store").checked };
    for (const name of ["published", "outlet", "title"]) {
      const v = document.getElementById(`paste-${name}`).value.trim();
      if (v) body[name] = v;
    }
    const token = tokenInput.value.trim();
    sessionStorage.setItem("claimledger-token", token);
    status.textContent = "Extracting…";
    result.hidden = true;
    let response;
    try {
      response = await fetch("/api/extract", {
        method: "POST",
        headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    } catch (err) {
      status.textContent = `The server could not be reached: ${err}`;
      return;
    }
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      status.textContent = data && data.error ? `${data.error.message}` : `Error ${response.status}`;
      return;
    }
    status.textContent = `${data.claims.length} claims found` + (data.stored ? ", stored in the ledger." : ".");
    links.replaceChildren();
    if (data.stored) {
      const href = safeHref(`/documents/${encodeURIComponent(data.document.id)}`);
      links.append(el("a", { href, id: "paste-article-link" }, "Open the stored article"));
    }
    renderMarked(document.getElementById("article-text"), data.document.text, data.claims);
    result.hidden = false;
  });
});
