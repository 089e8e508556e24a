(function () {
  'use strict';
  // Repository text reaches the page only through textContent: never innerHTML.
  document.documentElement.classList.add('js');
  var dataEl = document.getElementById('monodup-data');
  var data = dataEl ? JSON.parse(dataEl.textContent) : { packages: [] };
  function packageName(i) {
    var p = data.packages[i];
    return p ? p.name + ' (' + p.path + ')' : String(i);
  }
  function has(row, p) {
    return (' ' + row.getAttribute('data-p') + ' ').indexOf(' ' + p + ' ') >= 0;
  }

  var list = document.getElementById('clone-list');
  var setPair = function () {};
  if (list) {
    var rows = Array.prototype.slice.call(list.querySelectorAll('details.clone'));
    var q = document.getElementById('clone-q');
    var pkg = document.getElementById('clone-pkg');
    var status = document.getElementById('clone-status');
    var clear = document.getElementById('clone-clear');
    var count = document.getElementById('clone-count');
    var pair = null;
    var filter = function () {
      var text = q.value.trim().toLowerCase();
      var p = pkg.value;
      var shown = 0;
      rows.forEach(function (r) {
        var ok = (!p || has(r, p)) && (!pair || (has(r, pair[0]) && has(r, pair[1])));
        if (ok && text) {
          var frags = r.querySelector('.frags');
          ok = !!frags && frags.textContent.toLowerCase().indexOf(text) >= 0;
        }
        r.hidden = !ok;
        if (ok) shown++;
      });
      count.textContent = shown + ' of ' + rows.length + ' classes shown';
      status.textContent = pair ? 'Clones between ' + packageName(pair[0]) + ' and ' + packageName(pair[1]) : '';
      clear.hidden = !pair && !p && !text;
    };
    setPair = function (r, c) {
      pair = [r, c];
      filter();
    };
    q.addEventListener('input', filter);
    pkg.addEventListener('change', filter);
    clear.addEventListener('click', function () {
      pair = null;
      q.value = '';
      pkg.value = '';
      var sel = document.querySelectorAll('#heatmap td.selected');
      for (var i = 0; i < sel.length; i++) sel[i].classList.remove('selected');
      filter();
    });
    var buttons = document.querySelectorAll('.clonehead button');
    Array.prototype.forEach.call(buttons, function (b) {
      b.addEventListener('click', function () {
        var key = b.getAttribute('data-key');
        var desc = b.getAttribute('aria-sort') !== 'descending';
        Array.prototype.forEach.call(buttons, function (o) { o.removeAttribute('aria-sort'); });
        b.setAttribute('aria-sort', desc ? 'descending' : 'ascending');
        var sorted = rows.slice().sort(function (x, y) {
          var d = Number(x.getAttribute('data-' + key)) - Number(y.getAttribute('data-' + key));
          if (desc) d = -d;
          return d || Number(x.getAttribute('data-n')) - Number(y.getAttribute('data-n'));
        });
        sorted.forEach(function (r) { list.appendChild(r); });
      });
    });
    filter();
  }

  var heat = document.getElementById('heatmap');
  if (heat) {
    heat.addEventListener('click', function (ev) {
      var td = ev.target.closest ? ev.target.closest('td.pair') : null;
      if (!td || td.getAttribute('data-lines') === '0') return;
      ev.preventDefault();
      var sel = heat.querySelectorAll('td.selected');
      for (var i = 0; i < sel.length; i++) sel[i].classList.remove('selected');
      td.classList.add('selected');
      setPair(td.getAttribute('data-r'), td.getAttribute('data-c'));
      var target = document.getElementById('clones');
      if (target) target.scrollIntoView();
    });
  }

  var svg = document.getElementById('graph-svg');
  if (svg) {
    var focused = null;
    svg.addEventListener('click', function (ev) {
      var node = ev.target.closest ? ev.target.closest('.node') : null;
      var lit = svg.querySelectorAll('.hi');
      for (var i = 0; i < lit.length; i++) lit[i].classList.remove('hi');
      var id = node ? node.getAttribute('data-i') : null;
      if (!node || id === focused) {
        focused = null;
        svg.classList.remove('focus');
        return;
      }
      focused = id;
      svg.classList.add('focus');
      node.classList.add('hi');
      var edges = svg.querySelectorAll('.edge, .elabel');
      for (var j = 0; j < edges.length; j++) {
        var e = edges[j];
        var a = e.getAttribute('data-a'), b = e.getAttribute('data-b');
        if (a === id || b === id) {
          e.classList.add('hi');
          var other = svg.querySelector('.node[data-i="' + (a === id ? b : a) + '"]');
          if (other) other.classList.add('hi');
        }
      }
    });
  }
})();
