/* wardgraph view: draws the network embedded in this page on a canvas.
 * Plain JavaScript, no library: the page must open offline, and one canvas
 * path per colour keeps 10^4 nodes and 10^5 edges at interactive speed. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('wg-data').textContent);
  var N = data.nodes.count, M = data.edges.count;
  var ncol = data.nodes.columns, ecol = data.edges.columns;
  var PALETTE = { official: '#e41a1c', ward: '#4daf4a', committee: '#377eb8', project: '#ff7f00', meeting: '#999999' };
  var EXTRA = ['#984ea3', '#a65628', '#f781bf', '#66c2a5', '#8da0cb', '#e78ac3', '#a6d854', '#ffd92f'];

  function col(table, name, i, fallback) {
    var c = table[name];
    return c && c[i] !== null && c[i] !== undefined ? c[i] : fallback;
  }

  /* The accent- and case-free form used by search, as `wardgraph neighbors`
   * matches names: NFD, marks dropped, đ -> d, lower case, - _ and runs of
   * spaces as one space. */
  function fold(s) {
    return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd')
      .toLowerCase().replace(/[-_\s]+/g, ' ').trim();
  }

  /* ---- nodes ---- */
  var key = data.nodes.key, label = [], type = [], folded = [], color = [], radius = new Float64Array(N);
  var X = new Float64Array(N), Y = new Float64Array(N);
  var hasXY = !!(ncol.x && ncol.y);
  var types = [], typeIndex = {}, typeOf = new Int32Array(N);
  for (var i = 0; i < N; i++) {
    label[i] = String(col(ncol, 'label', i, '') || key[i]);
    type[i] = String(col(ncol, 'type', i, '') || 'other');
    folded[i] = fold(label[i]);
    if (!(type[i] in typeIndex)) {
      typeIndex[type[i]] = types.length;
      types.push({ name: type[i], count: 0, color: null, shown: true });
    }
    var t = types[typeIndex[type[i]]];
    typeOf[i] = typeIndex[type[i]];
    t.count++;
    color[i] = data.nodes.color[i] || t.color || PALETTE[type[i]] || EXTRA[(types.length - 1) % EXTRA.length];
    if (!t.color) t.color = color[i];
    var size = col(ncol, 'size', i, null), mentions = col(ncol, 'mentions', i, 1);
    radius[i] = size !== null ? +size : 4 + 4 * Math.sqrt(+mentions || 1);
    if (hasXY) { X[i] = +col(ncol, 'x', i, 0); Y[i] = +col(ncol, 'y', i, 0); }
  }
  if (!hasXY) {
    /* no layout in the file: a sunflower, largest nodes in the middle */
    var order = []; for (i = 0; i < N; i++) order.push(i);
    order.sort(function (a, b) { return radius[b] - radius[a] || typeOf[a] - typeOf[b]; });
    for (var k = 0; k < N; k++) {
      var rr = 20 * Math.sqrt(k + 0.5), th = k * 2.399963229728653;
      X[order[k]] = rr * Math.cos(th); Y[order[k]] = rr * Math.sin(th);
    }
  }
  types.sort(function (a, b) { return b.count - a.count || (a.name < b.name ? -1 : 1); });
  typeIndex = {}; types.forEach(function (t, j) { typeIndex[t.name] = j; });
  for (i = 0; i < N; i++) typeOf[i] = typeIndex[type[i]];

  /* ---- edges ---- */
  var src = data.edges.source, dst = data.edges.target, weight = new Float64Array(M), maxWeight = 1;
  var adj = []; for (i = 0; i < N; i++) adj.push([]);
  for (var e = 0; e < M; e++) {
    var w = col(ecol, 'weight', e, 1);
    weight[e] = w === null ? 1 : +w;
    if (weight[e] > maxWeight) maxWeight = weight[e];
    adj[src[e]].push(e);
    if (dst[e] !== src[e]) adj[dst[e]].push(e);
  }
  /* four line widths by weight, on a log scale: one canvas path each */
  var classes = maxWeight > 1 ? 4 : 1, edgeClass = new Uint8Array(M);
  for (e = 0; e < M; e++)
    edgeClass[e] = classes === 1 ? 0 : Math.min(3, Math.floor(Math.log(weight[e]) / Math.log(maxWeight) * 4));

  /* ---- time: each date (YYYY, YYYY-MM, YYYY-MM-DD) is the interval of days it
   * names, as in the GEXF spells; "--MM-DD" has no year and no place in time ---- */
  function dayNumber(y, m, d) { return Math.floor(Date.UTC(y, m - 1, d) / 86400000); }
  function interval(s) {
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
    if (!m) return null;
    var y = +m[1];
    if (!m[2]) return [dayNumber(y, 1, 1), dayNumber(y, 12, 31)];
    var mo = +m[2];
    if (mo < 1 || mo > 12) return null;
    if (!m[3]) return [dayNumber(y, mo, 1), dayNumber(y, mo + 1, 1) - 1];
    var d = dayNumber(y, mo, +m[3]);
    return [d, d];
  }
  var dateSet = {};
  function spans(table, count) {
    /* per item: a flat [start, end, start, end, ...] or null (always shown) */
    var out = new Array(count), c = table.dates;
    for (var j = 0; j < count; j++) {
      var list = c && c[j] ? String(c[j]).split(';') : [], s = null;
      for (var q = 0; q < list.length; q++) {
        var iv = interval(list[q]);
        if (!iv) continue;
        (s || (s = [])).push(iv[0], iv[1]);
        dateSet[list[q]] = iv;
      }
      out[j] = s;
    }
    return out;
  }
  var nodeSpans = spans(ncol, N), edgeSpans = spans(ecol, M);
  var dates = Object.keys(dateSet).sort(function (a, b) {
    return dateSet[a][0] - dateSet[b][0] || dateSet[a][1] - dateSet[b][1];
  });

  /* ---- state ---- */
  var minWeight = 1, fromDay = -Infinity, toDay = Infinity, selected = -1, hover = -1, matches = [];
  var nodeShown = new Uint8Array(N), edgeShown = new Uint8Array(M), shownNodes = 0, shownEdges = 0;
  function inTime(s) {
    if (!s) return true;
    for (var q = 0; q < s.length; q += 2) if (s[q] <= toDay && s[q + 1] >= fromDay) return true;
    return false;
  }
  function filter() {
    shownNodes = shownEdges = 0;
    for (var j = 0; j < N; j++) {
      nodeShown[j] = types[typeOf[j]].shown && inTime(nodeSpans[j]) ? 1 : 0;
      shownNodes += nodeShown[j];
    }
    for (var f = 0; f < M; f++) {
      edgeShown[f] = nodeShown[src[f]] && nodeShown[dst[f]] && weight[f] >= minWeight && inTime(edgeSpans[f]) ? 1 : 0;
      shownEdges += edgeShown[f];
    }
    document.getElementById('counts').textContent = shownNodes + ' of ' + N + ' nodes, ' + shownEdges + ' of ' + M + ' edges shown';
    redraw();
  }

  /* ---- camera: screen = world * scale + offset; y grows downwards on screen
   * and upwards in the layout (Gephi's convention) ---- */
  var canvas = document.getElementById('canvas'), ctx = canvas.getContext('2d');
  var W = 0, H = 0, dpr = 1, scale = 1, ox = 0, oy = 0;
  function sx(j) { return X[j] * scale + ox; }
  function sy(j) { return -Y[j] * scale + oy; }
  function nodeRadius(j) { return Math.max(1.5, radius[j] * Math.sqrt(scale)); }
  function fit() {
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (var j = 0; j < N; j++) {
      if (X[j] < x0) x0 = X[j]; if (X[j] > x1) x1 = X[j];
      if (-Y[j] < y0) y0 = -Y[j]; if (-Y[j] > y1) y1 = -Y[j];
    }
    if (!N) { x0 = y0 = -1; x1 = y1 = 1; }
    var w = Math.max(x1 - x0, 1e-9), h = Math.max(y1 - y0, 1e-9), pad = 40;
    scale = Math.min((W - 2 * pad) / w, (H - 2 * pad) / h);
    if (!isFinite(scale) || scale <= 0) scale = 1;
    ox = W / 2 - (x0 + x1) / 2 * scale;
    oy = H / 2 - (y0 + y1) / 2 * scale;
  }
  function resize() {
    var r = canvas.getBoundingClientRect();
    dpr = window.devicePixelRatio || 1;
    var first = !W;
    W = Math.max(1, r.width); H = Math.max(1, r.height);
    canvas.width = Math.round(W * dpr); canvas.height = Math.round(H * dpr);
    if (first) fit();
    redraw();
  }
  function zoomAt(f, px, py) {
    ox = px - (px - ox) * f; oy = py - (py - oy) * f; scale *= f;
    moved();
  }

  /* ---- drawing ---- */
  var pending = false, moving = false, movingTimer = 0;
  function redraw() {
    if (!pending) { pending = true; requestAnimationFrame(draw); }
  }
  /* While the view pans or zooms, a large graph is drawn without its edges
   * and labels (as sigma.js does), then in full once it stops. */
  function moved() {
    if (M + N < 20000) return redraw();
    moving = true;
    clearTimeout(movingTimer);
    movingTimer = setTimeout(function () { moving = false; redraw(); }, 150);
    redraw();
  }
  function neighbourSet(j) {
    var s = {}; if (j < 0) return s;
    s[j] = 1;
    adj[j].forEach(function (f) { if (edgeShown[f]) { s[src[f]] = 1; s[dst[f]] = 1; } });
    return s;
  }
  function draw() {
    pending = false;
    var t0 = performance.now();
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    var focus = selected >= 0 ? selected : hover, near = neighbourSet(focus), j, f;
    for (var c = 0; c < classes && !moving; c++) {
      ctx.beginPath();
      for (f = 0; f < M; f++) {
        if (!edgeShown[f] || edgeClass[f] !== c) continue;
        ctx.moveTo(sx(src[f]), sy(src[f])); ctx.lineTo(sx(dst[f]), sy(dst[f]));
      }
      ctx.lineWidth = 0.6 + c * 0.9;
      ctx.strokeStyle = focus >= 0 ? 'rgba(150,150,150,0.12)' : 'rgba(120,120,120,0.35)';
      ctx.stroke();
    }
    if (focus >= 0) {
      ctx.beginPath();
      adj[focus].forEach(function (g) {
        if (edgeShown[g]) { ctx.moveTo(sx(src[g]), sy(src[g])); ctx.lineTo(sx(dst[g]), sy(dst[g])); }
      });
      ctx.lineWidth = 1.6; ctx.strokeStyle = 'rgba(40,40,40,0.75)'; ctx.stroke();
    }
    /* nodes: one path per colour, dimmed ones first */
    var byColor = {};
    for (j = 0; j < N; j++) {
      if (!nodeShown[j]) continue;
      var x = sx(j), y = sy(j), r = nodeRadius(j);
      if (x + r < 0 || y + r < 0 || x - r > W || y - r > H) continue;
      var k2 = (focus >= 0 && !near[j] ? 'dim:' : '') + color[j];
      (byColor[k2] || (byColor[k2] = [])).push(j);
    }
    Object.keys(byColor).sort(function (a, b) { return (b.indexOf('dim:') === 0) - (a.indexOf('dim:') === 0); })
      .forEach(function (k3) {
        var dim = k3.indexOf('dim:') === 0, list = byColor[k3];
        ctx.beginPath();
        for (var q = 0; q < list.length; q++) {
          var n = list[q], xx = sx(n), yy = sy(n), rad = nodeRadius(n);
          ctx.moveTo(xx + rad, yy); ctx.arc(xx, yy, rad, 0, 2 * Math.PI);
        }
        ctx.globalAlpha = dim ? 0.25 : 1;
        ctx.fillStyle = dim ? k3.slice(4) : k3;
        ctx.fill();
        if (list.length < 3000) { ctx.lineWidth = 0.8; ctx.strokeStyle = '#fff'; ctx.stroke(); }
        ctx.globalAlpha = 1;
      });
    matches.forEach(function (n) {
      if (!nodeShown[n]) return;
      ctx.beginPath(); ctx.arc(sx(n), sy(n), nodeRadius(n) + 3, 0, 2 * Math.PI);
      ctx.lineWidth = 2; ctx.strokeStyle = '#222'; ctx.stroke();
    });
    if (focus >= 0 && nodeShown[focus]) {
      ctx.beginPath(); ctx.arc(sx(focus), sy(focus), nodeRadius(focus) + 4, 0, 2 * Math.PI);
      ctx.lineWidth = 3; ctx.strokeStyle = '#000'; ctx.stroke();
    }
    if (!moving) drawLabels(focus, near);
    document.body.setAttribute('data-draw-ms', String(Math.round(performance.now() - t0)));
    document.body.setAttribute('data-ready', '1');
  }
  /* Labels of the largest nodes first, none overlapping another: a grid of
   * occupied cells keeps that linear. */
  var bySize = []; for (i = 0; i < N; i++) bySize.push(i);
  bySize.sort(function (a, b) { return radius[b] - radius[a] || (label[a] < label[b] ? -1 : 1); });
  function drawLabels(focus, near) {
    var cell = 14, used = {}, drawn = 0, limit = 400;
    ctx.font = '12px system-ui, sans-serif'; ctx.textBaseline = 'middle'; ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(255,255,255,0.9)'; ctx.fillStyle = '#222';
    function place(j, force) {
      var x = sx(j) + nodeRadius(j) + 3, y = sy(j);
      if (x > W || y < 0 || y > H || x < -200) return;
      var w = ctx.measureText(label[j]).width, c0 = Math.floor(x / cell), c1 = Math.floor((x + w) / cell), row = Math.floor(y / cell);
      if (!force) for (var c = c0; c <= c1; c++) if (used[row + ',' + c]) return;
      for (c = c0; c <= c1; c++) used[row + ',' + c] = 1;
      ctx.strokeText(label[j], x, y); ctx.fillText(label[j], x, y); drawn++;
    }
    if (focus >= 0) Object.keys(near).forEach(function (j) { if (nodeShown[j]) place(+j, +j === focus); });
    for (var q = 0; q < N && drawn < limit; q++) {
      var j = bySize[q];
      if (!nodeShown[j] || (focus >= 0 && !near[j]) || nodeRadius(j) < 4) continue;
      place(j, false);
    }
  }

  /* ---- finding the node under the pointer: a grid over the layout ---- */
  var grid = null, gridCell = 1, gx0 = 0, gy0 = 0;
  function buildGrid() {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, maxR = 1;
    for (var j = 0; j < N; j++) {
      x0 = Math.min(x0, X[j]); x1 = Math.max(x1, X[j]); y0 = Math.min(y0, Y[j]); y1 = Math.max(y1, Y[j]);
      maxR = Math.max(maxR, radius[j]);
    }
    gridCell = Math.max(maxR, Math.sqrt(Math.max((x1 - x0) * (y1 - y0), 1) / Math.max(N, 1)) * 2);
    gx0 = x0; gy0 = y0; grid = {};
    for (j = 0; j < N; j++) {
      var k = Math.floor((X[j] - gx0) / gridCell) + ',' + Math.floor((Y[j] - gy0) / gridCell);
      (grid[k] || (grid[k] = [])).push(j);
    }
  }
  function nodeAt(px, py) {
    if (!grid) buildGrid();
    var wx = (px - ox) / scale, wy = -(py - oy) / scale, reach = (30 / scale) / gridCell;
    var cx = Math.floor((wx - gx0) / gridCell), cy = Math.floor((wy - gy0) / gridCell), best = -1, bestD = Infinity;
    var span = Math.min(Math.ceil(reach) + 1, 50);
    for (var a = cx - span; a <= cx + span; a++)
      for (var b = cy - span; b <= cy + span; b++) {
        var list = grid[a + ',' + b]; if (!list) continue;
        for (var q = 0; q < list.length; q++) {
          var j = list[q]; if (!nodeShown[j]) continue;
          var dx = sx(j) - px, dy = sy(j) - py, d = Math.sqrt(dx * dx + dy * dy);
          if (d <= nodeRadius(j) + 3 && d < bestD) { best = j; bestD = d; }
        }
      }
    return best;
  }

  /* ---- details ---- */
  function el(tag, text, cls) {
    var x = document.createElement(tag);
    if (text !== undefined) x.textContent = text;
    if (cls) x.className = cls;
    return x;
  }
  function meetingsOf(j) {
    var seen = {}, list = [];
    adj[j].forEach(function (f) {
      var m = col(ecol, 'meetings', f, '');
      if (m) String(m).split(';').forEach(function (id) { if (id && !seen[id]) { seen[id] = 1; list.push(id); } });
    });
    return list.sort();
  }
  var SHOWN = ['type', 'titles', 'mentions', 'articles', 'dates', 'parent'];
  var HIDDEN = { label: 1, x: 1, y: 1, size: 1, first_date: 1, last_date: 1 };
  function showInfo(j) {
    var box = document.getElementById('info');
    if (j < 0) { box.hidden = true; return; }
    box.hidden = false;
    document.getElementById('info-label').textContent = label[j];
    var dl = document.getElementById('info-fields'); dl.textContent = '';
    function row(name, value) {
      if (value === null || value === undefined || value === '') return;
      dl.appendChild(el('dt', name)); dl.appendChild(el('dd', String(value)));
    }
    row('key', key[j]);
    SHOWN.forEach(function (c) { if (ncol[c]) row(c, String(col(ncol, c, j, '')).split(';').join('; ').replace(/;  /g, '; ')); });
    Object.keys(ncol).forEach(function (c) { if (SHOWN.indexOf(c) < 0 && !HIDDEN[c]) row(c, col(ncol, c, j, '')); });
    var ms = meetingsOf(j);
    row('meetings', ms.length ? ms.length + ': ' + ms.join(', ') : '');
    var ol = document.getElementById('info-neighbours'); ol.textContent = '';
    var nb = adj[j].filter(function (f) { return edgeShown[f]; }).map(function (f) {
      return { n: src[f] === j ? dst[f] : src[f], w: weight[f] };
    }).sort(function (a, b) { return b.w - a.w || (label[a.n] < label[b.n] ? -1 : 1); });
    nb.slice(0, 200).forEach(function (x) {
      var li = el('li'); var sw = el('span', '', 'swatch'); sw.style.background = color[x.n];
      li.appendChild(sw); li.appendChild(document.createTextNode(' ' + label[x.n] + ' (' + x.w + ')'));
      li.onclick = function () { select(x.n, true); };
      ol.appendChild(li);
    });
  }
  function select(j, center) {
    selected = j;
    showInfo(j);
    if (j >= 0) {
      document.body.setAttribute('data-selected', key[j]);
      if (center) {
        if (scale < 1) { var f = 1 / scale; ox = W / 2 - (W / 2 - ox) * f; oy = H / 2 - (H / 2 - oy) * f; scale = 1; }
        ox += W / 2 - sx(j); oy += H / 2 - sy(j);
      }
    } else {
      document.body.removeAttribute('data-selected');
    }
    redraw();
  }

  /* ---- search ---- */
  var search = document.getElementById('search'), results = document.getElementById('results');
  function runSearch() {
    var q = fold(search.value);
    results.textContent = '';
    matches = [];
    if (q) {
      for (var j = 0; j < N; j++)
        if (folded[j].indexOf(q) >= 0 || key[j].indexOf(q) >= 0) matches.push(j);
      /* whole-word starts first, then the largest */
      matches.sort(function (a, b) {
        var sa = folded[a].indexOf(q) === 0 ? 0 : 1, sb = folded[b].indexOf(q) === 0 ? 0 : 1;
        return sa - sb || radius[b] - radius[a] || (label[a] < label[b] ? -1 : 1);
      });
      matches.slice(0, 50).forEach(function (n, r) {
        var li = el('li'); var sw = el('span', '', 'swatch'); sw.style.background = color[n];
        li.appendChild(sw); li.appendChild(document.createTextNode(' ' + label[n]));
        li.setAttribute('data-key', key[n]);
        if (!r) li.className = 'active';
        li.onclick = function () { select(n, true); };
        results.appendChild(li);
      });
      if (!matches.length) results.appendChild(el('li', 'no match', 'muted'));
      else if (matches.length > 50) results.appendChild(el('li', '… ' + (matches.length - 50) + ' more', 'muted'));
    }
    document.body.setAttribute('data-matches', String(matches.length));
    redraw();
  }
  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && matches.length) select(matches[0], true);
    if (ev.key === 'Escape') { search.value = ''; runSearch(); select(-1); }
  });

  /* ---- legend and filters ---- */
  var legend = document.getElementById('legend');
  types.forEach(function (t) {
    var li = el('li'), box = el('input'), sw = el('span', '', 'swatch');
    box.type = 'checkbox'; box.checked = true; box.setAttribute('aria-label', 'show ' + t.name);
    box.onchange = function () { t.shown = box.checked; filter(); };
    sw.style.background = t.color;
    li.appendChild(box); li.appendChild(sw); li.appendChild(el('span', t.name)); li.appendChild(el('span', String(t.count), 'count'));
    li.setAttribute('data-type', t.name);
    legend.appendChild(li);
  });
  var wIn = document.getElementById('weight');
  wIn.max = String(Math.max(1, Math.ceil(maxWeight)));
  wIn.oninput = function () { minWeight = +wIn.value; document.getElementById('weight-value').textContent = wIn.value; filter(); };
  if (dates.length) {
    var fIn = document.getElementById('from'), tIn = document.getElementById('to');
    document.getElementById('time').hidden = false;
    fIn.max = tIn.max = String(dates.length - 1);
    tIn.value = String(dates.length - 1);
    var onTime = function () {
      var a = +fIn.value, b = +tIn.value;
      if (a > b) { if (this === fIn) tIn.value = String(b = a); else fIn.value = String(a = b); }
      fromDay = dateSet[dates[a]][0]; toDay = dateSet[dates[b]][1];
      document.getElementById('from-value').textContent = dates[a];
      document.getElementById('to-value').textContent = dates[b];
      filter();
    };
    fIn.oninput = onTime; tIn.oninput = onTime;
    document.getElementById('from-value').textContent = dates[0];
    document.getElementById('to-value').textContent = dates[dates.length - 1];
  }

  /* ---- pointer ---- */
  var tip = document.getElementById('tip'), drag = null;
  function showTip(j, px, py) {
    if (j < 0) { tip.hidden = true; return; }
    tip.textContent = '';
    tip.appendChild(el('strong', label[j]));
    tip.appendChild(el('div', type[j] + ', ' + col(ncol, 'mentions', j, '?') + ' mentions', 'type'));
    var titles = col(ncol, 'titles', j, '');
    if (titles) tip.appendChild(el('div', String(titles)));
    tip.hidden = false;
    tip.style.left = Math.min(px + 14, W - 200) + 'px'; tip.style.top = (py + 14) + 'px';
  }
  canvas.addEventListener('pointerdown', function (ev) {
    drag = { x: ev.offsetX, y: ev.offsetY, ox: ox, oy: oy, moved: false };
    canvas.setPointerCapture(ev.pointerId); canvas.classList.add('dragging');
  });
  canvas.addEventListener('pointermove', function (ev) {
    if (drag) {
      var dx = ev.offsetX - drag.x, dy = ev.offsetY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      ox = drag.ox + dx; oy = drag.oy + dy; tip.hidden = true; moved();
      return;
    }
    var j = nodeAt(ev.offsetX, ev.offsetY);
    if (j !== hover) { hover = j; redraw(); }
    showTip(j, ev.offsetX, ev.offsetY);
  });
  canvas.addEventListener('pointerup', function (ev) {
    canvas.classList.remove('dragging');
    if (drag && !drag.moved) select(nodeAt(ev.offsetX, ev.offsetY), false);
    drag = null;
  });
  canvas.addEventListener('pointerleave', function () { if (hover >= 0) { hover = -1; redraw(); } tip.hidden = true; });
  canvas.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    zoomAt(Math.exp(-ev.deltaY * (ev.deltaMode ? 0.05 : 0.002)), ev.offsetX, ev.offsetY);
  }, { passive: false });
  document.getElementById('zoom-in').onclick = function () { zoomAt(1.5, W / 2, H / 2); };
  document.getElementById('zoom-out').onclick = function () { zoomAt(1 / 1.5, W / 2, H / 2); };
  document.getElementById('zoom-fit').onclick = function () { fit(); redraw(); };
  window.addEventListener('resize', resize);

  /* #q=NAME searches, #node=KEY selects: links to a node */
  function fromHash() {
    var h = location.hash.replace(/^#/, ''), m;
    if ((m = /(?:^|&)q=([^&]*)/.exec(h))) { search.value = decodeURIComponent(m[1].replace(/\+/g, ' ')); runSearch(); if (matches.length) select(matches[0], true); }
    if ((m = /(?:^|&)node=([^&]*)/.exec(h))) { var k = key.indexOf(decodeURIComponent(m[1])); if (k >= 0) select(k, true); }
  }
  window.addEventListener('hashchange', fromHash);
  resize();
  filter();
  fromHash();
})();
