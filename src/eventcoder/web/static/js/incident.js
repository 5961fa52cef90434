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
    if (EC.state.token) el.insertAdjacentHTML("beforeend", editor(reports));
    wire(id);
  }

  // merge another incident into this one, or split some reports off into a new incident (token needed)
  function editor(reports) {
    const boxes = reports.filter((r) => !r.background).map((r) =>
      `<label class="inline"><input type="checkbox" name="split" value="${EC.esc(r.event_id)}"> ${EC.esc(r.source ?? r.event_id)}</label>`).join(" ");
    return `<form id="incident-edit"><p>Split off: ${boxes}</p>
      <label>Merge incident <input name="other" size="18" placeholder="incident id"></label>
      <label>Reason <input name="reason" size="22"></label>
      <button type="button" data-op="split">Split</button> <button type="button" data-op="merge">Merge</button>
      <span id="incident-status" class="muted"></span></form>`;
  }

  function wire(id) {
    const form = document.getElementById("incident-edit");
    if (!form) return;
    const status = document.getElementById("incident-status");
    form.querySelectorAll("button[data-op]").forEach((b) => b.addEventListener("click", async () => {
      const reason = form.reason.value.trim();
      const body = b.dataset.op === "split"
        ? {event_ids: [...form.querySelectorAll("input[name=split]:checked")].map((c) => c.value), reason}
        : {incident_ids: [form.other.value.trim()], reason};
      try {
        const done = await EC.postJSON(`/api/incidents/${encodeURIComponent(id)}/${b.dataset.op}`, body);
        EC.emit("reviewed", id);
        await show(id);
        const fresh = document.getElementById("incident-status");  // show() drew a new form
        if (fresh) fresh.textContent = done.new_incident_id ? `new incident ${done.new_incident_id}` : "merged";
      } catch (err) { status.textContent = `error: ${err.message}`; status.className = "error"; }
    }));
  }
  return {show};
})();
