// The case form: one control per field of the field description, lists
// that grow, shrink and reorder, tables for indicators, funding and links;
// live checking by the server's validator; saving with the version the
// form was opened with, and both versions shown when the file changed.
(function () {
  'use strict';

  window.casebookForm = function (desc, kase, slug) {
    var E = window.casebookEditor;
    var t = E.t, el = E.el, api = E.api;
    var root = document.getElementById('form-root');
    var lang = desc.language;
    var version = kase.version;
    var original = kase.front_matter;
    var lastText = null;
    var uid = 0;

    function id(base) { uid += 1; return 'f-' + base.replace(/[^a-z0-9]/g, '-') + '-' + uid; }
    function label(f) { return f.label[lang] || f.label.nb; }
    function about(f) { return f.about ? (f.about[lang] || f.about.nb) : ''; }

    if (!original || typeof original !== 'object') {
      root.appendChild(el('p', { 'class': 'notice error', role: 'alert', text: t('editor-unreadable') }));
      return;
    }

    // A place for the problems of one field, and the field it is about.
    function problemsBox(path) {
      return el('ul', { 'class': 'problems', 'data-problems': path, id: id('problems-' + path) });
    }

    function wrap(f, path, control, controlId, extra) {
      var help = about(f);
      var helpId = help ? id('help-' + path) : null;
      var box = problemsBox(path);
      var required = f.presence === 'required';
      if (control && control.setAttribute) {
        control.setAttribute('aria-describedby', [helpId, box.id].filter(Boolean).join(' '));
        if (required) control.setAttribute('aria-required', 'true');
      }
      return el('div', { 'class': 'field', 'data-path': path }, [
        el('label', { 'for': controlId }, [label(f), required ? el('span', { 'class': 'required', text: ' (' + t('editor-required') + ')' }) : null]),
        help ? el('p', { 'class': 'help', id: helpId, text: help }) : null,
        control
      ].concat(extra || []).concat([box]));
    }

    // Collecting the form back into front matter: each control knows how
    // to read itself.
    var readers = [];
    function reader(key, read) { readers.push({ key: key, read: read }); }

    function onChange() { scheduleCheck(); }

    function textInput(f, path, value, type) {
      var cid = id(path);
      var input = el('input', { id: cid, type: type || 'text', value: value == null ? '' : String(value), 'data-path': path, on: { input: onChange } });
      return { input: input, node: wrap(f, path, input, cid) };
    }

    function numberish(text) {
      var s = String(text).trim().replace(/\s/g, '').replace(',', '.');
      if (s === '') return null;
      var n = Number(s);
      return s !== '' && isFinite(n) ? n : String(text).trim();
    }

    function intish(text) {
      var s = String(text).trim();
      if (s === '') return null;
      return /^-?\d+$/.test(s.replace(/\s/g, '')) ? parseInt(s.replace(/\s/g, ''), 10) : s;
    }

    function periodKey(text) {
      var s = String(text).trim();
      if (s === '') return null;
      return /^\d{4}$/.test(s) ? parseInt(s, 10) : s;
    }

    function emptyToNull(s) { return s === '' ? null : s; }

    function select(f, path, value, options, allowEmpty) {
      var cid = id(path);
      var sel = el('select', { id: cid, 'data-path': path, on: { change: onChange } });
      if (allowEmpty) sel.appendChild(el('option', { value: '', text: t('editor-choose') }));
      options.forEach(function (o) {
        sel.appendChild(el('option', { value: o.value, text: o.text, selected: String(value) === o.value }));
      });
      if (value != null && value !== '' && !options.some(function (o) { return o.value === String(value); })) {
        sel.appendChild(el('option', { value: String(value), text: String(value), selected: true }));
      }
      return { input: sel, node: wrap(f, path, sel, cid) };
    }

    function checkbox(f, path, checked) {
      var cid = id(path);
      var box = el('input', { type: 'checkbox', id: cid, checked: !!checked, 'data-path': path, on: { change: onChange } });
      var help = about(f);
      var helpId = help ? id('help-' + path) : null;
      var probs = problemsBox(path);
      box.setAttribute('aria-describedby', [helpId, probs.id].filter(Boolean).join(' '));
      return {
        input: box,
        node: el('div', { 'class': 'field check', 'data-path': path }, [
          el('div', {}, [box, el('label', { 'for': cid, text: ' ' + label(f) })]),
          help ? el('p', { 'class': 'help', id: helpId, text: help }) : null,
          probs
        ])
      };
    }

    function preview(textarea, f) {
      var out = el('div', { 'class': 'preview', 'aria-live': 'polite', hidden: true });
      var button = el('button', { type: 'button', 'class': 'secondary', text: t('editor-preview'), on: { click: function () {
        api('POST', 'preview', { markdown: textarea.value }).then(function (r) {
          out.hidden = false;
          out.innerHTML = '';
          out.appendChild(el('p', { 'class': 'preview-heading', text: t('editor-preview-heading', { field: label(f) }) }));
          var body = el('div', {});
          // Rendered and sanitised by the server, as the case page is.
          body.innerHTML = r.data.html || '';
          out.appendChild(body);
        });
      } } });
      return [button, out];
    }

    function markdownArea(f, path, value, rows) {
      var cid = id(path);
      var area = el('textarea', { id: cid, rows: rows || 6, 'data-path': path, 'data-markdown': 'true', on: { input: onChange, focus: function () { lastText = area; } } });
      area.value = value == null ? '' : String(value);
      return { input: area, node: wrap(f, path, area, cid, preview(area, f)) };
    }

    var lists = window.casebookLists({ t: t, el: el, label: label, onChange: onChange, lang: lang });
    var listEditor = lists.listEditor;
    var rowsTable = lists.rowsTable;

    function measures(f, value) {
      var fs = el('fieldset', { 'class': 'field group', 'data-path': f.key }, [
        el('legend', {}, [label(f), el('span', { 'class': 'required', text: ' (' + t('editor-required') + ')' })]),
        el('p', { 'class': 'help', text: about(f) })
      ]);
      var editor = listEditor(fs, function (v) {
        var cid = id('measure');
        var area = el('textarea', { id: cid, rows: 3, 'data-markdown': 'true', on: { input: onChange, focus: function () { lastText = area; } } });
        area.value = v == null ? '' : String(v);
        var lab = el('label', { 'for': cid });
        var probs = el('ul', { 'class': 'problems' });
        var node = el('div', { 'class': 'field' }, [lab, area, probs]);
        return {
          node: node,
          read: function () { return area.value; },
          renumber: function (i) {
            var path = f.key + '.' + i;
            lab.textContent = t('editor-item', { n: i + 1 });
            node.setAttribute('data-path', path);
            probs.setAttribute('data-problems', path);
            probs.id = 'problems-' + path.replace(/\./g, '-');
            area.setAttribute('aria-describedby', probs.id);
          },
          name: function (i) { return t('editor-item', { n: i + 1 }); }
        };
      }, Array.isArray(value) ? value : [], t('editor-add-measure'));
      fs.appendChild(problemsBox(f.key));
      reader(f.key, function () {
        var items = editor.read().filter(function (s) { return s.trim() !== ''; });
        return items.length ? items : null;
      });
      return fs;
    }

    function convertValue(sf, text) {
      switch (sf.kind.type) {
        case 'number': return numberish(text);
        case 'integer': return intish(text);
        case 'period_key': return periodKey(text);
        default: return emptyToNull(text);
      }
    }

    function tableField(f, value, addText) {
      var fs = el('fieldset', { 'class': 'field group', 'data-path': f.key }, [
        el('legend', { text: label(f) }),
        el('p', { 'class': 'help', text: about(f) })
      ]);
      var rows = rowsTable(f.kind.fields, f.key, Array.isArray(value) ? value : [], label(f), addText, convertValue);
      fs.appendChild(rows.node);
      fs.appendChild(problemsBox(f.key));
      reader(f.key, function () { var r = rows.read(); return r.length ? r : null; });
      return fs;
    }

    var indicatorsPart = window.casebookIndicators({
      t: t, el: el, id: id, label: label, about: about, lang: lang, desc: desc,
      rowsTable: rowsTable, convertValue: convertValue, listEditor: listEditor,
      problemsBox: problemsBox, onChange: onChange, reader: reader
    });

    var controls = {};
    var form = el('form', { id: 'case-form', novalidate: true });
    var sections = el('div', { 'class': 'sections' });
    desc.fields.forEach(function (f) {
      var v = original[f.key];
      var k = f.kind.type;
      var node;
      if (f.key === 'summary') {
        var s = textInput(f, f.key, v);
        var counter = el('p', { 'class': 'counter', id: id('count') });
        var count = function () {
          var n = Array.from(s.input.value).length;
          counter.textContent = t('editor-summary-count', { count: n, max: desc.summary_max });
          counter.classList.toggle('over', n > desc.summary_max);
        };
        s.input.addEventListener('input', count);
        s.input.setAttribute('aria-describedby', s.input.getAttribute('aria-describedby') + ' ' + counter.id);
        s.node.insertBefore(counter, s.node.lastChild);
        count();
        controls[f.key] = s.input;
        node = s.node;
        reader(f.key, function () { return emptyToNull(s.input.value); });
      } else if (f.key === 'municipality') {
        var m = textInput(f, f.key, v);
        if (desc.municipalities) {
          m.input.setAttribute('list', 'register');
          m.node.appendChild(el('datalist', { id: 'register' }, desc.municipalities.map(function (r) {
            return el('option', { value: r.name });
          })));
          m.input.addEventListener('change', function () {
            var hit = desc.municipalities.filter(function (r) { return r.name.toLowerCase() === m.input.value.trim().toLowerCase(); })[0];
            if (hit) {
              if (controls.municipality_number) controls.municipality_number.value = hit.number;
              if (controls.county && hit.county) controls.county.value = hit.county;
              onChange();
            }
          });
        }
        controls[f.key] = m.input;
        node = m.node;
        reader(f.key, function () { return emptyToNull(m.input.value); });
      } else if (k === 'text' || k === 'pattern' || k === 'url' || k === 'email') {
        var x = textInput(f, f.key, v);
        controls[f.key] = x.input;
        node = x.node;
        reader(f.key, function () { return emptyToNull(x.input.value); });
      } else if (k === 'date') {
        var d = textInput(f, f.key, v, 'date');
        node = d.node;
        reader(f.key, function () { return emptyToNull(d.input.value); });
      } else if (k === 'county') {
        var c = select(f, f.key, v, desc.counties.map(function (n) { return { value: n, text: n }; }), true);
        controls[f.key] = c.input;
        node = c.node;
        reader(f.key, function () { return emptyToNull(c.input.value); });
      } else if (k === 'programme') {
        var p = select(f, f.key, v, desc.programmes.map(function (x) { return { value: x.id, text: x.name }; }), true);
        node = p.node;
        reader(f.key, function () { return emptyToNull(p.input.value); });
      } else if (k === 'choice') {
        var ch = select(f, f.key, v, f.kind.values.map(function (x) { return { value: x, text: x }; }), true);
        node = ch.node;
        reader(f.key, function () { return emptyToNull(ch.input.value); });
      } else if (k === 'themes') {
        var chosen = Array.isArray(v) ? v.map(String) : [];
        var boxes = [];
        node = el('fieldset', { 'class': 'field group themes', 'data-path': f.key }, [
          el('legend', {}, [label(f), el('span', { 'class': 'required', text: ' (' + t('editor-required') + ')' })]),
          el('p', { 'class': 'help', text: about(f) })
        ]);
        desc.themes.forEach(function (th) {
          var cid = id('theme-' + th.id);
          var b = el('input', { type: 'checkbox', id: cid, value: th.id, checked: chosen.indexOf(th.id) >= 0, on: { change: onChange } });
          boxes.push(b);
          node.appendChild(el('div', { 'class': 'check' }, [b, el('label', { 'for': cid, text: ' ' + th.name })]));
        });
        var unknown = chosen.filter(function (x) { return !desc.themes.some(function (th) { return th.id === x; }); });
        node.appendChild(problemsBox(f.key));
        reader(f.key, function () {
          var ids = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; }).concat(unknown);
          return ids.length ? ids : null;
        });
      } else if (k === 'bool') {
        var cb = checkbox(f, f.key, v === true);
        node = cb.node;
        reader(f.key, function () { return cb.input.checked ? true : (f.key in original ? false : null); });
      } else if (k === 'mapping') {
        var sub = {};
        var orig = v && typeof v === 'object' ? v : {};
        node = el('fieldset', { 'class': 'field group', 'data-path': f.key }, [
          el('legend', { text: label(f) }),
          el('p', { 'class': 'help', text: about(f) })
        ]);
        f.kind.fields.forEach(function (sf) {
          var si = textInput(sf, f.key + '.' + sf.key, orig[sf.key]);
          if (sf.kind.type === 'year') si.input.setAttribute('inputmode', 'numeric');
          sub[sf.key] = si.input;
          node.appendChild(si.node);
        });
        node.appendChild(problemsBox(f.key));
        reader(f.key, function () {
          var out = {};
          var any = false;
          f.kind.fields.forEach(function (sf) {
            var val = sf.kind.type === 'year' ? intish(sub[sf.key].value) : emptyToNull(sub[sf.key].value);
            if (val !== null) { out[sf.key] = val; any = true; }
          });
          return any ? out : null;
        });
      } else if (k === 'markdown') {
        var md = markdownArea(f, f.key, v, 6);
        if (f.section) sections.appendChild(md.node); else node = md.node;
        if (f.section) node = null;
        reader(f.key, function () { return md.input.value.trim() === '' ? null : md.input.value; });
      } else if (k === 'markdown_list') {
        sections.appendChild(measures(f, v));
        node = null;
      } else if (k === 'list' && f.key === 'indicators') {
        node = indicatorsPart.field(f, v);
      } else if (k === 'list') {
        node = tableField(f, v, f.key === 'funding' ? t('editor-add-funding') : t('editor-add-link'));
      }
      if (node) form.appendChild(node);
      if (f.key === 'summary') form.appendChild(sections);
    });

    // The body, with the image tool beside it.
    var bodyField = { key: 'body', label: { nb: t('editor-body'), nn: t('editor-body'), en: t('editor-body') }, about: { nb: t('editor-body-help'), nn: t('editor-body-help'), en: t('editor-body-help') }, presence: 'optional' };
    var body = markdownArea(bodyField, 'body', kase.body, 10);
    form.appendChild(body.node);
    form.appendChild(window.casebookImages(E, function () { return lastText || body.input; }));

    // Keys the description does not know are kept as they are: the
    // validator reports them, and nothing is lost on a save.
    var known = desc.fields.map(function (f) { return f.key; });
    function collect() {
      var out = {};
      readers.forEach(function (r) {
        var v = r.read();
        if (v !== null && v !== undefined) out[r.key] = v;
      });
      Object.keys(original).forEach(function (k) {
        if (known.indexOf(k) < 0) out[k] = original[k];
      });
      return out;
    }

    // The status bar: problems in the whole case, and saving.
    var summary = el('p', { 'class': 'summary', role: 'status' });
    var general = el('ul', { 'class': 'problems', 'data-problems': '' });
    var saveStatus = el('p', { 'class': 'save-status', role: 'status' });
    var conflict = el('div', { 'class': 'conflict', hidden: true });
    var saveButton = el('button', { type: 'submit', 'class': 'primary', text: t('editor-save') });
    var bar = el('div', { 'class': 'bar' }, [saveButton, summary, saveStatus]);
    form.appendChild(el('div', { 'class': 'general' }, [general]));
    form.appendChild(conflict);
    form.appendChild(bar);
    root.appendChild(form);

    var timer = null;
    var seq = 0;
    function scheduleCheck() {
      clearTimeout(timer);
      timer = setTimeout(check, 350);
    }

    function showProblems(diagnostics) {
      document.querySelectorAll('[data-problems]').forEach(function (u) { u.innerHTML = ''; });
      document.querySelectorAll('[aria-invalid]').forEach(function (n) { n.removeAttribute('aria-invalid'); });
      var errors = 0;
      diagnostics.forEach(function (d) {
        var path = d.field || '';
        var box = null;
        var p = path;
        while (true) {
          box = document.querySelector('[data-problems="' + p + '"]');
          if (box || p === '') break;
          p = p.indexOf('.') >= 0 ? p.slice(0, p.lastIndexOf('.')) : '';
        }
        box = box || general;
        var severe = d.severity === 'error';
        if (severe) errors += 1;
        var item = el('li', { 'class': severe ? 'error' : 'warning' }, [
          el('strong', { text: (severe ? t('editor-problem-error') : t('editor-problem-warning')) + ': ' }),
          withCode(d.message),
          d.help ? el('span', { 'class': 'hint' }, [' — ', withCode(d.help)]) : null
        ]);
        box.appendChild(item);
        if (severe) {
          var holder = box.closest('[data-path]');
          var control = holder && holder.querySelector('input, textarea, select');
          if (control) control.setAttribute('aria-invalid', 'true');
        }
      });
      summary.textContent = diagnostics.length ? t('editor-problems', { count: diagnostics.length }) : t('editor-problems-none');
      if (errors && !draftChecked()) {
        summary.textContent += ' ' + t('editor-only-draft');
      }
    }

    // The validator's `values` as code.
    function withCode(text) {
      var span = el('span', {});
      String(text).split('`').forEach(function (part, i) {
        if (part) span.appendChild(i % 2 ? el('code', { text: part }) : document.createTextNode(part));
      });
      return span;
    }

    function draftChecked() {
      var d = form.querySelector('[data-path="draft"] input[type="checkbox"]');
      return d && d.checked;
    }

    function check() {
      var mine = ++seq;
      api('POST', 'check', { front_matter: collect(), body: body.input.value, slug: slug }).then(function (r) {
        if (mine !== seq) return;
        if (r.status === 200) showProblems(r.data.diagnostics || []);
        else summary.textContent = r.data.error || String(r.status);
      });
    }

    function save(front) {
      saveStatus.textContent = t('editor-saving');
      api('PUT', 'cases/' + slug, { front_matter: front, body: body.input.value, version: version }).then(function (r) {
        if (r.status === 200) {
          version = r.data.version;
          original = front;
          conflict.hidden = true;
          showProblems(r.data.diagnostics || []);
          saveStatus.textContent = t('editor-saved');
        } else if (r.status === 409) {
          saveStatus.textContent = t('editor-save-failed', { message: r.data.error || '409' });
          showConflict(r.data);
        } else {
          if (r.data.diagnostics) showProblems(r.data.diagnostics);
          saveStatus.textContent = t('editor-save-failed', { message: r.data.error || String(r.status) });
        }
      });
    }

    function showConflict(data) {
      conflict.innerHTML = '';
      conflict.hidden = false;
      var current = data.current;
      conflict.appendChild(el('h2', { id: 'conflict-heading', tabindex: '-1', text: t('editor-conflict-heading') }));
      conflict.appendChild(el('p', { text: t('editor-conflict-intro') }));
      conflict.appendChild(el('div', { 'class': 'versions' }, [
        el('section', { 'aria-labelledby': 'conflict-yours' }, [
          el('h3', { id: 'conflict-yours', text: t('editor-conflict-yours') }),
          el('pre', { tabindex: '0', text: data.yours || '' })
        ]),
        el('section', { 'aria-labelledby': 'conflict-disk' }, [
          el('h3', { id: 'conflict-disk', text: t('editor-conflict-disk') }),
          el('pre', { tabindex: '0', text: current ? current.text : t('editor-none') })
        ])
      ]));
      conflict.appendChild(el('button', { type: 'button', 'class': 'primary', text: t('editor-conflict-keep-mine'), on: { click: function () {
        version = current ? current.version : null;
        save(collect());
      } } }));
      conflict.appendChild(el('button', { type: 'button', 'class': 'secondary', text: t('editor-conflict-take-disk'), on: { click: function () {
        window.location.reload();
      } } }));
      conflict.querySelector('h2').focus();
    }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearTimeout(timer);
      save(collect());
    });
    check();
  };
})();
