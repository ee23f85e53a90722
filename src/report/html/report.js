"use strict";
// Filters, search and focus-to-details for a redlint report. The page is complete without
// this script; it only hides what does not match, and keeps the choice in the URL's #fragment
// (e.g. #cat=off-platform&sev=error&rule=O301&q=微信), so a filtered view can be shared.
(function () {
  const form = document.getElementById("filters");
  if (!form) return;
  form.hidden = false;
  const notes = Array.from(document.querySelectorAll("article.note"));
  const shown = document.getElementById("shown");
  const index = notes.map(function (a) {
    return {
      el: a,
      text: (a.textContent || "").toLowerCase(),
      items: Array.from(a.querySelectorAll("li.v")),
      marks: Array.from(a.querySelectorAll("mark[data-v]")),
    };
  });
  function checked(name) {
    return Array.from(form.querySelectorAll("input[name=" + name + "]"))
      .filter(function (i) { return i.checked; })
      .map(function (i) { return i.value; });
  }
  function apply() {
    const cats = checked("cat"), sevs = checked("sev");
    const rule = form.elements.rule.value, q = form.elements.q.value.trim().toLowerCase();
    let count = 0;
    for (const n of index) {
      const on = new Set();
      for (const li of n.items) {
        const ok = cats.includes(li.dataset.cat) && sevs.includes(li.dataset.sev) && (!rule || li.dataset.rule === rule);
        li.hidden = !ok;
        if (ok) on.add(li.id);
      }
      for (const m of n.marks) {
        m.classList.toggle("off", !m.dataset.v.split(" ").some(function (id) { return on.has(id); }));
      }
      const visible = on.size > 0 && (!q || n.text.includes(q));
      n.el.hidden = !visible;
      if (visible) count++;
    }
    shown.textContent = count + " of " + index.length + " notes shown";
    const state = [];
    const allCats = form.querySelectorAll("input[name=cat]").length, allSevs = form.querySelectorAll("input[name=sev]").length;
    if (cats.length < allCats) state.push("cat=" + cats.join(","));
    if (sevs.length < allSevs) state.push("sev=" + sevs.join(","));
    if (rule) state.push("rule=" + encodeURIComponent(rule));
    if (q) state.push("q=" + encodeURIComponent(q));
    history.replaceState(null, "", state.length ? "#" + state.join("&") : location.pathname + location.search);
  }
  function restore() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ""));
    for (const name of ["cat", "sev"]) {
      if (!params.has(name)) continue;
      const want = params.get(name).split(",");
      for (const i of form.querySelectorAll("input[name=" + name + "]")) i.checked = want.includes(i.value);
    }
    if (params.has("rule")) form.elements.rule.value = params.get("rule");
    if (params.has("q")) form.elements.q.value = params.get("q");
  }
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  // a highlight shows its details: the list entries it stands for light up
  function light(e, on) {
    const m = e.target.closest && e.target.closest("mark[data-v]");
    if (!m) return;
    m.classList.toggle("on", on);
    for (const id of m.dataset.v.split(" ")) {
      const li = document.getElementById(id);
      if (li) li.classList.toggle("on", on);
    }
  }
  document.addEventListener("focusin", function (e) { light(e, true); });
  document.addEventListener("focusout", function (e) { light(e, false); });
  document.addEventListener("mouseover", function (e) { light(e, true); });
  document.addEventListener("mouseout", function (e) { light(e, false); });
  restore();
  apply();
})();
