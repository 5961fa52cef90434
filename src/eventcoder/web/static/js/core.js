// Shared state and helpers of the workbench page (no framework; every text goes through esc()).
"use strict";
const EC = {
  TYPES: {"Battles": "#d62728", "Protests": "#1f77b4", "Riots": "#ff7f0e", "Explosions/Remote violence": "#9467bd",
          "Violence against civilians": "#8c564b", "Strategic developments": "#2ca02c"},
  state: {points: [], columns: [], shown: [], range: null, selected: null, token: sessionStorage.getItem("ec-token"),
          who: null},
  esc: (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c])),
  color: (type) => EC.TYPES[type] || "#555",
  headers() { return EC.state.token ? {"Authorization": `Bearer ${EC.state.token}`} : {}; },
  async getJSON(url) {
    const r = await fetch(url, {headers: EC.headers()});
    if (!r.ok) throw new Error(`${r.status} ${(await r.json().catch(() => ({}))).detail ?? ""}`);
    return r.json();
  },
  async postJSON(url, body) {
    const r = await fetch(url, {method: "POST", headers: {...EC.headers(), "Content-Type": "application/json"},
                                body: JSON.stringify(body)});
    const data = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(`${r.status} ${typeof data.detail === "string" ? data.detail : JSON.stringify(data.detail)}`);
    return data;
  },
  // a point row as an object (columns from /api/points)
  row(cells) { const o = {}; EC.state.columns.forEach((c, i) => { o[c] = cells[i]; }); return o; },
  // the points inside the brushed period (all of them when nothing is brushed)
  inRange(points) {
    const r = EC.state.range, i = EC.state.columns.indexOf("event_date");
    if (!r) return points;
    return points.filter((p) => { if (!p[i]) return false; const t = Date.parse(p[i]) / 1000; return t >= r[0] && t <= r[1]; });
  },
  listeners: {},
  on(name, fn) { (EC.listeners[name] ||= []).push(fn); },
  emit(name, arg) { for (const fn of EC.listeners[name] || []) fn(arg); },
};
