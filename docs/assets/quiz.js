/* Quiz widget: checks answers, keeps progress per question id in localStorage, scores, reviews mistakes,
   and draws practice sets. On quiz pages the questions, answers and explanations are already in the HTML;
   this script only adds interaction, so without it every answer is still readable. The practice page
   loads the bank as a script from this site and renders only the set in play. No framework. */
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

  // The practice page holds no questions: its bank (id and HTML of every question) comes as a script, loaded
  // once, so the page stays small; only the set in play, or the mistakes under review, become elements.
  function withBank(quiz, then) {
    if (window.fkPracticeBank) return then();
    var s = document.createElement("script");
    s.src = quiz.getAttribute("data-bank");
    s.onload = then;
    s.onerror = function () {
      quiz.querySelector(".fk-score").textContent = "The question bank could not be loaded; reload the page.";
      quiz.querySelector(".fk-bar").hidden = false;
    };
    document.head.appendChild(s);
  }

  function setup(quiz) {
    if (quiz.getAttribute("data-ready")) return;
    quiz.setAttribute("data-ready", "1");
    if (quiz.hasAttribute("data-bank")) withBank(quiz, function () { start(quiz); });
    else start(quiz);
  }

  function start(quiz) {
    var root = quiz.closest("article") || document;
    var list = quiz.querySelector(".fk-list");
    var bank = list ? window.fkPracticeBank || [] : [];
    var all = list ? [] : Array.prototype.slice.call(root.querySelectorAll(".fk-q"));
    var bar = quiz.querySelector(".fk-bar");
    var score = quiz.querySelector(".fk-score");
    var mistakes = quiz.querySelector(".fk-mistakes");
    var draw = Number(quiz.getAttribute("data-draw")) || 0;
    var state = load();
    var drawn = [];

    function visible() { return all.filter(function (q) { return !q.hidden; }); }
    function rescore() {
      var qs = visible();
      var done = qs.filter(function (q) { return state[q.getAttribute("data-qid")]; });
      var right = done.filter(function (q) { return state[q.getAttribute("data-qid")].ok; });
      score.textContent = "Answered " + done.length + " of " + qs.length + ", " + right.length + " correct.";
    }
    function wire(q) {
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
    }
    // Practice: turn bank entries into elements, numbered from 1, in place of the previous ones.
    function render(entries) {
      var box = document.createElement("div");
      box.innerHTML = entries.map(function (e) { return e[1]; }).join("");
      all = Array.prototype.slice.call(box.querySelectorAll(".fk-q"));
      all.forEach(function (q, n) { q.querySelector(".fk-num").textContent = String(n + 1); wire(q); });
      list.replaceChildren.apply(list, all);
    }
    function pickSet() {
      var pool = bank.slice();
      for (var i = pool.length - 1; i > 0; i--) {
        var j = Math.floor(Math.random() * (i + 1));
        var t = pool[i]; pool[i] = pool[j]; pool[j] = t;
      }
      drawn = pool.slice(0, draw).sort(function (a, b) { return bank.indexOf(a) - bank.indexOf(b); });
      render(drawn);
    }

    if (list) pickSet();
    else all.forEach(function (q) {
      wire(q);
      var rec = state[q.getAttribute("data-qid")];
      if (rec) restore(q, rec);
    });

    mistakes.addEventListener("click", function () {
      var on = mistakes.getAttribute("aria-pressed") !== "true";
      mistakes.setAttribute("aria-pressed", String(on));
      state = load();
      function wrong(id) { return state[id] && !state[id].ok; }
      if (list) render(on ? bank.filter(function (e) { return wrong(e[0]); }) : drawn);
      all.forEach(function (q) {
        var id = q.getAttribute("data-qid");
        q.hidden = on && !wrong(id);
        if (on && wrong(id)) restore(q, state[id]);
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
