// The figure chart: one series per source or outlet, and the reference series, drawn as SVG from the JSON twin.
"use strict";

(() => {
  const SVG = "http://www.w3.org/2000/svg";
  const COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"];
  const W = 860, H = 380, M = { top: 20, right: 20, bottom: 40, left: 90 };

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  const day = (iso) => Date.parse(iso + "T00:00:00Z");
  const fmt = (v) => v.toLocaleString("en-US", { maximumFractionDigits: 2 });

  function extent(values, pad) {
    let lo = Math.min(...values), hi = Math.max(...values);
    if (lo === hi) { lo -= pad || Math.max(Math.abs(lo) * 0.1, 1); hi += pad || Math.max(Math.abs(hi) * 0.1, 1); }
    return [lo, hi];
  }

  function ticks(lo, hi, n) {
    const step = Math.pow(10, Math.floor(Math.log10((hi - lo) / n)));
    const nice = [1, 2, 5, 10].map((m) => m * step).find((s) => (hi - lo) / s <= n) || step * 10;
    const out = [];
    for (let v = Math.ceil(lo / nice) * nice; v <= hi; v += nice) out.push(v);
    return out;
  }

  function draw(box, legend, data) {
    const all = data.series.flatMap((s) => s.points.map((p) => ({ x: day(p.date), y: p.value })));
    const ref = data.reference ? data.reference.points.map((p) => ({ x: day(p.date), y: p.value })) : [];
    const pts = all.concat(ref);
    if (!pts.length) { box.textContent = "No dated reports to chart."; return; }
    const [x0, x1] = extent(pts.map((p) => p.x), 86400000);
    // the y axis fits the data (not from 0): a cumulative figure moving from 724,000 to 737,000 must not
    // look flat; a margin of 5% of the range on each side keeps the points off the frame
    const [yl, yh] = extent(pts.map((p) => p.y));
    const margin = (yh - yl) * 0.05;
    const y0 = yl >= 0 && yl - margin < 0 ? 0 : yl - margin, y1 = yh + margin;
    const sx = (x) => M.left + (x - x0) / (x1 - x0) * (W - M.left - M.right);
    const sy = (y) => H - M.bottom - (y - y0) / (y1 - y0) * (H - M.top - M.bottom);

    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart-svg", width: "100%" });
    const axes = svg("g", { class: "axes" });
    for (const t of ticks(y0, y1, 6)) {
      axes.append(svg("line", { x1: M.left, x2: W - M.right, y1: sy(t), y2: sy(t), class: "grid" }));
      axes.append(svg("text", { x: M.left - 8, y: sy(t) + 4, "text-anchor": "end" }, fmt(t)));
    }
    const days = (x1 - x0) / 86400000;
    const stepDays = Math.max(1, Math.ceil(days / 6));
    for (let x = x0; x <= x1; x += stepDays * 86400000) {
      axes.append(svg("text", { x: sx(x), y: H - M.bottom + 18, "text-anchor": "middle" },
                      new Date(x).toISOString().slice(0, 10)));
    }
    axes.append(svg("line", { x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom, class: "axis" }));
    root.append(axes);

    legend.replaceChildren();
    if (ref.length) {
      const path = ref.map((p, i) => `${i ? "L" : "M"}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join("");
      root.append(svg("path", { d: path, class: "reference", fill: "none", stroke: "#888", "stroke-width": 2,
                                "stroke-dasharray": "5 3" }));
      addLegend(legend, "#888", `reference: ${data.reference.name}`, "reference");
    }
    data.series.forEach((s, i) => {
      const colour = COLOURS[i % COLOURS.length];
      const g = svg("g", { class: "series" });
      if (s.points.length > 1) {
        const d = s.points.map((p, j) => `${j ? "L" : "M"}${sx(day(p.date)).toFixed(1)},${sy(p.value).toFixed(1)}`).join("");
        g.append(svg("path", { d, fill: "none", stroke: colour, "stroke-width": 1.5 }));
      }
      for (const p of s.points) {
        const dot = svg("circle", { cx: sx(day(p.date)), cy: sy(p.value), r: 5, fill: colour, class: "point" });
        dot.append(svg("title", {}, `${s.name}: ${p.text} (${fmt(p.value)}) on ${p.date}, ${p.outlet || ""}`));
        g.append(dot);
      }
      root.append(g);
      addLegend(legend, colour, s.name, "series");
    });
    box.replaceChildren(root);
    box.dataset.drawn = "true";
  }

  function addLegend(legend, colour, name, kind) {
    const item = document.createElement("span");
    item.className = `legend-item ${kind}`;
    const swatch = svg("svg", { width: 14, height: 14, class: "swatch" });
    swatch.append(svg("rect", { width: 14, height: 14, fill: colour }));
    item.append(swatch, document.createTextNode(" " + name));
    legend.append(item);
  }

  document.addEventListener("DOMContentLoaded", async () => {
    const box = document.getElementById("chart");
    if (!box) return;
    const src = box.dataset.src;
    if (!src || !src.startsWith("/api/")) return;
    try {
      const response = await fetch(src, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      draw(box, document.getElementById("chart-legend"), await response.json());
    } catch (err) {
      box.textContent = `The chart could not be drawn: ${err.message}`;
    }
  });
})();
