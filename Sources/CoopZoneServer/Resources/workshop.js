'use strict';
(function () {
  const body = document.body;
  const page = body.dataset.page;
  const scenarioId = body.dataset.scenario || '';
  const pollMs = Math.max(500, parseInt(body.dataset.poll || '2000', 10));
  const api = '/api/scenarios/' + encodeURIComponent(scenarioId);
  const codeHeader = 'X-Workshop-Code';
  const $ = (id) => document.getElementById(id);

  // ---- Language ---------------------------------------------------------------------------
  // Every text of the page is a `page.*` key of the server's message catalogues
  // (GET /api/messages/<language>: the language's texts, English filling the keys it lacks).
  // `t(key, {name: value})` fills `{name}`; `{n|lever|levers}` picks the plural form for n by
  // the language's rules (`page.plural.forms` names the categories of each form). A key no
  // catalogue has shows as itself. The choice is remembered in localStorage (`coopzone.lang`);
  // without one, a scenario's pages open in its `language` and the list in English. Switching
  // re-renders every text in place: the elements the server wrote carry their key
  // (`data-i18n`, `data-i18n-attr`, `data-i18n-args`), and each text the script writes is a
  // function kept on its element (`live`), called again in the new language.
  const langKey = 'coopzone.lang';
  const switchButtons = Array.from(document.querySelectorAll('.lang-switch [data-lang]'));
  const languages = switchButtons.map((b) => b.dataset.lang);
  if (!languages.includes('en')) languages.unshift('en');
  let lang = 'en';
  const catalogues = {}, loading = {};
  function storedLanguage() {
    try { const v = localStorage.getItem(langKey); return languages.includes(v) ? v : null; } catch (e) { return null; }
  }
  function loadCatalogue(code) {
    if (!loading[code]) {
      loading[code] = getJSON('/api/messages/' + encodeURIComponent(code), { onRetry: () => {} }).then((r) => {
        if (r.ok && r.data && r.data.texts) catalogues[code] = r.data.texts; else delete loading[code];
        return catalogues[code] || null;
      });
    }
    return loading[code];
  }
  function lookup(key) {
    const own = catalogues[lang];
    if (own && own[key] !== undefined) return own[key];
    const en = catalogues.en;
    return en && en[key] !== undefined ? en[key] : undefined;
  }
  function pluralIndex(n, count) {
    const forms = (lookup('page.plural.forms') || 'one|other').split('|').map((f) => f.split(','));
    let category = 'other';
    try { category = new Intl.PluralRules(lang).select(n); } catch (e) { /* a language the browser does not know */ }
    const i = forms.findIndex((f) => f.includes(category));
    return Math.min(i < 0 ? count - 1 : i, count - 1);
  }
  function fill(text, args) {
    return String(text).replace(/\{(\w+)(?:\|([^{}]*))?\}/g, (whole, name, forms) => {
      const v = args ? args[name] : undefined;
      if (v === undefined || v === null) return whole;
      if (forms !== undefined) { const list = forms.split('|'); return list[pluralIndex(Math.abs(Number(v)), list.length)]; }
      return typeof v === 'number' ? fmtNumber(v, 2) : String(v);
    });
  }
  function t(key, args) { const text = lookup(key); return fill(text === undefined ? key : text, args); }
  // The catalogue's text when there is one, else `fallback` (for texts the server also sends in English).
  function tOr(key, fallback, args) { const text = lookup(key); return text === undefined ? fallback : fill(text, args); }

  // Numbers, one format for the whole page: English 1,234.5; Russian 1 234,5 (U+202F between
  // thousands, a decimal comma), from `page.number.group` and `page.number.decimal`; a true
  // minus sign. Without `maxDigits`, the reports' rule (ChartFormat.readable): no decimals from
  // 100 up, 1 from 10, 2 from 1, 3 below.
  function separator(which) { const s = lookup('page.number.' + which); return s === undefined ? (which === 'group' ? ',' : '.') : s; }
  function fmtNumber(v, maxDigits) {
    if (v === null || v === undefined || !isFinite(v)) return '—';
    const a = Math.abs(v);
    const digits = maxDigits !== undefined ? maxDigits : a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
    const text = a.toLocaleString('en-US', { maximumFractionDigits: digits, useGrouping: true });
    if (!/[1-9]/.test(text)) return '0';
    const parts = text.split('.');
    return (v < 0 ? '\u2212' : '') + parts[0].replace(/,/g, separator('group')) + (parts[1] ? separator('decimal') + parts[1] : '');
  }

  // A text the script writes, kept as a function on its element and called again when the
  // language changes (attr: an attribute instead of the text).
  function paint(node, only) {
    for (const k of (only !== undefined ? [only] : Object.keys(node.__live || {}))) {
      const text = node.__live[k]();
      if (k === '') node.textContent = text; else node.setAttribute(k, text);
    }
  }
  function live(node, fn, attr) {
    if (!node) return node;
    node.__live = node.__live || {};
    node.__live[attr || ''] = fn;
    node.setAttribute('data-live', '');
    if (!attr) node.removeAttribute('data-i18n');
    paint(node, attr || '');
    return node;
  }
  function say(node, text) { return live(node, typeof text === 'function' ? text : () => (text === undefined || text === null ? '' : String(text))); }
  const textOf = (text) => (typeof text === 'function' ? text() : String(text === undefined || text === null ? '' : text));

  let pageTitle = () => t({ index: 'page.index.title', compare: 'page.nav.compare', facilitator: 'page.nav.facilitator' }[page] || 'page.nav.levers');
  function relabel() {
    const argsOf = (node) => { try { return JSON.parse(node.dataset.i18nArgs || '{}'); } catch (e) { return {}; } };
    for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n, argsOf(node));
    for (const node of document.querySelectorAll('[data-i18n-attr]')) {
      for (const pair of node.dataset.i18nAttr.split(';')) {
        const [attr, key] = pair.split('=').map((s) => s.trim());
        if (attr && key) node.setAttribute(attr, t(key, argsOf(node)));
      }
    }
    for (const node of document.querySelectorAll('[data-live]')) paint(node);
    document.title = t('page.document_title', { title: pageTitle() });
    for (const b of switchButtons) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
    for (const hook of relabelHooks) hook();
  }
  const relabelHooks = [];
  let switchSeq = 0;
  async function setLanguage(code, remember) {
    if (!languages.includes(code)) code = 'en';
    const mine = ++switchSeq;
    if (remember) { try { localStorage.setItem(langKey, code); } catch (e) { /* private mode: this page only */ } }
    await Promise.all([loadCatalogue('en'), loadCatalogue(code)]);
    if (mine !== switchSeq) return;
    lang = code;
    document.documentElement.lang = code;
    relabel();
  }
  // The page's first language: the stored choice, else `fallback` (the scenario's language).
  let started = null;
  function startLanguage(fallback) {
    if (!started) {
      started = setLanguage(storedLanguage() || fallback || 'en', false);
      // The other languages, once the page is up, so that a switch is immediate.
      started.then(() => setTimeout(() => languages.forEach(loadCatalogue), 1000));
    }
    return started;
  }
  for (const b of switchButtons) b.addEventListener('click', () => setLanguage(b.dataset.lang, true));

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const k in (attrs || {})) {
      if (typeof attrs[k] === 'function') live(node, attrs[k], k); else node.setAttribute(k, attrs[k]);
    }
    if (typeof text === 'function') live(node, text);
    else if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  const isFraction = (unit) => unit === 'fraction' || unit === 'fraction_per_year';

  // Numbers with their unit: a fraction as a percentage, a calendar year as is, others by fmtNumber.
  function fmt(v, unit) {
    if (v === null || v === undefined || !isFinite(v)) return '—';
    if (unit === 'calendar_year') return String(Math.round(v));
    if (isFraction(unit)) return fmtNumber(v * 100, 1) + ' %';
    return fmtNumber(v);
  }

  // The scenario's own texts (title, description, lever labels) in the page's language, from
  // meta's `texts`; each falls back to English.
  let scenarioTexts = null;
  function sceneTexts() { return (scenarioTexts && (scenarioTexts[lang] || scenarioTexts.en)) || null; }
  function scenarioTitle(meta) { const s = sceneTexts(); return (s && s.title) || (meta && meta.title) || ''; }
  function scenarioDescription(meta) { const s = sceneTexts(); return (s && s.description) || (meta && meta.description) || ''; }

  // Headlines: label, explanation and unit in the page's language (meta's `labels`,
  // `summaries`, `unitSymbols`). A metric without a short label comes from the server as its
  // id made readable ("Eatr change"); in English the start of the metric's own description
  // reads better ("Change in the EATR from the baseline").
  function unitText(h) {
    if (isFraction(h.unit) || h.unit === 'calendar_year') return '';
    return (h.unitSymbols && h.unitSymbols[lang]) || h.unitSymbol;
  }
  function humanize(id) { const words = String(id || '').replace(/_/g, ' '); return words.charAt(0).toUpperCase() + words.slice(1); }
  const acronyms = { pv: 'PV', npv: 'NPV', eatr: 'EATR', emtr: 'EMTR', vat: 'VAT', cit: 'CIT', gdp: 'GDP', fdi: 'FDI', usd: 'USD' };
  function metricLabel(h) {
    const own = lang !== 'en' && h.labels ? h.labels[lang] : null;
    if (own) return own;
    if (h.label !== humanize(h.metric)) return h.label;
    const cut = (h.summary || '').split(/[,;:(]| \u2014 | - /)[0].trim();
    if (cut.length >= 4 && cut.length <= 80) return cut;
    return h.label.split(' ').map((w) => acronyms[w.toLowerCase()] || w).join(' ');
  }
  function labelWithUnit(h) { return metricLabel(h) + (unitText(h) ? ' (' + unitText(h) + ')' : ''); }
  // The explanation behind a "?": the description in the language; when only the English one
  // exists, the translated label comes first and the English description after it, as such.
  function explanation(h) {
    const own = h.summaries ? h.summaries[lang] : null;
    const translated = lang !== 'en' && h.labels && h.labels[lang];
    let first = own || (translated ? metricLabel(h) : h.summary || metricLabel(h));
    first = String(first).trim();
    first = first.charAt(0).toUpperCase() + first.slice(1);
    if (!/[.!?]$/.test(first)) first += '.';
    const parts = [first];
    if (h.higherIsBetter === true) parts.push(t('page.metric.higher_better'));
    else if (h.higherIsBetter === false) parts.push(t('page.metric.lower_better'));
    if (unitText(h)) parts.push(t('page.metric.in_unit', { unit: unitText(h) }));
    else if (isFraction(h.unit)) parts.push(t('page.metric.in_percent'));
    if (!own && translated && h.summary) parts.push(t('page.metric.english_summary', { summary: h.summary }));
    return parts.join(' ');
  }

  // A lever's unit: the server's, when it sends one; else read from its (English) label
  // ("(fraction)", "(fraction of the rate)", "(per year)") or from the last key of its path (a
  // rate, share, discount, reimbursement or growth between 0 and 1): shown as percent, as the
  // cards are.
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
  // A lever shown in percent drops "(fraction)" from its label, and "(fraction of …)" and
  // "(per year)" read "(% of …)" and "(% a year)": the words of the page's language
  // (`page.lever.*`) and the English ones, for a label not translated.
  const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  function percentLabel(name) {
    let out = name;
    for (const table of [catalogues[lang], catalogues.en]) {
      if (!table) continue;
      const w = (k) => table['page.lever.' + k];
      if (w('fraction')) out = out.replace(new RegExp('\\s*' + escapeRegExp(w('fraction')) + '\\s*$', 'iu'), '');
      if (w('fraction_of') && w('percent_of')) out = out.replace(new RegExp(escapeRegExp(w('fraction_of')) + '\\s', 'iu'), w('percent_of') + ' ');
      if (w('per_year') && w('percent_a_year')) out = out.replace(new RegExp(escapeRegExp(w('per_year')) + '\\s*$', 'iu'), w('percent_a_year'));
    }
    return out;
  }
  function leverLabel(lever) {
    const s = sceneTexts();
    const name = (s && s.levers && s.levers[lever.id]) || lever.label;
    return isFraction(leverUnit(lever)) ? percentLabel(name) : name;
  }
  function leverFmt(v, lever) { return fmt(v, leverUnit(lever)); }

  // ---- Talking to the server ------------------------------------------------------------
  // Every call goes through request(): a 503 (busy), a 429 (rate limit) and a network error
  // are retried after 0.5, 1, 2, 4, 4 … s (or the server's Retry-After, up to 10 s), and the
  // page says "busy, retrying" meanwhile instead of failing.
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const backoff = (attempt) => Math.min(4000, 500 * Math.pow(2, attempt));
  let retryNotice = null; // set by each page: (text) => shows it where the page shows its state (text: a function, see live)
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
        (o.onRetry || retryNotice || (() => {}))(() => t('page.retry.network', { s: Math.round(wait / 100) / 10 }), attempt);
        await sleep(wait);
        continue;
      }
      if ((response.status === 503 || response.status === 429) && attempt + 1 < attempts && !(o.superseded && o.superseded())) {
        let wait = backoff(attempt);
        const after = parseFloat(response.headers.get('Retry-After') || '');
        if (after > 0) wait = Math.max(wait, Math.min(after * 1000, 10000));
        const seconds = Math.round(wait / 100) / 10;
        (o.onRetry || retryNotice || (() => {}))(() => t('page.retry.busy', { s: seconds }), attempt);
        await sleep(wait);
        continue;
      }
      let data = null;
      if (response.status !== 204) { try { data = await response.json(); } catch (e) { data = null; } }
      return { ok: response.ok, status: response.status, data: data, attempts: attempt + 1 };
    }
  }
  const getJSON = (url, options) => request('GET', url, options);
  // What went wrong, as a text function (see live): the server's own message when it sent one
  // (in English), else `fallback`.
  function errorText(result, fallback) {
    if (result && result.network) { const detail = result.network; return () => t('page.error.network', { detail: detail }); }
    const data = result && result.data !== undefined ? result.data : result;
    if (data && data.error) { const text = data.error.message; return () => text; }
    return typeof fallback === 'function' ? fallback : () => fallback;
  }

  function showDiagnostics(meta) {
    const box = $('diagnostics');
    if (!box) return;
    clear(box);
    const errors = (meta.diagnostics || []).filter((d) => d.severity === 'error');
    if (meta.ok) { box.hidden = true; return; }
    const count = errors.length, file = meta.file;
    box.appendChild(el('h2', {}, () => t('page.diagnostics.heading', { n: count })));
    box.appendChild(el('p', {}, () => t('page.diagnostics.fix', { file: file })));
    const list = el('ul');
    for (const d of meta.diagnostics || []) {
      const item = el('li');
      item.appendChild(el('code', {}, () => (d.location ? d.location + ': ' : '') + tOr('page.severity.' + d.severity, d.severity) + ': ' + d.message));
      if (d.hint) item.appendChild(el('div', { class: 'muted' }, d.hint));
      list.appendChild(item);
    }
    box.appendChild(list);
    box.hidden = false;
  }

  // A button that shows and hides a text in place (no hover-only tooltips: phones have none).
  function explainButton(target, what) {
    const button = el('button', {
      type: 'button', class: 'explain-toggle', 'aria-expanded': 'false', 'aria-controls': target.id,
      title: () => t('page.explain.title', { what: what() }), 'aria-label': () => t('page.explain.label', { what: what() }),
    }, '?');
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
    // While a slider is dragged the page asks for the numbers only (the cards follow every
    // move); the charts are asked for when it has been still for `settleMs`: the server draws
    // them from the run it just cached, so a room dragging sliders costs runs, not drawings.
    const settleMs = 250;
    let lastInput = -Infinity, chartsTimer = null;
    let known = { version: null, resetGeneration: null, locks: '{}' };
    const code = () => sessionStorage.getItem('coopzone-code') || '';
    retryNotice = (text) => setStatus(text, false);
    pageTitle = () => (meta ? scenarioTitle(meta) : t('page.nav.levers'));

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
    // A slider's readout shows the slider's own value (set it first).
    function showLever(lever) { const out = $('lever-' + lever.id + '-out'); if (out) paint(out); }
    function buildLevers() {
      const form = $('lever-form');
      const previous = values();
      clear(form);
      if (meta.levers.length === 0) form.appendChild(el('p', { class: 'muted' }, () => t('page.lever.none')));
      for (const lever of meta.levers) {
        const id = 'lever-' + lever.id;
        const wrap = el('div', { class: 'lever', 'data-lever': lever.id });
        wrap.appendChild(el('label', { for: id }, () => leverLabel(lever)));
        const row = el('div', { class: 'row' });
        let start = lever.value;
        const kept = parseFloat(previous[lever.id]);
        if (!isNaN(kept) && kept >= lever.min && kept <= lever.max) start = kept;
        if (lever.locked !== null && lever.locked !== undefined) start = lever.locked;
        const input = el('input', { type: 'range', id: id, min: lever.min, max: lever.max, step: lever.step, 'aria-describedby': id + '-range ' + id + '-effects' });
        input.value = String(start);
        const out = el('output', { id: id + '-out', for: id }, () => leverFmt(parseFloat(input.value), lever));
        input.addEventListener('input', () => { lastInput = performance.now(); paint(out); requestRun(); });
        row.appendChild(input);
        row.appendChild(out);
        wrap.appendChild(row);
        wrap.appendChild(el('small', { id: id + '-range' }, () => t('page.lever.range', {
          min: leverFmt(lever.min, lever), max: leverFmt(lever.max, lever), step: leverFmt(lever.step, lever), value: leverFmt(lever.value, lever),
        })));
        wrap.appendChild(el('p', { class: 'effects', id: id + '-effects' }));
        const lock = el('span', { class: 'lock' }, () => t('page.lever.locked'));
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
        if (locked) { input.value = String(lever.locked); showLever(lever); }
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
      const quoted = list.map((l) => t('page.quote', { text: l }));
      if (quoted.length <= 1) return quoted.join('');
      return t(word === 'or' ? 'page.list.or' : 'page.list.and', { first: quoted.slice(0, -1).join(', '), last: quoted[quoted.length - 1] });
    }
    // What a lever moves, in words: `moved` and `still` are headlines; `fixed` when it is an
    // incentive and private investment does not move with it (`eatr`: it changes the effective
    // tax rate, so the scenario's investment response is what holds investment fixed).
    function effectsText(moved, still, fixed, eatr, what) {
      const names = (list) => list.map(metricLabel);
      if (!fixed) {
        let text = moved.length ? t('page.effects.moves', { cards: joinLabels(names(moved)) }) : t('page.effects.moves_none');
        if (still.length && moved.length) text += ' ' + t('page.effects.does_not_move', { cards: joinLabels(names(still), 'or') });
        return text;
      }
      const base = eatr ? 'page.effects.investment_fixed' : 'page.effects.investment_unmoved';
      let text = moved.length
        ? t(base, { what: t(what), moved: joinLabels(names(moved)), not: still.length ? t('page.effects.not', { cards: joinLabels(names(still), 'or') }) : '' })
        : t(base + '_none', { what: t(what) });
      if (eatr) text += ' ' + t('page.effects.why');
      return text;
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
        const moved = cards.filter(moves), still = cards.filter((h) => !moves(h));
        const incentive = /\.incentives\./.test(lever.path);
        const fixed = !!(incentive && investment && !moves(investment));
        const eatr = /income_tax_holiday_years|corporate_income_tax_rate/.test(lever.path);
        const what = /income_tax_holiday_years/.test(lever.path) ? 'page.effects.what_holiday'
          : /corporate_income_tax_rate/.test(lever.path) ? 'page.effects.what_rate' : 'page.effects.what_it';
        if (fixed) box.classList.add('fixed');
        say(box, () => effectsText(moved, still, fixed, eatr, what));
        live(box, () => t('page.effects.title', { min: leverFmt(lever.min, lever), max: leverFmt(lever.max, lever) }), 'title');
      }
    }

    const safeId = (key) => key.replace(/[^A-Za-z0-9_-]/g, '-');
    // A chart's unit in the page's language: the headlines' symbol for the same unit.
    function chartUnit(c) {
      if (lang === 'en') return c.unitSymbol;
      const h = meta.headlines.find((x) => x.unitSymbols && x.unitSymbols.en === c.unitSymbol && x.unitSymbols[lang]);
      return h ? h.unitSymbols[lang] : c.unitSymbol;
    }
    function buildCards() {
      const cards = $('cards');
      clear(cards);
      for (const h of meta.headlines.filter((h) => h.featured)) {
        const card = el('div', { class: 'card', 'data-headline': h.key });
        const top = el('div', { class: 'card-top' });
        top.appendChild(el('div', { class: 'label' }, () => metricLabel(h)));
        const text = el('p', { class: 'explain', id: 'explain-' + safeId(h.key) }, () => explanation(h));
        text.hidden = true;
        top.appendChild(explainButton(text, () => metricLabel(h)));
        card.appendChild(top);
        const line = el('div', { class: 'value-line' });
        line.appendChild(el('span', { class: 'value' }, '…'));
        line.appendChild(el('span', { class: 'unit' }, () => unitText(h)));
        card.appendChild(line);
        card.appendChild(el('div', { class: 'delta' }));
        card.appendChild(el('div', { class: 'band' }));
        card.appendChild(text);
        cards.appendChild(card);
      }
      const table = $('all-headlines');
      clear(table);
      const head = el('tr');
      ['page.table.metric', 'page.table.value', 'page.table.unit', 'page.table.evaluator']
        .forEach((k, i) => head.appendChild(el('th', i === 0 || i === 3 ? { class: 'text' } : {}, () => t(k))));
      table.appendChild(head);
      for (const h of meta.headlines) {
        const row = el('tr', { 'data-headline-row': h.key });
        const name = el('td', { class: 'text' });
        const text = el('p', { class: 'explain', id: 'explain-row-' + safeId(h.key) }, () => explanation(h));
        text.hidden = true;
        name.appendChild(el('span', { class: 'metric-name' }, () => metricLabel(h)));
        name.appendChild(document.createTextNode(' '));
        name.appendChild(explainButton(text, () => metricLabel(h)));
        name.appendChild(text);
        row.appendChild(name);
        row.appendChild(el('td', { class: 'v' }, '…'));
        row.appendChild(el('td', {}, () => unitText(h) || (isFraction(h.unit) ? '%' : '')));
        row.appendChild(el('td', { class: 'text muted' }, h.evaluator));
        table.appendChild(row);
      }
      const charts = $('charts');
      clear(charts);
      for (const c of meta.charts) {
        const figure = el('figure', { class: 'chart', id: 'chart-' + c.id, 'data-chart': c.id });
        // The drawing is the server's, in English; its caption follows the page's language.
        figure.appendChild(el('figcaption', {}, () => t('page.chart.caption', { title: lang === 'en' ? c.title : tOr('page.chart.' + c.id, c.title), unit: chartUnit(c) })));
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
          say(card.querySelector('.value'), () => fmt(v, h.unit));
          const delta = card.querySelector('.delta');
          const b = baseline ? baseline[h.key] : null;
          delta.className = 'delta';
          if (b !== null && b !== undefined && v !== null && v !== undefined && Math.abs(v - b) > 1e-9 * Math.max(1, Math.abs(b))) {
            const better = h.higherIsBetter === null ? null : (v > b) === h.higherIsBetter;
            const sign = v > b ? '+' : '\u2212', size = Math.abs(v - b);
            say(delta, () => t('page.delta.vs_file', { delta: sign + fmt(size, h.unit) }));
            if (better !== null) delta.classList.add(better ? 'up' : 'down');
          } else say(delta, () => t('page.delta.as_in_file'));
          const band = bands && bands.headlines[h.key];
          say(card.querySelector('.band'), band ? () => t('page.band.range', { low: fmt(band.p5, h.unit), high: fmt(band.p95, h.unit) }) : '');
        }
        const row = document.querySelector('tr[data-headline-row="' + h.key + '"] td.v');
        if (row) say(row, () => fmt(v, h.unit));
      }
      for (const c of meta.charts) {
        const figure = $('chart-' + c.id);
        if (!figure) continue;
        placeChart(figure, (bands ? bands.svg[c.id] : null) || lastRun.svg[c.id]);
        say(figure.querySelector('.band-note'), bands ? () => t('page.band.note', { draws: bands.draws }) : '');
      }
    }
    async function requestRun(chartsOnly) {
      if (!meta || !meta.ok) return;
      if (inFlight) { pending = true; return; }
      inFlight = true;
      const vals = values();
      const mine = ++runSeq;
      const started = performance.now();
      const dragging = !chartsOnly && started - lastInput < settleMs;
      try {
        // A newer slider position waiting to be sent makes a retry of this one pointless.
        const result = await getJSON(api + '/run?' + query(vals) + (dragging ? '&_charts=0' : ''), { superseded: () => pending || mine !== runSeq });
        if (result.ok && chartsOnly) {
          // The charts for the numbers already shown: redraw them, leave the status as it is.
          if (lastRun && query(lastRun.values) === query(vals)) { lastRun.svg = result.data.svg || lastRun.svg; render(); }
        } else if (result.ok) {
          const previousSvg = lastRun ? lastRun.svg : {};
          lastRun = result.data;
          lastRun.values = vals;
          if (!lastRun.svg) {
            // Numbers only: the charts keep their lines until the slider settles.
            lastRun.svg = previousSvg;
            clearTimeout(chartsTimer);
            chartsTimer = setTimeout(function settle() {
              if (performance.now() - lastInput < settleMs || inFlight) { chartsTimer = setTimeout(settle, settleMs); return; }
              requestRun(true);
            }, settleMs);
          }
          if (baseline === null && Object.keys(vals).every((k) => parseFloat(vals[k]) === meta.levers.find((l) => l.id === k).value)) baseline = lastRun.headlines;
          render();
          const ms = performance.now() - started;
          const retries = result.attempts - 1, failures = lastRun.failures;
          setStatus(() => t('page.status.updated', { ms: Math.round(ms) })
            + (retries > 0 ? ' ' + t('page.status.after_retries', { n: retries }) : '')
            + (failures.length ? ' · ' + t('page.status.failed', { failures: failures.join('; ') }) : ''), failures.length > 0, ms);
          if ($('bands-toggle').checked) scheduleBands();
        } else if (result.status === 422 && result.data && result.data.error) {
          setStatus(errorText(result), true);
          reloadMeta();
        } else if (!pending) {
          const status = String(result.status);
          setStatus(errorText(result, () => t('page.status.server_answered', { status: status })), true);
        }
      } finally {
        inFlight = false;
        if (pending) { pending = false; requestRun(); }
      }
    }
    // The line under the cards. `text` is a string or a function (re-run when the language changes).
    function setStatus(text, bad, ms) {
      const status = $('status');
      say(status, text);
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
      setStatus(() => t('page.status.bands_computing'));
      const result = await getJSON(api + '/bands?' + key + '&_draws=100', { attempts: 6, superseded: () => mine !== bandsSeq });
      if (mine !== bandsSeq) return;
      if (result.ok) {
        lastBands = { key: key, data: result.data };
        render();
        const d = result.data;
        setStatus(() => d.cached
          ? t('page.status.bands_cached', { draws: d.draws, inputs: d.sampledInputs })
          : t('page.status.bands_computed', { draws: d.draws, inputs: d.sampledInputs, ms: Math.round(d.computeMs) }));
      } else {
        const status = String(result.status);
        setStatus(errorText(result, () => t('page.status.bands_failed', { status: status })), true);
      }
    }
    async function reloadMeta() {
      const result = await getJSON(api);
      if (!result.ok) { await startLanguage(null); setStatus(errorText(result, () => t('page.status.cannot_load')), true); return; }
      meta = result.data;
      scenarioTexts = meta.texts || null;
      await startLanguage(meta.language);
      document.title = t('page.document_title', { title: pageTitle() });
      say($('title'), () => scenarioTitle(meta));
      say($('description'), () => scenarioDescription(meta));
      if (about) about.hidden = !meta.description;
      known.version = meta.version;
      known.resetGeneration = meta.resetGeneration;
      known.locks = JSON.stringify(Object.fromEntries(meta.levers.filter((l) => l.locked !== null && l.locked !== undefined).map((l) => [l.id, l.locked])));
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
        if (s.version !== known.version) { await reloadMeta(); setStatus(() => t('page.status.file_changed')); }
        else if (s.resetGeneration !== known.resetGeneration) {
          known.resetGeneration = s.resetGeneration;
          meta.levers.forEach((l) => { l.locked = null; const input = $('lever-' + l.id); if (input) { input.value = String(l.value); showLever(l); } });
          known.locks = '{}';
          applyLocks();
          requestRun();
          setStatus(() => t('page.status.reset'));
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
        if (input.disabled) {
          if (!sameNumber(want, now)) skipped.push(() => t('page.load.locked', { lever: leverLabel(lever), value: leverFmt(now, lever) }));
          continue;
        }
        if (want < lever.min - 1e-9 || want > lever.max + 1e-9) {
          skipped.push(() => t('page.load.outside', { lever: leverLabel(lever), value: leverFmt(want, lever), min: leverFmt(lever.min, lever), max: leverFmt(lever.max, lever) }));
          continue;
        }
        input.value = String(want);
        showLever(lever);
        if (!sameNumber(want, now)) moved.push(() => t('page.load.moved', { lever: leverLabel(lever), from: leverFmt(now, lever), to: leverFmt(want, lever) }));
      }
      for (const id of Object.keys(v.values)) {
        if (!meta.levers.some((l) => l.id === id)) skipped.push(() => t('page.load.gone', { id: id }));
      }
      const status = $('load-status');
      const name = v.name;
      say(status, () => t('page.load.loaded', { name: name, moved: moved.length ? moved.map(textOf).join('; ') : t('page.load.no_move') })
        + (skipped.length ? ' ' + skipped.map(textOf).join('; ') + '.' : ''));
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
      if (result.data.variants.length === 0) list.appendChild(el('li', { class: 'muted' }, () => t('page.variants.none')));
      for (const v of result.data.variants) {
        const waiting = v.status === 'waiting';
        const item = el('li', { 'data-variant': String(v.id), class: waiting ? 'waiting' : '' });
        item.appendChild(el('strong', { class: 'variant-name' }, v.name));
        item.appendChild(el('span', { class: 'variant-info' }, () => (v.author ? ' (' + v.author + ')' : '')
          + (h ? ' · ' + metricLabel(h) + ': ' + fmt(v.headlines[key], h.unit) + ' ' + unitText(h) : '')));
        const load = el('button', { type: 'button', 'aria-label': () => t('page.variants.load_label', { name: v.name }) }, () => t('page.variants.load'));
        load.addEventListener('click', () => loadVariant(v));
        item.appendChild(load);
        const link = el('a', { href: '/api/variants/' + v.id + '/export', download: '', 'aria-label': () => t('page.variants.download_label', { name: v.name }) }, 'YAML');
        item.appendChild(document.createTextNode(' '));
        item.appendChild(link);
        if (waiting || v.note) item.appendChild(el('span', { class: 'note' }, v.note || (() => t('page.variants.waiting'))));
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
      if (!name) { say(status, () => t('page.save.need_name')); status.classList.add('error'); $('variant-name').focus(); return; }
      const numeric = {};
      const vals = values();
      Object.keys(vals).forEach((k) => { numeric[k] = parseFloat(vals[k]); });
      $('save-button').disabled = true;
      try {
        const result = await request('POST', api + '/variants', {
          payload: { name: name, author: $('variant-author').value.trim(), values: numeric }, code: code(), once: true,
          onRetry: (text) => { say(status, text); status.classList.remove('error'); },
        });
        status.classList.toggle('error', !result.ok);
        if (result.ok) {
          const saved = result.data.name;
          say(status, () => t('page.save.saved', { name: saved }));
          $('variant-name').value = '';
          $('code-field').hidden = true;
          loadVariants();
        } else if (result.network) {
          const detail = result.network;
          say(status, () => t('page.save.unreachable', { detail: detail }));
        } else {
          if (result.status === 403) { sessionStorage.removeItem('coopzone-code'); $('code-field').hidden = false; $('access-code').focus(); }
          const code = String(result.status);
          say(status, errorText(result, () => t('page.save.not_saved', { status: code })));
        }
      } finally { $('save-button').disabled = false; }
    });
    $('reset-levers').addEventListener('click', () => {
      for (const lever of meta.levers) {
        const input = $('lever-' + lever.id);
        if (input && !input.disabled) { input.value = String(lever.value); showLever(lever); }
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
    head.appendChild(el('th', { class: 'text' }, () => t('page.compare.variant')));
    for (const l of meta.levers) head.appendChild(el('th', { title: l.path, class: 'lever-col' }, () => leverLabel(l)));
    for (const h of featured) head.appendChild(el('th', h.key === key ? { class: 'ranked' } : {}, () => labelWithUnit(h)));
    head.appendChild(el('th', { class: 'text export-col' }, () => t('page.compare.export')));
    if (manage) head.appendChild(el('th', { class: 'text manage-col' }, () => t('page.compare.manage')));
    table.appendChild(head);
    const rows = [{ baseline: true, name: () => t('page.compare.baseline'), author: '', values: data.baselineValues, headlines: data.baseline, rank: null }].concat(data.variants);
    const hiddenTag = () => t('page.compare.hidden_tag');
    const waitingNote = (v) => v.note || (() => t('page.variants.waiting'));
    for (const v of rows) {
      const classes = [v.baseline ? 'baseline' : '', v.hidden ? 'hidden-variant' : '', v.status === 'waiting' ? 'waiting' : ''].filter(Boolean).join(' ');
      const row = el('tr', v.baseline ? { class: classes } : { 'data-variant': String(v.id), class: classes });
      row.appendChild(el('td', {}, v.rank ? () => fmtNumber(v.rank, 0) : ''));
      const name = el('td', { class: 'text name-cell' });
      name.appendChild(el('strong', { class: 'variant-name' }, v.name));
      if (v.author) name.appendChild(el('span', { class: 'author' }, ' · ' + v.author));
      if (v.hidden) name.appendChild(el('span', { class: 'tag' }, hiddenTag));
      if (v.status === 'waiting' || v.note) name.appendChild(el('span', { class: 'note' }, waitingNote(v)));
      if (v.stale) name.appendChild(el('span', { class: 'stale' }, v.stale));
      row.appendChild(name);
      for (const l of meta.levers) row.appendChild(el('td', { class: 'lever-col' }, () => leverFmt(v.values[l.id], l)));
      for (const h of featured) row.appendChild(el('td', h.key === key ? { class: 'ranked num' } : { class: 'num' }, () => fmt(v.headlines[h.key], h.unit)));
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
      if (v.rank) title.appendChild(el('span', { class: 'rank' }, () => '#' + fmtNumber(v.rank, 0)));
      title.appendChild(el('strong', { class: 'variant-name' }, v.name));
      if (v.author) title.appendChild(el('span', { class: 'author' }, ' · ' + v.author));
      card.appendChild(title);
      if (v.hidden) card.appendChild(el('span', { class: 'tag' }, hiddenTag));
      if (v.status === 'waiting' || v.note) card.appendChild(el('span', { class: 'note' }, waitingNote(v)));
      if (v.stale) card.appendChild(el('span', { class: 'stale' }, v.stale));
      const numbers = el('dl', { class: 'variant-numbers' });
      for (const h of featured) {
        const pair = el('div', h.key === key ? { class: 'ranked' } : {});
        pair.appendChild(el('dt', {}, () => labelWithUnit(h)));
        pair.appendChild(el('dd', {}, () => fmt(v.headlines[h.key], h.unit)));
        numbers.appendChild(pair);
      }
      card.appendChild(numbers);
      const levers = el('dl', { class: 'variant-levers' });
      for (const l of meta.levers) {
        const pair = el('div');
        pair.appendChild(el('dt', {}, () => leverLabel(l)));
        pair.appendChild(el('dd', {}, () => leverFmt(v.values[l.id], l)));
        levers.appendChild(pair);
      }
      card.appendChild(levers);
      if (!v.baseline) {
        const links = el('p', { class: 'variant-card-links' });
        links.appendChild(el('a', { href: '/api/variants/' + v.id + '/export', download: '' }, () => t('page.compare.download_yaml')));
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
    for (const h of meta.headlines) select.appendChild(el('option', { value: h.key }, () => labelWithUnit(h)));
    const saved = sessionStorage.getItem('coopzone-rank-' + scenarioId);
    const first = meta.headlines.find((h) => h.featured) || meta.headlines[0];
    if (saved && meta.headlines.some((h) => h.key === saved)) select.value = saved; else if (first) select.value = first.key;
    select.onchange = () => { sessionStorage.setItem('coopzone-rank-' + scenarioId, select.value); onChange(); };
  }
  // What the compare table needs of a scenario. While the file is broken its meta has no
  // levers or headlines, but its variants are still listed (marked as waiting): the table then
  // uses the last good levers, headlines and texts this browser saw, else the variants' own keys.
  function usableMeta(meta, data) {
    const key = 'coopzone-meta-' + scenarioId;
    if (meta.ok) {
      try { sessionStorage.setItem(key, JSON.stringify({ levers: meta.levers, headlines: meta.headlines, texts: meta.texts || null })); } catch (e) { /* full: fine */ }
      return meta;
    }
    let saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(key) || 'null'); } catch (e) { saved = null; }
    const out = Object.assign({}, meta, { levers: saved ? saved.levers : [], headlines: saved ? saved.headlines : [] });
    if (saved && saved.texts && !(meta.texts && Object.keys(meta.texts).length)) out.texts = saved.texts;
    if (!saved && data) {
      const ids = [];
      for (const v of data.variants) for (const id of Object.keys(v.values || {})) if (!ids.includes(id)) ids.push(id);
      out.levers = ids.map((id) => ({ id: id, label: id, path: '', min: 0, max: 0, step: 1, value: 0 }));
    }
    return out;
  }
  // Keeps a compare view in step with the file: the scenario's meta each round (cheap), the
  // variants after it; a changed version redraws the controls. The first meta sets the page's
  // language (the scenario's, unless one was chosen).
  function compareLoop(onMeta, onRound) {
    let version = null, meta = null;
    async function round() {
      const r = await getJSON(api, { attempts: 3 });
      await startLanguage(r.ok ? r.data.language : null);
      if (r.ok && (r.data.version !== version || !meta)) {
        version = r.data.version;
        showDiagnostics(r.data);
        meta = usableMeta(r.data, null);
        scenarioTexts = meta.texts || scenarioTexts;
        rankControls(meta, () => onRound(meta));
        onMeta(meta, r.data);
        document.title = t('page.document_title', { title: pageTitle() });
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
      say(button, () => t(on ? 'page.projector_leave' : 'page.projector'));
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
    const show = (text) => say($('status'), text);
    if (!result.ok) {
      const status = String(result.status);
      (o.onError || show)(errorText(result, () => t('page.compare.cannot_load', { status: status })));
      return false;
    }
    if (!meta.ok && meta.levers.length === 0) meta = usableMeta(meta, result.data);
    const n = compareTable(meta, result.data, o.manage);
    const h = meta.headlines.find((x) => x.key === key);
    const higherFirst = result.data.higherFirst;
    say($('rank-direction'), () => (h ? t(higherFirst ? 'page.compare.highest_first' : 'page.compare.lowest_first') : ''));
    const hidden = result.data.variants.filter((v) => v.hidden).length;
    const at = new Date();
    (o.onInfo || show)(() => t('page.compare.count', { n: n }) + (hidden ? ' ' + t('page.compare.hidden_count', { n: hidden }) : '')
      + ' · ' + t('page.compare.updated', { time: at.toLocaleTimeString(lang) }));
    return true;
  }
  async function comparePage() {
    retryNotice = (text) => say($('status'), text);
    projectorToggle();
    let current = null;
    pageTitle = () => t('page.nav.compare');
    const round = compareLoop((meta) => {
      current = meta;
      say($('title'), () => t('page.compare.title', { title: scenarioTitle(current) }));
    }, (meta) => loadCompare(meta));
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
      item.appendChild(el('span', { class: 'message-text' }, () => textOf(text)));
      const close = el('button', { type: 'button', class: 'dismiss', 'aria-label': () => t('page.facilitator.dismiss_label', { text: textOf(text) }) }, () => t('page.facilitator.dismiss'));
      close.addEventListener('click', () => item.remove());
      item.appendChild(close);
      box.insertBefore(item, box.firstChild);
      while (box.children.length > 6) box.removeChild(box.lastChild);
    }
    const info = (text) => say($('room-updated'), text);
    retryNotice = info;
    projectorToggle();
    pageTitle = () => t('page.nav.facilitator');
    let meta = { ok: false, levers: [], headlines: [] };
    const codeInput = $('facilitator-code');
    codeInput.value = sessionStorage.getItem('coopzone-facilitator') || '';
    codeInput.addEventListener('change', () => { sessionStorage.setItem('coopzone-facilitator', codeInput.value.trim()); refresh(); });
    const facilitatorCode = () => codeInput.value.trim();
    const refused = (r) => { const status = String(r.status); return errorText(r, () => t('page.facilitator.refused', { status: status })); };
    async function send(method, path, payload) {
      const r = await request(method, path, { payload: payload, code: facilitatorCode(), onRetry: info });
      if (!r.ok) message(refused(r), true);
      return r;
    }
    function buildLocks() {
      const form = $('lock-form');
      clear(form);
      for (const lever of meta.levers) {
        const id = 'lock-' + lever.id;
        const wrap = el('div', { class: 'lever', 'data-lever': lever.id });
        wrap.appendChild(el('label', { for: id }, () => leverLabel(lever)));
        const row = el('div', { class: 'row' });
        const input = el('input', { type: 'range', id: id, min: lever.min, max: lever.max, step: lever.step });
        const locked = lever.locked !== null && lever.locked !== undefined;
        input.value = String(locked ? lever.locked : lever.value);
        const out = el('output', { for: id }, () => leverFmt(parseFloat(input.value), lever));
        input.addEventListener('input', () => paint(out));
        input.addEventListener('change', async () => {
          if (!box.checked) return;
          const value = parseFloat(input.value);
          const r = await send('POST', api + '/locks', { lever: lever.id, value: value, locked: true });
          if (r.ok) message(() => t('page.facilitator.locked_at', { lever: leverLabel(lever), value: leverFmt(value, lever) }));
        });
        row.appendChild(input);
        row.appendChild(out);
        wrap.appendChild(row);
        const check = el('label', { class: 'check' });
        const box = el('input', { type: 'checkbox', id: id + '-locked' });
        box.checked = locked;
        box.addEventListener('change', async () => {
          const value = parseFloat(input.value), on = box.checked;
          const r = await send('POST', api + '/locks', { lever: lever.id, value: value, locked: on });
          if (r.ok) {
            message(on ? () => t('page.facilitator.locked_for_all', { lever: leverLabel(lever), value: leverFmt(value, lever) })
              : () => t('page.facilitator.unlocked', { lever: leverLabel(lever) }));
          } else box.checked = !box.checked;
        });
        check.appendChild(box);
        check.appendChild(document.createTextNode(' '));
        check.appendChild(el('span', {}, () => t('page.facilitator.lock_everyone')));
        wrap.appendChild(check);
        form.appendChild(wrap);
      }
      if (meta.levers.length === 0) form.appendChild(el('p', { class: 'muted' }, () => t('page.facilitator.no_levers')));
    }
    $('reset-room').addEventListener('click', async () => {
      if (!window.confirm(t('page.facilitator.confirm_reset'))) return;
      const r = await send('POST', api + '/reset', {});
      if (r.ok) {
        message(() => t('page.facilitator.reset_done'));
        const fresh = await getJSON(api);
        if (fresh.ok) { meta = fresh.data; buildLocks(); }
      }
    });

    // Hide, rename and delete: PATCH /api/variants/N {name?, hidden?} and DELETE /api/variants/N.
    let editing = false;
    function manage(v, box) {
      const hide = el('button', {
        type: 'button', class: 'small', 'data-action': v.hidden ? 'unhide' : 'hide',
        'aria-label': () => t(v.hidden ? 'page.facilitator.show_label' : 'page.facilitator.hide_label', { name: v.name }),
      }, () => t(v.hidden ? 'page.facilitator.show' : 'page.facilitator.hide'));
      hide.addEventListener('click', async () => {
        const r = await send('PATCH', '/api/variants/' + v.id, { hidden: !v.hidden });
        if (r.ok) { message(() => t(v.hidden ? 'page.facilitator.shown' : 'page.facilitator.hidden', { name: v.name })); refresh(); }
      });
      const rename = el('button', { type: 'button', class: 'small', 'data-action': 'rename', 'aria-label': () => t('page.facilitator.rename_label', { name: v.name }) },
        () => t('page.facilitator.rename'));
      rename.addEventListener('click', () => startRename(v, box));
      const remove = el('button', { type: 'button', class: 'small danger', 'data-action': 'delete', 'aria-label': () => t('page.facilitator.delete_label', { name: v.name }) },
        () => t('page.facilitator.delete'));
      remove.addEventListener('click', async () => {
        if (!window.confirm(t('page.facilitator.confirm_delete', { name: v.name }))) return;
        // Not sent twice: a delete that went through before the connection dropped would answer 404.
        const r = await request('DELETE', '/api/variants/' + v.id, { code: facilitatorCode(), once: true, onRetry: info });
        if (!r.ok) message(refused(r), true);
        if (r.ok) { message(() => t('page.facilitator.deleted', { name: v.name })); refresh(); }
      });
      box.appendChild(hide);
      box.appendChild(rename);
      box.appendChild(remove);
    }
    function startRename(v, box) {
      editing = true;
      clear(box);
      const form = el('form', { class: 'rename-form' });
      const input = el('input', { type: 'text', maxlength: '80', 'aria-label': () => t('page.facilitator.new_name_label', { name: v.name }), class: 'rename-input' });
      input.value = v.name;
      const ok = el('button', { type: 'submit', class: 'small' }, () => t('page.facilitator.save_name'));
      const cancel = el('button', { type: 'button', class: 'small' }, () => t('page.facilitator.cancel'));
      const done = () => { editing = false; refresh(); };
      cancel.addEventListener('click', done);
      input.addEventListener('keydown', (event) => { if (event.key === 'Escape') { event.stopPropagation(); done(); } });
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const name = input.value.trim();
        if (!name || name === v.name) { done(); return; }
        const r = await send('PATCH', '/api/variants/' + v.id, { name: name });
        if (r.ok) {
          const old = v.name, fresh = (r.data && r.data.name) || name;
          message(() => t('page.facilitator.renamed', { old: old, new: fresh }));
          done();
        } else input.focus();
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
        hidden: true, code: facilitatorCode(), manage: manage, onInfo: (text) => { lastError = ''; info(text); }, onRetry: info,
        onError: (text) => { const now = textOf(text); if (now !== lastError) { lastError = now; message(text, true); } info(''); },
      });
    }
    async function loadRoom() {
      let r = await getJSON('/api/room?hidden=1', { attempts: 2, code: facilitatorCode() });
      if (!r.ok && r.status === 403) r = await getJSON('/api/room', { attempts: 2 });
      const list = $('room-list');
      if (!r.ok) return;
      clear(list);
      const others = r.data.filter((c) => c.scenario !== scenarioId);
      if (others.length === 0) list.appendChild(el('li', { class: 'muted' }, () => t('page.facilitator.no_others')));
      for (const c of others) {
        const item = el('li');
        item.appendChild(el('a', { href: '/s/' + encodeURIComponent(c.scenario) + '/facilitator' }, c.scenario));
        const best = c.variants[0];
        item.appendChild(el('span', {}, () => ': ' + t('page.facilitator.other_count', { n: c.variants.length })
          + (best ? ', ' + t('page.facilitator.other_best', { metric: c.rankedBy, name: best.name, value: fmt(best.headlines[c.rankedBy], '') }) : '')));
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
        if (!response.ok) {
          const status = response.status;
          message(() => t('page.facilitator.summary_failed', { status: status ? String(status) : t('page.facilitator.no_connection') }), true);
          return;
        }
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
      say($('title'), () => t('page.facilitator.title', { title: scenarioTitle(meta) }));
      if (raw.ok) buildLocks(); else clear($('lock-form'));
    }, () => refresh());
    await round();
    await loadRoom();
    setInterval(() => { if (!document.hidden) { round(); loadRoom(); } }, pollMs * 1.5);
  }

  // ---- The list of scenarios and the error page -------------------------------------------
  // Written by the server in English; the script puts them in the chosen language, the
  // scenarios' titles from each one's `texts` (asked for once, when a language other than
  // English is first shown).
  function indexPage() {
    const texts = {};
    let asked = false;
    async function titles() {
      if (lang === 'en' || asked) return;
      asked = true;
      for (const link of document.querySelectorAll('[data-title-of]')) {
        const id = link.dataset.titleOf, original = link.textContent;
        const r = await getJSON('/api/scenarios/' + encodeURIComponent(id), { attempts: 2, onRetry: () => {} });
        if (!r.ok || !r.data.texts) continue;
        texts[id] = r.data.texts;
        live(link, () => { const s = texts[id][lang] || texts[id].en; return (s && s.title) || original; });
      }
    }
    relabelHooks.push(titles);
    startLanguage('en');
  }
  function errorPage() {
    const status = body.dataset.status || '';
    pageTitle = () => status;
    startLanguage('en');
  }

  // Catalogues the page will need, asked for at once (the stored choice and English).
  loadCatalogue('en');
  if (storedLanguage()) loadCatalogue(storedLanguage());
  if (page === 'scenario') scenarioPage();
  else if (page === 'compare') comparePage();
  else if (page === 'facilitator') facilitatorPage();
  else if (page === 'index') indexPage();
  else errorPage();
})();
