// Draws the charts page from the JSON embedded in it (Chart.js is served from /static).
// Every chart: titled axes with units, whole-number ticks for counts, the value on each bar,
// colours chosen by the server (one per category, red for emergencies only).
(function () {
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const phone = window.matchMedia("(max-width: 640px)").matches;
  Chart.defaults.font.size = 14;
  Chart.defaults.color = "#1f2328";

  // Writes each bar's value (or 暂无 where a rate has nothing to count) above or inside it.
  const valueLabels = {
    id: "valueLabels",
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      const opts = chart.options.plugins.valueLabels || {};
      const stacked = !!opts.stacked;
      ctx.save();
      ctx.font = "600 13px system-ui, sans-serif";
      ctx.textAlign = "center";
      chart.data.datasets.forEach((ds, i) => {
        const meta = chart.getDatasetMeta(i);
        if (meta.hidden) return;
        meta.data.forEach((bar, j) => {
          const v = ds.data[j];
          if (v === null || v === undefined) {
            if (opts.percent) {
              ctx.fillStyle = "#5d6679";
              ctx.textBaseline = "bottom";
              ctx.fillText("暂无", bar.x, chart.scales.y.getPixelForValue(0) - 2);
            }
            return;
          }
          if (!v) return;
          const text = opts.percent ? Math.round(v) + "%" : String(v);
          if (stacked) {
            if (Math.abs(bar.base - bar.y) < 16) return;
            ctx.fillStyle = "#fff";
            ctx.textBaseline = "middle";
            ctx.fillText(text, bar.x, (bar.y + bar.base) / 2);
          } else {
            ctx.fillStyle = "#1f2328";
            ctx.textBaseline = "bottom";
            ctx.fillText(text, bar.x, bar.y - 2);
          }
        });
      });
      if (stacked) {  // the week's total above each stack
        ctx.fillStyle = "#1f2328";
        ctx.textBaseline = "bottom";
        chart.data.labels.forEach((_, j) => {
          let total = 0, top = Infinity, x = 0;
          chart.data.datasets.forEach((ds, i) => {
            const bar = chart.getDatasetMeta(i).data[j];
            total += ds.data[j] || 0;
            if (bar && ds.data[j]) { top = Math.min(top, bar.y); x = bar.x; }
          });
          if (total) ctx.fillText(String(total), x, top - 2);
        });
      }
      ctx.restore();
    },
  };

  const axisTitle = (text) => ({ display: true, text: text, font: { size: 14, weight: "600" } });
  const draw = (id, chart, stacked) => {
    const el = document.getElementById(id);
    if (!el || chart.empty) return;
    const y = chart.percent
      ? { beginAtZero: true, max: 110, ticks: { stepSize: 20, callback: (v) => (v <= 100 ? v + "%" : "") } }
      : { beginAtZero: true, grace: "15%", ticks: { precision: 0 } };
    y.stacked = stacked;
    y.title = axisTitle(chart.y_title);
    new Chart(el, {
      type: "bar",
      plugins: [valueLabels],
      data: {
        labels: chart.labels,
        datasets: chart.series.map((s) => ({
          label: s.label, data: s.values, backgroundColor: s.colour, borderColor: s.colour,
        })),
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        layout: { padding: { top: 8 } },
        plugins: {
          valueLabels: { stacked: stacked, percent: chart.percent },
          legend: { position: "bottom", labels: { boxWidth: 14 } },
        },
        scales: {
          x: { stacked: stacked, title: axisTitle(chart.x_title), ticks: { autoSkip: true, maxRotation: phone ? 60 : 0 } },
          y: y,
        },
      },
    });
  };
  draw("weekly", data.weekly, true);
  draw("resolve", data.resolve, true);
  draw("grids", data.grids, false);
  draw("buildings", data.buildings, false);
})();
