// The incident view: every report of one real event side by side, the fields where they differ marked.
"use strict";
EC.incident = (() => {
  const el = document.getElementById("incident");
  const shown = (v) => Array.isArray(v) ? v.join(" ← ") : v;

  async function show(id) {
    const data = await EC.getJSON(`/api/incidents/${encodeURIComponent(id)}/compare`);
    const reports = data.reports;
    const head = reports.map((r) => `<th><a href="#" data-event="${EC.esc(r.event_id)}">${EC.esc(r.source ?? r.doc_id)}</a><br>
      ${EC.esc(r.published ?? "")}${r.background ? " (background)" : ""}</th>`).join("");
    const rows = ["title", ...data.fields].map((f) => {
      const differ = data.differ.includes(f);
      return `<tr><th>${EC.esc(f)}</th>${reports.map((r) =>
        `<td class="${differ ? "differ" : ""}">${EC.esc(shown(r[f]))}</td>`).join("")}</tr>`;
    }).join("");
    const c = data.canonical || {};
    el.innerHTML = `<h3>Incident ${EC.esc(id)} · ${reports.length} reports</h3>
      <p>Canonical: ${EC.esc(c.event_date ?? "?")} · ${EC.esc(c.sub_event_type ?? "")} · ${EC.esc(c.location ?? "")}
      · fatalities ${EC.esc(c.fatalities ?? "?")}${c.fatalities_high !== c.fatalities_low ? ` (range ${EC.esc(c.fatalities_low)}–${EC.esc(c.fatalities_high)})` : ""}</p>
      <p class="muted">Differences: ${data.differ.length ? EC.esc(data.differ.join(", ")) : "none"}</p>
      <div style="overflow:auto"><table id="compare"><thead><tr><th></th>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
    el.querySelectorAll("a[data-event]").forEach((a) => a.addEventListener("click", (ev) => {
      ev.preventDefault(); EC.emit("select", a.dataset.event);
    }));
  }
  return {show};
})();
