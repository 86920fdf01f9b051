// Choosing a finding in the list scrolls to its text and marks every piece of it; the
// checkboxes hide findings by severity and category (in the list and in the text).
(function () {
  "use strict";
  function pieces(n) {
    return document.querySelectorAll('[data-f~="' + n + '"]');
  }
  function choose(n, focus) {
    document.querySelectorAll(".current").forEach(function (e) { e.classList.remove("current"); });
    pieces(n).forEach(function (e) { e.classList.add("current"); });
    var item = document.querySelector('.finding[data-n="' + n + '"]');
    if (item) { item.classList.add("current"); }
    var target = document.getElementById("f-" + n);
    if (!target) { return; }
    target.scrollIntoView({ block: "center" });
    if (focus) { target.focus({ preventScroll: true }); }
  }
  document.querySelectorAll("[data-goto]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var n = link.getAttribute("data-goto");
      if (history.replaceState) { history.replaceState(null, "", "#f-" + n); }
      choose(n, true);
    });
  });
  document.querySelectorAll("mark[data-f], .whole li[data-f]").forEach(function (mark) {
    mark.addEventListener("click", function () {
      var n = mark.getAttribute("data-f").split(" ")[0];
      var item = document.querySelector('.finding[data-n="' + n + '"]');
      choose(n, false);
      if (item) { item.scrollIntoView({ block: "nearest" }); }
    });
  });
  function applyFilters() {
    var off = {};
    document.querySelectorAll("input[data-filter]").forEach(function (box) {
      if (!box.checked) { off[box.getAttribute("data-filter") + ":" + box.value] = true; }
    });
    var shown = {};
    document.querySelectorAll(".finding").forEach(function (item) {
      var hide = off["severity:" + item.getAttribute("data-severity")] ||
                 off["category:" + item.getAttribute("data-category")];
      item.hidden = !!hide;
      if (!hide) { shown[item.getAttribute("data-n")] = true; }
    });
    document.querySelectorAll(".group").forEach(function (group) {
      var items = group.querySelectorAll(".finding");
      var visible = Array.prototype.some.call(items, function (i) { return !i.hidden; });
      group.hidden = !visible;
      group.querySelectorAll("h4").forEach(function (h) {
        var list = h.nextElementSibling;
        h.hidden = !Array.prototype.some.call(list.children, function (i) { return !i.hidden; });
      });
    });
    document.querySelectorAll("[data-f]").forEach(function (mark) {
      var any = mark.getAttribute("data-f").split(" ").some(function (n) { return shown[n]; });
      mark.classList.toggle("filtered", !any);
    });
  }
  document.querySelectorAll("input[data-filter]").forEach(function (box) {
    box.addEventListener("change", applyFilters);
  });
  if (location.hash.indexOf("#f-") === 0) { choose(location.hash.slice(3), false); }
})();
