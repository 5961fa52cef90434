// The event card: coded and reviewed values, certainty, claims, speculation and the source chain,
// the report's text with the evidence highlighted, the review form and the audit trail.
"use strict";
EC.card = (() => {
  const el = document.getElementById("card");
  const FIELDS = ["event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                  "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "event_date",
                  "time_precision", "fatalities", "fatalities_low", "fatalities_high", "injured", "confidence", "notes"];
  const EDITABLE = ["sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "country",
                    "admin1", "location", "latitude", "longitude", "geo_precision", "event_date", "time_precision",
                    "fatalities", "injured", "certainty", "claimed_by", "notes"];
  const empty = (v) => v === null || v === undefined || (Array.isArray(v) && !v.length) || v === "";
  const shown = (v) => Array.isArray(v) ? v.join("; ") : v;

  function highlighted(text, evidence) {
    // non-overlapping spans, earliest first; a span inside an earlier one is skipped; all text escaped
    const spans = [...evidence].sort((a, b) => a.start - b.start || b.end - a.end);
    let out = "", at = 0;
    for (const s of spans) {
      if (s.start < at || s.end > text.length) continue;
      out += EC.esc(text.slice(at, s.start)) + `<mark data-field="${EC.esc(s.field)}" title="${EC.esc(s.field)}">` +
             EC.esc(text.slice(s.start, s.end)) + "</mark>";
      at = s.end;
    }
    return out + EC.esc(text.slice(at));
  }

  function valueRow(e, f) {
    const coded = e.review && e.review.coded && f in e.review.coded ? e.review.coded[f] : undefined;
    if (empty(e[f]) && coded === undefined) return "";
    const was = coded === undefined ? "" : `<span class="coded" title="coded value">${EC.esc(shown(coded) ?? "∅")}</span>`;
    return `<dt>${EC.esc(f)}</dt><dd class="${coded === undefined ? "" : "reviewed"}" data-field="${EC.esc(f)}">` +
           `${EC.esc(shown(e[f]))}${was}</dd>`;
  }

  function provenance(e) {
    const chain = (e.source_chain || []).map(EC.esc).join(" ← ");
    const parts = [`<dt>certainty</dt><dd data-field="certainty">${EC.esc(e.certainty ?? "?")}</dd>`];
    if (e.claimed_by) parts.push(`<dt>claimed by</dt><dd data-field="claimed_by">${EC.esc(e.claimed_by)}</dd>`);
    if ((e.speculated_perpetrators || []).length)
      parts.push(`<dt>speculation</dt><dd data-field="speculated_perpetrators">${EC.esc(e.speculated_perpetrators.join("; "))}
        <span class="muted">(suspected only; never coded as actor)</span></dd>`);
    if (chain) parts.push(`<dt>source chain</dt><dd class="chain" data-field="source_chain">${chain}</dd>`);
    return parts.join("");
  }

  function reviewForm() {
    if (!EC.state.token) return `<p class="muted">Log in with a token to review this event.</p>`;
    const options = EDITABLE.map((f) => `<option>${EC.esc(f)}</option>`).join("");
    return `<form id="review"><label>Field <select name="field">${options}</select></label>
      <label>Value <input name="value" size="16"></label><label>Reason <input name="reason" size="20"></label>
      <button name="edit" type="submit">Save edit</button><button type="button" data-action="accept">Accept</button>
      <button type="button" data-action="reject">Reject</button><button type="button" data-action="note">Note</button>
      <span id="review-status" class="muted"></span></form>`;
  }

  function auditList(entries) {
    if (!entries.length) return `<p class="muted">No review yet.</p>`;
    return `<ol id="audit">${entries.map((a) => `<li><b>${EC.esc(a.who)}</b> ${EC.esc(a.when.slice(0, 19).replace("T", " "))}
      · ${EC.esc(a.field)}: ${EC.esc(JSON.stringify(a.old))} → ${EC.esc(JSON.stringify(a.new))}
      ${a.reason ? `<i>(${EC.esc(a.reason)})</i>` : ""}</li>`).join("")}</ol>`;
  }

  async function show(id) {
    const [data, audit] = await Promise.all([EC.getJSON(`/api/events/${encodeURIComponent(id)}`),
                                             EC.getJSON(`/api/events/${encodeURIComponent(id)}/audit`)]);
    const e = data.event, doc = data.document || {text: ""};
    const status = e.review ? `<span class="badge ${EC.esc(e.review.status)}">${EC.esc(e.review.status ?? "reviewed")}</span>` : "";
    const incident = e.incident_id ? `<p>Incident <a href="#" id="open-incident" data-id="${EC.esc(e.incident_id)}">` +
      `${EC.esc(e.incident_id)}</a> (reports side by side)</p>` : "";
    el.innerHTML = `<h2 id="card-title">${EC.esc(e.title ?? e.origin ?? e.doc_id)} ${status}</h2>
      <p class="muted">${EC.esc(e.source ?? "")} ${EC.esc(e.published ?? "")} ${e.url ? `· <a href="${EC.esc(e.url)}" rel="noreferrer noopener" target="_blank">report</a>` : ""}</p>
      <dl>${FIELDS.map((f) => valueRow(e, f)).join("")}${provenance(e)}</dl>${incident}
      <div id="text">${highlighted(doc.text, e.evidence || [])}</div>${reviewForm()}
      <h3>Audit trail</h3>${auditList(audit.audit)}`;
    EC.state.selected = id;
    wire(id);
  }

  function wire(id) {
    const link = document.getElementById("open-incident");
    if (link) link.addEventListener("click", (ev) => { ev.preventDefault(); EC.incident.show(link.dataset.id); });
    const form = document.getElementById("review");
    if (!form) return;
    const status = document.getElementById("review-status");
    const send = async (body) => {
      status.textContent = "saving…";
      try {
        await EC.postJSON(`/api/events/${encodeURIComponent(id)}/review`, body);
        await show(id);
        EC.emit("reviewed", id);
      } catch (err) { status.textContent = `error: ${err.message}`; status.className = "error"; }
    };
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const raw = form.value.value.trim();
      const num = ["inter1", "inter2", "geo_precision", "time_precision", "fatalities", "injured", "latitude", "longitude"];
      const value = raw === "" ? null : num.includes(form.field.value) ? Number(raw) : raw;
      send({action: "edit", values: {[form.field.value]: value}, reason: form.reason.value || null});
    });
    form.querySelectorAll("button[data-action]").forEach((b) => b.addEventListener("click", () =>
      send({action: b.dataset.action, reason: form.reason.value || null})));
  }
  return {show, highlighted};
})();
