// casebook facets: filters on the catalogue page (theme, county, programme,
// status, years) combined with full-text search, counts that follow the
// selection, state in the URL query (?theme=…&county=…&programme=…&status=…
// &year=2014 or 2012-2015&q=…, values repeatable; Back and shared links
// work), the result count announced in a live region.
//
// Without JavaScript the facet lists are links to the static theme, county
// and programme pages; this script turns them into checkboxes. On a narrow
// screen the filters fold behind one button that says how many are active;
// the active filters show as chips above the results, each removable, and
// the results' heading names them. Needs search.js (the engine) loaded
// before it; both are <script defer>.
'use strict';

(() => {
  const root = document.querySelector('[data-catalogue]');
  if (!root || !window.casebookSearch) return;
  const L = root.dataset;
  const FACETS = ['theme', 'county', 'programme', 'status'];
  const STATUS = ['planned', 'ongoing', 'completed'];
  const PAGE = 24;
  const say = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values[k] ?? '');
  const el = (tag, props = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'class') e.className = v;
      else if (k in e && k !== 'lang') e[k] = v;
      else e.setAttribute(k, v);
    }
    e.append(...children);
    return e;
  };

  const results = root.querySelector('[data-results]');
  const heading = root.querySelector('[data-results-count]');
  const status = root.querySelector('[data-status]');
  const browse = root.querySelector('[data-browse]');
  const searchForm = root.querySelector('[data-filter-search]');
  const qInput = searchForm && searchForm.querySelector('input[name="q"]');
  const staticNodes = [...results.children];
  const staticCount = heading ? heading.textContent : '';
  const headingText = root.querySelector('[data-results-heading]');
  const resultsHeading = heading ? heading.closest('h2') : null;
  // The hint under the heading says how the cards are sorted: by
  // municipality, or best match first while a search is on.
  const hint = root.querySelector('[data-hint]');
  const hintText = hint ? hint.textContent : '';
  const chips = root.querySelector('[data-chips]');
  const toggle = root.querySelector('[data-filters-toggle]');
  const toggleCount = toggle && toggle.querySelector('[data-filters-active]');
  let done = null;
  let engine = null;
  // search/facets.json: the facet values' names and their counts over the
  // whole catalogue. Each case's own values are in the blocks search/k/<n>.json
  // (meta.block cases each), fetched for the cases a selection looks at.
  let meta = null;
  const blocks = new Map(); // n → Promise<rows of block n>
  let shown = PAGE;
  let generation = 0;

  // ---- state <-> URL -------------------------------------------------------

  function readState(search) {
    const p = new URLSearchParams(search);
    const s = { q: p.get('q') || '', years: [] };
    for (const f of FACETS) s[f] = p.getAll(f).filter(Boolean);
    for (const y of p.getAll('year')) {
      const m = /^(\d{4})(?:-(\d{4}))?$/.exec(y.trim());
      if (m) {
        const a = Number(m[1]);
        const b = m[2] ? Number(m[2]) : a;
        s.years.push([Math.min(a, b), Math.max(a, b)]);
      }
    }
    return s;
  }

  function query(s) {
    const p = new URLSearchParams();
    for (const f of FACETS) for (const v of s[f]) p.append(f, v);
    for (const [a, b] of s.years) p.append('year', a === b ? String(a) : `${a}-${b}`);
    if (s.q.trim()) p.set('q', s.q);
    const text = p.toString();
    return text ? `?${text}` : '';
  }

  const active = (s) => FACETS.some((f) => s[f].length) || s.years.length > 0 || s.q.trim() !== '';

  // ---- the filter button (narrow screens; CSS hides it on wide ones) -------

  function setOpen(open) {
    if (!toggle) return;
    toggle.setAttribute('aria-expanded', String(open));
    root.classList.toggle('filters-open', open);
  }
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  }
  root.dataset.enhanced = '';

  // ---- the controls ----------------------------------------------------------

  let state = readState(location.search);
  const boxes = new Map(); // `${facet}\u0001${value}` → {input, count}
  let fromSel = null;
  let toSel = null;

  function checkboxGroup(facet, legend, items) {
    const list = el('ul', { class: 'facet-list' });
    for (const { value, label, lang } of items) {
      const id = `f-${facet}-${value}`;
      const input = el('input', { type: 'checkbox', id, name: facet, value });
      const count = el('span', { class: 'count' });
      const labelEl = el('label', { htmlFor: id }, el('span', lang ? { lang } : {}, label), ' ', count);
      list.append(el('li', {}, input, labelEl));
      boxes.set(`${facet}\u0001${value}`, { input, count, li: list.lastChild });
      input.addEventListener('change', () => {
        const set = new Set(state[facet]);
        if (input.checked) set.add(value);
        else set.delete(value);
        state = { ...state, [facet]: [...set] };
        commit();
      });
    }
    return el('fieldset', { class: 'facet', 'data-facet-group': facet }, el('legend', {}, legend), list);
  }

  function yearGroup(min, max) {
    const options = (sel, label) => {
      sel.append(el('option', { value: '' }, label));
      for (let y = min; y <= max; y++) sel.append(el('option', { value: String(y) }, String(y)));
    };
    fromSel = el('select', { id: 'f-year-from', name: 'year-from' });
    toSel = el('select', { id: 'f-year-to', name: 'year-to' });
    options(fromSel, L.lYearAny);
    options(toSel, L.lYearAny);
    const change = () => {
      let a = fromSel.value ? Number(fromSel.value) : null;
      let b = toSel.value ? Number(toSel.value) : null;
      if (a === null && b === null) {
        state = { ...state, years: [] };
      } else {
        a = a ?? min;
        b = b ?? max;
        state = { ...state, years: [[Math.min(a, b), Math.max(a, b)]] };
      }
      commit();
    };
    fromSel.addEventListener('change', change);
    toSel.addEventListener('change', change);
    return el(
      'fieldset',
      { class: 'facet facet-years', 'data-facet-group': 'year' },
      el('legend', {}, L.lYears),
      el('div', { class: 'year-range' },
        el('div', {}, el('label', { htmlFor: 'f-year-from' }, L.lYearFrom), fromSel),
        el('div', {}, el('label', { htmlFor: 'f-year-to' }, L.lYearTo), toSel)),
    );
  }

  function buildControls() {
    const d = meta;
    const groups = [];
    const names = {
      theme: d.themes.map(([value, label]) => ({ value, label })),
      county: d.counties.map(([value, label]) => ({ value, label })),
      programme: d.programmes.map(([value, label]) => ({ value, label })),
      status: STATUS.map((value) => ({ value, label: L[`lStatus${value[0].toUpperCase()}${value.slice(1)}`] })),
    };
    // The static lists give the facets' headings (and their order).
    const legends = {};
    for (const list of browse.querySelectorAll('[data-facet]')) {
      const h = list.previousElementSibling;
      legends[list.dataset.facet] = h ? h.textContent : list.dataset.facet;
    }
    legends.status = L.lStatus;
    for (const f of FACETS) groups.push(checkboxGroup(f, legends[f] || f, names[f]));
    if (d.years) groups.push(yearGroup(d.years[0], d.years[1]));
    const clear = el('button', { type: 'button', class: 'clear-filters' }, L.lClear);
    clear.addEventListener('click', () => {
      state = readState('');
      commit();
      if (qInput) qInput.focus();
    });
    done = el('button', { type: 'button', class: 'filters-done' }, L.lDone);
    done.addEventListener('click', () => {
      setOpen(false);
      if (resultsHeading) resultsHeading.focus();
    });
    const form = el('form', { class: 'facets', 'aria-labelledby': 'bla' }, ...groups, clear, done);
    form.addEventListener('submit', (e) => e.preventDefault());
    // Replace the static link lists (and their headings) with the form.
    for (const list of [...browse.querySelectorAll('[data-facet]')]) {
      const h = list.previousElementSibling;
      if (h && /^H[2-6]$/.test(h.tagName)) h.remove();
      list.remove();
    }
    const h2 = browse.querySelector('h2');
    if (h2 && L.lFilters) h2.textContent = L.lFilters;
    browse.append(form);
    browse.dataset.enhanced = '';
  }

  function syncControls() {
    for (const [key, { input }] of boxes) {
      const [facet, value] = key.split('\u0001');
      input.checked = state[facet].includes(value);
    }
    if (fromSel) {
      const [a, b] = state.years[0] || [null, null];
      fromSel.value = a === null ? '' : String(a);
      toSel.value = b === null ? '' : String(b);
    }
    if (qInput && qInput.value !== state.q) qInput.value = state.q;
  }

  // ---- filtering -------------------------------------------------------------

  /** Which facets a doc passes, for the current state. */
  function tests(s) {
    const d = meta;
    const index = (list) => new Map(list.map(([id], i) => [id, i]));
    const themeIx = index(d.themes);
    const countyIx = index(d.counties);
    const progIx = index(d.programmes);
    const themes = new Set(s.theme.map((v) => themeIx.get(v)));
    const counties = new Set(s.county.map((v) => countyIx.get(v)));
    const progs = new Set(s.programme.map((v) => progIx.get(v)));
    const statuses = new Set(s.status.map((v) => STATUS.indexOf(v)));
    return {
      theme: (x) => !themes.size || x.themes.some((t) => themes.has(t)),
      county: (x) => !counties.size || counties.has(x.c),
      programme: (x) => !progs.size || progs.has(x.p),
      status: (x) => !statuses.size || statuses.has(x.status),
      year: (x) => !s.years.length || (x.from > 0 && s.years.some(([a, b]) => x.from <= b && x.to >= a)),
    };
  }

  /**
   * Docs matching everything, in order, and per facet value the number of
   * docs it would give if it were ticked with the other facets as they are
   * (the usual "disjunctive" counts: ticking one more theme widens).
   */
  function filter(s, candidates) {
    const t = tests(s);
    const names = ['theme', 'county', 'programme', 'status', 'year'];
    const counts = { theme: new Map(), county: new Map(), programme: new Map(), status: new Map() };
    const bump = (facet, key) => counts[facet].set(key, (counts[facet].get(key) || 0) + 1);
    const add = (facet, x) => {
      if (facet === 'theme') for (const th of x.themes) bump('theme', th);
      else if (facet === 'county') bump('county', x.c);
      else if (facet === 'programme') bump('programme', x.p);
      else if (facet === 'status') bump('status', x.status);
    };
    const hits = [];
    for (const x of candidates) {
      let failed = null;
      let fails = 0;
      for (const n of names) {
        if (!t[n](x)) {
          failed = n;
          if (++fails > 1) break;
        }
      }
      if (fails === 0) {
        hits.push(x);
        for (const f of FACETS) add(f, x);
      } else if (fails === 1 && failed !== 'year') {
        add(failed, x);
      }
    }
    return { hits, counts };
  }

  /** A case's row: `{ i, m, c, p, themes, status, from, to, end }`. */
  const row = (i, [m, c, p, themes, status, from, to, end]) => ({ i, m, c, p, themes, status, from, to, end });

  /** Block `n`'s cases as rows. */
  function block(n) {
    let rows = blocks.get(n);
    if (!rows) {
      rows = engine.get(`k/${n}.json`).then((k) =>
        k.m.map((m, j) => row(n * meta.block + j, [m, k.c[j], k.p[j], k.t[j], k.s[j], k.from[j], k.to[j], k.end[j]])),
      );
      rows.catch(() => blocks.delete(n));
      blocks.set(n, rows);
    }
    return rows;
  }

  /**
   * The rows of the cases at `ids` (catalogue positions), in that order:
   * from the hits' own files (search/d/, eight cases each) when a few
   * hits are spread over many blocks, since a block weighs about as much
   * as ten of those files; else from the blocks.
   */
  async function rowsOf(ids) {
    const wanted = [...new Set(ids.map((i) => Math.floor(i / meta.block)))];
    const files = new Set(ids.map((i) => Math.floor(i / engine.data.docs_per_file))).size;
    if (files < 8 * wanted.length) {
      const found = await engine.hits(ids);
      if (found.every(Boolean)) return found.map((h) => row(h.i, h.facts));
    }
    const got = new Map();
    await Promise.all(wanted.map(async (n) => got.set(n, await block(n))));
    return ids.map((i) => got.get(Math.floor(i / meta.block))[i % meta.block]);
  }

  /** Counts as search/c/ gives them, in the shape filter() gives them. */
  function countsFrom(list) {
    const counts = { theme: new Map(), county: new Map(), programme: new Map(), status: new Map() };
    let at = 0;
    for (const [facet, n] of [['theme', meta.themes.length], ['county', meta.counties.length], ['programme', meta.programmes.length], ['status', 3]]) {
      for (let v = 0; v < n; v++) counts[facet].set(v, list[at + v]);
      at += n;
    }
    return counts;
  }

  /** Every case's row, in catalogue order (a filter with no search). */
  async function allRows() {
    const all = await Promise.all(Array.from({ length: meta.blocks }, (_, n) => block(n)));
    return all.flat();
  }

  // ---- cards -------------------------------------------------------------------

  /** A result card: `x` the case's row, `h` its title and summary from search/d/. */
  function card(x, h, terms) {
    const d = meta;
    const base = L.root;
    const pageLang = document.documentElement.lang;
    const langAttr = h.lang !== pageLang ? { lang: h.lang } : {};
    const title = el('a', { href: `${base}cases/${h.slug}/` });
    title.append(terms.length ? engine.highlight(h.title, terms) : h.title);
    const m = d.municipalities[x.m];
    const place = el('p', { class: 'card-place' }, el('a', { href: `${base}municipalities/${m[0]}/` }, m[1]));
    if (x.c >= 0) {
      const c = d.counties[x.c];
      place.append(' · ', el('a', { href: `${base}counties/${c[0]}/` }, c[1]));
    }
    const li = el('li', { class: 'card' }, el(`h${L.cardLevel || 3}`, { class: 'card-title', ...langAttr }, title), place);
    if (h.summary) li.append(el('p', { class: 'card-summary', ...langAttr }, h.summary));
    if (terms.length) {
      const snip = el('p', { class: 'card-snippet', ...langAttr });
      li.append(snip);
      const mine = generation;
      // Once typing pauses (see search.js).
      setTimeout(() => {
        if (mine !== generation) return;
        engine.text(x.i).then((text) => {
          const nodes = text && mine === generation ? engine.snippet(text, terms) : null;
          if (nodes) snip.replaceChildren(nodes);
          else snip.remove();
        });
      }, 150);
    }
    const facts = el('dl', { class: 'card-facts' });
    const fact = (label, ...value) => facts.append(el('div', {}, el('dt', {}, label), el('dd', {}, ...value)));
    if (x.p >= 0) {
      const p = d.programmes[x.p];
      fact(L.lProgramme, el('a', { href: `${base}programmes/${p[0]}/` }, p[1]));
    }
    if (x.from > 0 || x.end) {
      const start = x.from;
      const period = x.end === null ? `${start}–` : x.end === start ? String(start) : `${start}–${x.end}`;
      fact(L.lPeriod, period);
    }
    const st = STATUS[x.status];
    fact(L.lStatusLabel, el('span', { class: `status status-${st}` }, L[`lStatus${st[0].toUpperCase()}${st.slice(1)}`]));
    const tags = el('ul', { class: 'tags' });
    for (const th of x.themes) {
      const [id, name] = d.themes[th];
      tags.append(el('li', {}, el('a', { href: `${base}themes/${id}/` }, name)));
    }
    fact(L.lThemes, tags);
    li.append(facts);
    return li;
  }

  // ---- what is shown: chips, heading, the button's count ---------------------

  /** The active filters in facet order: `{ key, label, name, without }`. */
  function activeFilters(s) {
    const d = meta;
    const nameOf = (list, v) => (list.find(([id]) => id === v) || [v, v])[1];
    const out = [];
    const lists = { theme: d.themes, county: d.counties, programme: d.programmes };
    for (const f of FACETS) {
      for (const v of s[f]) {
        const label = f === 'status' ? L[`lStatus${v[0].toUpperCase()}${v.slice(1)}`] || v : nameOf(lists[f], v);
        out.push({ key: `${f}\u0001${v}`, label, without: () => ({ ...s, [f]: s[f].filter((x) => x !== v) }) });
      }
    }
    s.years.forEach(([a, b], i) => {
      out.push({ key: `year\u0001${a}-${b}`, label: a === b ? String(a) : `${a}–${b}`, without: () => ({ ...s, years: s.years.filter((_, j) => j !== i) }) });
    });
    if (s.q.trim()) {
      out.push({ key: 'q', label: `${L.lChipSearch}: «${s.q.trim()}»`, without: () => ({ ...s, q: '' }) });
    }
    return out;
  }

  function renderChips() {
    const list = activeFilters(state);
    const filters = list.filter((f) => f.key !== 'q').length;
    if (toggleCount) toggleCount.textContent = filters ? `(${say(filters === 1 ? L.lActiveOne : L.lActiveMany, { n: filters })})` : '';
    if (headingText) {
      headingText.textContent = list.length ? say(L.lHeadingFiltered, { filters: list.map((f) => f.label).join(', ') }) : L.lHeading;
    }
    if (!chips) return;
    chips.replaceChildren();
    list.forEach((f, i) => {
      const button = el('button', { type: 'button', class: 'chip', 'aria-label': `${L.lChipRemove} ${f.label}`, 'data-key': f.key }, f.label, el('span', { class: 'chip-x', 'aria-hidden': 'true' }, '×'));
      button.addEventListener('click', () => {
        state = f.without();
        commit();
        // Focus stays in the row: the chip that took this one's place, else
        // the one before, else the results' heading.
        const left = chips.querySelectorAll('.chip');
        const next = left[Math.min(i, left.length - 1)];
        if (next) next.focus();
        else if (resultsHeading) resultsHeading.focus();
      });
      chips.append(el('li', {}, button));
    });
    chips.hidden = list.length === 0;
  }

  // ---- rendering -------------------------------------------------------------

  async function render({ announce = true } = {}) {
    const mine = ++generation;
    renderChips();
    if (hint && L.lRanked) hint.textContent = state.q.trim() ? L.lRanked : hintText;
    if (!active(state)) {
      results.replaceChildren(...staticNodes);
      if (heading) heading.textContent = staticCount;
      if (done) done.textContent = `${L.lDone} (${meta.cases})`;
      updateCounts(totals());
      if (announce) status.textContent = say(L.lShowingMany, { n: meta.cases });
      root.dataset.state = 'all';
      return;
    }
    let terms = [];
    let n;
    let counts;
    let heads;
    try {
      // One common word and no filter: its counts are in search/c/, and
      // the first page of its hits ranks from best postings, so neither
      // its whole postings nor any block is fetched.
      const words = engine.queryTerms(state.q);
      const filtered = FACETS.some((f) => state[f].length) || state.years.length > 0;
      const known = !filtered && words.length === 1 ? await engine.counts(words[0]) : null;
      if (mine !== generation) return;
      const one = single(state);
      if (one) {
        // One filter: facets.json has its counts (the chosen facet keeps
        // the whole catalogue's, as ticking another value there widens),
        // and its first cases are in the first blocks.
        const given = countsFrom(meta.given[one.at]);
        counts = { ...given, [one.facet]: totals()[one.facet] };
        n = meta.given[one.at][one.at];
        const hits = await firstPassing(state, shown);
        if (mine !== generation) return;
        heads = await engine.hits(hits.map((x) => x.i));
      } else if (known) {
        const found = await engine.search(state.q, shown);
        if (mine !== generation) return;
        terms = found.terms;
        n = found.count;
        counts = countsFrom(known);
        heads = await engine.hits(found.ids.slice(0, shown));
      } else {
        let candidates;
        if (state.q.trim()) {
          // Every hit, for the counts: the whole postings of common words.
          const found = await engine.search(state.q, Infinity);
          if (mine !== generation) return;
          terms = found.terms;
          candidates = await rowsOf(found.ids);
        } else {
          candidates = await allRows();
        }
        if (mine !== generation) return;
        let hits;
        ({ hits, counts } = filter(state, candidates));
        n = hits.length;
        heads = await engine.hits(hits.slice(0, shown).map((x) => x.i));
      }
    } catch (e) {
      if (mine === generation) status.textContent = L.lError;
      return;
    }
    if (mine !== generation) return;
    updateCounts(counts);
    const text = n === 0 ? L.lNone : say(n === 1 ? L.lShowingOne : L.lShowingMany, { n });
    if (heading) heading.textContent = say(L.lCountOf, { n, total: meta.cases });
    if (done) done.textContent = `${L.lDone} (${n})`;
    const list = el('ul', { class: 'cards' });
    for (const h of heads) if (h) list.append(card(row(h.i, h.facts), h, terms));
    const nodes = n ? [list] : [el('p', { class: 'notice' }, L.lNone)];
    if (n > shown) {
      const more = el('button', { type: 'button', class: 'more' }, say(L.lMore, { n: Math.min(PAGE, n - shown) }));
      more.addEventListener('click', () => {
        const first = shown;
        shown += PAGE;
        render({ announce: false }).then(() => {
          const link = results.querySelectorAll('.card-title a')[first];
          if (link) link.focus();
        });
      });
      nodes.push(more);
    }
    results.replaceChildren(...nodes);
    root.dataset.state = n ? 'filtered' : 'none';
    if (announce) status.textContent = text;
  }

  /** The counts over the whole catalogue, in the shape filter() gives them. */
  const totals = () => countsFrom(meta.totals);

  /**
   * The one value chosen when the state is a single filter (one value of
   * one facet, no year, no search): `{ facet, at }`, `at` its position in
   * the flat list of facets.json's `totals`; else null.
   */
  function single(s) {
    const chosen = FACETS.filter((f) => s[f].length);
    if (s.q.trim() || s.years.length || chosen.length !== 1 || s[chosen[0]].length !== 1) return null;
    const facet = chosen[0];
    const lists = { theme: meta.themes, county: meta.counties, programme: meta.programmes };
    const v = s[facet][0];
    const i = facet === 'status' ? STATUS.indexOf(v) : lists[facet].findIndex(([id]) => id === v);
    if (i < 0) return null;
    let at = i;
    for (const f of FACETS.slice(0, FACETS.indexOf(facet))) at += f === 'status' ? 3 : lists[f].length;
    return { facet, at };
  }

  /**
   * The first `need` cases passing every filter of `s`, in catalogue
   * order, reading the blocks one after the other only as far as needed.
   */
  async function firstPassing(s, need) {
    const t = tests(s);
    const names = Object.keys(t);
    const found = [];
    for (let n = 0; n < meta.blocks && found.length < need; n++) {
      for (const x of await block(n)) {
        if (names.every((n) => t[n](x))) found.push(x);
        if (found.length === need) break;
      }
    }
    return found;
  }

  function updateCounts(counts) {
    const d = meta;
    const ids = {
      theme: (v) => d.themes.findIndex(([id]) => id === v),
      county: (v) => d.counties.findIndex(([id]) => id === v),
      programme: (v) => d.programmes.findIndex(([id]) => id === v),
      status: (v) => STATUS.indexOf(v),
    };
    for (const [key, { count, li }] of boxes) {
      const [facet, value] = key.split('\u0001');
      const n = counts[facet].get(ids[facet](value)) || 0;
      count.textContent = `(${n})`;
      li.classList.toggle('empty', n === 0);
    }
  }

  /** Puts the state in the URL (a new history entry) and renders it. */
  function commit({ push = true } = {}) {
    shown = PAGE;
    const url = location.pathname + query(state) + location.hash;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    syncControls();
    render();
  }

  // ---- start -----------------------------------------------------------------

  const facets = fetch(L.facetsData, { cache: 'no-cache' }).then((r) => {
    if (!r.ok) throw new Error(`${L.facetsData}: HTTP ${r.status}`);
    return r.json();
  });
  Promise.all([window.casebookSearch.load(L.searchIndex), facets])
    .then(([e, f]) => {
      engine = e;
      meta = f;
      buildControls();
      syncControls();
      if (qInput) {
        let typing = false;
        qInput.addEventListener('input', () => {
          // The first keystroke of a search adds a history entry; the rest
          // of the word replaces it.
          state = { ...state, q: qInput.value };
          commit({ push: !typing });
          typing = true;
        });
        qInput.addEventListener('blur', () => {
          typing = false;
        });
        searchForm.addEventListener('submit', (ev) => {
          ev.preventDefault();
          typing = false;
          status.textContent = '';
          render();
        });
      }
      window.addEventListener('popstate', () => {
        state = readState(location.search);
        shown = PAGE;
        syncControls();
        render();
      });
      root.dataset.ready = '';
      return render({ announce: active(state) });
    })
    .catch(() => {
      status.textContent = L.lError;
    });
})();
