'use strict';
(function () {
  const body = document.body;
  const page = body.dataset.page;
  const scenarioId = body.dataset.scenario || '';
  const pollMs = Math.max(500, parseInt(body.dataset.poll || '2000', 10));
  const api = '/api/scenarios/' + encodeURIComponent(scenarioId);
  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const k in (attrs || {})) node.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  // Numbers: a fraction as a percentage, a calendar year as is, others by the reports' rule
  // (ChartFormat.readable): no decimals from 100 up, 1 from 10, 2 from 1, 3 below, thousands
  // grouped, a true minus sign.
  function fmt(v, unit) {
    if (v === null || v === undefined || !isFinite(v)) return '—';
    if (unit === 'calendar_year') return String(Math.round(v));
    if (unit === 'fraction' || unit === 'fraction_per_year') return (v * 100).toLocaleString('en', { maximumFractionDigits: 1 }).replace('-', '\u2212') + ' %';
    const a = Math.abs(v);
    const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
    const text = v.toLocaleString('en', { maximumFractionDigits: digits }).replace('-', '\u2212');
    return text === '\u22120' ? '0' : text;
  }
  function unitText(h) { return (h.unit === 'fraction' || h.unit === 'fraction_per_year' || h.unit === 'calendar_year') ? '' : h.unitSymbol; }
  function errorText(body, fallback) {
    if (body && body.error) return body.error.message;
    return fallback;
  }
  async function getJSON(url) {
    const response = await fetch(url, { headers: { 'Accept': 'application/json' }, cache: 'no-store' });
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    return { ok: response.ok, status: response.status, data: data };
  }
  async function postJSON(url, payload, code) {
    const headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (code) headers['X-Workshop-Code'] = code;
    const response = await fetch(url, { method: 'POST', headers: headers, body: JSON.stringify(payload) });
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    return { ok: response.ok, status: response.status, data: data };
  }
  function showDiagnostics(meta) {
    const box = $('diagnostics');
    if (!box) return;
    clear(box);
    const errors = (meta.diagnostics || []).filter((d) => d.severity === 'error');
    if (meta.ok) { box.hidden = true; return; }
    box.appendChild(el('h2', {}, 'The scenario file has ' + errors.length + ' error' + (errors.length === 1 ? '' : 's')));
    box.appendChild(el('p', {}, 'Fix ' + meta.file + ' in an editor: this page reloads it by itself once it is saved.'));
    const list = el('ul');
    for (const d of meta.diagnostics || []) {
      const item = el('li');
      item.appendChild(el('code', {}, (d.location ? d.location + ': ' : '') + d.severity + ': ' + d.message));
      if (d.hint) item.appendChild(el('div', { class: 'muted' }, d.hint));
      list.appendChild(item);
    }
    box.appendChild(list);
    box.hidden = false;
  }

  // ---- Charts -------------------------------------------------------------------------
  // The server draws every chart (the reports' Swift chart code) and sends it as SVG in the
  // run's and the bands' JSON: the page only puts it in place.
  function placeChart(figure, markup) {
    if (figure.lastMarkup === markup) return;
    figure.lastMarkup = markup;
    const template = document.createElement('template');
    template.innerHTML = markup || '';
    const fresh = template.content.querySelector('svg');
    const old = figure.querySelector('svg');
    if (!fresh) { if (old) figure.removeChild(old); return; }
    if (old) figure.replaceChild(fresh, old); else figure.insertBefore(fresh, figure.querySelector('.band-note'));
  }

  // ---- The scenario page --------------------------------------------------------------
  function scenarioPage() {
    let meta = null, lastRun = null, lastBands = null, baseline = null;
    let inFlight = false, pending = false, bandsTimer = null, bandsSeq = 0;
    let known = { version: null, resetGeneration: null, locks: '{}' };
    const code = () => sessionStorage.getItem('coopzone-code') || '';

    function values() {
      const out = {};
      for (const lever of (meta ? meta.levers : [])) {
        const input = $('lever-' + lever.id);
        if (input) out[lever.id] = input.value;
      }
      return out;
    }
    function query(vals) {
      return Object.keys(vals).map((k) => encodeURIComponent(k) + '=' + encodeURIComponent(vals[k])).join('&');
    }
    function buildLevers() {
      const form = $('lever-form');
      const previous = values();
      clear(form);
      if (meta.levers.length === 0) form.appendChild(el('p', { class: 'muted' }, 'This scenario has no levers: add a "levers:" list to its file.'));
      for (const lever of meta.levers) {
        const id = 'lever-' + lever.id;
        const wrap = el('div', { class: 'lever', 'data-lever': lever.id });
        wrap.appendChild(el('label', { for: id }, lever.label));
        const row = el('div', { class: 'row' });
        let start = lever.value;
        const kept = parseFloat(previous[lever.id]);
        if (!isNaN(kept) && kept >= lever.min && kept <= lever.max) start = kept;
        if (lever.locked !== null && lever.locked !== undefined) start = lever.locked;
        const input = el('input', { type: 'range', id: id, min: lever.min, max: lever.max, step: lever.step, 'aria-describedby': id + '-range' });
        input.value = String(start);
        const out = el('output', { id: id + '-out', for: id }, fmt(start, ''));
        input.addEventListener('input', () => { out.textContent = fmt(parseFloat(input.value), ''); requestRun(); });
        row.appendChild(input);
        row.appendChild(out);
        wrap.appendChild(row);
        wrap.appendChild(el('small', { id: id + '-range' }, fmt(lever.min, '') + ' – ' + fmt(lever.max, '') + ', step ' + fmt(lever.step, '') + ' · in the file: ' + fmt(lever.value, '')));
        const lock = el('span', { class: 'lock' }, 'Locked by the facilitator');
        lock.hidden = true;
        wrap.appendChild(lock);
        form.appendChild(wrap);
      }
      applyLocks();
    }
    function applyLocks() {
      for (const lever of meta.levers) {
        const input = $('lever-' + lever.id);
        if (!input) continue;
        const wrap = input.closest('.lever');
        const locked = lever.locked !== null && lever.locked !== undefined;
        input.disabled = locked;
        wrap.classList.toggle('locked', locked);
        wrap.querySelector('.lock').hidden = !locked;
        if (locked) { input.value = String(lever.locked); $('lever-' + lever.id + '-out').textContent = fmt(lever.locked, ''); }
      }
    }
    function buildCards() {
      const cards = $('cards');
      clear(cards);
      for (const h of meta.headlines.filter((h) => h.featured)) {
        const card = el('div', { class: 'card', 'data-headline': h.key, title: h.summary });
        card.appendChild(el('div', { class: 'label' }, h.label));
        const value = el('div', { class: 'value' }, '…');
        card.appendChild(value);
        card.appendChild(el('div', { class: 'unit' }, unitText(h)));
        card.appendChild(el('div', { class: 'delta' }));
        card.appendChild(el('div', { class: 'band' }));
        cards.appendChild(card);
      }
      const table = $('all-headlines');
      clear(table);
      const head = el('tr');
      ['Metric', 'Value', 'Unit', 'Evaluator'].forEach((t, i) => head.appendChild(el('th', i === 0 || i === 3 ? { class: 'text' } : {}, t)));
      table.appendChild(head);
      for (const h of meta.headlines) {
        const row = el('tr', { 'data-headline-row': h.key });
        row.appendChild(el('td', { title: h.summary }, h.label));
        row.appendChild(el('td', { class: 'v' }, '…'));
        row.appendChild(el('td', {}, unitText(h)));
        row.appendChild(el('td', { class: 'text muted' }, h.evaluator));
        table.appendChild(row);
      }
      const charts = $('charts');
      clear(charts);
      for (const c of meta.charts) {
        const figure = el('figure', { class: 'chart', id: 'chart-' + c.id, 'data-chart': c.id });
        figure.appendChild(el('figcaption', {}, c.title + ' (' + c.unitSymbol + ')'));
        figure.appendChild(el('p', { class: 'band-note' }));
        charts.appendChild(figure);
      }
    }
    function render() {
      if (!lastRun) return;
      const bands = lastBands && lastBands.key === query(lastRun.values) ? lastBands.data : null;
      for (const h of meta.headlines) {
        const v = lastRun.headlines[h.key];
        const card = document.querySelector('.card[data-headline="' + h.key + '"]');
        if (card) {
          card.querySelector('.value').textContent = fmt(v, h.unit);
          const delta = card.querySelector('.delta');
          const b = baseline ? baseline[h.key] : null;
          delta.className = 'delta';
          if (b !== null && b !== undefined && v !== null && v !== undefined && Math.abs(v - b) > 1e-9 * Math.max(1, Math.abs(b))) {
            const better = h.higherIsBetter === null ? null : (v > b) === h.higherIsBetter;
            delta.textContent = (v > b ? '+' : '−') + fmt(Math.abs(v - b), h.unit) + ' vs the file';
            if (better !== null) delta.classList.add(better ? 'up' : 'down');
          } else delta.textContent = 'as in the file';
          const band = bands && bands.headlines[h.key];
          card.querySelector('.band').textContent = band ? '90 % range ' + fmt(band.p5, h.unit) + ' to ' + fmt(band.p95, h.unit) : '';
        }
        const row = document.querySelector('tr[data-headline-row="' + h.key + '"] td.v');
        if (row) row.textContent = fmt(v, h.unit);
      }
      for (const c of meta.charts) {
        const figure = $('chart-' + c.id);
        if (!figure) continue;
        placeChart(figure, (bands ? bands.svg[c.id] : null) || lastRun.svg[c.id]);
        figure.querySelector('.band-note').textContent = bands ? 'Shaded: P5–P95 of ' + bands.draws + ' draws' : '';
      }
    }
    async function requestRun() {
      if (!meta || !meta.ok) return;
      if (inFlight) { pending = true; return; }
      inFlight = true;
      const vals = values();
      const started = performance.now();
      try {
        const result = await getJSON(api + '/run?' + query(vals));
        if (result.ok) {
          lastRun = result.data;
          lastRun.values = vals;
          if (baseline === null && Object.keys(vals).every((k) => parseFloat(vals[k]) === meta.levers.find((l) => l.id === k).value)) baseline = lastRun.headlines;
          render();
          const ms = performance.now() - started;
          setStatus('Updated in ' + Math.round(ms) + ' ms' + (lastRun.failures.length ? ' · failed: ' + lastRun.failures.join('; ') : ''), lastRun.failures.length > 0, ms);
          if ($('bands-toggle').checked) scheduleBands();
        } else if (result.status === 422 && result.data && result.data.error) {
          setStatus(result.data.error.message, true);
          reloadMeta();
        } else {
          setStatus(errorText(result.data, 'The server answered ' + result.status), true);
        }
      } catch (e) {
        setStatus('Cannot reach the server: ' + e.message, true);
      } finally {
        inFlight = false;
        if (pending) { pending = false; requestRun(); }
      }
    }
    function setStatus(text, bad, ms) {
      const status = $('status');
      status.textContent = text;
      status.classList.toggle('error', !!bad);
      if (ms !== undefined) status.dataset.ms = String(Math.round(ms));
    }
    function scheduleBands() {
      clearTimeout(bandsTimer);
      bandsTimer = setTimeout(fetchBands, 350);
    }
    async function fetchBands() {
      const vals = values();
      const key = query(vals);
      const mine = ++bandsSeq;
      setStatus('Computing uncertainty bands…');
      const result = await getJSON(api + '/bands?' + key + '&_draws=100');
      if (mine !== bandsSeq) return;
      if (result.ok) {
        lastBands = { key: key, data: result.data };
        render();
        setStatus('Bands from ' + result.data.draws + ' Monte Carlo draws of ' + result.data.sampledInputs + ' uncertain inputs' + (result.data.cached ? ' (cached)' : ' in ' + Math.round(result.data.computeMs) + ' ms'));
      } else {
        setStatus(errorText(result.data, 'Bands failed (' + result.status + ')'), true);
      }
    }
    async function reloadMeta() {
      const result = await getJSON(api);
      if (!result.ok) { setStatus(errorText(result.data, 'Cannot load the scenario'), true); return; }
      meta = result.data;
      known.version = meta.version;
      known.resetGeneration = meta.resetGeneration;
      known.locks = JSON.stringify(Object.fromEntries(meta.levers.filter((l) => l.locked !== null && l.locked !== undefined).map((l) => [l.id, l.locked])));
      document.title = meta.title + ' · CoopZone workshop';
      $('title').textContent = meta.title;
      $('description').textContent = meta.description;
      showDiagnostics(meta);
      $('workspace').hidden = !meta.ok;
      $('code-field').hidden = !(meta.requiresCode && !code());
      if (!meta.ok) return;
      baseline = null;
      lastBands = null;
      buildLevers();
      buildCards();
      const defaults = {};
      meta.levers.forEach((l) => { defaults[l.id] = l.value; });
      const base = await getJSON(api + '/run?' + query(defaults));
      if (base.ok) baseline = base.data.headlines;
      requestRun();
      loadVariants();
    }
    async function poll() {
      try {
        const result = await getJSON(api + '/state');
        if (result.ok && meta) {
          const s = result.data;
          if (s.version !== known.version) { await reloadMeta(); setStatus('The scenario file changed: reloaded.'); }
          else if (s.resetGeneration !== known.resetGeneration) {
            known.resetGeneration = s.resetGeneration;
            meta.levers.forEach((l) => { l.locked = null; const input = $('lever-' + l.id); if (input) { input.value = String(l.value); $('lever-' + l.id + '-out').textContent = fmt(l.value, ''); } });
            known.locks = '{}';
            applyLocks();
            requestRun();
            setStatus('The facilitator reset the levers to the file\'s values.');
          } else if (JSON.stringify(s.locks) !== known.locks) {
            known.locks = JSON.stringify(s.locks);
            meta.levers.forEach((l) => { l.locked = (l.id in s.locks) ? s.locks[l.id] : null; });
            applyLocks();
            requestRun();
          }
          if (s.variants !== known.variants) { known.variants = s.variants; loadVariants(); }
        }
      } catch (e) { /* the server is restarting: try again later */ }
      setTimeout(poll, document.hidden ? pollMs * 3 : pollMs);
    }
    async function loadVariants() {
      const result = await getJSON(api + '/variants');
      const list = $('variant-list');
      if (!result.ok || !meta) return;
      clear(list);
      const key = result.data.rankedBy;
      const h = meta.headlines.find((x) => x.key === key);
      if (result.data.variants.length === 0) list.appendChild(el('li', { class: 'muted' }, 'None yet.'));
      for (const v of result.data.variants) {
        const item = el('li', { 'data-variant': String(v.id) });
        item.appendChild(el('strong', { class: 'variant-name' }, v.name));
        item.appendChild(document.createTextNode((v.author ? ' (' + v.author + ')' : '') + (h ? ' · ' + h.label + ': ' + fmt(v.headlines[key], h.unit) + ' ' + unitText(h) : '')));
        const load = el('button', { type: 'button' }, 'Load');
        load.setAttribute('aria-label', 'Load the levers of ' + v.name);
        load.addEventListener('click', () => {
          for (const lever of meta.levers) {
            const input = $('lever-' + lever.id);
            if (input && !input.disabled && v.values[lever.id] !== undefined) { input.value = String(v.values[lever.id]); $('lever-' + lever.id + '-out').textContent = fmt(v.values[lever.id], ''); }
          }
          requestRun();
        });
        item.appendChild(load);
        const link = el('a', { href: '/api/variants/' + v.id + '/export', download: '' }, 'YAML');
        link.setAttribute('aria-label', 'Download ' + v.name + ' as a scenario file');
        item.appendChild(document.createTextNode(' '));
        item.appendChild(link);
        list.appendChild(item);
      }
    }
    $('save-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const typed = $('access-code').value.trim();
      if (typed) sessionStorage.setItem('coopzone-code', typed);
      const name = $('variant-name').value.trim();
      const status = $('save-status');
      if (!name) { status.textContent = 'Give the variant a name.'; status.classList.add('error'); $('variant-name').focus(); return; }
      const numeric = {};
      const vals = values();
      Object.keys(vals).forEach((k) => { numeric[k] = parseFloat(vals[k]); });
      $('save-button').disabled = true;
      try {
        const result = await postJSON(api + '/variants', { name: name, author: $('variant-author').value.trim(), values: numeric }, code());
        status.classList.toggle('error', !result.ok);
        if (result.ok) {
          status.textContent = 'Saved “' + result.data.name + '”.';
          $('variant-name').value = '';
          $('code-field').hidden = true;
          loadVariants();
        } else {
          if (result.status === 403) { sessionStorage.removeItem('coopzone-code'); $('code-field').hidden = false; $('access-code').focus(); }
          status.textContent = errorText(result.data, 'Not saved (' + result.status + ')');
        }
      } catch (e) {
        status.textContent = 'Not saved: cannot reach the server (' + e.message + ')';
        status.classList.add('error');
      } finally { $('save-button').disabled = false; }
    });
    $('reset-levers').addEventListener('click', () => {
      for (const lever of meta.levers) {
        const input = $('lever-' + lever.id);
        if (input && !input.disabled) { input.value = String(lever.value); $('lever-' + lever.id + '-out').textContent = fmt(lever.value, ''); }
      }
      requestRun();
    });
    $('bands-toggle').addEventListener('change', () => {
      if ($('bands-toggle').checked) fetchBands(); else { lastBands = null; bandsSeq++; render(); setStatus(''); }
    });
    reloadMeta().then(() => setTimeout(poll, pollMs));
  }

  // ---- Compare (and the facilitator's room view) ----------------------------------------
  function compareTable(meta, data) {
    const table = $('compare-table');
    clear(table);
    const key = data.rankedBy;
    const featured = meta.headlines.filter((h) => h.featured || h.key === key);
    const head = el('tr');
    head.appendChild(el('th', { class: 'text' }, '#'));
    head.appendChild(el('th', { class: 'text' }, 'Variant'));
    for (const l of meta.levers) head.appendChild(el('th', { title: l.path }, l.label));
    for (const h of featured) head.appendChild(el('th', h.key === key ? { class: 'ranked', title: h.summary } : { title: h.summary }, h.label + (unitText(h) ? ' (' + unitText(h) + ')' : '')));
    head.appendChild(el('th', { class: 'text' }, 'Export'));
    table.appendChild(head);
    const rows = [{ baseline: true, name: 'As in the file', author: '', values: data.baselineValues, headlines: data.baseline, rank: null }].concat(data.variants);
    for (const v of rows) {
      const row = el('tr', v.baseline ? { class: 'baseline' } : { 'data-variant': String(v.id) });
      row.appendChild(el('td', {}, v.rank ? String(v.rank) : ''));
      const name = el('td', { class: 'text' });
      name.appendChild(el('strong', {}, v.name));
      if (v.author) name.appendChild(document.createTextNode(' · ' + v.author));
      if (v.stale) name.appendChild(el('span', { class: 'stale' }, v.stale));
      row.appendChild(name);
      for (const l of meta.levers) row.appendChild(el('td', {}, fmt(v.values[l.id], '')));
      for (const h of featured) row.appendChild(el('td', h.key === key ? { class: 'ranked' } : {}, fmt(v.headlines[h.key], h.unit)));
      const cell = el('td', { class: 'text' });
      if (!v.baseline) cell.appendChild(el('a', { href: '/api/variants/' + v.id + '/export', download: '' }, 'YAML'));
      row.appendChild(cell);
      table.appendChild(row);
    }
    return data.variants.length;
  }
  function rankControls(meta, onChange) {
    const select = $('rank-by');
    clear(select);
    for (const h of meta.headlines) select.appendChild(el('option', { value: h.key }, h.label + (unitText(h) ? ' (' + unitText(h) + ')' : '')));
    const saved = sessionStorage.getItem('coopzone-rank-' + scenarioId);
    const first = meta.headlines.find((h) => h.featured) || meta.headlines[0];
    if (saved && meta.headlines.some((h) => h.key === saved)) select.value = saved; else if (first) select.value = first.key;
    select.addEventListener('change', () => { sessionStorage.setItem('coopzone-rank-' + scenarioId, select.value); onChange(); });
  }
  async function loadCompare(meta) {
    const key = $('rank-by').value;
    const result = await getJSON(api + '/variants?rank=' + encodeURIComponent(key));
    if (!result.ok) { $('status').textContent = errorText(result.data, 'Cannot load the variants'); return; }
    const n = compareTable(meta, result.data);
    const h = meta.headlines.find((x) => x.key === key);
    $('rank-direction').textContent = h ? (result.data.higherFirst ? 'highest first' : 'lowest first') : '';
    $('status').textContent = n + ' saved variant' + (n === 1 ? '' : 's') + ' · updated ' + new Date().toLocaleTimeString();
  }
  async function comparePage() {
    const result = await getJSON(api);
    if (!result.ok) { $('status').textContent = errorText(result.data, 'Cannot load the scenario'); return; }
    const meta = result.data;
    $('title').textContent = 'Compare variants: ' + meta.title;
    showDiagnostics(meta);
    if (!meta.ok) return;
    rankControls(meta, () => loadCompare(meta));
    await loadCompare(meta);
    setInterval(() => { if (!document.hidden) loadCompare(meta); }, pollMs * 3);
  }

  // ---- Facilitator ----------------------------------------------------------------------
  async function facilitatorPage() {
    const result = await getJSON(api);
    if (!result.ok) { $('status').textContent = errorText(result.data, 'Cannot load the scenario'); return; }
    let meta = result.data;
    $('title').textContent = 'Facilitator: ' + meta.title;
    showDiagnostics(meta);
    const codeInput = $('facilitator-code');
    codeInput.value = sessionStorage.getItem('coopzone-facilitator') || '';
    codeInput.addEventListener('change', () => sessionStorage.setItem('coopzone-facilitator', codeInput.value.trim()));
    const status = (text, bad) => { $('status').textContent = text; $('status').classList.toggle('error', !!bad); };
    async function send(path, payload) {
      const r = await postJSON(api + path, payload, codeInput.value.trim());
      if (!r.ok) status(errorText(r.data, 'Refused (' + r.status + ')'), true);
      return r;
    }
    function buildLocks() {
      const form = $('lock-form');
      clear(form);
      for (const lever of meta.levers) {
        const id = 'lock-' + lever.id;
        const wrap = el('div', { class: 'lever', 'data-lever': lever.id });
        wrap.appendChild(el('label', { for: id }, lever.label));
        const row = el('div', { class: 'row' });
        const input = el('input', { type: 'range', id: id, min: lever.min, max: lever.max, step: lever.step });
        const locked = lever.locked !== null && lever.locked !== undefined;
        input.value = String(locked ? lever.locked : lever.value);
        const out = el('output', { for: id }, fmt(parseFloat(input.value), ''));
        input.addEventListener('input', () => { out.textContent = fmt(parseFloat(input.value), ''); });
        input.addEventListener('change', async () => {
          if (box.checked) { const r = await send('/locks', { lever: lever.id, value: parseFloat(input.value), locked: true }); if (r.ok) status(lever.label + ' locked at ' + fmt(parseFloat(input.value), '') + '.'); }
        });
        row.appendChild(input);
        row.appendChild(out);
        wrap.appendChild(row);
        const check = el('label', { class: 'check' });
        const box = el('input', { type: 'checkbox', id: id + '-locked' });
        box.checked = locked;
        box.addEventListener('change', async () => {
          const r = await send('/locks', { lever: lever.id, value: parseFloat(input.value), locked: box.checked });
          if (r.ok) status(box.checked ? lever.label + ' locked at ' + fmt(parseFloat(input.value), '') + ' for everyone.' : lever.label + ' unlocked.');
          else box.checked = !box.checked;
        });
        check.appendChild(box);
        check.appendChild(document.createTextNode(' Lock for everyone'));
        wrap.appendChild(check);
        form.appendChild(wrap);
      }
      if (meta.levers.length === 0) form.appendChild(el('p', { class: 'muted' }, 'This scenario has no levers.'));
    }
    $('reset-room').addEventListener('click', async () => {
      if (!window.confirm('Reset every participant\'s levers to the file\'s values and unlock all levers? Saved variants stay.')) return;
      const r = await send('/reset', {});
      if (r.ok) {
        status('The room is reset.');
        const fresh = await getJSON(api);
        if (fresh.ok) { meta = fresh.data; buildLocks(); }
      }
    });
    async function loadRoom() {
      const r = await getJSON('/api/room');
      const list = $('room-list');
      if (!r.ok) return;
      clear(list);
      const others = r.data.filter((c) => c.scenario !== scenarioId);
      if (others.length === 0) list.appendChild(el('li', { class: 'muted' }, 'No variants saved for other scenarios.'));
      for (const c of others) {
        const item = el('li');
        item.appendChild(el('a', { href: '/s/' + encodeURIComponent(c.scenario) + '/facilitator' }, c.scenario));
        const best = c.variants[0];
        item.appendChild(document.createTextNode(': ' + c.variants.length + ' variant' + (c.variants.length === 1 ? '' : 's') + (best ? ', best by ' + c.rankedBy + ': ' + best.name + ' (' + fmt(best.headlines[c.rankedBy], '') + ')' : '')));
        list.appendChild(item);
      }
    }
    if (!meta.ok) return;
    buildLocks();
    rankControls(meta, () => loadCompare(meta));
    await loadCompare(meta);
    await loadRoom();
    setInterval(() => { if (!document.hidden) { loadCompare(meta); loadRoom(); } }, pollMs * 1.5);
  }

  if (page === 'scenario') scenarioPage();
  else if (page === 'compare') comparePage();
  else if (page === 'facilitator') facilitatorPage();
})();
