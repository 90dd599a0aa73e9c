// Site search over the prebuilt index: the query and the index are both folded (lower
// case, no diacritics), so "thu tuc" finds "thủ tục".
(function () {
  var out = document.getElementById("search-results");
  if (!out) return;
  var params = new URLSearchParams(location.search);
  var q = params.get("q") || "";
  var input = document.getElementById("q");
  input.value = q;
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase(); }
  function esc(s) { return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; }); }
  if (!q.trim()) return;
  fetch(out.getAttribute("data-index")).then(function (r) { return r.json(); }).then(function (index) {
    var words = fold(q).split(/\s+/).filter(Boolean);
    var hits = index.filter(function (e) { return words.every(function (w) { return e.f.indexOf(w) >= 0; }); });
    var lang = document.documentElement.lang;
    var head = lang === "vi" ? hits.length + " kết quả cho “" + esc(q) + "”" : hits.length + " results for “" + esc(q) + "”";
    out.innerHTML = "<h2>" + head + "</h2><ol>" + hits.slice(0, 100).map(function (e) {
      return '<li><a href="' + esc(e.u) + '">' + esc(e.t) + "</a>" + (e.d ? " <span class=\"meta\">(" + esc(e.d) + ")</span>" : "") + "<br>" + esc(e.x) + "</li>";
    }).join("") + "</ol>";
  });
})();
