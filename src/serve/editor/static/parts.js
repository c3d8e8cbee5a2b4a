// Two parts of the case form: the indicators (a table of values and one of
// targets per figure, the figure picked from indicators.yaml where the
// site has one) and the image tool, which uploads a picture and inserts
// it, with its required description, where the cursor was.
(function () {
  'use strict';

  window.casebookIndicators = function (c) {
    var t = c.t, el = c.el;

    function sub(fields, key) {
      return fields.filter(function (f) { return f.key === key; })[0];
    }

    function field(f, value) {
      var fs = el('fieldset', { 'class': 'field group indicators', 'data-path': f.key }, [
        el('legend', { text: c.label(f) }),
        el('p', { 'class': 'help', text: c.about(f) }),
        el('p', { 'class': 'help', text: t('editor-decimal-help') })
      ]);
      var fields = f.kind.fields;
      var point = sub(fields, 'series').kind.fields;
      var list = c.listEditor(fs, function (v, li) {
        v = v && typeof v === 'object' ? v : {};
        var index = 0;
        var base = function () { return f.key + '.' + index; };
        var legend = el('legend', {});
        var box = el('fieldset', { 'class': 'indicator' }, [legend]);
        var inputs = {};
        var probes = [];
        function small(key, control) {
          var sf = sub(fields, key);
          var cid = c.id('ind-' + key);
          control.id = cid;
          control.addEventListener('input', c.onChange);
          control.addEventListener('change', c.onChange);
          var probs = el('ul', { 'class': 'problems' });
          probes.push({ key: key, node: probs, control: control });
          var wrapper = el('div', { 'class': 'field' }, [
            el('label', { 'for': cid, text: c.label(sf) }), control, probs
          ]);
          inputs[key] = control;
          box.appendChild(wrapper);
          return wrapper;
        }
        if (c.desc.indicators.length) {
          var pick = el('select', {});
          pick.appendChild(el('option', { value: '', text: t('editor-indicator-own') }));
          c.desc.indicators.forEach(function (d) {
            pick.appendChild(el('option', { value: d.id, text: d.name, selected: v.id === d.id }));
          });
          if (v.id && !c.desc.indicators.some(function (d) { return d.id === v.id; })) {
            pick.appendChild(el('option', { value: v.id, text: v.id, selected: true }));
          }
          small('id', pick);
        }
        small('name', el('input', { type: 'text', value: v.name == null ? '' : String(v.name) }));
        var unit = el('select', {});
        unit.appendChild(el('option', { value: '', text: t('editor-choose') }));
        sub(fields, 'unit').kind.values.forEach(function (u) {
          unit.appendChild(el('option', { value: u, text: u, selected: v.unit === u }));
        });
        small('unit', unit);
        var lower = el('input', { type: 'checkbox', checked: v.lower_is_better === true });
        var lowerId = c.id('ind-lower');
        lower.id = lowerId;
        lower.addEventListener('change', c.onChange);
        box.appendChild(el('div', { 'class': 'field check' }, [
          el('div', {}, [lower, el('label', { 'for': lowerId, text: ' ' + c.label(sub(fields, 'lower_is_better')) })])
        ]));
        var series = c.rowsTable(point, function () { return base() + '.series'; }, v.series || [], t('editor-series'), t('editor-add-point'), c.convertValue);
        var targets = c.rowsTable(point, function () { return base() + '.targets'; }, v.targets || [], t('editor-targets'), t('editor-add-target'), c.convertValue);
        box.appendChild(series.node);
        box.appendChild(targets.node);
        var own = el('ul', { 'class': 'problems' });
        box.appendChild(own);
        return {
          node: box,
          read: function () {
            var out = {};
            Object.keys(v).forEach(function (k) {
              if (['id', 'name', 'unit', 'lower_is_better', 'series', 'targets'].indexOf(k) < 0) out[k] = v[k];
            });
            ['id', 'name', 'unit'].forEach(function (k) {
              if (inputs[k] && inputs[k].value !== '') out[k] = inputs[k].value;
            });
            if (lower.checked) out.lower_is_better = true;
            else if ('lower_is_better' in v) out.lower_is_better = false;
            out.series = series.read();
            var tg = targets.read();
            if (tg.length) out.targets = tg;
            return out;
          },
          renumber: function (i) {
            index = i;
            legend.textContent = t('editor-indicator', { n: i + 1 });
            box.setAttribute('data-path', base());
            own.setAttribute('data-problems', base());
            probes.forEach(function (p) {
              var path = base() + '.' + p.key;
              p.node.setAttribute('data-problems', path);
              p.node.id = 'problems-' + path.replace(/\./g, '-');
              p.node.parentNode.setAttribute('data-path', path);
              p.control.setAttribute('aria-describedby', p.node.id);
            });
            series.renumber();
            targets.renumber();
          },
          name: function (i) { return t('editor-indicator', { n: i + 1 }); }
        };
      }, Array.isArray(value) ? value : [], t('editor-add-indicator'));
      fs.appendChild(c.problemsBox(f.key));
      c.reader(f.key, function () {
        var items = list.read();
        return items.length ? items : null;
      });
      return fs;
    }

    return { field: field };
  };

  window.casebookImages = function (E, target) {
    var t = E.t, el = E.el;
    var fileId = 'image-file';
    var descId = 'image-description';
    var file = el('input', { type: 'file', id: fileId, accept: 'image/jpeg,image/png,image/webp,image/gif' });
    var description = el('input', { type: 'text', id: descId, 'aria-required': 'true' });
    var status = el('p', { 'class': 'status', role: 'status' });
    var remembered = null;
    function remember(area) {
      remembered = { area: area, start: area.selectionStart, end: area.selectionEnd };
    }
    var button = el('button', { type: 'button', 'class': 'secondary', text: t('editor-image-upload'), on: { click: function () {
      description.removeAttribute('aria-invalid');
      file.removeAttribute('aria-invalid');
      if (!file.files.length) {
        status.textContent = t('editor-image-file-missing');
        file.setAttribute('aria-invalid', 'true');
        file.focus();
        return;
      }
      if (description.value.trim() === '') {
        status.textContent = t('editor-image-description-missing');
        description.setAttribute('aria-invalid', 'true');
        description.focus();
        return;
      }
      var data = new FormData();
      data.append('file', file.files[0]);
      E.api('POST', 'media', data, true).then(function (r) {
        if (r.status !== 201) {
          status.textContent = r.data.error || String(r.status);
          return;
        }
        var spot = remembered || { area: target(), start: target().value.length, end: target().value.length };
        var alt = description.value.trim().replace(/[\[\]]/g, '');
        var text = '![' + alt + '](' + r.data.path + ')';
        var area = spot.area;
        area.value = area.value.slice(0, spot.start) + text + area.value.slice(spot.end);
        area.dispatchEvent(new Event('input'));
        status.textContent = t('editor-image-inserted');
        area.focus();
        area.selectionStart = area.selectionEnd = spot.start + text.length;
        description.value = '';
        file.value = '';
      });
    } } });
    // The cursor is where the editor left it when they turned to the tool.
    document.addEventListener('focusout', function (e) {
      if (e.target.getAttribute && e.target.getAttribute('data-markdown') === 'true') remember(e.target);
    });
    return el('fieldset', { 'class': 'field group images' }, [
      el('legend', { text: t('editor-image') }),
      el('div', { 'class': 'field' }, [el('label', { 'for': descId, text: t('editor-image-description') }), description]),
      el('div', { 'class': 'field' }, [el('label', { 'for': fileId, text: t('editor-image-file') }), file]),
      button,
      status
    ]);
  };
})();
