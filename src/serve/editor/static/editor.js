// casebook's editor in the browser: the "new case" form of the list page,
// and the case form, built from the field description the server sends
// (/_casebook/api/fields), never from a copy of it. Every rule is the
// server's: the form sends what is typed to /_casebook/api/check and shows
// each problem beside its field. No framework, no request to another host.
(function () {
  'use strict';

  var WORDS = JSON.parse(document.getElementById('casebook-words').textContent);
  var TOKEN = document.querySelector('meta[name="casebook-token"]').content;
  var COUNT_MARK = '987654';
  var main = document.getElementById('main');
  var LANG = document.documentElement.lang;

  // A message in the editor's language, values put in.
  function t(id, args) {
    args = args || {};
    var w = WORDS[id];
    if (w === undefined) return id;
    if (typeof w === 'object') {
      w = args.count === 1 ? w.one : w.other;
    }
    w = w.split(COUNT_MARK).join(String(args.count));
    Object.keys(args).forEach(function (k) {
      w = w.split('{' + k + '}').join(String(args[k]));
    });
    return w;
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === 'text') node.textContent = v;
      else if (k === 'on') Object.keys(v).forEach(function (e) { node.addEventListener(e, v[e]); });
      else if (v === true) node.setAttribute(k, '');
      else node.setAttribute(k, v);
    });
    (children || []).forEach(function (c) {
      if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }

  function api(method, path, body, raw) {
    var headers = { 'X-Casebook-Token': TOKEN };
    if (body !== undefined && !raw) headers['Content-Type'] = 'application/json';
    return fetch('/_casebook/api/' + path, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
      credentials: 'same-origin'
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) {
        return { status: r.status, data: data };
      });
    });
  }

  // The list page's "new case" form.
  function initList() {
    var form = document.getElementById('new-case');
    if (!form) return;
    var status = document.getElementById('new-status');
    var input = document.getElementById('new-municipality');
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var language = form.querySelector('input[name="language"]:checked');
      status.textContent = t('editor-new-working');
      input.removeAttribute('aria-invalid');
      api('POST', 'cases', {
        municipality: input.value,
        programme: form.querySelector('#new-programme').value,
        language: language ? language.value : null
      }).then(function (r) {
        if (r.status === 201) {
          window.location.href = r.data.url;
        } else {
          status.textContent = r.data.error || String(r.status);
          input.setAttribute('aria-invalid', 'true');
          input.focus();
        }
      });
    });
  }

  if (main.dataset.page === 'list') initList();
  if (main.dataset.page === 'case') {
    window.casebookEditor = { t: t, el: el, api: api, lang: LANG };
    Promise.all([api('GET', 'fields'), api('GET', 'cases/' + main.dataset.slug)]).then(function (r) {
      window.casebookForm(r[0].data, r[1].data, main.dataset.slug);
    });
  }
})();
