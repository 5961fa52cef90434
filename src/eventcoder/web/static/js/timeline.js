// The timeline: a histogram of events per day (or week/month over long spans); dragging selects a
// period, which filters the map and the list (EC.state.range, seconds).
"use strict";
EC.timeline = (() => {
  const el = document.getElementById("timeline");
  const DAY = 86400;
  let plot = null;

  function bins(points) {
    const i = EC.state.columns.indexOf("event_date");
    const times = points.map((p) => p[i]).filter(Boolean).map((d) => Date.parse(d) / 1000).sort((a, b) => a - b);
    if (!times.length) return [[], []];
    const span = times[times.length - 1] - times[0];
    const step = span > 6 * 365 * DAY ? 30 * DAY : span > 400 * DAY ? 7 * DAY : DAY;
    EC.timeline.step = step;
    const start = Math.floor(times[0] / step) * step, n = Math.floor((times[times.length - 1] - start) / step) + 1;
    const xs = Array.from({length: n}, (_, k) => start + k * step), ys = new Array(n).fill(0);
    for (const t of times) ys[Math.floor((t - start) / step)] += 1;
    return [xs, ys];
  }

  function draw(points) {
    const data = bins(points);
    if (plot) { plot.destroy(); plot = null; }
    if (!data[0].length) { el.textContent = "no dated events"; return; }
    el.textContent = "";
    const opts = {
      width: el.clientWidth || 600, height: 130, legend: {show: false},
      cursor: {drag: {x: true, y: false, setScale: false}, points: {show: false}},
      // a bar's width past the last bin; a fortnight either side of a single day
      scales: {x: {time: true, range: (u, min, max) => min === max ? [min - 15 * DAY, max + 15 * DAY]
                                                                     : [min, max + EC.timeline.step]}},
      axes: [{}, {size: 40}],
      series: [{}, {label: "events", fill: "rgba(36,52,71,.6)", stroke: "#243447",
                    paths: uPlot.paths.bars({size: [0.9, 30]}), points: {show: false}}],
      hooks: {setSelect: [(u) => {
        if (u.select.width < 2) return;
        const from = u.posToVal(u.select.left, "x"), to = u.posToVal(u.select.left + u.select.width, "x");
        EC.emit("range", [from, to]);
      }]},
    };
    plot = new uPlot(opts, data, el);
    EC.timeline.plot = plot;
  }

  function clear() { if (plot) plot.setSelect({left: 0, width: 0, top: 0, height: 0}, false); }
  return {draw, clear, plot: null, step: DAY};
})();
