// Draws the charts page from the JSON embedded in it (Chart.js is served from /static).
(function () {
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const palette = ["#b71c1c", "#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#5d4037"];
  const datasets = (chart, extra) => chart.series.map((s, i) => Object.assign({
    label: s.label, data: s.values, backgroundColor: palette[i % palette.length],
    borderColor: palette[i % palette.length],
  }, extra || {}));
  const pct = { y: { beginAtZero: true, max: 100, ticks: { callback: (v) => v + "%" } } };
  const draw = (id, type, chart, options, extra) => {
    const el = document.getElementById(id);
    if (!el) return;
    new Chart(el, { type: type, data: { labels: chart.labels, datasets: datasets(chart, extra) },
      options: Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, options) });
  };
  draw("weekly", "bar", data.weekly, { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } });
  draw("grids", "bar", data.grids, { scales: pct });
  draw("buildings", "bar", data.buildings, { scales: pct });
  draw("resolve", "bar", data.resolve, { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } });
})();
