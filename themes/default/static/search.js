// casebook search: the engine over the index that `casebook build` writes
// under search/ (see src/search/mod.rs for the design), and the /search/
// page. No framework, no request to another host; loaded with
// <script defer>. Every rule that turns a word into a term mirrors
// src/search/normalise.rs, and the ranking mirrors Index::query in
// src/search/index.rs; tests/browser/search.mjs holds both to the same
// fixtures.
'use strict';

(() => {
  // ---- words to terms ------------------------------------------------------

  const WORD = /[\p{Alphabetic}\p{N}]+/gu;
  const ACCENTS = {
    à: 'a', á: 'a', â: 'a', ä: 'a', ã: 'a', ò: 'o', ó: 'o', ô: 'o', ö: 'o', õ: 'o',
    è: 'e', é: 'e', ê: 'e', ë: 'e', ì: 'i', í: 'i', î: 'i', ï: 'i', ù: 'u', ú: 'u',
    û: 'u', ü: 'u', ý: 'y', ÿ: 'y', ç: 'c', ñ: 'n', ß: 'ss',
  };
  const foldAccents = (w) => w.replace(/[àáâäãòóôöõèéêëìíîïùúûüýÿçñß]/g, (c) => ACCENTS[c]);
  const fold = (w) =>
    w.replace(/[æå]/g, 'a').replace(/ø/g, 'o').replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/aa/g, 'a');

  // Snowball's Norwegian stemmer, as rust-stemmers 1.2 implements it.
  const VOWELS = new Set('aeiouyæåø');
  const S_ENDING = new Set('bcdfghjlmnoprtvyz');
  const STEP1 = [
    'hetenes', 'hetene', 'hetens', 'heten', 'heter', 'endes', 'edes', 'enes', 'ande', 'ende',
    'erte', 'ede', 'ane', 'ene', 'ens', 'ers', 'ets', 'het', 'ert', 'ast', 'as', 'es', 'en',
    'ar', 'er', 'et', 'a', 'e', 's',
  ];
  const STEP3 = ['hetslov', 'eleg', 'elig', 'elov', 'slov', 'leg', 'eig', 'lig', 'els', 'lov', 'ig'];
  function stem(w) {
    const n = w.length;
    if (n < 3) return w;
    let i = 0;
    while (i < n && !VOWELS.has(w[i])) i++;
    while (i < n && VOWELS.has(w[i])) i++;
    if (i >= n) return w;
    const p1 = Math.max(i + 1, 3);
    const fits = (s) => w.endsWith(s) && w.length - s.length >= p1;
    const s1 = STEP1.find(fits);
    if (s1 === 'erte' || s1 === 'ert') {
      w = w.slice(0, -s1.length) + 'er';
    } else if (s1 === 's') {
      const before = w[w.length - 2];
      if (
        S_ENDING.has(before) ||
        (before === 'k' && w.length >= 3 && !VOWELS.has(w[w.length - 3]))
      ) {
        w = w.slice(0, -1);
      }
    } else if (s1) {
      w = w.slice(0, -s1.length);
    }
    if ((w.endsWith('dt') || w.endsWith('vt')) && w.length - 2 >= p1) w = w.slice(0, -1);
    const s3 = STEP3.find(fits);
    if (s3) w = w.slice(0, -s3.length);
    return w;
  }

  // ---- the engine ------------------------------------------------------------

  /** 32-bit FNV-1a of the UTF-8 bytes of `key` (layout::hash in Rust). */
  const UTF8 = new TextEncoder();
  function hash(key) {
    let h = 0x811c9dc5;
    for (const b of UTF8.encode(key)) {
      h ^= b;
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  }

  /** The docs in both score maps with the sum of their scores (`a` null: `b`). */
  function both(a, b) {
    if (a === null) return b;
    for (const [doc, s] of a) {
      const o = b.get(doc);
      if (o === undefined) a.delete(doc);
      else a.set(doc, s + o);
    }
    return a;
  }

  class Engine {
    constructor(base, data) {
      this.base = base;
      this.data = data;
      this.cases = data.cases;
      this.stop = new Set(data.stop);
      this.variants = data.variants;
      this.prefixFactor = data.prefix_factor;
      this.partFactor = data.part_factor;
      this.shortParts = new Set(data.parts || []);
      this.keys = new Map(); // p/ key → Promise<Set of the terms under it>
      this.files = new Map(); // path → Promise<JSON>
      this.memo = new Map();
    }

    /** A shard under search/, fetched once (a failed fetch is retried later). */
    get(file) {
      let p = this.files.get(file);
      if (!p) {
        // Stable names: revalidate rather than trust a copy of an earlier build.
        p = fetch(this.base + file, { cache: 'no-cache' }).then((r) => {
          if (!r.ok) throw new Error(`${file}: HTTP ${r.status}`);
          return r.json();
        });
        p.catch(() => this.files.delete(file));
        this.files.set(file, p);
      }
      return p;
    }

    /** The shard of kind `kind` (t, p, e) that holds `key`. */
    shardOf(kind, key) {
      return this.get(`${kind}/${hash(key) % this.data.shards[kind]}.json`);
    }

    /**
     * The terms a query term stands for, in order (index::expansion_order),
     * and the hits of a one-word query for it when the prefix shard knows
     * them (the term is a whole key), else null.
     */
    async expand(q) {
      const key = [...q].slice(0, this.data.prefix_len).join('');
      const lists = await this.shardOf('p', key);
      const [hits, list] = lists[key] || [0, []];
      const found = list.filter(([t]) => t.startsWith(q));
      found.sort((a, b) => (b[0] === q) - (a[0] === q) || b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      return { terms: found.slice(0, this.data.expansions).map(([t]) => t), hits: key === q ? hits : null };
    }

    /**
     * What the term shard holds of an index term: `{ list, hits, cases,
     * full }`; `list` its postings (Δcase, weight, …), or only its best ones
     * when `full` (the whole list's file) is set; `hits` the cases a
     * one-word query for it finds; `cases` the cases that have it.
     */
    async entry(term) {
      const shard = hash(term) % this.data.shards.t;
      const file = `t/${shard}.json`;
      let map = await this.get(file);
      if (!(map instanceof Map)) {
        // Parsed once into a map, shared by every later lookup.
        map = new Map(map.map((e) => [e[0], e]));
        this.files.set(file, Promise.resolve(map));
      }
      const e = map.get(term);
      if (!e) return { list: [], hits: 0, cases: 0, full: null };
      return e.length > 3
        ? { list: e[1], hits: e[2], cases: e[3], full: `f/${shard}-${e[4]}.json` }
        : { list: e[1], hits: e[2], cases: e[1].length / 2, full: null };
    }

    words(text) {
      return text.toLowerCase().match(WORD) || [];
    }

    /**
     * Nynorsk onto bokmål, as Variants::apply in normalise.rs: a whole term
     * with a pair of its own, else the part rules in order (0 start,
     * 1 anywhere, 3 end keeping four letters).
     */
    variantsOf(term) {
      if (!this.whole) {
        this.whole = new Map(this.variants.filter((v) => v[2] === 2).map((v) => [v[0], v[1]]));
        this.parts = this.variants.filter((v) => v[2] !== 2);
      }
      const to = this.whole.get(term);
      if (to !== undefined) return to;
      for (const [from, into, place] of this.parts) {
        if (place === 1) {
          if (term.includes(from)) term = term.split(from).join(into);
        } else if (place === 0) {
          if (term.startsWith(from)) term = into + term.slice(from.length);
        } else if (place === 3) {
          if (term.endsWith(from) && [...term].length - [...from].length >= 4) {
            term = term.slice(0, -from.length) + into;
          }
        }
      }
      return term;
    }

    /** The index term of a lower-case word, or null (stop word, one letter). */
    term(lower) {
      let t = this.memo.get(lower);
      if (t !== undefined) return t;
      t = null;
      if ([...lower].length >= 2 && !this.stop.has(lower)) {
        t = this.variantsOf(fold(stem(foldAccents(lower))));
      }
      this.memo.set(lower, t);
      return t;
    }

    loose(text) {
      return this.words(text).map((w) => fold(foldAccents(w))).join(' ');
    }

    /** Query terms: the word being typed stays even if short or a stop word. */
    queryTerms(query) {
      const words = this.words(query);
      const typing = /[\p{Alphabetic}\p{N}]$/u.test(query);
      const out = [];
      words.forEach((w, i) => {
        let t = this.term(w);
        if (t === null && typing && i === words.length - 1) t = fold(foldAccents(w));
        if (t !== null && !out.includes(t)) out.push(t);
      });
      return out.slice(0, this.data.max_terms);
    }

    // ---- compound words (src/search/compound.rs) ---------------------------

    /** Whether the index has the key: a term, or a part as `<part>-`. */
    async hasKey(key) {
      const k = [...key].slice(0, this.data.prefix_len).join('');
      let set = this.keys.get(k);
      if (!set) {
        set = this.shardOf('p', k).then((lists) => new Set((lists[k] || [0, []])[1].map(([t]) => t)));
        set.catch(() => this.keys.delete(k));
        this.keys.set(k, set);
      }
      return (await set).has(key);
    }

    /** Whether a piece of a query word may be a part (Index::is_part). */
    async isPart(piece) {
      if ([...piece].length < 4 && !this.shortParts.has(piece)) return false;
      const [term, part] = await Promise.all([this.hasKey(piece), this.hasKey(`${piece}-`)]);
      return term || part;
    }

    /**
     * The fewest known parts (two or more) `term` splits into, joined
     * directly or by `s` or `e`, or null: compound::split, step by step.
     */
    async split(term) {
      if (UTF8.encode(term).length > 64 || !/^\p{Alphabetic}+$/u.test(term)) return null;
      const best = new Map();
      const cover = async (at, wholeAllowed) => {
        if (wholeAllowed && best.has(at)) return best.get(at);
        let found = null;
        const ends = [];
        for (let i = at; i < term.length; ) {
          i += term.codePointAt(i) > 0xffff ? 2 : 1;
          ends.push(i);
        }
        for (const end of ends.reverse()) {
          if (end === term.length && !wholeAllowed) continue;
          if (!(await this.isPart(term.slice(at, end)))) continue;
          if (end === term.length) {
            if (found === null || found[0] > 1) found = [1, end, end];
            continue;
          }
          for (const joint of ['', 's', 'e']) {
            const next = end + joint.length;
            if (next >= term.length || !term.startsWith(joint, end)) continue;
            const rest = await cover(next, true);
            if (rest !== null && (found === null || found[0] > rest[0] + 1)) {
              found = [rest[0] + 1, end, next];
            }
          }
        }
        if (wholeAllowed) best.set(at, found);
        return found;
      };
      if ((await cover(0, false)) === null) return null;
      const parts = [];
      let at = 0;
      let wholeAllowed = false;
      while (at < term.length) {
        const [, end, next] = await cover(at, wholeAllowed);
        parts.push(term.slice(at, end));
        at = next;
        wholeAllowed = true;
      }
      return parts;
    }

    /**
     * Ranked case positions for `query` (see Index::query in Rust), as
     * `{ ids, terms, count }`: each term's expansions, their shards fetched
     * together; a case must match every term; a case whose title is the
     * query comes first. `count` is the number of hits; `ids` holds them
     * all, or at least the first `need` when a one-word query was answered
     * from the best postings of common terms, which rank the first of them
     * exactly (a case's score is its best term's, and every case that
     * beats it there is in that term's best postings too).
     */
    async search(query, need = 20) {
      const terms = this.queryTerms(query);
      if (!terms.length) return { ids: [], terms, count: 0 };
      const lookUp = (qs) => Promise.all(qs.map((q) => this.expand(q)));
      const entriesOf = (ex) => Promise.all(ex.map((ts) => Promise.all(ts.map((t) => this.entry(t)))));
      const [found, splits] = await Promise.all([lookUp(terms), Promise.all(terms.map((q) => this.split(q)))]);
      const expanded = found.map((f) => f.terms);
      // A word no case has, whole or in parts: no hits, whatever the others.
      if (expanded.some((ts, i) => !ts.length && !splits[i])) return { ids: [], terms, count: 0 };
      const entries = await entriesOf(expanded);
      let truncated = entries.some((es) => es.some((e) => e.full));
      // Best postings do for one word whose hits are known (it is a term,
      // or a whole prefix key) when no more hits are asked for than they
      // rank.
      let known = null;
      if (terms.length === 1 && expanded[0].length) {
        known = expanded[0][0] === terms[0] ? entries[0][0].hits : found[0].hits;
      }
      const best = known !== null && need <= this.data.top;
      // A compound's parts are searched too (Index::part_scores), each as a
      // word of its own, after the query's words in `words`. Not when best
      // postings answer: a word common enough to have them fills the first
      // pages with whole-word matches, which outrank part matches.
      const words = terms.slice();
      const shortcut = truncated && best;
      if (!shortcut) {
        for (let i = 0; i < splits.length; i++) if (splits[i]) words.push(...splits[i]);
        const more = (await lookUp(words.slice(terms.length))).map((f) => f.terms);
        expanded.push(...more);
        entries.push(...(await entriesOf(more)));
        truncated = entries.some((es) => es.some((e) => e.full));
      } else {
        splits.fill(null);
      }
      if (truncated && !shortcut) {
        await Promise.all(
          entries.flat().map(async (e) => {
            if (e.full) {
              e.list = await this.get(e.full);
              e.full = null;
            }
          }),
        );
      }
      const whole = this.loose(query);
      // A title is a few words: a longer query cannot be one.
      const titles = whole && whole.length <= 400 ? this.shardOf('e', whole).catch(() => ({})) : null;
      const n = this.cases;
      // Each case's best match for the query word at `i` of `words`.
      const scoresOf = (i) => {
        const scores = new Map();
        expanded[i].forEach((term, k) => {
          const { list, cases } = entries[i][k];
          const factor = term === words[i] ? 1 : this.prefixFactor;
          const idf = Math.log(1 + n / cases);
          let doc = 0;
          for (let j = 0; j < list.length; j += 2) {
            doc += list[j];
            const s = factor * list[j + 1] * idf;
            const e = scores.get(doc);
            if (e === undefined || s > e) scores.set(doc, s);
          }
        });
        return scores;
      };
      let total = null;
      let at = terms.length;
      terms.forEach((q, i) => {
        const scores = scoresOf(i);
        const split = splits[i];
        if (split) {
          // The cases with every part, at the part factor × their mean.
          let all = null;
          for (let k = 0; k < split.length; k++) all = both(all, scoresOf(at + k));
          at += split.length;
          for (const [doc, s] of all) {
            const v = (s * this.partFactor) / split.length;
            const e = scores.get(doc);
            if (e === undefined || v > e) scores.set(doc, v);
          }
        }
        total = both(total, scores);
      });
      const exact = titles ? (await titles)[whole] || [] : [];
      // From best postings a case may be missing whose title is the word.
      if (shortcut) for (const doc of exact) if (!total.has(doc)) total.set(doc, 0);
      const exactSet = new Set(exact);
      const ranked = [...total].map(([doc, s]) => [doc, exactSet.has(doc) ? s + 1e6 : s]);
      ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      const ids = ranked.map((r) => r[0]);
      const count = shortcut ? known : ids.length;
      return { ids: shortcut ? ids.slice(0, this.data.top) : ids, terms: words, count };
    }

    /**
     * What the results list shows of each case in `ids`: `{ i, slug, title,
     * municipality, county, lang, summary, facts }`, from search/d/ (null
     * for a case whose file failed); `facts` the case's facet values for
     * the catalogue page (src/search/facets.rs, `Facts`).
     */
    hits(ids) {
      const per = this.data.docs_per_file;
      return Promise.all(
        ids.map((i) =>
          this.get(`d/${Math.floor(i / per)}.json`)
            .then((rows) => {
              const d = rows[i % per];
              return { i, slug: d[0], title: d[1], municipality: d[2], county: d[3], lang: d[4], summary: d[5], facts: d[6] };
            })
            .catch(() => null),
        ),
      );
    }

    /**
     * The facet counts of the hits of a one-word query for the index term
     * `term` when it has more hits than best postings rank (search/c/:
     * themes, counties, programmes, then the three statuses, in the order
     * of facets.json), else null.
     */
    async counts(term) {
      if (!this.data.shards.c) return null;
      const shard = await this.shardOf('c', term);
      return shard[term] || null;
    }

    /** The plain text of doc `i` (for snippets), or null. */
    text(i) {
      const per = this.data.texts_per_file;
      const k = Math.floor(i / per);
      return this.get(`x/${k}.json`)
        .then((group) => group[i % per] ?? null)
        .catch(() => null);
    }

    /**
     * Which query term a word of the text matches: one its term starts
     * with, or one of four letters or more inside it (`fravær` in
     * `sykefraværet`); -1 for none.
     */
    matches(word, terms) {
      const t = this.term(word) ?? fold(foldAccents(word));
      return terms.findIndex((q) => t.startsWith(q) || ([...q].length >= 4 && t.includes(q)));
    }

    /**
     * A snippet of `text` around the densest run of query terms, as nodes
     * (text and <mark>), or null when no word matches.
     */
    snippet(text, terms, width = 28) {
      const found = [];
      for (const m of text.matchAll(WORD)) {
        found.push({ at: m.index, end: m.index + m[0].length, hit: this.matches(m[0].toLowerCase(), terms) });
      }
      let best = -1;
      let bestScore = 0;
      for (let i = 0; i < found.length; i++) {
        if (found[i].hit < 0) continue;
        const seen = new Set();
        let count = 0;
        for (let j = i; j < Math.min(found.length, i + width); j++) {
          if (found[j].hit >= 0) {
            seen.add(found[j].hit);
            count++;
          }
        }
        const score = seen.size * 100 + count;
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      }
      if (best < 0) return null;
      const from = Math.max(0, best - 6);
      const to = Math.min(found.length, from + width) - 1;
      // Paragraphs and sections are lines of the text: a line break
      // between two words shows as ` · `, so two sections never read as
      // one sentence.
      const gap = (between) => between.replace(/\s*\n\s*/g, ' · ').replace(/\s+/g, ' ');
      const frag = document.createDocumentFragment();
      let pos = found[from].at;
      if (from > 0) frag.append('… ');
      for (let j = from; j <= to; j++) {
        const w = found[j];
        if (w.hit >= 0) {
          frag.append(gap(text.slice(pos, w.at)));
          const mark = document.createElement('mark');
          mark.textContent = text.slice(w.at, w.end);
          frag.append(mark);
          pos = w.end;
        }
      }
      frag.append(gap(text.slice(pos, found[to].end)));
      if (to < found.length - 1) frag.append(' …');
      return frag;
    }

    /** Marks the query terms in a short text (a title), as nodes. */
    highlight(text, terms) {
      const frag = document.createDocumentFragment();
      let pos = 0;
      for (const m of text.matchAll(WORD)) {
        if (this.matches(m[0].toLowerCase(), terms) >= 0) {
          frag.append(text.slice(pos, m.index));
          const mark = document.createElement('mark');
          mark.textContent = m[0];
          frag.append(mark);
          pos = m.index + m[0].length;
        }
      }
      frag.append(text.slice(pos));
      return frag;
    }
  }

  let enginePromise = null;
  /** Loads the index once per page: `url` is search/index.json. */
  function load(url) {
    if (!enginePromise) {
      const base = url.replace(/[^/]*$/, '');
      enginePromise = fetch(url, { cache: 'no-cache' })
        .then((r) => {
          if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
          return r.json();
        })
        .then((data) => new Engine(base, data));
      enginePromise.catch(() => {
        enginePromise = null;
      });
    }
    return enginePromise;
  }

  window.casebookSearch = { load, stem, fold, foldAccents, hash };

  // ---- the /search/ page -------------------------------------------------

  const root = document.querySelector('[data-search-page]');
  if (!root) return;
  const form = root.querySelector('form');
  const input = form.querySelector('input[name="q"]');
  const status = root.querySelector('[data-search-status]');
  const results = root.querySelector('[data-search-results]');
  const L = root.dataset;
  const PAGE = 20;
  const SNIPPET_DELAY = 150;
  let shown = PAGE;
  let generation = 0;

  const say = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values[k] ?? '');

  const placeOf = (d) => (d.county ? `${d.municipality} · ${d.county}` : d.municipality);

  async function run(query, { focusResults = false } = {}) {
    const mine = ++generation;
    const q = query.trim();
    if (!q) {
      results.replaceChildren();
      status.textContent = '';
      root.dataset.state = 'empty';
      return;
    }
    let engine;
    try {
      engine = await load(root.dataset.searchIndex);
    } catch (e) {
      status.textContent = L.lError;
      return;
    }
    let found;
    let visible;
    try {
      found = await engine.search(q, shown);
      if (mine !== generation) return;
      visible = await engine.hits(found.ids.slice(0, shown));
    } catch (e) {
      if (mine === generation) status.textContent = L.lError;
      return;
    }
    if (mine !== generation) return;
    const { terms, count } = found;
    const list = document.createElement('ol');
    list.className = 'hits';
    const snippets = [];
    for (const d of visible) {
      if (!d) continue;
      const li = document.createElement('li');
      li.className = 'hit';
      const h = document.createElement('h2');
      h.className = 'hit-title';
      if (d.lang !== document.documentElement.lang) h.lang = d.lang;
      const a = document.createElement('a');
      a.href = `${L.root}cases/${d.slug}/`;
      a.append(engine.highlight(d.title, terms));
      h.append(a);
      const place = document.createElement('p');
      place.className = 'hit-place';
      place.textContent = placeOf(d);
      const snip = document.createElement('p');
      snip.className = 'hit-snippet';
      if (d.lang !== document.documentElement.lang) snip.lang = d.lang;
      snip.textContent = d.summary || '';
      li.append(h, place, snip);
      list.append(li);
      snippets.push([d.i, snip]);
    }
    // Snippets need each hit's text: fetched once typing pauses, so a
    // keystroke never waits behind the texts of the previous one.
    setTimeout(() => {
      if (mine !== generation) return;
      for (const [doc, snip] of snippets) {
        engine.text(doc).then((text) => {
          if (mine !== generation || !text) return;
          const nodes = engine.snippet(text, terms);
          if (nodes) snip.replaceChildren(nodes);
        });
      }
    }, SNIPPET_DELAY);
    const children = [list];
    if (count > visible.length) {
      const more = document.createElement('button');
      more.type = 'button';
      more.className = 'more';
      more.textContent = say(L.lMore, { n: Math.min(PAGE, count - visible.length) });
      more.addEventListener('click', () => {
        const first = visible.length;
        shown += PAGE;
        run(input.value).then(() => {
          const link = results.querySelectorAll('.hit-title a')[first];
          if (link) link.focus();
        });
      });
      children.push(more);
    }
    results.replaceChildren(...(count ? children : []));
    root.dataset.state = count ? 'results' : 'none';
    status.textContent = count ? say(count === 1 ? L.lCountOne : L.lCountMany, { n: count, q }) : say(L.lNone, { q });
    if (focusResults) status.focus();
  }

  function fromUrl() {
    const q = new URLSearchParams(location.search).get('q') || '';
    input.value = q;
    shown = PAGE;
    return run(q);
  }

  let lastPushed = new URLSearchParams(location.search).get('q') || '';
  input.addEventListener('input', () => {
    shown = PAGE;
    run(input.value);
    // Typing replaces the history entry; submitting adds one.
    const url = new URL(location.href);
    if (input.value) url.searchParams.set('q', input.value);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = input.value;
    if (q !== lastPushed) {
      const url = new URL(location.href);
      url.searchParams.set('q', q);
      // Undo the replaceState of the typing so Back returns to the old query.
      history.replaceState(null, '', `?q=${encodeURIComponent(lastPushed)}`);
      history.pushState(null, '', url);
      lastPushed = q;
    }
    shown = PAGE;
    run(q, { focusResults: true });
  });
  window.addEventListener('popstate', () => {
    lastPushed = new URLSearchParams(location.search).get('q') || '';
    fromUrl();
  });
  root.dataset.ready = '';
  results.replaceChildren();
  fromUrl();
})();
