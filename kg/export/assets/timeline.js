/* kg standalone timeline: draws the events embedded in #kg-data on a canvas.
 *
 * Written for kg; no libraries, no network.  Events are placed in lanes (the
 * busiest participants or topics, plus "Others"), packed into rows per frame,
 * and only what lies in the visible time range is drawn, so 10,000 events
 * pan and zoom smoothly.  Days are integers counted from 1970-01-01 (UTC), an
 * event covers [start, end + 1) on the axis.
 */
(function () {
  "use strict";

  var DAY_MS = 86400000;
  var LABEL_W = 190;
  var AXIS_H = 30;
  var ROW_H = 15;
  var MARK_H = 11;
  var LANE_PAD = 5;
  var MAX_ROWS = 5;
  var TOP_LANES = 12;
  var MIN_SPAN_DAYS = 4;
  var LABEL_LIMIT = 600;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var COLOURS = {
    conversation: "#1f6fb2",
    meeting: "#7b3fa0",
    "telephone-conversation": "#0f8a7e",
    visit: "#c0612b",
    journey: "#7d8421",
    conference: "#b2334f"
  };
  var OTHER_COLOUR = "#56606b";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var events = data.events;
  var agents = data.agents;
  var topics = data.topics;
  var places = data.places;

  var canvas = document.getElementById("kg-canvas");
  var ctx = canvas.getContext("2d");
  var chart = document.getElementById("kg-chart");
  var tooltip = document.getElementById("kg-tooltip");
  var details = document.getElementById("kg-details");
  var countLabel = document.getElementById("kg-count");
  var filterBox = document.getElementById("kg-filter");
  var laneChoice = document.getElementById("kg-lanes");

  var state = {
    lanesBy: data.lanes === "topic" ? "topic" : "participant",
    words: [],
    lanes: [],
    t0: 0,
    t1: 1,
    full: [0, 1],
    width: 600,
    height: 200,
    selected: null,
    hover: null,
    drawn: [],
    pending: false,
    shown: 0
  };
  var api = { count: 0, drawn: 0, draws: 0, lastDrawMs: 0 };
  var patterns = {};

  // --- data preparation ---------------------------------------------------------------

  Array.prototype.forEach.call(document.querySelectorAll(".kg-swatch[data-type]"), function (s) {
    var colour = COLOURS[s.getAttribute("data-type")] || OTHER_COLOUR;
    s.style.background = colour;
    s.style.color = colour;
  });

  events.forEach(function (ev, k) {
    ev.k = k;
    var words = [ev.l, ev.d, ev.x || "", ev.t || ""];
    ev.a.forEach(function (p) { words.push(agents[p[0]][1]); });
    ev.o.forEach(function (t) { words.push(topics[t][1]); });
    ev.c.forEach(function (c) { words.push(places[c][1]); });
    ev.r.forEach(function (r) { words.push(r[0]); });
    ev.hay = words.join(" \u0001 ").toLowerCase();
    ev.match = true;
  });

  function colourOf(ev) {
    return COLOURS[ev.t] || OTHER_COLOUR;
  }

  function laneKeys(ev) {
    return state.lanesBy === "topic" ? ev.o : ev.a.map(function (p) { return p[0]; });
  }

  function laneLabel(key) {
    return state.lanesBy === "topic" ? topics[key][1] : agents[key][1];
  }

  function buildLanes() {
    var counts = new Map();
    events.forEach(function (ev) {
      laneKeys(ev).forEach(function (key) { counts.set(key, (counts.get(key) || 0) + 1); });
    });
    var keys = Array.from(counts.keys());
    keys.sort(function (a, b) {
      return counts.get(b) - counts.get(a) || (laneLabel(a) < laneLabel(b) ? -1 : 1);
    });
    var lanes = keys.slice(0, TOP_LANES).map(function (key) {
      return { key: key, label: laneLabel(key), items: [] };
    });
    var index = new Map();
    lanes.forEach(function (lane, i) { index.set(lane.key, i); });
    var others = { key: null, label: "Others", items: [] };
    events.forEach(function (ev) {
      var placed = false;
      laneKeys(ev).forEach(function (key) {
        if (index.has(key)) {
          lanes[index.get(key)].items.push(ev);
          placed = true;
        }
      });
      if (!placed) { others.items.push(ev); }
    });
    if (others.items.length) { lanes.push(others); }
    var y = AXIS_H;
    lanes.forEach(function (lane) {
      lane.items.sort(function (a, b) { return a.s - b.s || a.e - b.e || a.k - b.k; });
      lane.rows = Math.max(1, Math.min(MAX_ROWS, maxOverlap(lane.items)));
      lane.maxLen = lane.items.reduce(function (m, ev) { return Math.max(m, ev.e - ev.s + 1); }, 1);
      lane.y = y;
      lane.h = lane.rows * ROW_H + 2 * LANE_PAD;
      y += lane.h;
    });
    state.lanes = lanes;
    state.height = Math.max(y + 8, 160);
  }

  function maxOverlap(items) {
    // items are sorted by start; count how many spans are open at each start
    var ends = [];
    var best = 0;
    items.forEach(function (ev) {
      ends = ends.filter(function (end) { return end >= ev.s; });
      ends.push(ev.e + 1);
      best = Math.max(best, ends.length);
    });
    return best;
  }

  function applyFilter() {
    var shown = 0;
    events.forEach(function (ev) {
      ev.match = state.words.every(function (w) { return ev.hay.indexOf(w) >= 0; });
      if (ev.match) { shown += 1; }
    });
    state.shown = shown;
    countLabel.textContent = shown === events.length
      ? events.length + (events.length === 1 ? " event" : " events")
      : "Showing " + shown + " of " + events.length + " events";
    api.count = shown;
    document.body.dataset.rendered = String(shown);
  }

  // --- geometry -----------------------------------------------------------------------

  function plotWidth() { return Math.max(10, state.width - LABEL_W); }
  function pxPerDay() { return plotWidth() / (state.t1 - state.t0); }
  function xOf(day) { return LABEL_W + (day - state.t0) * pxPerDay(); }
  function dayAt(x) { return state.t0 + (x - LABEL_W) / pxPerDay(); }

  function fullRange() {
    if (!events.length) {
      var today = Math.floor(Date.now() / DAY_MS);
      return [today - 365, today + 1];
    }
    var lo = Infinity;
    var hi = -Infinity;
    events.forEach(function (ev) { lo = Math.min(lo, ev.s); hi = Math.max(hi, ev.e + 1); });
    var pad = Math.max(15, (hi - lo) * 0.03);
    return [lo - pad, hi + pad];
  }

  function setRange(t0, t1) {
    var span = Math.max(MIN_SPAN_DAYS, t1 - t0);
    var maxSpan = (state.full[1] - state.full[0]) * 1.5;
    if (span > maxSpan) {
      var mid = (t0 + t1) / 2;
      span = maxSpan;
      t0 = mid - span / 2;
    }
    state.t0 = t0;
    state.t1 = t0 + span;
    schedule();
  }

  function zoomAt(factor, x) {
    var anchor = dayAt(x);
    var t0 = anchor - (anchor - state.t0) * factor;
    var t1 = anchor + (state.t1 - anchor) * factor;
    setRange(t0, t1);
  }

  function pan(fraction) {
    var shift = (state.t1 - state.t0) * fraction;
    setRange(state.t0 + shift, state.t1 + shift);
  }

  function resize() {
    var dpr = window.devicePixelRatio || 1;
    state.width = Math.max(320, chart.clientWidth);
    canvas.style.width = state.width + "px";
    canvas.style.height = state.height + "px";
    canvas.width = Math.round(state.width * dpr);
    canvas.height = Math.round(state.height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    schedule();
  }

  // --- ticks --------------------------------------------------------------------------

  var UNITS = [
    { days: 1, kind: "day", step: 1 },
    { days: 2, kind: "day", step: 2 },
    { days: 7, kind: "week", step: 7 },
    { days: 15, kind: "half", step: 15 },
    { days: 30.4, kind: "month", step: 1 },
    { days: 91, kind: "month", step: 3 },
    { days: 182, kind: "month", step: 6 },
    { days: 365.25, kind: "year", step: 1 },
    { days: 730.5, kind: "year", step: 2 },
    { days: 1826, kind: "year", step: 5 },
    { days: 3652, kind: "year", step: 10 },
    { days: 7305, kind: "year", step: 20 },
    { days: 18262, kind: "year", step: 50 },
    { days: 36525, kind: "year", step: 100 },
    { days: 182625, kind: "year", step: 500 }
  ];

  function utcDay(y, m, d) {
    var date = new Date(0);
    date.setUTCFullYear(y, m, d);
    date.setUTCHours(0, 0, 0, 0);
    return Math.round(date.getTime() / DAY_MS);
  }

  function dateOf(day) { return new Date(day * DAY_MS); }

  function ticks() {
    var ppd = pxPerDay();
    var unit = UNITS[UNITS.length - 1];
    for (var i = 0; i < UNITS.length; i++) {
      var minGap = UNITS[i].kind === "year" ? 48 : 78;
      if (UNITS[i].days * ppd >= minGap) { unit = UNITS[i]; break; }
    }
    var out = [];
    var first = dateOf(Math.floor(state.t0));
    var end = state.t1;
    var y = first.getUTCFullYear();
    var day;
    var date;
    if (unit.kind === "year") {
      for (y = Math.floor(y / unit.step) * unit.step; ; y += unit.step) {
        day = utcDay(y, 0, 1);
        if (day > end) { break; }
        out.push({ day: day, text: String(y), major: true });
      }
    } else if (unit.kind === "month") {
      var m = first.getUTCMonth() - (first.getUTCMonth() % unit.step);
      for (; ; m += unit.step) {
        day = utcDay(y, m, 1);
        if (day > end) { break; }
        date = dateOf(day);
        var january = date.getUTCMonth() === 0;
        out.push({
          day: day,
          text: MONTHS[date.getUTCMonth()] + (january || out.length === 0 ? " " + date.getUTCFullYear() : ""),
          major: january
        });
      }
    } else {
      for (day = Math.floor(state.t0); day <= end; day++) {
        date = dateOf(day);
        var dom = date.getUTCDate();
        var keep = unit.kind === "day" ? day % unit.step === 0
          : unit.kind === "week" ? (dom === 1 || dom === 8 || dom === 15 || dom === 22)
            : (dom === 1 || dom === 15);
        if (!keep || day < state.t0) { continue; }
        var withYear = out.length === 0 || (dom === 1 && date.getUTCMonth() === 0);
        out.push({
          day: day,
          text: dom + " " + MONTHS[date.getUTCMonth()] + (withYear ? " " + date.getUTCFullYear() : ""),
          major: dom === 1
        });
      }
    }
    return out;
  }

  // --- drawing ------------------------------------------------------------------------

  function schedule() {
    if (!state.pending) {
      state.pending = true;
      window.requestAnimationFrame(draw);
    }
  }

  function hatch(colour) {
    if (!patterns[colour]) {
      var tile = document.createElement("canvas");
      tile.width = 6;
      tile.height = 6;
      var t = tile.getContext("2d");
      t.fillStyle = "rgba(255,255,255,0.9)";
      t.fillRect(0, 0, 6, 6);
      t.globalAlpha = 0.35;
      t.fillStyle = colour;
      t.fillRect(0, 0, 6, 6);
      t.globalAlpha = 1;
      t.strokeStyle = colour;
      t.lineWidth = 1.2;
      t.beginPath();
      t.moveTo(-1, 7); t.lineTo(7, -1);
      t.moveTo(-1, 1); t.lineTo(1, -1);
      t.moveTo(5, 7); t.lineTo(7, 5);
      t.stroke();
      patterns[colour] = ctx.createPattern(tile, "repeat");
    }
    return patterns[colour];
  }

  function labelWidth(ev) {
    if (ev.lw === undefined) { ev.lw = ctx.measureText(ev.l).width; }
    return ev.lw;
  }

  function draw() {
    var started = performance.now();
    state.pending = false;
    var w = state.width;
    var h = state.height;
    var ppd = pxPerDay();
    ctx.clearRect(0, 0, w, h);
    ctx.font = "11px system-ui, sans-serif";
    ctx.textBaseline = "middle";

    state.lanes.forEach(function (lane, i) {
      ctx.fillStyle = i % 2 ? "#f6f7f9" : "#ffffff";
      ctx.fillRect(0, lane.y, w, lane.h);
    });

    var tickList = ticks();
    ctx.strokeStyle = "#e1e4e8";
    ctx.lineWidth = 1;
    ctx.beginPath();
    tickList.forEach(function (tick) {
      var x = Math.round(xOf(tick.day)) + 0.5;
      if (x >= LABEL_W) { ctx.moveTo(x, AXIS_H - 6); ctx.lineTo(x, h); }
    });
    ctx.stroke();

    // visible items: cull by time, pack into rows, remember rectangles for hit tests
    var drawn = [];
    var visibleCount = 0;
    state.lanes.forEach(function (lane) {
      lane.visible = [];
      lane.items.forEach(function (ev) {
        if (ev.match && ev.e + 1 >= state.t0 && ev.s <= state.t1) { lane.visible.push(ev); }
      });
      visibleCount += lane.visible.length;
    });
    var withLabels = visibleCount <= LABEL_LIMIT;
    state.lanes.forEach(function (lane) {
      var rowEnd = [];
      for (var r = 0; r < lane.rows; r++) { rowEnd.push(-Infinity); }
      lane.visible.forEach(function (ev) {
        var x0 = xOf(ev.s);
        var x1 = Math.max(xOf(ev.e + 1), x0 + 4);
        if (!ev.u && x1 - x0 < MARK_H) {
          var mid = (x0 + x1) / 2;
          x0 = mid - MARK_H / 2;
          x1 = mid + MARK_H / 2;
        }
        var extent = x1 + (withLabels ? Math.min(labelWidth(ev), 260) + 8 : 1);
        var row = -1;
        for (var k = 0; k < rowEnd.length; k++) {
          if (rowEnd[k] <= x0) { row = k; break; }
        }
        if (row < 0) {
          row = 0;
          for (k = 1; k < rowEnd.length; k++) { if (rowEnd[k] < rowEnd[row]) { row = k; } }
        }
        rowEnd[row] = Math.max(rowEnd[row], extent);
        var y0 = lane.y + LANE_PAD + row * ROW_H + (ROW_H - MARK_H) / 2;
        drawn.push({ ev: ev, x0: x0, x1: x1, y0: y0, y1: y0 + MARK_H, lane: lane, row: row });
      });
    });

    ctx.save();
    ctx.beginPath();
    ctx.rect(LABEL_W, AXIS_H, w - LABEL_W, h - AXIS_H);
    ctx.clip();
    drawn.forEach(function (item) { drawMark(item, ppd); });
    if (withLabels) { drawLabels(drawn); }
    ctx.restore();

    // axis and lane labels on top
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, w, AXIS_H);
    ctx.strokeStyle = "#9aa3ad";
    ctx.beginPath();
    ctx.moveTo(LABEL_W, AXIS_H - 0.5);
    ctx.lineTo(w, AXIS_H - 0.5);
    ctx.stroke();
    ctx.fillStyle = "#24292f";
    ctx.textAlign = "left";
    tickList.forEach(function (tick) {
      var x = xOf(tick.day);
      if (x >= LABEL_W - 1 && x < w - 20) {
        ctx.font = (tick.major ? "600 " : "") + "11px system-ui, sans-serif";
        ctx.fillText(tick.text, x + 3, AXIS_H / 2);
      }
    });
    ctx.font = "11px system-ui, sans-serif";
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, AXIS_H, LABEL_W - 1, h - AXIS_H);
    ctx.strokeStyle = "#9aa3ad";
    ctx.beginPath();
    ctx.moveTo(LABEL_W - 0.5, 0);
    ctx.lineTo(LABEL_W - 0.5, h);
    ctx.stroke();
    state.lanes.forEach(function (lane, i) {
      ctx.fillStyle = i % 2 ? "#f6f7f9" : "#ffffff";
      ctx.fillRect(0, lane.y, LABEL_W - 1, lane.h);
      ctx.fillStyle = lane.key === null ? "#57606a" : "#24292f";
      ctx.textAlign = "left";
      ctx.fillText(fit(lane.label, LABEL_W - 52), 8, lane.y + Math.min(lane.h / 2, LANE_PAD + ROW_H / 2));
      ctx.fillStyle = "#6e7781";
      ctx.textAlign = "right";
      ctx.fillText(String(lane.items.length), LABEL_W - 8, lane.y + Math.min(lane.h / 2, LANE_PAD + ROW_H / 2));
    });
    ctx.textAlign = "left";
    ctx.fillStyle = "#57606a";
    ctx.fillText(state.lanesBy === "topic" ? "Topic" : "Participant", 8, AXIS_H / 2);

    state.drawn = drawn;
    api.drawn = drawn.length;
    api.draws += 1;
    api.lastDrawMs = performance.now() - started;
    document.body.dataset.drawn = String(drawn.length);
  }

  function fit(text, width) {
    if (ctx.measureText(text).width <= width) { return text; }
    var cut = text.length;
    while (cut > 1 && ctx.measureText(text.slice(0, cut) + "\u2026").width > width) { cut -= 1; }
    return text.slice(0, cut) + "\u2026";
  }

  function drawMark(item, ppd) {
    var ev = item.ev;
    var colour = colourOf(ev);
    var x0 = item.x0;
    var x1 = item.x1;
    var y0 = item.y0;
    var emphasis = ev === state.selected || ev === state.hover;
    if (ev.u) {
      ctx.fillStyle = hatch(colour);
      ctx.fillRect(x0, y0, x1 - x0, MARK_H);
      ctx.strokeStyle = colour;
      ctx.lineWidth = 1;
      ctx.strokeRect(Math.round(x0) + 0.5, y0 + 0.5, Math.max(1, Math.round(x1 - x0) - 1), MARK_H - 1);
    } else if (ppd * 1 < MARK_H) {
      var cx = (x0 + x1) / 2;
      var cy = y0 + MARK_H / 2;
      ctx.fillStyle = colour;
      ctx.beginPath();
      ctx.moveTo(cx, y0);
      ctx.lineTo(cx + MARK_H / 2, cy);
      ctx.lineTo(cx, y0 + MARK_H);
      ctx.lineTo(cx - MARK_H / 2, cy);
      ctx.closePath();
      ctx.fill();
    } else {
      ctx.fillStyle = colour;
      ctx.fillRect(x0, y0, x1 - x0, MARK_H);
    }
    if (emphasis) {
      ctx.strokeStyle = ev === state.selected ? "#d4a000" : "#111111";
      ctx.lineWidth = 2;
      ctx.strokeRect(x0 - 2, y0 - 2, x1 - x0 + 4, MARK_H + 4);
    }
  }

  function drawLabels(drawn) {
    // a label runs from the end of its mark to the next mark in the same row
    var byRow = new Map();
    drawn.forEach(function (item) {
      var key = item.lane.y * 16 + item.row;
      if (!byRow.has(key)) { byRow.set(key, []); }
      byRow.get(key).push(item);
    });
    ctx.fillStyle = "#24292f";
    ctx.textAlign = "left";
    byRow.forEach(function (items) {
      items.sort(function (a, b) { return a.x0 - b.x0; });
      items.forEach(function (item, i) {
        var next = i + 1 < items.length ? items[i + 1].x0 : state.width;
        var room = next - item.x1 - 8;
        var start = Math.max(item.x1 + 4, LABEL_W + 2);
        room = Math.min(room, state.width - start - 4);
        if (room < 24) { return; }
        var text = item.ev.l;
        var width = labelWidth(item.ev);
        if (width > room) {
          var keep = Math.max(1, Math.floor(text.length * room / width) - 1);
          text = text.slice(0, keep) + "\u2026";
        }
        ctx.fillText(text, start, item.y0 + MARK_H / 2);
      });
    });
  }

  // --- interaction --------------------------------------------------------------------

  function itemAt(x, y) {
    for (var i = state.drawn.length - 1; i >= 0; i--) {
      var it = state.drawn[i];
      if (x >= it.x0 - 2 && x <= it.x1 + 2 && y >= it.y0 - 2 && y <= it.y1 + 2) { return it; }
    }
    return null;
  }

  function localPoint(event) {
    var box = canvas.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  var drag = null;

  canvas.addEventListener("wheel", function (event) {
    event.preventDefault();
    var p = localPoint(event);
    if (Math.abs(event.deltaX) > Math.abs(event.deltaY) || event.shiftKey) {
      var delta = Math.abs(event.deltaX) > Math.abs(event.deltaY) ? event.deltaX : event.deltaY;
      pan(delta / plotWidth());
    } else {
      zoomAt(Math.exp(event.deltaY * 0.0015), Math.max(p.x, LABEL_W));
    }
  }, { passive: false });

  canvas.addEventListener("pointerdown", function (event) {
    var p = localPoint(event);
    drag = { x: p.x, t0: state.t0, t1: state.t1, moved: false };
    canvas.setPointerCapture(event.pointerId);
  });

  canvas.addEventListener("pointermove", function (event) {
    var p = localPoint(event);
    if (drag) {
      var dx = p.x - drag.x;
      if (Math.abs(dx) > 3) { drag.moved = true; }
      if (drag.moved) {
        var shift = -dx / pxPerDay();
        setRange(drag.t0 + shift, drag.t1 + shift);
        hideTooltip();
        return;
      }
    }
    var item = itemAt(p.x, p.y);
    var ev = item ? item.ev : null;
    canvas.style.cursor = ev ? "pointer" : "grab";
    if (ev !== state.hover) { state.hover = ev; schedule(); }
    if (ev) { showTooltip(ev, event.clientX, event.clientY); } else { hideTooltip(); }
  });

  canvas.addEventListener("pointerup", function (event) {
    var p = localPoint(event);
    var wasDrag = drag && drag.moved;
    drag = null;
    if (!wasDrag) {
      var item = itemAt(p.x, p.y);
      select(item ? item.ev : null);
    }
  });

  canvas.addEventListener("pointerleave", function () {
    if (state.hover) { state.hover = null; schedule(); }
    hideTooltip();
  });

  canvas.addEventListener("keydown", function (event) {
    var handled = true;
    switch (event.key) {
      case "+": case "=": zoomAt(1 / 1.5, LABEL_W + plotWidth() / 2); break;
      case "-": case "_": zoomAt(1.5, LABEL_W + plotWidth() / 2); break;
      case "ArrowLeft": pan(-0.1); break;
      case "ArrowRight": pan(0.1); break;
      case "0": case "Home": reset(); break;
      case "Escape": select(null); break;
      default: handled = false;
    }
    if (handled) { event.preventDefault(); }
  });

  function reset() { setRange(state.full[0], state.full[1]); }

  document.getElementById("kg-zoom-in").addEventListener("click", function () {
    zoomAt(1 / 1.5, LABEL_W + plotWidth() / 2);
  });
  document.getElementById("kg-zoom-out").addEventListener("click", function () {
    zoomAt(1.5, LABEL_W + plotWidth() / 2);
  });
  document.getElementById("kg-reset").addEventListener("click", reset);

  filterBox.addEventListener("input", function () {
    state.words = filterBox.value.toLowerCase().split(/\s+/).filter(Boolean);
    applyFilter();
    schedule();
  });

  laneChoice.value = state.lanesBy;
  laneChoice.addEventListener("change", function () {
    state.lanesBy = laneChoice.value === "topic" ? "topic" : "participant";
    buildLanes();
    resize();
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target && target.closest) {
      var button = target.closest("button[data-k]");
      if (button) {
        var ev = events[Number(button.getAttribute("data-k"))];
        focusEvent(ev);
        select(ev);
        chart.scrollIntoView({ block: "nearest" });
      }
    }
  });

  window.addEventListener("resize", resize);

  // --- tooltip and details ------------------------------------------------------------

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function safeUrl(url) {
    return /^https?:\/\//i.test(url || "") ? url : null;
  }

  function link(url, text) {
    var a = el("a", text || url);
    a.href = url;
    a.rel = "noopener";
    return a;
  }

  function agentText(p) {
    var agent = agents[p[0]];
    return agent[1] + (p[1] ? " (" + p[1] + ")" : "");
  }

  function showTooltip(ev, clientX, clientY) {
    tooltip.textContent = "";
    tooltip.appendChild(el("strong", ev.l));
    tooltip.appendChild(el("div", ev.d + (ev.u ? " (uncertain or several days)" : "")));
    var names = ev.a.slice(0, 4).map(agentText).join(", ");
    if (ev.a.length > 4) { names += " and " + (ev.a.length - 4) + " more"; }
    if (names) { tooltip.appendChild(el("div", names)); }
    if (ev.r.length) { tooltip.appendChild(el("div", ev.r[0][0], "kg-cite")); }
    tooltip.hidden = false;
    var box = chart.getBoundingClientRect();
    var left = clientX - box.left + 14;
    var top = clientY - box.top + 14;
    if (left + 340 > box.width) { left = Math.max(4, clientX - box.left - 354); }
    tooltip.style.left = left + "px";
    tooltip.style.top = top + "px";
  }

  function hideTooltip() { tooltip.hidden = true; }

  function field(list, name, value) {
    if (value === null || value === undefined || value === "" ||
        (Array.isArray(value) && !value.length)) { return; }
    list.appendChild(el("dt", name));
    var dd = el("dd");
    if (Array.isArray(value)) {
      var ul = el("ul");
      value.forEach(function (v) {
        var li = el("li");
        if (typeof v === "string") { li.textContent = v; } else { li.appendChild(v); }
        ul.appendChild(li);
      });
      dd.appendChild(ul);
    } else if (typeof value === "string") {
      dd.textContent = value;
    } else {
      dd.appendChild(value);
    }
    list.appendChild(dd);
  }

  function select(ev) {
    state.selected = ev;
    schedule();
    details.textContent = "";
    if (!ev) {
      details.appendChild(el("p", "Click an event to see its details and sources.", "kg-hint"));
      return;
    }
    details.appendChild(el("h2", ev.l));
    var dl = el("dl");
    field(dl, "Date", ev.d + (ev.u ? " (the date is uncertain or spans several days)" : ""));
    field(dl, "EDTF", ev.x);
    field(dl, "Type", ev.t ? ev.t.replace(/-/g, " ") : null);
    field(dl, "Participants", ev.a.map(agentText));
    field(dl, "Place", ev.c.map(function (c) { return places[c][1]; }).join("; "));
    field(dl, "Topics", ev.o.map(function (t) { return topics[t][1]; }).join("; "));
    field(dl, "Summary", ev.m);
    field(dl, "Sources", ev.r.map(function (r) {
      var box = el("div", null, "kg-source");
      box.appendChild(el("span", r[0], "kg-cite"));
      var url = safeUrl(r[1]);
      var record = safeUrl(r[2]);
      if (url || record) {
        box.appendChild(document.createTextNode(" "));
        box.appendChild(link(url || record, url ? "source" : "record"));
      }
      return box;
    }));
    var iri = safeUrl(ev.i);
    field(dl, "Event IRI", iri ? link(iri) : ev.i);
    details.appendChild(dl);
  }

  function focusEvent(ev) {
    if (!ev) { return; }
    var span = Math.max(60, (ev.e - ev.s + 1) * 3);
    var mid = (ev.s + ev.e + 1) / 2;
    setRange(mid - span / 2, mid + span / 2);
  }

  function eventByIri(iri) {
    for (var i = 0; i < events.length; i++) { if (events[i].i === iri) { return events[i]; } }
    return null;
  }

  // --- start --------------------------------------------------------------------------

  window.kgTimeline = api;
  api.total = events.length;
  api.range = function () { return [state.t0, state.t1]; };
  api.setRange = function (a, b) { setRange(a, b); draw(); };
  api.zoom = function (factor) { zoomAt(factor, LABEL_W + plotWidth() / 2); draw(); };
  api.reset = function () { reset(); draw(); };
  api.select = function (iri) { select(eventByIri(iri)); draw(); };
  api.focus = function (iri) { focusEvent(eventByIri(iri)); draw(); };
  api.lanes = function () { return state.lanes.map(function (l) { return l.label; }); };
  api.positionOf = function (iri) {
    draw();
    for (var i = 0; i < state.drawn.length; i++) {
      var it = state.drawn[i];
      if (it.ev.i === iri && it.x1 > LABEL_W && it.x0 < state.width) {
        var box = canvas.getBoundingClientRect();
        var x = Math.max(it.x0, LABEL_W + 2);
        var x1 = Math.min(it.x1, state.width - 2);
        return { x: box.left + (x + x1) / 2, y: box.top + (it.y0 + it.y1) / 2 };
      }
    }
    return null;
  };

  state.full = fullRange();
  state.t0 = state.full[0];
  state.t1 = state.full[1];
  buildLanes();
  applyFilter();
  select(null);
  document.getElementById("kg-app").hidden = false;
  resize();
  draw();
  document.body.dataset.ready = "true";
})();
