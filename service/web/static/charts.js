// Draws the charts page from the JSON embedded in it (Chart.js is served from /static).
// Every chart: titled axes with units, whole-number ticks for counts, the value on each bar,
// colours chosen by the server (one per category, red for emergencies only). Rates per place
// are horizontal bars, so that every value has room for its label.
(function () {
  const data = JSON.parse(document.getElementById("chart-data").textContent);
  const phone = window.matchMedia("(max-width: 640px)").matches;
  Chart.defaults.font.size = 14;
  Chart.defaults.color = "#1f2328";
  const INK = "#1f2328", MUTED = "#5d6679";

  function text(ctx, value, x, y, align, baseline, colour) {
    ctx.fillStyle = colour;
    ctx.textAlign = align;
    ctx.textBaseline = baseline;
    ctx.fillText(value, x, y);
  }

  // Counts: the total above each stack, and each part inside it when a stack has several.
  function stackLabels(chart, ctx) {
    chart.data.labels.forEach((_, j) => {
      let total = 0, top = Infinity, x = 0;
      const parts = [];
      chart.data.datasets.forEach((ds, i) => {
        const bar = chart.getDatasetMeta(i).data[j];
        const v = ds.data[j] || 0;
        if (!bar || !v || chart.getDatasetMeta(i).hidden) return;
        total += v;
        top = Math.min(top, bar.y);
        x = bar.x;
        parts.push([v, bar]);
      });
      if (!total) return;
      text(ctx, String(total), x, top - 2, "center", "bottom", INK);
      if (parts.length < 2) return;
      for (const [v, bar] of parts) {
        if (Math.abs(bar.base - bar.y) >= 16) {
          text(ctx, String(v), bar.x, (bar.y + bar.base) / 2, "center", "middle", "#fff");
        }
      }
    });
  }

  // Rates: the percentage at the end of each bar; 暂无数据 where a place has nothing counted.
  function rateLabels(chart, ctx) {
    const zero = chart.scales.x.getPixelForValue(0);
    chart.data.labels.forEach((_, j) => {
      const values = chart.data.datasets.map((ds) => ds.data[j]);
      const bars = chart.data.datasets.map((_, i) => chart.getDatasetMeta(i).data[j]);
      if (values.every((v) => v === null || v === undefined)) {
        const y = chart.scales.y.getPixelForValue(j);
        text(ctx, "暂无数据", zero + 6, y, "left", "middle", MUTED);
        return;
      }
      values.forEach((v, i) => {
        const bar = bars[i];
        if (!bar) return;
        const label = v === null || v === undefined ? "暂无" : Math.round(v) + "%";
        text(ctx, label, (v ? bar.x : zero) + 4, bar.y, "left", "middle", v === null ? MUTED : INK);
      });
    });
  }

  const valueLabels = {
    id: "valueLabels",
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = "600 13px system-ui, sans-serif";
      (chart.options.plugins.valueLabels.percent ? rateLabels : stackLabels)(chart, ctx);
      ctx.restore();
    },
  };

  const axisTitle = (words) => ({ display: true, text: words, font: { size: 14, weight: "600" } });

  function draw(id, chart) {
    const el = document.getElementById(id);
    if (!el || chart.empty) return;
    const percent = chart.percent;
    const value = percent
      ? { beginAtZero: true, min: 0, max: 115, title: axisTitle(chart.value_title),
          ticks: { stepSize: 20, callback: (v) => (v <= 100 ? v + "%" : "") } }
      : { beginAtZero: true, stacked: true, grace: "15%", title: axisTitle(chart.value_title),
          ticks: { precision: 0 } };
    const place = { stacked: !percent, title: axisTitle(chart.category_title),
      ticks: { autoSkip: true, maxRotation: phone ? 60 : 0 } };
    if (percent) {  // one row per place, four bars in it
      el.parentElement.style.height = Math.max(260, chart.labels.length * 4 * 18 + 110) + "px";
    }
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
        indexAxis: percent ? "y" : "x",
        responsive: true, maintainAspectRatio: false, animation: false,
        layout: { padding: { top: 8, right: 8 } },
        plugins: {
          valueLabels: { percent: percent },
          legend: { position: "bottom", labels: { boxWidth: 14 } },
        },
        // x is always the horizontal axis and y the vertical one.
        scales: percent ? { x: value, y: place } : { x: place, y: value },
      },
    });
  }
  draw("weekly", data.weekly);
  draw("resolve", data.resolve);
  draw("grids", data.grids);
  draw("buildings", data.buildings);
})();
