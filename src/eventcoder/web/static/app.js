"use strict";
const TYPES = ["Battles", "Protests", "Riots", "Explosions/Remote violence",
               "Violence against civilians", "Strategic developments"];
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
const form = document.getElementById("filters");
for (const t of TYPES) form.event_type.insertAdjacentHTML("beforeend", `<option>${esc(t)}</option>`);

async function getJSON(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${r.status} ${(await r.json()).detail ?? ""}`);
  return r.json();
}

async function load(ev) {
  if (ev) ev.preventDefault();
  const q = new URLSearchParams({limit: "500"});
  for (const name of ["country", "event_type", "date_from", "date_to"]) if (form[name].value) q.set(name, form[name].value);
  if (form.main.checked) q.set("main", "true");
  const status = document.getElementById("status");
  try {
    const data = await getJSON(`/api/events?${q}`);
    status.textContent = `${data.count} events`;
    document.getElementById("rows").innerHTML = data.events.map((e) => `<tr data-id="${esc(e.event_id)}">
      <td>${esc(e.event_date ?? "?")}</td><td>${esc(e.sub_event_type)}</td><td>${esc(e.actor1)}</td>
      <td>${esc(e.actor2)}</td><td>${esc(e.location ?? e.country)}</td><td>${esc(e.fatalities)}</td>
      <td>${esc(e.certainty)}</td></tr>`).join("");
  } catch (err) { status.textContent = `error: ${err.message}`; }
}

function highlighted(text, evidence) {
  // non-overlapping spans, earliest first; a span inside an earlier one is skipped
  const spans = [...evidence].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = "", at = 0;
  for (const s of spans) {
    if (s.start < at || s.end > text.length) continue;
    out += esc(text.slice(at, s.start)) + `<mark data-field="${esc(s.field)}" title="${esc(s.field)}">` +
           esc(text.slice(s.start, s.end)) + "</mark>";
    at = s.end;
  }
  return out + esc(text.slice(at));
}

async function show(id) {
  const data = await getJSON(`/api/events/${encodeURIComponent(id)}`);
  const e = data.event, doc = data.document || {text: ""};
  const fields = ["event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
                  "inter2", "country", "admin1", "location", "geo_precision", "event_date", "time_precision",
                  "fatalities", "injured", "source_chain", "certainty", "claimed_by", "speculated_perpetrators", "notes"];
  const rows = fields.filter((f) => e[f] !== null && e[f] !== undefined && !(Array.isArray(e[f]) && !e[f].length))
    .map((f) => `<dt>${esc(f)}</dt><dd>${esc(Array.isArray(e[f]) ? e[f].join(" ← ") : e[f])}</dd>`).join("");
  document.getElementById("card").innerHTML = `<h2>${esc(e.title ?? e.origin ?? e.doc_id)}</h2>
    <dl>${rows}</dl><div id="text">${highlighted(doc.text, e.evidence || [])}</div>`;
}

document.getElementById("rows").addEventListener("click", (ev) => {
  const tr = ev.target.closest("tr");
  if (!tr) return;
  document.querySelectorAll("tr.selected").forEach((r) => r.classList.remove("selected"));
  tr.classList.add("selected");
  show(tr.dataset.id).catch((err) => { document.getElementById("card").textContent = `error: ${err.message}`; });
});
form.addEventListener("submit", load);
getJSON("/api/health").then((h) => {
  document.getElementById("counts").textContent =
    `${h.counts.documents} reports · ${h.counts.events} events · ${h.counts.failures} failures`;
});
load();
