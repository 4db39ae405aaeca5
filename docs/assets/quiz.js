/* Quiz widget: checks answers, records each check in localStorage, scores first tries, reviews mistakes and
   draws practice sets. On quiz pages the questions, answers and explanations are already in the HTML; this
   script only adds interaction, so without it every answer is still readable. The practice page loads the
   bank's index, then one small script per question in play (quiz/bank/<id>.js). No framework.
   Storage ("fk-quiz-v2", shared with review.js): {v: 2, q: {id: {first, last, log}}, practice}, where
   first/last are {ok, a, sure, t} and log holds [time, right 1|0, sure 1|0|null] for every check. */
(function () {
  "use strict";
  var KEY = "fk-quiz-v2", V1 = "fk-quiz-v1", LOG_MAX = 500, ID = /^[A-Za-z0-9][\w.:-]{0,199}$/;
  var memo = null; // the state, when this browser refuses storage (some private modes): kept for this visit

  // ---- Storage. What we read was written by us, an older version, or something else: check every field. ----
  function isMap(x) { return !!x && typeof x === "object" && !Array.isArray(x); }
  function strs(a) { return Array.isArray(a) && a.every(function (v) { return typeof v === "string"; }); }
  function time(t) { return typeof t === "number" && isFinite(t) && t > 0; }
  function check(x) {
    return isMap(x) && typeof x.ok === "boolean" && strs(x.a) && (x.sure === null || typeof x.sure === "boolean") &&
      time(x.t) ? { ok: x.ok, a: x.a, sure: x.sure, t: x.t } : null;
  }
  function logged(e) {
    return Array.isArray(e) && e.length === 3 && time(e[0]) && (e[1] === 0 || e[1] === 1) &&
      (e[2] === null || e[2] === 0 || e[2] === 1);
  }
  function record(r) {
    var first = isMap(r) && check(r.first), last = first && check(r.last);
    return last ? { first: first, last: last, log: Array.isArray(r.log) ? r.log.filter(logged) : [] } : null;
  }
  function practice(p) {
    return isMap(p) && strs(p.ids) && typeof p.paper === "string" && typeof p.skill === "string" &&
      typeof p.n === "number" && time(p.t) ? { ids: p.ids, paper: p.paper, skill: p.skill, n: p.n, t: p.t } : null;
  }
  function parse(raw) { try { return JSON.parse(raw); } catch (e) { return null; } }
  function load() {
    var state = { v: 2, q: {} }, raw;
    try { raw = localStorage.getItem(KEY); } catch (e) { return memo || state; }
    if (raw === null) return migrate(state);
    var data = parse(raw);
    if (!isMap(data) || data.v !== 2 || !isMap(data.q)) return state;
    Object.keys(data).forEach(function (k) { // keys another script may add are kept, not ours to judge
      if (!/^(v|q|practice|__proto__)$/.test(k)) state[k] = data[k];
    });
    Object.keys(data.q).forEach(function (id) {
      var r = ID.test(id) && record(data.q[id]);
      if (r) state.q[id] = r;
    });
    var p = practice(data.practice);
    if (p) state.practice = p;
    return state;
  }
  function save(state) {
    memo = state;
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* no storage: memo keeps it */ }
  }
  // Version 1 kept {id: {ok, a}}: each becomes one check made now, of unknown confidence.
  function migrate(state) {
    var old, now = Date.now();
    try { old = localStorage.getItem(V1); } catch (e) { return state; }
    if (old === null) return state;
    old = parse(old);
    if (isMap(old)) Object.keys(old).forEach(function (id) {
      var r = old[id];
      if (!ID.test(id) || !isMap(r) || typeof r.ok !== "boolean" || !strs(r.a)) return;
      var c = { ok: r.ok, a: r.a, sure: null, t: now };
      state.q[id] = { first: c, last: c, log: [[now, r.ok ? 1 : 0, null]] };
    });
    save(state);
    try { if (localStorage.getItem(KEY) !== null) localStorage.removeItem(V1); } catch (e) { /* kept */ }
    return state;
  }
  function note(id, c) {
    var state = load(), r = state.q[id] || (state.q[id] = { first: c, last: c, log: [] });
    r.last = c;
    r.log.push([c.t, c.ok ? 1 : 0, c.sure === null ? null : c.sure ? 1 : 0]);
    if (r.log.length > LOG_MAX) r.log.splice(0, r.log.length - LOG_MAX);
    save(state);
  }
  // The first check of a question in this view: ever on a quiz page, since `since` in a set or a review.
  function firstTry(r, since) {
    if (!r || !since) return r ? r.first : null;
    for (var i = 0; i < r.log.length; i++) if (r.log[i][0] >= since) return { ok: r.log[i][1] === 1 };
    return null;
  }

  // ---- One question. ----
  function all(sel, el) { return Array.prototype.slice.call((el || document).querySelectorAll(sel)); }
  function one(sel, el) { return (el || document).querySelector(sel); }
  function qid(q) { return q.getAttribute("data-qid"); }
  function fields(q) { return all(".fk-opts input, .fk-match select", q); }
  function chosen(q) {
    return fields(q).map(function (f) { return f.tagName === "SELECT" ? f.value : (f.checked ? f.value : ""); });
  }
  function grade(q) {
    return fields(q).every(function (f) {
      return f.tagName === "SELECT" ? f.value === f.getAttribute("data-k") : f.checked === f.hasAttribute("data-k");
    });
  }
  function complete(q) {
    return fields(q)[q.getAttribute("data-type") === "matching" ? "every" : "some"](function (f) {
      return f.tagName === "SELECT" ? f.value !== "" : f.checked;
    });
  }
  function choose(q, a) {
    fields(q).forEach(function (f, i) {
      var v = (a && a[i]) || "";
      if (f.tagName === "SELECT") f.value = v; else f.checked = v !== "" && v === f.value;
    });
  }

  // One polite live region for the page: a check's verdict is announced once, and restoring many saved
  // answers at once (on load, or leaving a review) announces nothing.
  // It is made when the page starts, so that it is in place before its first message.
  var live;
  function region() {
    if (live && document.body.contains(live)) return live;
    live = document.createElement("div");
    live.className = "fk-sr";
    live.setAttribute("role", "status");
    return document.body.appendChild(live);
  }
  function say(text) {
    var el = region();
    el.textContent = "";
    setTimeout(function () { el.textContent = text; }, 60);
  }
  function verdict(c) {
    if (c.ok) return c.sure === false ? "Correct, though you were not sure." : "Correct.";
    return c.sure ? "Not quite, and you were sure: review this one first." : "Not quite.";
  }
  function nextOf(q, view) {
    for (var i = view.qs.indexOf(q) + 1; i < view.qs.length; i++) if (!view.qs[i].hidden) return view.qs[i];
    return null;
  }
  function buttons(q, done, view) {
    one(".fk-check", q).hidden = one(".fk-guess", q).hidden = done;
    one(".fk-retry", q).hidden = !done;
    one(".fk-nextq", q).hidden = !done || !nextOf(q, view);
    q.classList.toggle("fk-done", done);
  }
  // A checked question: the verdict in words (the explanation too, for screen readers), the answer opened.
  function show(q, c, view) {
    var expl = one(".fk-expl", q), res = one(".fk-result", q), sr = document.createElement("span");
    q.classList.toggle("fk-ok", c.ok);
    q.classList.toggle("fk-bad", !c.ok);
    q.classList.toggle("fk-flag", !c.ok && c.sure === true);
    res.textContent = verdict(c) + " ";
    sr.className = "fk-sr";
    sr.textContent = expl ? expl.textContent : "";
    res.appendChild(sr);
    one(".fk-answer", q).hidden = false;
    one(".fk-answer", q).open = true;
    buttons(q, true, view);
  }
  // Unchecked: no verdict, and the answer kept out of sight until the first check (it stays in the HTML).
  function fresh(q, view) {
    q.classList.remove("fk-ok", "fk-bad", "fk-flag");
    one(".fk-result", q).textContent = "";
    one(".fk-answer", q).open = false;
    one(".fk-answer", q).hidden = true;
    buttons(q, false, view);
  }
  // As stored: the last check made since `view.since`, or a blank question.
  function place(q, state, view) {
    var r = state.q[qid(q)], c = r && r.last.t >= view.since ? r.last : null;
    choose(q, c && c.a);
    if (c) show(q, c, view); else fresh(q, view);
  }
  function go(q) {
    q.scrollIntoView({ block: "start" }); // scroll-margin-top keeps it below the header and the bar
    (fields(q)[0] || q).focus({ preventScroll: true });
  }
  function wire(q, view) {
    var id = qid(q);
    one(".fk-actions", q).hidden = false;
    function checked(sure) {
      if (!complete(q)) {
        one(".fk-result", q).textContent = "Choose an answer first.";
        return say("Choose an answer first.");
      }
      var c = { ok: grade(q), a: chosen(q), sure: sure, t: Date.now() };
      note(id, c);
      show(q, c, view);
      say(one(".fk-result", q).textContent);
      var next = one(".fk-nextq", q);
      (next.hidden ? one(".fk-retry", q) : next).focus();
      view.after(id, c);
    }
    one(".fk-check", q).addEventListener("click", function () { checked(true); });
    one(".fk-guess", q).addEventListener("click", function () { checked(false); });
    one(".fk-retry", q).addEventListener("click", function () {
      choose(q, null);
      fresh(q, view);
      fields(q)[0].focus();
    });
    one(".fk-nextq", q).addEventListener("click", function () {
      var next = nextOf(q, view);
      if (next) go(next);
    });
    // Changing a checked answer starts a new try: the old verdict no longer describes what is chosen.
    q.addEventListener("change", function (e) {
      if (q.classList.contains("fk-done") && fields(q).indexOf(e.target) >= 0) fresh(q, view);
    });
  }
  function number(qs) {
    var n = 0;
    qs.forEach(function (q) { if (!q.hidden) one(".fk-num", q).textContent = String(++n); });
  }
  // The questions with these ids, from the bank's scripts under `base` (the quiz/ folder's address), loaded
  // in parallel. each(entries) gets them ([id, html]) in the order asked, as soon as they and all before them
  // have arrived, so the first question shows without waiting for the last and no one task renders them all;
  // then(n) follows, with the number that loaded, once every request has ended. A page loads only the
  // questions it shows: the whole bank is about a megabyte of HTML, long to parse on a phone.
  var loaded = window.fkBank = window.fkBank || {};
  function fetchItems(base, ids, each, then) {
    var left = 1, next = 0, got = 0;
    function flush(end) {  // at the end, past any question that failed to load
      var ready = [];
      for (; next < ids.length && (end || typeof loaded[ids[next]] === "string"); next++) {
        if (typeof loaded[ids[next]] === "string") ready.push([ids[next], loaded[ids[next]]]);
      }
      got += ready.length;
      if (ready.length) each(ready);
    }
    function done() {
      flush(!--left);
      if (!left) then(got);
    }
    ids.forEach(function (id) {
      if (loaded[id] || !ID.test(id)) return;
      left++;
      var s = document.createElement("script");
      s.src = new URL("bank/" + encodeURIComponent(id) + ".js", base).href;
      s.onload = s.onerror = done;
      document.head.appendChild(s);
    });
    done();
  }
  // Bank entries ([id, html]) become questions at the end of `box`, numbered on from those before. Their links
  // were written relative to the quiz/ folder, so they are resolved against its address.
  function append(box, entries, view, base) {
    box.insertAdjacentHTML("beforeend", entries.map(function (e) { return e[1]; }).join(""));
    var fresh = all(".fk-q", box).slice(view.qs.length), state = load();
    fresh.forEach(function (q) {
      all("a[href]", q).forEach(function (a) { a.href = new URL(a.getAttribute("href"), base).href; });
    });
    view.qs = view.qs.concat(fresh);
    number(view.qs);
    fresh.forEach(function (q) { wire(q, view); place(q, state, view); });
  }
  // For other pages (the review page): the bank's questions with these ids, loaded from base (the quiz/
  // folder's address), rendered and wired as on the practice page. Answers checked after options.since
  // (default: now) are shown; options.onCheck(id, check) follows every check; options.done(n) gets the number
  // of questions shown, once they are.
  function mount(container, ids, base, options) {
    var o = options || {};
    region();
    var view = { qs: [], since: o.since || Date.now(), after: o.onCheck || function () {} };
    fetchItems(base, ids, function (entries) { append(container, entries, view, base); },
               function (n) { if (o.done) o.done(n); });
  }

  // ---- A page's bar: the score of the questions in view, the review of mistakes, clearing answers. ----
  function pct(n, of) { return (of ? Math.round(1000 * n / of) / 10 : 0) + "%"; }
  function bar(quiz, list) {
    var el = one(".fk-bar", quiz), score = one(".fk-score", quiz), review = one(".fk-mistakes", quiz);
    var reset = one(".fk-reset", quiz), ask = one(".fk-confirm", quiz), empty = one(".fk-empty", quiz);
    var view = { qs: [], since: 0, review: false, after: rescore };
    function shown() { return view.qs.filter(function (q) { return !q.hidden; }); }
    function rescore() {
      var state = load(), qs = shown(), done = 0, right = 0;
      qs.forEach(function (q) {
        var c = firstTry(state.q[qid(q)], view.since);
        if (c) { done++; right += c.ok ? 1 : 0; }
      });
      score.textContent = !view.review ? "Answered " + done + " of " + qs.length + ", " + right + " correct." :
        !qs.length ? "No mistakes to review." :
        "Retried " + done + " of " + qs.length + " mistakes, " + right + " right.";
      one(".fk-m-ok", quiz).style.width = pct(right, qs.length);
      one(".fk-m-bad", quiz).style.width = pct(done - right, qs.length);
      review.textContent = "Review my mistakes (" + list.wrong(state).length + ")";
      empty.hidden = !view.review || qs.length > 0;
    }
    // Reviewing: only last-wrong questions, blank again (a real retry), numbered from 1, empty headings hidden.
    // The questions may have to load first (practice page): then() runs once they are shown and scored.
    view.toggle = function (on, then) {
      review.setAttribute("aria-pressed", String(on));
      view.review = on;
      view.since = on ? Date.now() : list.since();
      list.show(on ? list.wrong(load()) : null, function () {
        rescore();
        if (then) then();
      });
    };
    review.addEventListener("click", function () {
      view.toggle(review.getAttribute("aria-pressed") !== "true", function () { say(score.textContent); });
    });
    function asking(on) {
      ask.hidden = !on;
      review.hidden = reset.hidden = on;
    }
    reset.addEventListener("click", function () {
      var state = load(), n = shown().filter(function (q) { return state.q[qid(q)]; }).length;
      if (!n) return say("There are no answers to clear here.");
      one(".fk-ask", quiz).textContent = "Clear your " + (n === 1 ? "answer" : n + " answers") +
        " to the questions shown? This cannot be undone.";
      asking(true);
      one(".fk-no", quiz).focus();
    });
    one(".fk-no", quiz).addEventListener("click", function () { asking(false); reset.focus(); });
    one(".fk-yes", quiz).addEventListener("click", function () {
      var state = load();
      shown().forEach(function (q) { delete state.q[qid(q)]; choose(q, null); fresh(q, view); });
      save(state);
      asking(false);
      rescore();
      reset.focus();
      say("Answers cleared. " + score.textContent);
    });
    el.hidden = false;
    // The bar's height, for scroll-margin-top: a focused question never slides under it.
    function measure() { document.documentElement.style.setProperty("--fk-bar-h", el.offsetHeight + "px"); }
    measure();
    if (window.ResizeObserver) new ResizeObserver(measure).observe(el);
    return view;
  }

  // ---- A quiz page: its questions are in the HTML, grouped under headings. ----
  function quizPage(quiz) {
    var root = quiz.closest("article") || document, qs = all(".fk-q", root), view;
    view = bar(quiz, {
      since: function () { return 0; },
      wrong: function (state) {
        return qs.map(qid).filter(function (id) { return state.q[id] && !state.q[id].last.ok; });
      },
      show: function (ids, then) {
        var state = load();
        qs.forEach(function (q) { q.hidden = !!ids && ids.indexOf(qid(q)) < 0; });
        number(qs);
        all(".fk-quiz-part", root).forEach(function (part) {
          var head = part.previousElementSibling, none = !one(".fk-q:not([hidden])", part);
          part.hidden = none;
          if (head && /^H[2-6]$/.test(head.tagName)) head.hidden = none;
        });
        qs.forEach(function (q) { place(q, state, view); });
        then();
      }
    });
    view.qs = qs;
    qs.forEach(function (q) { wire(q, view); });
    view.toggle(false);
  }

  // ---- The practice page: a set drawn from the bank by paper, skill and size, kept until the next draw. ----
  function shuffled(a) {
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)), t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }
  // The bank's index holds [id, skill, paper] for every question, in the bank's order.
  function practicePage(quiz, base) {
    var bank = window.fkPracticeIndex || [], form = one(".fk-pick", quiz), byId = {}, view, showing = 0;
    bank.forEach(function (e) { byId[e[0]] = e; });
    var set = load().practice;
    if (set && !set.ids.every(function (id) { return byId[id]; })) set = null; // the bank changed since
    function draw() {
      var paper = form.elements.paper.value, skill = form.elements.skill.value, n = Number(form.elements.n.value);
      var pool = bank.filter(function (e) { return (!paper || e[2] === paper) && (!skill || e[1] === skill); });
      if (!pool.length) return false;
      var picked = shuffled(pool.slice()).slice(0, n);
      picked.sort(function (a, b) { return bank.indexOf(a) - bank.indexOf(b); }); // the bank's order groups skills
      set = { ids: picked.map(function (e) { return e[0]; }), paper: paper, skill: skill, n: n, t: Date.now() };
      var state = load();
      state.practice = set;
      save(state);
      return true;
    }
    if (set) {
      form.elements.paper.value = set.paper;
      form.elements.skill.value = set.skill;
      form.elements.n.value = String(set.n);
    }
    if (!set && !draw()) return;  // an empty bank: the bar stays hidden, the page's text still stands
    view = bar(quiz, {
      since: function () { return set.t; },
      wrong: function (state) {
        return bank.map(function (e) { return e[0]; })
          .filter(function (id) { return state.q[id] && !state.q[id].last.ok; });
      },
      show: function (ids, then) {
        var asked = ids || set.ids, shown = ++showing, box = one(".fk-list", quiz);
        box.setAttribute("aria-busy", "true");
        box.innerHTML = "";
        view.qs = [];
        // a later draw or toggle has the list once `showing` has moved on
        fetchItems(base, asked, function (entries) {
          if (shown === showing) append(box, entries, view, base);
        }, function (n) {
          if (shown !== showing) return;
          box.removeAttribute("aria-busy");
          then();
          if (n < asked.length) unloaded(quiz, asked.length - n);
        });
      }
    });
    form.hidden = false;
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (!draw()) {
        one(".fk-score", quiz).textContent = "No question matches this paper and skill together; choose another.";
        return say(one(".fk-score", quiz).textContent);
      }
      view.toggle(false, function () { say("New set drawn. " + one(".fk-score", quiz).textContent); });
    });
    view.toggle(false);
  }

  function unloaded(quiz, missing) {
    one(".fk-score", quiz).textContent = (missing ? (missing === 1 ? "One question" : missing + " questions") +
      " of this set could not be loaded" : "The question bank could not be loaded") + "; reload the page.";
    one(".fk-bar", quiz).hidden = false;
  }
  // The index's address is relative to the page; the questions sit in bank/ beside it.
  function withIndex(quiz, then) {
    var src = new URL(quiz.getAttribute("data-bank"), document.baseURI).href, base = new URL(".", src).href;
    if (window.fkPracticeIndex) return then(base);
    var s = document.createElement("script");
    s.src = src;
    s.onload = function () { then(base); };
    s.onerror = function () { unloaded(quiz); };
    document.head.appendChild(s);
  }
  function setup(quiz) {
    if (quiz.getAttribute("data-ready")) return;
    quiz.setAttribute("data-ready", "1");
    if (quiz.hasAttribute("data-bank")) withIndex(quiz, function (base) { practicePage(quiz, base); });
    else quizPage(quiz);
  }
  // module.js calls window.fkQuiz() after each instant navigation; review.js uses load, save and mount.
  function init() {
    var quizzes = all(".fk-quiz");
    if (quizzes.length) region();
    quizzes.forEach(setup);
  }
  init.init = init;
  init.load = load;
  init.save = save;
  init.mount = mount;
  window.fkQuiz = init;
  init();
})();
