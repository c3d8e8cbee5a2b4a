// The case form's growing parts: a list whose items can be added, removed
// and moved (measures, indicators), and a table of rows of small fields
// (funding, links, an indicator's values and targets). Each item knows its
// path in the front matter (`measures.2`), which the server's problems name.
(function () {
  'use strict';

  window.casebookLists = function (c) {
    var t = c.t, el = c.el, label = c.label, onChange = c.onChange, lang = c.lang;

    // A list whose items can be added, removed and moved.
    function listEditor(container, makeItem, items, addText, onCountChange) {
      var list = el('ol', { 'class': 'items' });
      function renumber() {
        Array.prototype.forEach.call(list.children, function (li, i) { li._renumber(i); });
        if (onCountChange) onCountChange();
        onChange();
      }
      function add(value, focus) {
        var li = el('li', { 'class': 'item' });
        var parts = makeItem(value, li);
        var tools = el('div', { 'class': 'tools' });
        function move(delta, button) {
          var sibling = delta < 0 ? li.previousElementSibling : li.nextElementSibling;
          if (!sibling) return;
          if (delta < 0) list.insertBefore(li, sibling); else list.insertBefore(sibling, li);
          renumber();
          button.focus();
        }
        var up = el('button', { type: 'button', 'class': 'secondary', on: { click: function () { move(-1, up); } } });
        var down = el('button', { type: 'button', 'class': 'secondary', on: { click: function () { move(1, down); } } });
        var remove = el('button', { type: 'button', 'class': 'secondary danger', on: { click: function () {
          var next = li.nextElementSibling || li.previousElementSibling;
          li.remove();
          renumber();
          (next ? next.querySelector('input, textarea, select') : addButton).focus();
        } } });
        tools.appendChild(up); tools.appendChild(down); tools.appendChild(remove);
        li.appendChild(parts.node);
        li.appendChild(tools);
        li._read = parts.read;
        li._renumber = function (i) {
          parts.renumber(i);
          var name = parts.name(i);
          up.textContent = t('editor-move-up'); up.setAttribute('aria-label', t('editor-move-up') + ': ' + name);
          down.textContent = t('editor-move-down'); down.setAttribute('aria-label', t('editor-move-down') + ': ' + name);
          remove.textContent = t('editor-remove'); remove.setAttribute('aria-label', t('editor-remove') + ': ' + name);
        };
        list.appendChild(li);
        renumber();
        if (focus) { var first = li.querySelector('input, textarea, select'); if (first) first.focus(); }
      }
      var addButton = el('button', { type: 'button', 'class': 'secondary add', text: addText, on: { click: function () { add(undefined, true); } } });
      (items || []).forEach(function (v) { add(v, false); });
      container.appendChild(list);
      container.appendChild(addButton);
      return {
        read: function () {
          return Array.prototype.map.call(list.children, function (li) { return li._read(); });
        }
      };
    }

    // A table of rows of small fields (funding, links, series, targets).
    function rowsTable(fields, path, rows, caption, addText, convert) {
      var wrapEl = el('div', { 'class': 'rows' });
      var table = el('table', {}, [el('caption', { text: caption })]);
      var head = el('tr', {});
      fields.forEach(function (sf) { head.appendChild(el('th', { scope: 'col', text: label(sf) })); });
      head.appendChild(el('th', { scope: 'col', text: t('editor-remove') }));
      table.appendChild(el('thead', {}, [head]));
      // One body per row: the row's fields, then its problems across the
      // whole width.
      function groups() { return Array.prototype.slice.call(table.tBodies); }
      function renumber() {
        groups().forEach(function (tr, i) { tr._renumber(i); });
        onChange();
      }
      function shown(sf, v) {
        if (v == null) return '';
        // Numbers as the editor writes them: with a decimal comma in
        // Norwegian.
        return typeof v === 'number' && lang !== 'en' ? String(v).replace('.', ',') : String(v);
      }
      function add(row, focus) {
        row = row || {};
        var tr = el('tbody', {});
        var line = el('tr', {});
        var inputs = {};
        var probs = el('ul', { 'class': 'problems' });
        fields.forEach(function (sf) {
          var input = el('input', { type: 'text', value: shown(sf, row[sf.key]), on: { input: onChange } });
          if (sf.kind.type === 'number' || sf.kind.type === 'integer') input.setAttribute('inputmode', 'decimal');
          inputs[sf.key] = input;
          line.appendChild(el('td', {}, [input]));
        });
        tr.appendChild(line);
        var remove = el('button', { type: 'button', 'class': 'secondary danger', text: t('editor-remove'), on: { click: function () {
          var next = tr.nextElementSibling || tr.previousElementSibling;
          tr.remove();
          renumber();
          (next ? next.querySelector('input') : addButton).focus();
        } } });
        line.appendChild(el('td', {}, [remove]));
        tr.appendChild(el('tr', { 'class': 'row-problems' }, [el('td', { colspan: String(fields.length + 1) }, [probs])]));
        tr._read = function () {
          var out = {};
          var any = false;
          fields.forEach(function (sf) {
            var v = convert(sf, inputs[sf.key].value);
            if (v !== null) { out[sf.key] = v; any = true; }
          });
          Object.keys(row).forEach(function (k) {
            if (!(k in inputs) && row[k] != null) { out[k] = row[k]; any = true; }
          });
          return any ? out : null;
        };
        tr._renumber = function (i) {
          var p = (typeof path === 'function' ? path() : path) + '.' + i;
          tr.setAttribute('data-path', p);
          probs.setAttribute('data-problems', p);
          probs.id = 'problems-' + p.replace(/\./g, '-');
          fields.forEach(function (sf) {
            var input = inputs[sf.key];
            input.setAttribute('aria-label', label(sf) + ', ' + t('editor-row', { n: i + 1 }));
            input.setAttribute('aria-describedby', probs.id);
          });
          remove.setAttribute('aria-label', t('editor-remove') + ': ' + caption + ', ' + t('editor-row', { n: i + 1 }));
        };
        table.appendChild(tr);
        renumber();
        if (focus) tr.querySelector('input').focus();
      }
      var addButton = el('button', { type: 'button', 'class': 'secondary add', text: addText, on: { click: function () { add(null, true); } } });
      (rows || []).forEach(function (r) { add(r, false); });
      wrapEl.appendChild(el('div', { 'class': 'table-scroll' }, [table]));
      wrapEl.appendChild(addButton);
      return {
        node: wrapEl,
        renumber: function () {
          groups().forEach(function (tr, i) { tr._renumber(i); });
        },
        read: function () {
          return groups().map(function (tr) { return tr._read(); })
            .filter(function (r) { return r !== null; });
        }
      };
    }

    return { listEditor: listEditor, rowsTable: rowsTable };
  };
})();
