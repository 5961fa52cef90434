// The map: country shapes from world-atlas (no tiles: works offline), clustered markers coloured by event type.
"use strict";
EC.map = (() => {
  const map = L.map("map", {preferCanvas: true, worldCopyJump: true, minZoom: 1, maxZoom: 14}).setView([12, 15], 3);
  // country shapes in their own pane under the markers (a canvas above would hide them)
  map.createPane("base").style.zIndex = 250;
  const renderer = L.canvas({padding: 0.3});
  let countries = null;
  fetch("/static/vendor/world-atlas/countries-110m.json").then((r) => r.json()).then((topo) => {
    countries = L.geoJSON(topojson.feature(topo, topo.objects.countries), {
      pane: "base", renderer: L.canvas({pane: "base"}),
      style: {color: "#8a9bb0", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1},
      onEachFeature: (f, layer) => layer.on("click", () => EC.emit("country", f.properties.name)),
    }).addTo(map);
  });
  let done = null;  // resolves show()'s promise once every chunk of markers is in
  const clusters = L.markerClusterGroup({
    chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 45,
    chunkProgress: (processed, total) => { if (processed === total && done) { done(); done = null; } },
    // a cluster takes the colour of its most frequent event type (the legend's colours)
    iconCreateFunction: (c) => {
      const n = {};
      for (const m of c.getAllChildMarkers()) n[m.eventType] = (n[m.eventType] || 0) + 1;
      const top = Object.keys(n).sort((a, b) => n[b] - n[a])[0];
      return L.divIcon({html: `<span style="background:${EC.color(top)}">${c.getChildCount()}</span>`,
                        className: "cluster-icon", iconSize: [34, 34]});
    },
  });
  map.addLayer(clusters);
  const legend = document.getElementById("legend");
  legend.innerHTML = Object.entries(EC.TYPES).map(([t, c]) => `<span><i style="background:${c}"></i>${EC.esc(t)}</span>`).join("");
  // legend swatch colours are constants; CSP allows inline style attributes (style-src 'unsafe-inline')

  function show(points) {
    clusters.clearLayers();
    const cols = EC.state.columns, at = (n) => cols.indexOf(n);
    const [iId, iLat, iLon, iType, iDate, iLoc] = ["event_id", "latitude", "longitude", "event_type", "event_date", "location"].map(at);
    const markers = [];
    for (const p of points) {
      if (p[iLat] === null || p[iLon] === null) continue;
      const m = L.circleMarker([p[iLat], p[iLon]], {renderer, radius: 6, weight: 1, color: "#fff",
                                                     fillColor: EC.color(p[iType]), fillOpacity: 0.9});
      m.eventId = p[iId];
      m.eventType = p[iType];
      m.bindTooltip(`${EC.esc(p[iDate] ?? "?")} · ${EC.esc(p[iType])} · ${EC.esc(p[iLoc])}`);
      m.on("click", () => EC.emit("select", p[iId]));
      markers.push(m);
    }
    EC.state.markers = null;
    const added = new Promise((resolve) => { done = resolve; });
    clusters.addLayers(markers);
    return added.then(() => { EC.state.markers = markers.length; });
  }

  function bbox() {
    const b = map.getBounds();
    const clamp = (v, lim) => Math.max(-lim, Math.min(lim, v));
    return [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)]
      .map((v) => v.toFixed(4)).join(",");
  }
  return {map, show, bbox, clusters};
})();
