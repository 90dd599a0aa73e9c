// Font-size control (remembered), sortable and filterable document tables, and the
// "closed" state of drafts whose comment deadline passed after the build. The site works
// without this script.
(function () {
  var root = document.documentElement;
  var saved = parseInt(localStorage.getItem("stp-font") || "100", 10);
  function apply(size) { root.style.setProperty("--base-size", size + "%"); }
  apply(saved);
  document.querySelectorAll("[data-font]").forEach(function (b) {
    b.addEventListener("click", function () {
      saved = Math.min(160, Math.max(80, saved + 10 * parseInt(b.getAttribute("data-font"), 10)));
      localStorage.setItem("stp-font", String(saved));
      apply(saved);
    });
  });
  var today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
  document.querySelectorAll(".draft-status.open[data-until]").forEach(function (p) {
    if (p.getAttribute("data-until") < today) { p.classList.remove("open"); p.classList.add("closed"); }
  });
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase(); }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var body = table.tBodies[0];
    table.querySelectorAll("[data-sort]").forEach(function (button) {
      button.addEventListener("click", function () {
        var col = parseInt(button.getAttribute("data-sort"), 10);
        var th = button.parentNode;
        var asc = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th[aria-sort]").forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute("data-value") || a.cells[col].textContent;
          var y = b.cells[col].getAttribute("data-value") || b.cells[col].textContent;
          return (asc ? 1 : -1) * x.localeCompare(y, "vi");
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
    var form = document.querySelector(".doc-filter");
    if (!form) return;
    function filter() {
      var text = fold(form.querySelector("[data-filter=text]").value);
      var type = form.querySelector("[data-filter=type]").value;
      var year = form.querySelector("[data-filter=year]").value;
      Array.prototype.forEach.call(body.rows, function (r) {
        var ok = (!text || fold(r.textContent).indexOf(text) >= 0) &&
          (!type || r.getAttribute("data-type") === type) &&
          (!year || r.getAttribute("data-year") === year);
        r.hidden = !ok;
      });
    }
    form.addEventListener("input", filter);
    form.addEventListener("submit", function (e) { e.preventDefault(); filter(); });
  });
})();
