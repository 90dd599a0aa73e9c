// Progressive enhancement; every page works without this script. It adds: the text-size
// control (remembered on this device), the folding menu on narrow screens, sorting and
// filtering of the legal-document table, and the "closed" state of drafts whose comment
// deadline passed after the site was built.
(function () {
  "use strict";
  var root = document.documentElement;
  var store = { get: function () { try { return localStorage.getItem("stp-font"); } catch (e) { return null; } },
    set: function (v) { try { localStorage.setItem("stp-font", v); } catch (e) { /* private mode */ } } };

  // Text size: 80 % to 160 % in steps of 10 %.
  var size = parseInt(store.get() || "100", 10) || 100;
  function applySize() { root.style.setProperty("--base-size", size + "%"); }
  applySize();
  document.querySelectorAll(".font-size").forEach(function (el) { el.hidden = false; });
  document.querySelectorAll("[data-font]").forEach(function (b) {
    b.addEventListener("click", function () {
      var step = parseInt(b.getAttribute("data-font"), 10);
      size = step === 0 ? 100 : Math.min(160, Math.max(80, size + 10 * step));
      store.set(String(size));
      applySize();
    });
  });

  // The menu is open in the HTML (usable without scripts); fold it on narrow screens.
  var menu = document.querySelector("details.menu");
  if (menu && window.matchMedia) {
    var wide = window.matchMedia("(min-width: 64rem)");
    var fit = function () { menu.open = wide.matches; };
    fit();
    if (wide.addEventListener) wide.addEventListener("change", fit);
  }

  // Drafts whose deadline passed since the build (today in Vietnam, UTC+7).
  var today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
  document.querySelectorAll(".draft-status.open[data-until]").forEach(function (box) {
    if (box.getAttribute("data-until") >= today) return;
    box.classList.remove("open");
    box.classList.add("closed");
    var state = box.querySelector(".draft-state");
    var closed = box.getAttribute("data-closed-text");
    if (state && closed) state.textContent = closed;
  });

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  // The legal-document table: sortable columns, filters and a search by number or title.
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).filter(function (r) { return r.hasAttribute("data-type"); });
    table.querySelectorAll("th[data-sort]").forEach(function (th) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var col = parseInt(th.getAttribute("data-sort"), 10);
        var asc = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th[aria-sort]").forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute("data-value") || a.cells[col].textContent.trim();
          var y = b.cells[col].getAttribute("data-value") || b.cells[col].textContent.trim();
          return (asc ? 1 : -1) * x.localeCompare(y, "vi", { numeric: true });
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
    var form = document.querySelector(".doc-filter");
    if (!form) return;
    form.hidden = false;
    var count = form.querySelector(".filter-count");
    var countText = table.getAttribute("data-count-text") || "";
    var field = function (name) { return form.querySelector("[data-filter=" + name + "]"); };
    var search = rows.map(function (r) { return fold(r.textContent + " " + (r.getAttribute("data-title") || "")); });
    function filter() {
      var words = fold(field("text").value).split(/\s+/).filter(Boolean);
      var want = { type: field("type").value, issuer: field("issuer").value, year: field("year").value, effect: field("effect").value };
      var shown = 0;
      rows.forEach(function (r, i) {
        var ok = words.every(function (w) { return search[i].indexOf(w) >= 0; });
        Object.keys(want).forEach(function (k) { if (want[k] && r.getAttribute("data-" + k) !== want[k]) ok = false; });
        r.hidden = !ok;
        if (ok) shown++;
      });
      if (count) count.textContent = countText.replace("{n}", shown).replace("{total}", rows.length);
    }
    form.addEventListener("input", filter);
    form.addEventListener("change", filter);
    form.addEventListener("submit", function (e) { e.preventDefault(); filter(); });
  });
})();
