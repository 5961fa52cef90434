// Wiring: filters -> /api/points -> map, timeline and list; a brushed period filters the map and list;
// selecting an event opens its card; export links carry the current filter; log in with a token.
"use strict";
(() => {
  const form = document.getElementById("filters");
  const status = document.getElementById("status");
  const LIST_MAX = 300;
  const t0 = performance.now();

  for (const t of Object.keys(EC.TYPES)) form.event_type.insertAdjacentHTML("beforeend", `<option>${EC.esc(t)}</option>`);
  const SUBS = {};

  function query() {
    const q = new URLSearchParams();
    for (const name of ["country", "admin1", "event_type", "sub_event_type", "actor", "certainty", "min_confidence",
                        "date_from", "date_to", "q"]) if (form[name].value) q.set(name, form[name].value);
    if (form.main.checked) q.set("main", "true");
    if (form.in_view.checked) q.set("bbox", EC.map.bbox());
    return q;
  }

  function exportLinks() {
    const q = query();
    const r = EC.state.range;
    if (r) {  // the brushed period narrows the export too
      const day = (s) => new Date(s * 1000).toISOString().slice(0, 10);
      q.set("date_from", form.date_from.value && form.date_from.value > day(r[0]) ? form.date_from.value : day(r[0]));
      q.set("date_to", form.date_to.value && form.date_to.value < day(r[1]) ? form.date_to.value : day(r[1]));
    }
    for (const fmt of ["csv", "geojson"]) {
      q.set("format", fmt);
      document.getElementById(`export-${fmt}`).href = `/api/export?${q}`;
    }
  }

  function renderList(points) {
    const cols = EC.state.columns, at = (n) => cols.indexOf(n);
    const f = ["event_date", "sub_event_type", "actor1", "actor2", "location", "fatalities", "certainty"].map(at);
    const id = at("event_id"), rev = at("reviewed");
    document.getElementById("rows").innerHTML = points.slice(0, LIST_MAX).map((p) =>
      `<tr data-id="${EC.esc(p[id])}" class="${p[id] === EC.state.selected ? "selected" : ""}">` +
      f.map((i) => `<td>${EC.esc(p[i] ?? (i === f[0] ? "?" : ""))}</td>`).join("").replace(/<\/td>$/,
        p[rev] ? ` <span class="badge ${EC.esc(p[rev])}">${EC.esc(p[rev])}</span></td>` : "</td>") + "</tr>").join("");
    document.getElementById("more").textContent = points.length > LIST_MAX ?
      `showing ${LIST_MAX} of ${points.length} events (narrow the filters or the period)` : "";
  }

  function applyRange() {
    const shown = EC.inRange(EC.state.points);
    EC.state.shown = shown;
    const drawn = EC.map.show(shown);
    renderList(shown);
    const r = EC.state.range;
    const day = (s) => new Date(s * 1000).toISOString().slice(0, 10);
    document.getElementById("range").textContent = r ? `${day(r[0])} – ${day(r[1])}: ${shown.length} events` : "";
    document.getElementById("clear-range").hidden = !r;
    status.textContent = `${EC.state.points.length} events${r ? `, ${shown.length} in the period` : ""}`;
    exportLinks();
    return drawn;
  }

  async function load(ev) {
    if (ev) ev.preventDefault();
    status.textContent = "loading…";
    try {
      const data = await EC.getJSON(`/api/points?${query()}`);
      EC.state.columns = data.columns;
      EC.state.points = data.points;
      EC.state.range = null;
      EC.timeline.draw(data.points);
      await applyRange();  // the map's markers are all in
      if (data.truncated) status.textContent += " (truncated: narrow the filters)";
      document.body.dataset.loaded = String(Date.now());
      if (!window.__firstLoadMs) window.__firstLoadMs = Math.round(performance.now() - t0);
    } catch (err) { status.textContent = `error: ${err.message}`; }
  }

  function counts(s) {
    document.getElementById("counts").textContent =
      `${s.counts.documents} reports · ${s.counts.events} events · ${s.counts.reviewed} reviewed · ${s.counts.failures} failures`;
  }

  async function stats() {
    const s = await EC.getJSON("/api/stats");
    counts(s);
    for (const c of Object.keys(s.by_country).filter(Boolean).sort())
      form.country.insertAdjacentHTML("beforeend", `<option>${EC.esc(c)}</option>`);
    EC.state.admin1 = s.admin1;
  }

  function fillAdmin1() {
    const units = (EC.state.admin1 || {})[form.country.value] || [];
    form.admin1.innerHTML = `<option value="">(any)</option>` + units.map((u) => `<option>${EC.esc(u)}</option>`).join("");
  }

  async function subtypes() {
    const schema = await EC.getJSON("/api/schema");
    const subs = schema.$defs.Event.properties.sub_event_type.anyOf[0].enum;
    SUBS.all = subs;
    form.sub_event_type.innerHTML = `<option value="">(any)</option>` + subs.map((s) => `<option>${EC.esc(s)}</option>`).join("");
  }

  async function login(ev) {
    ev.preventDefault();
    const f = ev.target, token = f.token.value.trim(), who = document.getElementById("who");
    EC.state.token = token;
    try {
      const me = await EC.getJSON("/api/whoami");
      sessionStorage.setItem("ec-token", token);
      EC.state.who = me.name;
      who.textContent = `signed in as ${me.name}`;
      f.token.value = "";
      if (EC.state.selected) EC.card.show(EC.state.selected);
    } catch (err) {
      EC.state.token = null;
      sessionStorage.removeItem("ec-token");
      who.textContent = `login failed: ${err.message}`;
    }
  }

  EC.on("range", (r) => { EC.state.range = r; applyRange(); });
  EC.on("select", (id) => {
    document.querySelectorAll("#rows tr.selected").forEach((r) => r.classList.remove("selected"));
    const tr = document.querySelector(`#rows tr[data-id="${CSS.escape(id)}"]`);
    if (tr) tr.classList.add("selected");
    EC.card.show(id).catch((err) => { document.getElementById("card").textContent = `error: ${err.message}`; });
  });
  EC.on("country", (name) => {
    if ([...form.country.options].some((o) => o.value === name)) { form.country.value = name; fillAdmin1(); load(); }
  });
  EC.on("reviewed", () => { load(); EC.getJSON("/api/stats").then(counts).catch(() => {}); });
  document.getElementById("rows").addEventListener("click", (ev) => {
    const tr = ev.target.closest("tr");
    if (tr) EC.emit("select", tr.dataset.id);
  });
  document.getElementById("clear-range").addEventListener("click", () => {
    EC.timeline.clear(); EC.state.range = null; applyRange();
  });
  form.country.addEventListener("change", fillAdmin1);
  form.addEventListener("submit", load);
  document.getElementById("login").addEventListener("submit", login);
  if (EC.state.token) EC.getJSON("/api/whoami").then((me) => {
    document.getElementById("who").textContent = `signed in as ${me.name}`;
  }).catch(() => { EC.state.token = null; sessionStorage.removeItem("ec-token"); });
  Promise.all([stats(), subtypes()]).catch((err) => { status.textContent = `error: ${err.message}`; });
  load();
})();
