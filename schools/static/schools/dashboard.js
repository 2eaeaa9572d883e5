/* Sections that fold: each section's heading becomes a button that shows or hides the
   section (the disclosure pattern: the heading stays a heading, the button says whether it
   is open). Without JavaScript every section is simply shown. */
(function () {
  "use strict";
  document.querySelectorAll("[data-fold]").forEach(function (section) {
    var heading = section.querySelector("h2");
    var body = section.querySelector("[data-fold-body]");
    if (!heading || !body) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "results-fold";
    button.setAttribute("aria-expanded", "true");
    button.setAttribute("aria-controls", body.id);
    while (heading.firstChild) button.appendChild(heading.firstChild);
    heading.appendChild(button);
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      body.hidden = !open;
    });
  });
})();

/* Charts for the results dashboard, drawn by Chart.js (served from our own static files).
   The figures come from the page (json_script): this file only draws them. Every series has
   a pattern as well as a colour, so the charts read in black and white and without colour
   vision; every chart also has a text summary and a data table on the page. */
(function () {
  "use strict";
  if (typeof Chart === "undefined") return;

  var FACE_STYLE = [
    { colour: "#8c2d1e", mark: "cross" },
    { colour: "#e0895a", mark: "diagonal" },
    { colour: "#efe6cf", mark: "dots" },
    { colour: "#86c5a4", mark: "back-diagonal" },
    { colour: "#1d6a4d", mark: "none" },
  ];
  var PAIR_STYLE = [
    { colour: "#c9c3b4", mark: "diagonal" },
    { colour: "#1d5f80", mark: "none" },
  ];

  function pattern(style) {
    if (style.mark === "none") return style.colour;
    var size = 10;
    var canvas = document.createElement("canvas");
    canvas.width = canvas.height = size;
    var ctx = canvas.getContext("2d");
    ctx.fillStyle = style.colour;
    ctx.fillRect(0, 0, size, size);
    ctx.strokeStyle = ctx.fillStyle = "rgba(0, 0, 0, 0.65)";
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    if (style.mark === "diagonal" || style.mark === "cross") {
      ctx.moveTo(0, size);
      ctx.lineTo(size, 0);
    }
    if (style.mark === "back-diagonal" || style.mark === "cross") {
      ctx.moveTo(0, 0);
      ctx.lineTo(size, size);
    }
    ctx.stroke();
    if (style.mark === "dots") {
      ctx.beginPath();
      ctx.arc(size / 2, size / 2, 1.6, 0, 2 * Math.PI);
      ctx.fill();
    }
    return ctx.createPattern(canvas, "repeat");
  }

  function bars(series, styles) {
    return series.map(function (item, index) {
      var style = styles[index % styles.length];
      return {
        type: "bar",
        label: item.label,
        data: item.values,
        backgroundColor: pattern(style),
        borderColor: "#222",
        borderWidth: 1,
      };
    });
  }

  var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source) return;
    var data = JSON.parse(source.textContent);
    var percent = data.type !== "bars";
    var datasets;
    if (data.type === "distribution") {
      datasets = bars(data.series, FACE_STYLE);
      datasets.push({
        type: "line",
        label: data.line.label,
        data: data.line.values,
        borderColor: "#111",
        backgroundColor: "#111",
        borderDash: [6, 3],
        borderWidth: 2,
        pointStyle: "rectRot",
        pointRadius: data.time ? 4 : 7,
        showLine: Boolean(data.time),
        spanGaps: false,
        stack: "line",
      });
    } else {
      datasets = bars(data.series, data.type === "before_after" ? PAIR_STYLE : [PAIR_STYLE[1], PAIR_STYLE[0]]);
    }
    var stacked = data.type === "distribution";
    new Chart(canvas, {
      data: { labels: data.labels, datasets: datasets },
      options: {
        animation: reduced ? false : { duration: 300 },
        maintainAspectRatio: false,
        responsive: true,
        scales: {
          x: { stacked: stacked, ticks: { color: "#222" } },
          y: {
            stacked: stacked,
            beginAtZero: true,
            max: percent ? 100 : undefined,
            ticks: {
              color: "#222",
              callback: function (value) {
                return percent ? value + "%" : value;
              },
            },
          },
        },
        plugins: {
          legend: { position: "bottom", labels: { color: "#222", boxWidth: 18 } },
          tooltip: {
            callbacks: {
              label: function (context) {
                var value = context.parsed.y;
                return context.dataset.label + ": " + (value === null ? "–" : value + (percent ? "%" : ""));
              },
            },
          },
        },
      },
    });
    canvas.dataset.drawn = "true";
  }

  document.querySelectorAll("canvas[data-chart]").forEach(draw);
})();
