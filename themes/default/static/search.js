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
      this.stop = new Set(data.stop);
      this.variants = data.variants;
      this.prefixFactor = data.prefix_factor;
      this.partFactor = data.part_factor;
      this.shortParts = new Set(data.parts || []);
      this.shards = data.shards; // [[first term, file]], sorted
      this.loaded = new Map(); // file → Promise<[terms, postings]>
      this.texts = new Map(); // file number → Promise<string[]|null>
      this.memo = new Map();
      this.docs = data.docs.map((d, i) => ({
        i,
        slug: d[0],
        title: d[1],
        m: d[2],
        c: d[3],
        p: d[4],
        themes: d[5],
        status: d[6],
        from: d[7],
        to: d[8],
        end: d[9],
        lang: d[10],
        summary: d[11],
        loose: this.loose(d[1]),
      }));
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
      return out;
    }

    /** The position of the one shard whose range holds `key`. */
    shardAt(key) {
      const s = this.shards;
      let lo = 0;
      let hi = s.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (s[mid][0] <= key) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    }

    /** Shard files that may hold terms starting with `prefix`. */
    shardsFor(prefix) {
      const s = this.shards;
      const lo = this.shardAt(prefix);
      const files = [s[lo][1]];
      for (let j = lo + 1; j < s.length && s[j][0].startsWith(prefix); j++) files.push(s[j][1]);
      return files;
    }

    shard(file) {
      let p = this.loaded.get(file);
      if (!p) {
        p = fetch(this.base + file)
          .then((r) => {
            if (!r.ok) throw new Error(`${file}: HTTP ${r.status}`);
            return r.json();
          })
          .then((entries) => [entries.map((e) => e[0]), entries.map((e) => e[1])]);
        p.catch(() => this.loaded.delete(file));
        this.loaded.set(file, p);
      }
      return p;
    }

    // ---- compound words (src/search/compound.rs) ---------------------------

    /** Whether the index has the key: a term, or a part as `<part>-`. */
    async hasKey(key) {
      const [keys] = await this.shard(this.shards[this.shardAt(key)][1]);
      let lo = 0;
      let hi = keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (keys[mid] < key) lo = mid + 1;
        else hi = mid;
      }
      return keys[lo] === key;
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
      if (new TextEncoder().encode(term).length > 64 || !/^\p{Alphabetic}+$/u.test(term)) {
        return null;
      }
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

    /** The parts of a query term, when it splits (Index::query_parts). */
    queryParts(q) {
      return this.split(q);
    }

    /** Each case's best match for one query term (Index::term_scores). */
    async termScores(q) {
      const n = this.docs.length;
      const scores = new Map();
      for (const f of this.shardsFor(q)) {
        const [keys, postings] = await this.shard(f);
        let lo = 0;
        let hi = keys.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (keys[mid] < q) lo = mid + 1;
          else hi = mid;
        }
        for (let k = lo; k < keys.length && keys[k].startsWith(q); k++) {
          const list = postings[k];
          const factor = keys[k] === q ? 1 : this.prefixFactor;
          const idf = Math.log(1 + n / (list.length / 2));
          let doc = 0;
          for (let j = 0; j < list.length; j += 2) {
            doc += list[j];
            const s = factor * list[j + 1] * idf;
            const e = scores.get(doc);
            if (e === undefined || s > e) scores.set(doc, s);
          }
        }
      }
      return scores;
    }

    /**
     * Scores for one query term: its own matches and, for a compound, the
     * cases matching all its parts, at the part factor.
     * Pushes the parts it used onto `parts` (for highlighting).
     */
    async wordScores(q, parts) {
      const [scores, split] = await Promise.all([this.termScores(q), this.queryParts(q)]);
      if (split) {
        parts.push(...split);
        let all = null;
        for (const part of split) {
          all = both(all, await this.termScores(part));
        }
        for (const [doc, s] of all) {
          const v = (s * this.partFactor) / split.length;
          const e = scores.get(doc);
          if (e === undefined || v > e) scores.set(doc, v);
        }
      }
      return scores;
    }

    /**
     * Words of the fields index.json already holds (title, municipality,
     * summary) per doc with their weights, for the first keystrokes.
     */
    shortFields() {
      if (!this.short) {
        const w = (text) => this.words(text || '').map((x) => fold(foldAccents(x)));
        this.short = this.docs.map((d) => [
          [w(d.title), 12],
          [w(this.data.municipalities[d.m][1]), 10],
          [w(d.summary), 5],
        ]);
      }
      return this.short;
    }

    /**
     * Ranked doc positions for `query` (see Index::query in Rust). One rule
     * is the browser's own: a word being typed that is still shorter than
     * three letters is matched against the titles, municipalities and
     * summaries already loaded, not the full text, so the first keystrokes
     * answer without waiting for a shard (which is fetched meanwhile, for
     * the next keystroke).
     */
    async search(query) {
      const all = this.queryTerms(query);
      if (!all.length) return { ids: [], terms: all };
      const typing = /[\p{Alphabetic}\p{N}]$/u.test(query);
      const last = all[all.length - 1];
      const short = typing && [...last].length < 3 ? last : null;
      const terms = short === null ? all : all.slice(0, -1);
      // Two letters narrow the next keystroke's shards to one or two.
      if (short !== null && short.length === 2) {
        for (const f of this.shardsFor(short)) this.shard(f).catch(() => {});
      }
      const files = [...new Set(terms.flatMap((t) => this.shardsFor(t)))];
      await Promise.all(files.map((f) => this.shard(f)));
      const parts = [];
      let total = null;
      for (const q of terms) {
        total = both(total, await this.wordScores(q, parts));
      }
      if (short !== null) {
        const fields = this.shortFields();
        const scores = new Map();
        for (let doc = 0; doc < fields.length; doc++) {
          if (total !== null && !total.has(doc)) continue;
          let best = 0;
          for (const [words, weight] of fields[doc]) {
            if (weight > best && words.some((x) => x.startsWith(short))) best = weight;
          }
          if (best) scores.set(doc, best * this.prefixFactor);
        }
        total = both(total, scores);
      }
      const whole = this.loose(query);
      const ranked = [...total].map(([doc, s]) => [doc, this.docs[doc].loose === whole ? s + 1e6 : s]);
      ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      return { ids: ranked.map((r) => r[0]), terms: all.concat(parts) };
    }

    /** The plain text of doc `i` (for snippets), or null. */
    text(i) {
      const per = this.data.texts_per_file;
      const k = Math.floor(i / per);
      let p = this.texts.get(k);
      if (!p) {
        // Stable name: revalidate rather than trust a cached copy.
        p = fetch(`${this.base}x/${k}.json`, { cache: 'no-cache' })
          .then((r) => (r.ok ? r.json() : null))
          .catch(() => null);
        this.texts.set(k, p);
      }
      return p.then((group) => (group ? group[i % per] ?? null : null));
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
        .then((data) => {
          const engine = new Engine(base, data);
          // Part of loading: the words the first keystrokes are matched
          // against, so typing never waits for them.
          engine.shortFields();
          return engine;
        });
      enginePromise.catch(() => {
        enginePromise = null;
      });
    }
    return enginePromise;
  }

  window.casebookSearch = { load, stem, fold, foldAccents };

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

  function placeOf(engine, d) {
    const m = engine.data.municipalities[d.m];
    const c = d.c >= 0 ? engine.data.counties[d.c] : null;
    return c ? `${m[1]} · ${c[1]}` : m[1];
  }

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
    const { ids, terms } = await engine.search(q);
    if (mine !== generation) return;
    const list = document.createElement('ol');
    list.className = 'hits';
    const visible = ids.slice(0, shown);
    const snippets = [];
    for (const i of visible) {
      const d = engine.docs[i];
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
      place.textContent = placeOf(engine, d);
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
    if (ids.length > visible.length) {
      const more = document.createElement('button');
      more.type = 'button';
      more.className = 'more';
      more.textContent = say(L.lMore, { n: Math.min(PAGE, ids.length - visible.length) });
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
    results.replaceChildren(...(ids.length ? children : []));
    root.dataset.state = ids.length ? 'results' : 'none';
    status.textContent = ids.length
      ? say(ids.length === 1 ? L.lCountOne : L.lCountMany, { n: ids.length, q })
      : say(L.lNone, { q });
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
