'use strict';
(function () {
  const body = document.body;
  const page = body.dataset.page;
  const scenarioId = body.dataset.scenario || '';
  const pollMs = Math.max(500, parseInt(body.dataset.poll || '2000', 10));
  const api = '/api/scenarios/' + encodeURIComponent(scenarioId);
  const codeHeader = 'X-Workshop-Code';
  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const k in (attrs || {})) node.setAttribute(k, attrs[k]);
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  const isFraction = (unit) => unit === 'fraction' || unit === 'fraction_per_year';

  // Numbers: a fraction as a percentage, a calendar year as is, others by the reports' rule
  // (ChartFormat.readable): no decimals from 100 up, 1 from 10, 2 from 1, 3 below, thousands
  // grouped, a true minus sign.
  function fmt(v, unit) {
    if (v === null || v === undefined || !isFinite(v)) return '—';
    if (unit === 'calendar_year') return String(Math.round(v));
    if (isFraction(unit)) return (v * 100).toLocaleString('en', { maximumFractionDigits: 1 }).replace('-', '\u2212') + ' %';
    const a = Math.abs(v);
    const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
    const text = v.toLocaleString('en', { maximumFractionDigits: digits }).replace('-', '\u2212');
    return text === '\u22120' ? '0' : text;
  }
  function unitText(h) { return (isFraction(h.unit) || h.unit === 'calendar_year') ? '' : h.unitSymbol; }

  // Labels. A metric without a short label comes from the server as its id made readable
  // ("Eatr change"); the start of the metric's own description reads better ("Change in the
  // EATR from the baseline").
  function humanize(id) { const words = String(id || '').replace(/_/g, ' '); return words.charAt(0).toUpperCase() + words.slice(1); }
  const acronyms = { pv: 'PV', npv: 'NPV', eatr: 'EATR', emtr: 'EMTR', vat: 'VAT', cit: 'CIT', gdp: 'GDP', fdi: 'FDI', usd: 'USD' };
  function metricLabel(h) {
    if (h.label !== humanize(h.metric)) return h.label;
    const cut = (h.summary || '').split(/[,;:(]| \u2014 | - /)[0].trim();
    if (cut.length >= 4 && cut.length <= 80) return cut;
    return h.label.split(' ').map((w) => acronyms[w.toLowerCase()] || w).join(' ');
  }
  function labelWithUnit(h) { return metricLabel(h) + (unitText(h) ? ' (' + unitText(h) + ')' : ''); }
  function explanation(h) {
    let first = (h.summary || metricLabel(h)).trim();
    if (!/[.!?]$/.test(first)) first += '.';
    const parts = [first];
    if (h.higherIsBetter === true) parts.push('Higher is better.');
    else if (h.higherIsBetter === false) parts.push('Lower is better.');
    if (unitText(h)) parts.push('In ' + unitText(h) + '.');
    else if (isFraction(h.unit)) parts.push('In percent.');
    return parts.join(' ');
  }

  // A lever's unit: the server's, when it sends one; else read from its label ("(fraction)",
  // "(fraction of the rate)", "(per year)") or from the last key of its path (a rate, share,
  // discount, reimbursement or growth between 0 and 1): shown as percent, as the cards are.
  function leverUnit(lever) {
    if (lever.unit) return lever.unit;
    const label = String(lever.label || '').toLowerCase();
    const unitRange = lever.min >= -1 && lever.max <= 1;
    if (/\(fraction\b/.test(label) && unitRange) return 'fraction';
    if (/\(per year\)/.test(label) && unitRange) return 'fraction_per_year';
    const keys = String(lever.path || '').split('.').filter((k) => k !== 'value' && !/^\d+$/.test(k));
    const last = keys[keys.length - 1] || '';
    if (/(^|_)(rate|share|discount|reimbursement|growth)$/.test(last) && lever.min >= 0 && lever.max <= 1) return 'fraction';
    return '';
  }
  function leverLabel(lever) {
    if (!isFraction(leverUnit(lever))) return lever.label;
    return lever.label.replace(/\s*\(fraction\)\s*$/i, '').replace(/\(fraction of /i, '(% of ').replace(/\(per year\)\s*$/i, '(% a year)');
  }
  function leverFmt(v, lever) { return fmt(v, leverUnit(lever)); }

  // ---- Talking to the server ------------------------------------------------------------
  // Every call goes through request(): a 503 (busy), a 429 (rate limit) and a network error
  // are retried after 0.5, 1, 2, 4, 4 … s (or the server's Retry-After, up to 10 s), and the
  // page says "busy, retrying" meanwhile instead of failing.
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const backoff = (attempt) => Math.min(4000, 500 * Math.pow(2, attempt));
  let retryNotice = null; // set by each page: (text) => shows it where the page shows its state
  async function request(method, url, options) {
    const o = options || {};
    const attempts = o.attempts || (method === 'GET' ? Infinity : 6);
    const headers = { 'Accept': 'application/json' };
    // Every change is JSON (the server refuses anything else), a DELETE included.
    if (method !== 'GET') headers['Content-Type'] = 'application/json';
    if (o.code) headers[codeHeader] = o.code;
    for (let attempt = 0; ; attempt++) {
      let response;
      try {
        response = await fetch(url, { method: method, headers: headers, cache: 'no-store', body: o.payload === undefined ? undefined : JSON.stringify(o.payload) });
      } catch (e) {
        // A change sent once may have been applied before the connection dropped: a save
        // (o.once) is not sent again, the person sees the error and decides.
        if (o.once || attempt + 1 >= attempts || (o.superseded && o.superseded())) return { ok: false, status: 0, data: null, network: e.message };
        const wait = backoff(attempt);
        (o.onRetry || retryNotice || (() => {}))('Cannot reach the server, retrying in ' + Math.round(wait / 100) / 10 + ' s…', attempt);
        await sleep(wait);
        continue;
      }
      if ((response.status === 503 || response.status === 429) && attempt + 1 < attempts && !(o.superseded && o.superseded())) {
        let wait = backoff(attempt);
        const after = parseFloat(response.headers.get('Retry-After') || '');
        if (after > 0) wait = Math.max(wait, Math.min(after * 1000, 10000));
        (o.onRetry || retryNotice || (() => {}))('Server busy, retrying in ' + Math.round(wait / 100) / 10 + ' s…', attempt);
        await sleep(wait);
        continue;
      }
      let data = null;
      if (response.status !== 204) { try { data = await response.json(); } catch (e) { data = null; } }
      return { ok: response.ok, status: response.status, data: data, attempts: attempt + 1 };
    }
  }
  const getJSON = (url, options) => request('GET', url, options);
  function errorText(result, fallback) {
    if (result && result.network) return 'Cannot reach the server (' + result.network + ')';
    const data = result && result.data !== undefined ? result.data : result;
    if (data && data.error) return data.error.message;
    return fallback;
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

  // A button that shows and hides a text in place (no hover-only tooltips: phones have none).
  function explainButton(target, what) {
    const button = el('button', { type: 'button', class: 'explain-toggle', 'aria-expanded': 'false', 'aria-controls': target.id, title: 'What is ' + what + '?' }, '?');
    button.setAttribute('aria-label', 'Explain ' + what);
    button.addEventListener('click', () => {
      target.hidden = !target.hidden;
      button.setAttribute('aria-expanded', String(!target.hidden));
    });
    return button;
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
    let meta = null, lastRun = null, lastBands = null, baseline = null, runSeq = 0;
    let inFlight = false, pending = false, bandsTimer = null, bandsSeq = 0, effectsSeq = 0;
    let known = { version: null, resetGeneration: null, locks: '{}' };
    const code = () => sessionStorage.getItem('coopzone-code') || '';
    retryNotice = (text) => setStatus(text, false);

    // The description is folded away on a phone, so that the levers and cards come first.
    const about = $('about');
    if (about && window.matchMedia && window.matchMedia('(min-width: 481px)').matches) about.open = true;

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
    function showLever(lever, v) { const out = $('lever-' + lever.id + '-out'); if (out) out.textContent = leverFmt(v, lever); }
    function buildLevers() {
      const form = $('lever-form');
      const previous = values();
      clear(form);
      if (meta.levers.length === 0) form.appendChild(el('p', { class: 'muted' }, 'This scenario has no levers: add a "levers:" list to its file.'));
      for (const lever of meta.levers) {
        const id = 'lever-' + lever.id;
        const wrap = el('div', { class: 'lever', 'data-lever': lever.id });
        wrap.appendChild(el('label', { for: id }, leverLabel(lever)));
        const row = el('div', { class: 'row' });
        let start = lever.value;
        const kept = parseFloat(previous[lever.id]);
        if (!isNaN(kept) && kept >= lever.min && kept <= lever.max) start = kept;
        if (lever.locked !== null && lever.locked !== undefined) start = lever.locked;
        const input = el('input', { type: 'range', id: id, min: lever.min, max: lever.max, step: lever.step, 'aria-describedby': id + '-range ' + id + '-effects' });
        input.value = String(start);
        const out = el('output', { id: id + '-out', for: id }, leverFmt(start, lever));
        input.addEventListener('input', () => { out.textContent = leverFmt(parseFloat(input.value), lever); requestRun(); });
        row.appendChild(input);
        row.appendChild(out);
        wrap.appendChild(row);
        wrap.appendChild(el('small', { id: id + '-range' }, leverFmt(lever.min, lever) + ' – ' + leverFmt(lever.max, lever) + ', step ' + leverFmt(lever.step, lever) + ' · in the file: ' + leverFmt(lever.value, lever)));
        wrap.appendChild(el('p', { class: 'effects', id: id + '-effects' }));
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
        if (locked) { input.value = String(lever.locked); showLever(lever, lever.locked); }
      }
    }

    // What each lever moves: the scenario run at the lever's lowest and highest value (the
    // other levers as in the file), card by card. Both runs are the same for every page, so
    // the server's cache answers all but the first page.
    function sameNumber(a, b) {
      if (a === null || a === undefined || b === null || b === undefined) return a === b;
      return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
    }
    // Card names quoted, since a name may hold a comma ("Net jobs, last year").
    function joinLabels(list, word) {
      const quoted = list.map((l) => '“' + l + '”');
      if (quoted.length <= 1) return quoted.join('');
      return quoted.slice(0, -1).join(', ') + ' ' + (word || 'and') + ' ' + quoted[quoted.length - 1];
    }
    async function measureEffects() {
      const mine = ++effectsSeq;
      const cards = meta.headlines.filter((h) => h.featured);
      const investment = meta.headlines.find((h) => h.metric === 'investment_total');
      for (const lever of meta.levers) {
        const box = $('lever-' + lever.id + '-effects');
        if (!box || (lever.locked !== null && lever.locked !== undefined)) continue;
        const low = await getJSON(api + '/run?' + query({ [lever.id]: lever.min }), { attempts: 4, superseded: () => mine !== effectsSeq, onRetry: () => {} });
        const high = await getJSON(api + '/run?' + query({ [lever.id]: lever.max }), { attempts: 4, superseded: () => mine !== effectsSeq, onRetry: () => {} });
        if (mine !== effectsSeq) return;
        if (!low.ok || !high.ok || (low.data.failures || []).length || (high.data.failures || []).length) continue;
        const moves = (h) => !sameNumber(low.data.headlines[h.key], high.data.headlines[h.key]);
        const moved = cards.filter(moves).map(metricLabel), still = cards.filter((h) => !moves(h)).map(metricLabel);
        let text = moved.length ? 'Moves ' + joinLabels(moved) + '.' : 'Moves none of the cards.';
        if (still.length && moved.length) text += ' Does not move ' + joinLabels(still, 'or') + '.';
        const incentive = /\.incentives\./.test(lever.path);
        if (incentive && investment && !moves(investment)) {
          const eatr = /income_tax_holiday_years|corporate_income_tax_rate/.test(lever.path);
          const what = /income_tax_holiday_years/.test(lever.path) ? 'the holiday' : /corporate_income_tax_rate/.test(lever.path) ? 'the tax rate' : 'it';
          const why = eatr
            ? ' The scenario takes its investment programme as given (staged_incentives\' investment_response is 0).' : '';
          text = (eatr ? 'Investment is fixed in this scenario: ' : 'Private investment does not move with this incentive: ') + what + ' changes ' + (moved.length ? joinLabels(moved) : 'none of the cards') + ' only'
            + (still.length ? ', not ' + joinLabels(still, 'or') : '') + '.' + why;
          box.classList.add('fixed');
        }
        box.textContent = text;
        box.title = 'From ' + leverFmt(lever.min, lever) + ' to ' + leverFmt(lever.max, lever) + ', the other levers as in the file';
      }
    }

    function buildCards() {
      const cards = $('cards');
      clear(cards);
      for (const h of meta.headlines.filter((h) => h.featured)) {
        const card = el('div', { class: 'card', 'data-headline': h.key });
        const top = el('div', { class: 'card-top' });
        top.appendChild(el('div', { class: 'label' }, metricLabel(h)));
        const text = el('p', { class: 'explain', id: 'explain-' + h.key.replace(/[^A-Za-z0-9_-]/g, '-') }, explanation(h));
        text.hidden = true;
        top.appendChild(explainButton(text, metricLabel(h)));
        card.appendChild(top);
        const line = el('div', { class: 'value-line' });
        line.appendChild(el('span', { class: 'value' }, '…'));
        line.appendChild(el('span', { class: 'unit' }, unitText(h)));
        card.appendChild(line);
        card.appendChild(el('div', { class: 'delta' }));
        card.appendChild(el('div', { class: 'band' }));
        card.appendChild(text);
        cards.appendChild(card);
      }
      const table = $('all-headlines');
      clear(table);
      const head = el('tr');
      ['Metric', 'Value', 'Unit', 'Evaluator'].forEach((t, i) => head.appendChild(el('th', i === 0 || i === 3 ? { class: 'text' } : {}, t)));
      table.appendChild(head);
      for (const h of meta.headlines) {
        const row = el('tr', { 'data-headline-row': h.key });
        const name = el('td', { class: 'text' });
        const text = el('p', { class: 'explain', id: 'explain-row-' + h.key.replace(/[^A-Za-z0-9_-]/g, '-') }, explanation(h));
        text.hidden = true;
        name.appendChild(document.createTextNode(metricLabel(h) + ' '));
        name.appendChild(explainButton(text, metricLabel(h)));
        name.appendChild(text);
        row.appendChild(name);
        row.appendChild(el('td', { class: 'v' }, '…'));
        row.appendChild(el('td', {}, unitText(h) || (isFraction(h.unit) ? '%' : '')));
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
      const mine = ++runSeq;
      const started = performance.now();
      try {
        // A newer slider position waiting to be sent makes a retry of this one pointless.
        const result = await getJSON(api + '/run?' + query(vals), { superseded: () => pending || mine !== runSeq });
        if (result.ok) {
          lastRun = result.data;
          lastRun.values = vals;
          if (baseline === null && Object.keys(vals).every((k) => parseFloat(vals[k]) === meta.levers.find((l) => l.id === k).value)) baseline = lastRun.headlines;
          render();
          const ms = performance.now() - started;
          setStatus('Updated in ' + Math.round(ms) + ' ms' + (result.attempts > 1 ? ' (after ' + (result.attempts - 1) + ' retr' + (result.attempts === 2 ? 'y' : 'ies') + ')' : '') + (lastRun.failures.length ? ' · failed: ' + lastRun.failures.join('; ') : ''), lastRun.failures.length > 0, ms);
          if ($('bands-toggle').checked) scheduleBands();
        } else if (result.status === 422 && result.data && result.data.error) {
          setStatus(result.data.error.message, true);
          reloadMeta();
        } else if (!pending) {
          setStatus(errorText(result, 'The server answered ' + result.status), true);
        }
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
      const result = await getJSON(api + '/bands?' + key + '&_draws=100', { attempts: 6, superseded: () => mine !== bandsSeq });
      if (mine !== bandsSeq) return;
      if (result.ok) {
        lastBands = { key: key, data: result.data };
        render();
        setStatus('Bands from ' + result.data.draws + ' Monte Carlo draws of ' + result.data.sampledInputs + ' uncertain inputs' + (result.data.cached ? ' (cached)' : ' in ' + Math.round(result.data.computeMs) + ' ms'));
      } else {
        setStatus(errorText(result, 'Bands failed (' + result.status + ')'), true);
      }
    }
    async function reloadMeta() {
      const result = await getJSON(api);
      if (!result.ok) { setStatus(errorText(result, 'Cannot load the scenario'), true); return; }
      meta = result.data;
      known.version = meta.version;
      known.resetGeneration = meta.resetGeneration;
      known.locks = JSON.stringify(Object.fromEntries(meta.levers.filter((l) => l.locked !== null && l.locked !== undefined).map((l) => [l.id, l.locked])));
      document.title = meta.title + ' · CoopZone workshop';
      $('title').textContent = meta.title;
      $('description').textContent = meta.description;
      if (about) about.hidden = !meta.description;
      showDiagnostics(meta);
      $('workspace').hidden = !meta.ok;
      $('code-field').hidden = !(meta.requiresCode && !code());
      if (!meta.ok) { effectsSeq++; return; }
      baseline = null;
      lastBands = null;
      buildLevers();
      buildCards();
      const defaults = {};
      meta.levers.forEach((l) => { defaults[l.id] = l.value; });
      const base = await getJSON(api + '/run?' + query(defaults));
      if (base.ok) baseline = base.data.headlines;
      // The page's first run goes first; what each lever moves is measured after it.
      requestRun().then(() => measureEffects());
      loadVariants();
    }
    async function poll() {
      const result = await getJSON(api + '/state', { attempts: 1 });
      if (result.ok && meta) {
        const s = result.data;
        if (s.version !== known.version) { await reloadMeta(); setStatus('The scenario file changed: reloaded.'); }
        else if (s.resetGeneration !== known.resetGeneration) {
          known.resetGeneration = s.resetGeneration;
          meta.levers.forEach((l) => { l.locked = null; const input = $('lever-' + l.id); if (input) { input.value = String(l.value); showLever(l, l.value); } });
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
        // The count changes with a save, the revision (when the server sends one) also with a
        // rename, hide or delete.
        const variants = s.variants + '/' + (s.variantRevision === undefined ? '' : s.variantRevision);
        if (variants !== known.variants) { known.variants = variants; loadVariants(); }
      }
      setTimeout(poll, document.hidden ? pollMs * 3 : pollMs);
    }

    // Loading a variant says what moved, and what could not be applied (a lever gone from the
    // file, a value now outside its bounds, a locked lever) instead of clamping in silence.
    function loadVariant(v) {
      const moved = [], skipped = [];
      for (const lever of meta.levers) {
        const input = $('lever-' + lever.id);
        const want = v.values[lever.id];
        if (!input || want === undefined) continue;
        const now = parseFloat(input.value);
        if (input.disabled) { if (!sameNumber(want, now)) skipped.push(leverLabel(lever) + ' stays at ' + leverFmt(now, lever) + ' (locked by the facilitator)'); continue; }
        if (want < lever.min - 1e-9 || want > lever.max + 1e-9) { skipped.push(leverLabel(lever) + ' ' + leverFmt(want, lever) + ' is outside ' + leverFmt(lever.min, lever) + '–' + leverFmt(lever.max, lever) + ' now: not applied'); continue; }
        input.value = String(want);
        showLever(lever, want);
        if (!sameNumber(want, now)) moved.push(leverLabel(lever) + ' ' + leverFmt(now, lever) + ' → ' + leverFmt(want, lever));
      }
      for (const id of Object.keys(v.values)) {
        if (!meta.levers.some((l) => l.id === id)) skipped.push('lever ' + id + ' is no longer in the scenario: not applied');
      }
      const status = $('load-status');
      status.textContent = 'Loaded “' + v.name + '”: ' + (moved.length ? moved.join('; ') : 'no lever moved') + '.' + (skipped.length ? ' ' + skipped.join('; ') + '.' : '');
      status.classList.toggle('error', skipped.length > 0);
      requestRun();
    }
    async function loadVariants() {
      const result = await getJSON(api + '/variants', { attempts: 3, onRetry: () => {} });
      const list = $('variant-list');
      if (!result.ok || !meta) return;
      clear(list);
      const key = result.data.rankedBy;
      const h = meta.headlines.find((x) => x.key === key);
      if (result.data.variants.length === 0) list.appendChild(el('li', { class: 'muted' }, 'None yet.'));
      for (const v of result.data.variants) {
        const waiting = v.status === 'waiting';
        const item = el('li', { 'data-variant': String(v.id), class: waiting ? 'waiting' : '' });
        item.appendChild(el('strong', { class: 'variant-name' }, v.name));
        item.appendChild(document.createTextNode((v.author ? ' (' + v.author + ')' : '') + (h ? ' · ' + metricLabel(h) + ': ' + fmt(v.headlines[key], h.unit) + ' ' + unitText(h) : '')));
        const load = el('button', { type: 'button' }, 'Load');
        load.setAttribute('aria-label', 'Load the levers of ' + v.name);
        load.addEventListener('click', () => loadVariant(v));
        item.appendChild(load);
        const link = el('a', { href: '/api/variants/' + v.id + '/export', download: '' }, 'YAML');
        link.setAttribute('aria-label', 'Download ' + v.name + ' as a scenario file');
        item.appendChild(document.createTextNode(' '));
        item.appendChild(link);
        if (waiting || v.note) item.appendChild(el('span', { class: 'note' }, v.note || 'waiting for the scenario file to be fixed'));
        if (v.stale) item.appendChild(el('span', { class: 'stale' }, v.stale));
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
        const result = await request('POST', api + '/variants', {
          payload: { name: name, author: $('variant-author').value.trim(), values: numeric }, code: code(), once: true,
          onRetry: (text) => { status.textContent = text; status.classList.remove('error'); },
        });
        status.classList.toggle('error', !result.ok);
        if (result.ok) {
          status.textContent = 'Saved “' + result.data.name + '”.';
          $('variant-name').value = '';
          $('code-field').hidden = true;
          loadVariants();
        } else if (result.network) {
          status.textContent = 'Not saved? The server could not be reached (' + result.network + '): check the list below before saving again.';
        } else {
          if (result.status === 403) { sessionStorage.removeItem('coopzone-code'); $('code-field').hidden = false; $('access-code').focus(); }
          status.textContent = errorText(result, 'Not saved (' + result.status + ')');
        }
      } finally { $('save-button').disabled = false; }
    });
    $('reset-levers').addEventListener('click', () => {
      for (const lever of meta.levers) {
        const input = $('lever-' + lever.id);
        if (input && !input.disabled) { input.value = String(lever.value); showLever(lever, lever.value); }
      }
      requestRun();
    });
    $('bands-toggle').addEventListener('change', () => {
      if ($('bands-toggle').checked) fetchBands(); else { lastBands = null; bandsSeq++; render(); setStatus(''); }
    });
    reloadMeta().then(() => setTimeout(poll, pollMs));
  }

  // ---- Compare (and the facilitator's room view) ----------------------------------------
  // The variants as a table (wide screens, the projector) and as one card per variant (phones:
  // the stylesheet shows one or the other). `manage`, on the facilitator's page, adds the
  // buttons to hide, rename and delete a variant.
  function compareTable(meta, data, manage) {
    const table = $('compare-table');
    const cards = $('compare-cards');
    clear(table);
    if (cards) clear(cards);
    const key = data.rankedBy;
    const featured = meta.headlines.filter((h) => h.featured || h.key === key);
    const head = el('tr');
    head.appendChild(el('th', { class: 'text' }, '#'));
    head.appendChild(el('th', { class: 'text' }, 'Variant'));
    for (const l of meta.levers) head.appendChild(el('th', { title: l.path, class: 'lever-col' }, leverLabel(l)));
    for (const h of featured) head.appendChild(el('th', h.key === key ? { class: 'ranked' } : {}, labelWithUnit(h)));
    head.appendChild(el('th', { class: 'text export-col' }, 'Export'));
    if (manage) head.appendChild(el('th', { class: 'text manage-col' }, 'Manage'));
    table.appendChild(head);
    const rows = [{ baseline: true, name: 'As in the file', author: '', values: data.baselineValues, headlines: data.baseline, rank: null }].concat(data.variants);
    for (const v of rows) {
      const classes = [v.baseline ? 'baseline' : '', v.hidden ? 'hidden-variant' : '', v.status === 'waiting' ? 'waiting' : ''].filter(Boolean).join(' ');
      const row = el('tr', v.baseline ? { class: classes } : { 'data-variant': String(v.id), class: classes });
      row.appendChild(el('td', {}, v.rank ? String(v.rank) : ''));
      const name = el('td', { class: 'text name-cell' });
      name.appendChild(el('strong', { class: 'variant-name' }, v.name));
      if (v.author) name.appendChild(el('span', { class: 'author' }, ' · ' + v.author));
      if (v.hidden) name.appendChild(el('span', { class: 'tag' }, 'hidden from participants'));
      if (v.status === 'waiting' || v.note) name.appendChild(el('span', { class: 'note' }, v.note || 'waiting for the scenario file to be fixed'));
      if (v.stale) name.appendChild(el('span', { class: 'stale' }, v.stale));
      row.appendChild(name);
      for (const l of meta.levers) row.appendChild(el('td', { class: 'lever-col' }, leverFmt(v.values[l.id], l)));
      for (const h of featured) row.appendChild(el('td', h.key === key ? { class: 'ranked num' } : { class: 'num' }, fmt(v.headlines[h.key], h.unit)));
      const cell = el('td', { class: 'text export-col' });
      if (!v.baseline) cell.appendChild(el('a', { href: '/api/variants/' + v.id + '/export', download: '' }, 'YAML'));
      row.appendChild(cell);
      if (manage) {
        const tools = el('td', { class: 'text manage-col' });
        if (!v.baseline) manage(v, tools);
        row.appendChild(tools);
      }
      table.appendChild(row);

      if (!cards) continue;
      const card = el('li', v.baseline ? { class: 'variant-card ' + classes } : { class: 'variant-card ' + classes, 'data-variant': String(v.id) });
      const title = el('div', { class: 'variant-card-title' });
      if (v.rank) title.appendChild(el('span', { class: 'rank' }, '#' + v.rank));
      title.appendChild(el('strong', { class: 'variant-name' }, v.name));
      if (v.author) title.appendChild(el('span', { class: 'author' }, ' · ' + v.author));
      card.appendChild(title);
      if (v.hidden) card.appendChild(el('span', { class: 'tag' }, 'hidden from participants'));
      if (v.status === 'waiting' || v.note) card.appendChild(el('span', { class: 'note' }, v.note || 'waiting for the scenario file to be fixed'));
      if (v.stale) card.appendChild(el('span', { class: 'stale' }, v.stale));
      const numbers = el('dl', { class: 'variant-numbers' });
      for (const h of featured) {
        const pair = el('div', h.key === key ? { class: 'ranked' } : {});
        pair.appendChild(el('dt', {}, labelWithUnit(h)));
        pair.appendChild(el('dd', {}, fmt(v.headlines[h.key], h.unit)));
        numbers.appendChild(pair);
      }
      card.appendChild(numbers);
      const levers = el('dl', { class: 'variant-levers' });
      for (const l of meta.levers) {
        const pair = el('div');
        pair.appendChild(el('dt', {}, leverLabel(l)));
        pair.appendChild(el('dd', {}, leverFmt(v.values[l.id], l)));
        levers.appendChild(pair);
      }
      card.appendChild(levers);
      if (!v.baseline) {
        const links = el('p', { class: 'variant-card-links' });
        links.appendChild(el('a', { href: '/api/variants/' + v.id + '/export', download: '' }, 'Download as YAML'));
        card.appendChild(links);
        if (manage) { const tools = el('div', { class: 'manage' }); manage(v, tools); card.appendChild(tools); }
      }
      cards.appendChild(card);
    }
    return data.variants.length;
  }
  function rankControls(meta, onChange) {
    const select = $('rank-by');
    clear(select);
    for (const h of meta.headlines) select.appendChild(el('option', { value: h.key }, labelWithUnit(h)));
    const saved = sessionStorage.getItem('coopzone-rank-' + scenarioId);
    const first = meta.headlines.find((h) => h.featured) || meta.headlines[0];
    if (saved && meta.headlines.some((h) => h.key === saved)) select.value = saved; else if (first) select.value = first.key;
    select.onchange = () => { sessionStorage.setItem('coopzone-rank-' + scenarioId, select.value); onChange(); };
  }
  // What the compare table needs of a scenario. While the file is broken its meta has no
  // levers or headlines, but its variants are still listed (marked as waiting): the table then
  // uses the last good levers and headlines this browser saw, else the variants' own keys.
  function usableMeta(meta, data) {
    const key = 'coopzone-meta-' + scenarioId;
    if (meta.ok) {
      try { sessionStorage.setItem(key, JSON.stringify({ levers: meta.levers, headlines: meta.headlines })); } catch (e) { /* full: fine */ }
      return meta;
    }
    let saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(key) || 'null'); } catch (e) { saved = null; }
    const out = Object.assign({}, meta, { levers: saved ? saved.levers : [], headlines: saved ? saved.headlines : [] });
    if (!saved && data) {
      const ids = [];
      for (const v of data.variants) for (const id of Object.keys(v.values || {})) if (!ids.includes(id)) ids.push(id);
      out.levers = ids.map((id) => ({ id: id, label: id, path: '', min: 0, max: 0, step: 1, value: 0 }));
    }
    return out;
  }
  // Keeps a compare view in step with the file: the scenario's meta each round (cheap), the
  // variants after it; a changed version redraws the controls.
  function compareLoop(onMeta, onRound) {
    let version = null, meta = null;
    async function round() {
      const r = await getJSON(api, { attempts: 3 });
      if (r.ok && (r.data.version !== version || !meta)) {
        version = r.data.version;
        showDiagnostics(r.data);
        meta = usableMeta(r.data, null);
        rankControls(meta, () => onRound(meta));
        onMeta(meta, r.data);
      }
      if (meta) await onRound(meta);
    }
    return round;
  }
  // The projector view: large type, high contrast, the controls out of the way.
  function projectorToggle() {
    const button = $('projector-toggle');
    if (!button) return;
    const key = 'coopzone-projector-' + page;
    const apply = (on) => {
      body.classList.toggle('projector', on);
      button.textContent = on ? 'Leave the projector view' : 'Projector view';
      button.setAttribute('aria-pressed', String(on));
      sessionStorage.setItem(key, on ? '1' : '');
    };
    button.addEventListener('click', () => apply(!body.classList.contains('projector')));
    document.addEventListener('keydown', (event) => { if (event.key === 'Escape' && body.classList.contains('projector')) apply(false); });
    apply(sessionStorage.getItem(key) === '1');
  }
  async function loadCompare(meta, options) {
    const o = options || {};
    const key = $('rank-by').value;
    const params = [key ? 'rank=' + encodeURIComponent(key) : '', o.hidden ? 'hidden=1' : ''].filter(Boolean).join('&');
    const result = await getJSON(api + '/variants' + (params ? '?' + params : ''), { code: o.code, attempts: 3, onRetry: o.onRetry });
    // Without the facilitator's code (not typed yet) the hidden variants are refused: show the others.
    if (!result.ok && o.hidden && result.status === 403) return loadCompare(meta, Object.assign({}, o, { hidden: false }));
    if (!result.ok) { (o.onError || ((t) => { $('status').textContent = t; }))(errorText(result, 'Cannot load the variants (' + result.status + ')')); return false; }
    if (!meta.ok && meta.levers.length === 0) meta = usableMeta(meta, result.data);
    const n = compareTable(meta, result.data, o.manage);
    const h = meta.headlines.find((x) => x.key === key);
    $('rank-direction').textContent = h ? (result.data.higherFirst ? 'highest first' : 'lowest first') : '';
    const hidden = result.data.variants.filter((v) => v.hidden).length;
    (o.onInfo || ((t) => { $('status').textContent = t; }))(n + ' saved variant' + (n === 1 ? '' : 's') + (hidden ? ' (' + hidden + ' hidden from participants)' : '') + ' · updated ' + new Date().toLocaleTimeString());
    return true;
  }
  async function comparePage() {
    retryNotice = (text) => { $('status').textContent = text; };
    projectorToggle();
    const round = compareLoop((meta) => { $('title').textContent = 'Compare variants: ' + meta.title; }, (meta) => loadCompare(meta));
    await round();
    setInterval(() => { if (!document.hidden) round(); }, pollMs * 3);
  }

  // ---- Facilitator ----------------------------------------------------------------------
  async function facilitatorPage() {
    // Confirmations and errors stay in #status until dismissed; what the refresh says goes
    // to its own line (#room-updated), so the poll never writes over a message.
    function message(text, bad) {
      const box = $('status');
      const item = el('div', { class: 'message' + (bad ? ' error' : ''), role: bad ? 'alert' : 'status' });
      item.appendChild(el('span', { class: 'message-text' }, text));
      const close = el('button', { type: 'button', class: 'dismiss' }, 'Dismiss');
      close.setAttribute('aria-label', 'Dismiss: ' + text);
      close.addEventListener('click', () => item.remove());
      item.appendChild(close);
      box.insertBefore(item, box.firstChild);
      while (box.children.length > 6) box.removeChild(box.lastChild);
    }
    const info = (text) => { $('room-updated').textContent = text; };
    retryNotice = info;
    projectorToggle();
    let meta = { ok: false, levers: [], headlines: [] };
    const codeInput = $('facilitator-code');
    codeInput.value = sessionStorage.getItem('coopzone-facilitator') || '';
    codeInput.addEventListener('change', () => { sessionStorage.setItem('coopzone-facilitator', codeInput.value.trim()); refresh(); });
    const facilitatorCode = () => codeInput.value.trim();
    async function send(method, path, payload) {
      const r = await request(method, path, { payload: payload, code: facilitatorCode(), onRetry: info });
      if (!r.ok) message(errorText(r, 'Refused (' + r.status + ')'), true);
      return r;
    }
    function buildLocks() {
      const form = $('lock-form');
      clear(form);
      for (const lever of meta.levers) {
        const id = 'lock-' + lever.id;
        const wrap = el('div', { class: 'lever', 'data-lever': lever.id });
        wrap.appendChild(el('label', { for: id }, leverLabel(lever)));
        const row = el('div', { class: 'row' });
        const input = el('input', { type: 'range', id: id, min: lever.min, max: lever.max, step: lever.step });
        const locked = lever.locked !== null && lever.locked !== undefined;
        input.value = String(locked ? lever.locked : lever.value);
        const out = el('output', { for: id }, leverFmt(parseFloat(input.value), lever));
        input.addEventListener('input', () => { out.textContent = leverFmt(parseFloat(input.value), lever); });
        input.addEventListener('change', async () => {
          if (box.checked) { const r = await send('POST', api + '/locks', { lever: lever.id, value: parseFloat(input.value), locked: true }); if (r.ok) message(leverLabel(lever) + ' locked at ' + leverFmt(parseFloat(input.value), lever) + '.'); }
        });
        row.appendChild(input);
        row.appendChild(out);
        wrap.appendChild(row);
        const check = el('label', { class: 'check' });
        const box = el('input', { type: 'checkbox', id: id + '-locked' });
        box.checked = locked;
        box.addEventListener('change', async () => {
          const r = await send('POST', api + '/locks', { lever: lever.id, value: parseFloat(input.value), locked: box.checked });
          if (r.ok) message(box.checked ? leverLabel(lever) + ' locked at ' + leverFmt(parseFloat(input.value), lever) + ' for everyone.' : leverLabel(lever) + ' unlocked.');
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
      const r = await send('POST', api + '/reset', {});
      if (r.ok) {
        message('The room is reset.');
        const fresh = await getJSON(api);
        if (fresh.ok) { meta = fresh.data; buildLocks(); }
      }
    });

    // Hide, rename and delete: PATCH /api/variants/N {name?, hidden?} and DELETE /api/variants/N.
    let editing = false;
    function manage(v, box) {
      const hide = el('button', { type: 'button', class: 'small', 'data-action': v.hidden ? 'unhide' : 'hide' }, v.hidden ? 'Show' : 'Hide');
      hide.setAttribute('aria-label', (v.hidden ? 'Show ' : 'Hide ') + v.name + (v.hidden ? ' to participants' : ' from participants'));
      hide.addEventListener('click', async () => {
        const r = await send('PATCH', '/api/variants/' + v.id, { hidden: !v.hidden });
        if (r.ok) { message(v.hidden ? '“' + v.name + '” is shown to participants again.' : '“' + v.name + '” is hidden from participants (it stays here and in the summary).'); refresh(); }
      });
      const rename = el('button', { type: 'button', class: 'small', 'data-action': 'rename' }, 'Rename');
      rename.setAttribute('aria-label', 'Rename ' + v.name);
      rename.addEventListener('click', () => startRename(v, box));
      const remove = el('button', { type: 'button', class: 'small danger', 'data-action': 'delete' }, 'Delete');
      remove.setAttribute('aria-label', 'Delete ' + v.name);
      remove.addEventListener('click', async () => {
        if (!window.confirm('Delete the variant “' + v.name + '” for good? Hiding it keeps it for the summary.')) return;
        // Not sent twice: a delete that went through before the connection dropped would answer 404.
        const r = await request('DELETE', '/api/variants/' + v.id, { code: facilitatorCode(), once: true, onRetry: info });
        if (!r.ok) message(errorText(r, 'Refused (' + r.status + ')'), true);
        if (r.ok) { message('Deleted “' + v.name + '”.'); refresh(); }
      });
      box.appendChild(hide);
      box.appendChild(rename);
      box.appendChild(remove);
    }
    function startRename(v, box) {
      editing = true;
      clear(box);
      const form = el('form', { class: 'rename-form' });
      const input = el('input', { type: 'text', maxlength: '80', 'aria-label': 'New name for ' + v.name, class: 'rename-input' });
      input.value = v.name;
      const ok = el('button', { type: 'submit', class: 'small' }, 'Save name');
      const cancel = el('button', { type: 'button', class: 'small' }, 'Cancel');
      const done = () => { editing = false; refresh(); };
      cancel.addEventListener('click', done);
      input.addEventListener('keydown', (event) => { if (event.key === 'Escape') { event.stopPropagation(); done(); } });
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const name = input.value.trim();
        if (!name || name === v.name) { done(); return; }
        const r = await send('PATCH', '/api/variants/' + v.id, { name: name });
        if (r.ok) { message('Renamed “' + v.name + '” to “' + ((r.data && r.data.name) || name) + '”.'); done(); }
        else input.focus();
      });
      form.appendChild(input);
      form.appendChild(ok);
      form.appendChild(cancel);
      box.appendChild(form);
      input.focus();
      input.select();
    }
    let lastError = '';
    async function refresh() {
      if (editing) return;
      await loadCompare(meta, {
        hidden: true, code: facilitatorCode(), manage: manage, onInfo: (t) => { lastError = ''; info(t); }, onRetry: info,
        onError: (t) => { if (t !== lastError) { lastError = t; message(t, true); } info(''); },
      });
    }
    async function loadRoom() {
      let r = await getJSON('/api/room?hidden=1', { attempts: 2, code: facilitatorCode() });
      if (!r.ok && r.status === 403) r = await getJSON('/api/room', { attempts: 2 });
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
    // The summary needs the facilitator's code when there is one: the links then fetch it
    // with the header and hand the file to the browser as a download.
    for (const link of document.querySelectorAll('a.summary-link')) {
      link.addEventListener('click', async (event) => {
        if (!facilitatorCode()) return;
        event.preventDefault();
        const response = await fetch(link.getAttribute('href'), { headers: { [codeHeader]: facilitatorCode() }, cache: 'no-store' }).catch((e) => ({ ok: false, status: 0, error: e }));
        if (!response.ok) { message('The summary could not be downloaded (' + (response.status || 'no connection') + ').', true); return; }
        const url = URL.createObjectURL(await response.blob());
        const a = el('a', { href: url, download: link.dataset.filename || '' });
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
      });
    }
    const round = compareLoop((fresh, raw) => {
      meta = fresh;
      $('title').textContent = 'Facilitator: ' + fresh.title;
      if (raw.ok) buildLocks(); else clear($('lock-form'));
    }, () => refresh());
    await round();
    await loadRoom();
    setInterval(() => { if (!document.hidden) { round(); loadRoom(); } }, pollMs * 1.5);
  }

  if (page === 'scenario') scenarioPage();
  else if (page === 'compare') comparePage();
  else if (page === 'facilitator') facilitatorPage();
})();
