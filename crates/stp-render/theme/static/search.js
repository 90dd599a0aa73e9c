// Site search over the prebuilt index of this language (tim-kiem/index.json): the query
// and the index are both folded (lower case, no diacritics), so "thu tuc" finds "thủ tục".
// Every word of the query must match. Without JavaScript the page points to the sitemap.
(function () {
  "use strict";
  var out = document.getElementById("search-results");
  if (!out) return;
  var q = new URLSearchParams(location.search).get("q") || "";
  var input = document.getElementById("q");
  input.value = q;
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }
  if (!q.trim()) { input.focus(); return; }
  fetch(out.getAttribute("data-index")).then(function (r) { return r.json(); }).then(function (index) {
    var words = fold(q).split(/\s+/).filter(Boolean);
    var hits = index.filter(function (e) { return words.every(function (w) { return e.f.indexOf(w) >= 0; }); });
    var head = (hits.length ? out.getAttribute("data-count") : out.getAttribute("data-none"))
      .replace("{n}", hits.length).replace("{q}", q);
    out.innerHTML = "<h2>" + esc(head) + "</h2>" + (hits.length ? "<ol>" + hits.slice(0, 100).map(function (e) {
      return '<li><a href="' + esc(e.u) + '">' + esc(e.t) + "</a>" +
        (e.s || e.d ? '<br><span class="meta">' + esc([e.s, e.d].filter(Boolean).join(" · ")) + "</span>" : "") +
        (e.x ? "<br>" + esc(e.x) : "") + "</li>";
    }).join("") + "</ol>" : "");
  });
})();
