/* Quiz widget: checks answers, keeps progress per question id in localStorage, scores, reviews mistakes,
   and draws practice sets. The questions, answers and explanations are already in the page's HTML; this
   script only adds interaction, so without it every answer is still readable. No framework, no network. */
(function () {
  "use strict";
  var STORE = "fk-quiz-v1";

  // A stored value that is not ours, or not what we wrote, is dropped rather than trusted.
  function load() {
    var raw = null;
    try { raw = localStorage.getItem(STORE); } catch (e) { return {}; }
    if (!raw) return {};
    try {
      var data = JSON.parse(raw);
      if (!data || typeof data !== "object" || Array.isArray(data)) throw new Error("not a record");
      var clean = {};
      Object.keys(data).forEach(function (id) {
        var r = data[id];
        if (r && typeof r.ok === "boolean" && Array.isArray(r.a) &&
            r.a.every(function (v) { return typeof v === "string"; })) clean[id] = { ok: r.ok, a: r.a };
      });
      return clean;
    } catch (e) {
      try { localStorage.removeItem(STORE); } catch (ignored) { /* storage unavailable */ }
      return {};
    }
  }
  function save(state) {
    try { localStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* private mode: keep in memory */ }
  }

  function fields(q) { return Array.prototype.slice.call(q.querySelectorAll("input, select")); }

  function chosen(q) {
    return fields(q).map(function (f) {
      return f.tagName === "SELECT" ? f.value : (f.checked ? f.value : "");
    });
  }

  function grade(q) {
    return fields(q).every(function (f) {
      if (f.tagName === "SELECT") return f.value === f.getAttribute("data-k");
      return f.checked === f.hasAttribute("data-k");
    });
  }

  function complete(q) {
    var f = fields(q);
    if (q.getAttribute("data-type") === "matching") return f.every(function (s) { return s.value !== ""; });
    return f.some(function (i) { return i.checked; });
  }

  function show(q, ok) {
    q.classList.toggle("fk-ok", ok);
    q.classList.toggle("fk-bad", !ok);
    var expl = q.querySelector(".fk-expl");
    q.querySelector(".fk-result").textContent =
      (ok ? "Correct. " : "Not quite. ") + (expl ? expl.textContent : "");
    q.querySelector(".fk-answer").open = true;
  }

  function clear(q) {
    q.classList.remove("fk-ok", "fk-bad");
    q.querySelector(".fk-result").textContent = "";
    q.querySelector(".fk-answer").open = false;
    fields(q).forEach(function (f) { if (f.tagName === "SELECT") f.value = ""; else f.checked = false; });
  }

  function restore(q, rec) {
    fields(q).forEach(function (f, i) {
      var v = rec.a[i] || "";
      if (f.tagName === "SELECT") f.value = v; else f.checked = v !== "" && v === f.value;
    });
    show(q, rec.ok);
  }

  function setup(quiz) {
    if (quiz.getAttribute("data-ready")) return;
    quiz.setAttribute("data-ready", "1");
    var root = quiz.closest("article") || document;
    var all = Array.prototype.slice.call(root.querySelectorAll(".fk-q"));
    var bar = quiz.querySelector(".fk-bar");
    var score = quiz.querySelector(".fk-score");
    var mistakes = quiz.querySelector(".fk-mistakes");
    var draw = Number(quiz.getAttribute("data-draw")) || 0;
    var state = load();
    var shown = all;

    function visible() { return all.filter(function (q) { return !q.hidden; }); }
    function rescore() {
      var qs = visible();
      var done = qs.filter(function (q) { return state[q.getAttribute("data-qid")]; });
      var right = done.filter(function (q) { return state[q.getAttribute("data-qid")].ok; });
      score.textContent = "Answered " + done.length + " of " + qs.length + ", " + right.length + " correct.";
    }
    function pickSet() {
      var pool = all.slice();
      for (var i = pool.length - 1; i > 0; i--) {
        var j = Math.floor(Math.random() * (i + 1));
        var t = pool[i]; pool[i] = pool[j]; pool[j] = t;
      }
      shown = pool.slice(0, draw).sort(function (a, b) { return all.indexOf(a) - all.indexOf(b); });
      all.forEach(function (q) { q.hidden = shown.indexOf(q) < 0; clear(q); });
      shown.forEach(function (q, n) { q.querySelector(".fk-num").textContent = String(n + 1); });
    }

    all.forEach(function (q) {
      q.querySelector(".fk-actions").hidden = false;
      var id = q.getAttribute("data-qid");
      q.querySelector(".fk-check").addEventListener("click", function () {
        if (!complete(q)) {
          q.querySelector(".fk-result").textContent = "Choose an answer first.";
          return;
        }
        var ok = grade(q);
        state = load();
        state[id] = { ok: ok, a: chosen(q) };
        save(state);
        show(q, ok);
        rescore();
      });
      if (!draw && state[id]) restore(q, state[id]);
    });
    if (draw) pickSet();

    mistakes.addEventListener("click", function () {
      var on = mistakes.getAttribute("aria-pressed") !== "true";
      mistakes.setAttribute("aria-pressed", String(on));
      state = load();
      all.forEach(function (q) {
        var rec = state[q.getAttribute("data-qid")];
        if (on) {
          q.hidden = !(rec && !rec.ok);
          if (rec && !rec.ok) restore(q, rec);
        } else {
          q.hidden = draw ? shown.indexOf(q) < 0 : false;
        }
      });
      rescore();
    });
    quiz.querySelector(".fk-reset").addEventListener("click", function () {
      state = load();
      visible().forEach(function (q) { delete state[q.getAttribute("data-qid")]; clear(q); });
      save(state);
      rescore();
    });
    var again = quiz.querySelector(".fk-draw");
    if (again) again.addEventListener("click", function () {
      mistakes.setAttribute("aria-pressed", "false");
      pickSet();
      rescore();
    });
    bar.hidden = false;
    rescore();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".fk-quiz"), setup);
  }
  window.fkQuiz = init;
  init();
})();
