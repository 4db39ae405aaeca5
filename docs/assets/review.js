/* Spaced review: the "Due today" and "My progress" pages, and the due count on the home page. module.js loads
   this file only where an element carries data-fk-review. The quiz widget (quiz.js) keeps a log of every check
   in localStorage ("fk-quiz-v2"); this file replays that log through the FSRS scheduler (vendor/ts-fsrs.js,
   loaded from here) to find what is due, so quiz pages never carry the scheduler. It also exports the kept
   answers to a file and imports them back, validated and only once the student confirms. No framework. */
(function () {
  "use strict";
  var STORE = "fk-quiz-v2", OLD_STORE = "fk-quiz-v1";
  var FORMAT = "fentanyl-module-progress", FORMAT_VERSION = 1;
  var MAX_FILE = 5e6, MAX_LOG = 10000;
  var me = document.currentScript && document.currentScript.src;
  var root = me ? me.replace(/assets\/review\.js(\?.*)?$/, "") : "";  // the site's root URL

  // ---- The kept answers: validated on every read; a foreign or damaged value never breaks the page. ----
  function plain(v) { return !!v && typeof v === "object" && !Array.isArray(v); }
  function isTime(t) { return typeof t === "number" && isFinite(t) && t > 0 && t < 8.64e15; }
  function str(v) { return typeof v === "string"; }
  function idProblem(id) {
    return /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/.test(id) ? "" : "is not a question id this module uses";
  }
  function checkProblem(e, name) {
    if (!plain(e)) return "its " + name + " is missing";
    if (typeof e.ok !== "boolean") return "its " + name + " is not marked right or wrong";
    if (!Array.isArray(e.a) || !e.a.every(str)) return "its " + name + " has no list of chosen answers";
    if (e.sure !== true && e.sure !== false && e.sure !== null) return "its " + name + " says neither sure nor unsure";
    return isTime(e.t) ? "" : "its " + name + " has no valid time";
  }
  function recordProblem(r) {
    if (!plain(r)) return "it is not a record of answers";
    var p = checkProblem(r.first, "first answer") || checkProblem(r.last, "latest answer");
    if (p) return p;
    if (!Array.isArray(r.log) || !r.log.length || r.log.length > MAX_LOG) return "it has no log of checks";
    for (var i = 0; i < r.log.length; i++) if (!logged(r.log[i])) return "check " + (i + 1) + " in its log is damaged";
    return "";
  }
  function copyCheck(e) { return { ok: e.ok, a: e.a.slice(), sure: e.sure, t: e.t }; }
  // A fresh copy holding only the contract's fields, its log oldest first.
  function copyRecord(r) {
    var log = r.log.map(function (e) { return [e[0], e[1], e[2]]; });
    log.sort(function (x, y) { return x[0] - y[0]; });
    return { first: copyCheck(r.first), last: copyCheck(r.last), log: log };
  }
  function logged(e) {
    return Array.isArray(e) && e.length === 3 && isTime(e[0]) && (e[1] === 0 || e[1] === 1) &&
      (e[2] === 0 || e[2] === 1 || e[2] === null);
  }
  // What the browser keeps, read leniently as the widget reads it: a damaged log entry is dropped, and a
  // record left with no log is scheduled from its first and latest answers.
  function keptRecord(r) {
    if (!plain(r) || checkProblem(r.first, "") || checkProblem(r.last, "")) return null;
    var log = Array.isArray(r.log) ? r.log.filter(logged) : [];
    if (!log.length) log = [r.first, r.last].map(function (c) {
      return [c.t, c.ok ? 1 : 0, c.sure === null ? null : +c.sure];
    });
    return copyRecord({ first: r.first, last: r.last, log: log });
  }
  function cleanAnswers(q) {
    var out = {};
    if (plain(q)) Object.keys(q).forEach(function (id) {
      var r = !idProblem(id) && keptRecord(q[id]);
      if (r) out[id] = r;
    });
    return out;
  }
  function read(key) {
    try { return JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  // The kept answers by question id, and the stored value they came from (its other keys are the widget's).
  function load() {
    var raw = read(STORE);
    if (plain(raw) && raw.v === 2) return { q: cleanAnswers(raw.q), raw: raw };
    var old = raw === null ? read(OLD_STORE) : null;
    return old && plain(old) ? migrate(old) : { q: {}, raw: null };
  }
  // The storage contract's migration from the widget's first format: {id: {ok, a}}.
  function migrate(old) {
    var now = Date.now(), q = {};
    Object.keys(old).forEach(function (id) {
      var r = old[id];
      if (idProblem(id) || !plain(r) || typeof r.ok !== "boolean" || !Array.isArray(r.a) || !r.a.every(str)) return;
      var check = { ok: r.ok, a: r.a.slice(), sure: null, t: now };
      q[id] = { first: check, last: copyCheck(check), log: [[now, r.ok ? 1 : 0, null]] };
    });
    var raw = { v: 2, q: q };
    if (write(raw)) try { localStorage.removeItem(OLD_STORE); } catch (e) { /* storage unavailable */ }
    return { q: q, raw: raw };
  }
  function write(value) {
    try { localStorage.setItem(STORE, JSON.stringify(value)); return true; } catch (e) { return false; }
  }

  // ---- Scheduling: each question's log replayed through FSRS; no schedule is stored. ----
  // FSRS-6 with ts-fsrs's default weights and:
  //   request_retention 0.9  - schedule each review for when recall has fallen to 90%;
  //   maximum_interval 365   - nothing goes further out than a year (a course is shorter);
  //   enable_short_term false - a review is due days out, never minutes: a Good first answer comes back in
  //                            3 days, Hard in 2, Again (a wrong answer) the next day;
  //   enable_fuzz false      - no random jitter, so the home page's count and this page always agree.
  // Rating from a check: wrong -> Again; right but unsure, or sureness not asked -> Hard; right and sure -> Good.
  var scheduler = null;
  function fsrs() {
    if (!scheduler) scheduler = window.FSRS.fsrs({ request_retention: 0.9, maximum_interval: 365,
                                                   enable_short_term: false, enable_fuzz: false });
    return scheduler;
  }
  function dayOf(t) { return new Date(t).toDateString(); }
  // Only the first check of a question on each day is a review: a retry after reading the explanation
  // measures nothing, and would otherwise push a wrong answer days out.
  function dueAt(record) {
    var F = window.FSRS, card = null, seen = "";
    try {
      record.log.forEach(function (e) {
        if (dayOf(e[0]) === seen) return;
        seen = dayOf(e[0]);
        var when = new Date(e[0]);
        var rating = !e[1] ? F.Rating.Again : e[2] === 1 ? F.Rating.Good : F.Rating.Hard;
        card = fsrs().next(card || F.createEmptyCard(when), when, rating).card;
      });
      return card.due.getTime();
    } catch (err) {
      return 0;  // a log the scheduler cannot read: due now rather than lost
    }
  }
  function endOfToday() { var d = new Date(); d.setHours(24, 0, 0, 0); return d.getTime(); }
  // The kept answers to questions still in the bank, each with when it is due.
  function schedule(q) {
    var ids = window.fkReviewData.ids;
    return ids.filter(function (id) { return q[id]; }).map(function (id) {
      return { id: id, at: dueAt(q[id]), record: q[id] };
    });
  }
  function dueNow(rows) {
    var end = endOfToday();
    return rows.filter(function (r) { return r.at < end; }).sort(function (a, b) { return a.at - b.at; });
  }

  // ---- Loading what a page needs, once, whichever page asks first. ----
  var pending = {};
  function script(path, ready, then, fail) {
    if (ready()) return then();
    if (pending[path]) return pending[path].push([then, fail]);
    pending[path] = [[then, fail]];
    function settle(ok) {
      var waiting = pending[path];
      delete pending[path];
      waiting.forEach(function (w) { (ok && ready() ? w[0] : w[1])(); });
    }
    var s = document.createElement("script");
    s.onload = function () { settle(true); };
    s.onerror = function () { settle(false); };
    s.src = root + path;
    document.head.appendChild(s);
  }
  function scripts(list, then, fail) {
    if (!list.length) return then();
    var head = list[0];
    script(head[0], head[1], function () { scripts(list.slice(1), then, fail); }, fail);
  }
  var FSRS_JS = ["assets/vendor/ts-fsrs.js", function () { return !!window.FSRS; }];
  var DATA_JS = ["quiz/review-data.js", function () { return !!window.fkReviewData; }];
  var QUIZ_JS = ["assets/quiz.js", function () { return !!(window.fkQuiz && window.fkQuiz.mount); }];

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function dateText(t) {
    return new Date(t).toLocaleDateString(undefined, { weekday: "long", day: "numeric", month: "long" });
  }
  function nextReview(rows) {
    if (!rows.length) return "";
    var first = Math.min.apply(null, rows.map(function (r) { return r.at; }));
    var same = rows.filter(function (r) { return dayOf(r.at) === dayOf(first); }).length;
    return " The next review is on " + dateText(first) + ", with " + plural(same, "question", "questions") + ".";
  }

  // ---- Home page: how many questions are due, once the student has answered any. ----
  function count(el) {
    if (!Object.keys(load().q).length) return;
    scripts([FSRS_JS, DATA_JS], function () {
      var rows = schedule(load().q), due = dueNow(rows);
      var link = document.querySelector('.md-content a[href*="quiz/due"]');
      el.textContent = due.length ? plural(due.length, "question is", "questions are") + " due for review today. "
        : "Nothing is due for review today." + nextReview(rows);
      if (due.length && link) {
        var a = document.createElement("a");
        a.href = link.href;
        a.textContent = due.length === 1 ? "Review it now" : "Review them now";
        el.appendChild(a);
        el.appendChild(document.createTextNode("."));
      }
      el.hidden = false;
    }, function () { /* the count is a convenience: without it the page is whole */ });
  }

  // ---- Due today: the due questions, rendered and wired by the quiz widget. ----
  function due(el) {
    var status = el.querySelector(".fk-review-status"), list = el.querySelector(".fk-list");
    var size = Number(el.getAttribute("data-set-size")) || 20;
    status.textContent = "Loading your review…";
    scripts([FSRS_JS, DATA_JS, QUIZ_JS], function () {
      var rows = schedule(load().q), todo = dueNow(rows);
      if (!rows.length) {
        status.textContent = "You have not checked an answer yet. Answer questions on any quiz page and they " +
          "will come back here when they are due.";
        return;
      }
      if (!todo.length) {
        status.textContent = "Nothing is due today: well done." + nextReview(rows);
        return;
      }
      var shown = 0;
      function tell() {
        var left = dueNow(schedule(load().q)).length;
        status.textContent = left ? plural(left, "question is", "questions are") + " due today" +
          (left > shown ? "; here are the " + shown + " most overdue. Reload the page for more." : ".")
          : "All done for today: every due question has been reviewed." + nextReview(schedule(load().q));
      }
      // The widget loads the questions from the bank, then records each check and calls onCheck: the count is
      // read again from the log.
      var ids = todo.slice(0, size).map(function (r) { return r.id; });
      window.fkQuiz.mount(list, ids, new URL(root + "quiz/", location.href).href, {
        onCheck: tell,
        done: function (n) { shown = n; tell(); }
      });
    }, function () {
      status.textContent = "The review could not be loaded; reload the page.";
    });
  }

  // ---- My progress: counts per objective and per quiz, export and import. ----
  function fillCounts(status) {
    var q = load().q, rows = window.FSRS ? schedule(q) : [], data = window.fkReviewData;
    var isDue = {};
    dueNow(rows).forEach(function (r) { isDue[r.id] = true; });
    var tally = {};
    Object.keys(data.sets).forEach(function (key) {
      var t = tally[key] = { answered: 0, first: 0, due: 0 };
      data.sets[key].forEach(function (n) {
        var id = data.ids[n];
        if (!q[id]) return;
        t.answered += 1;
        if (q[id].first.ok) t.first += 1;
        if (isDue[id]) t.due += 1;
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll(".fk-n[data-set]"), function (cell) {
      var t = tally[cell.getAttribute("data-set")];
      cell.textContent = t ? String(t[cell.getAttribute("data-n")]) : "–";
    });
    var answered = rows.length, right = rows.filter(function (r) { return r.record.first.ok; }).length;
    status.textContent = answered ? "You have answered " + answered + " of " + data.ids.length + " questions, " +
      right + " of them right the first time; " + plural(dueNow(rows).length, "is", "are") + " due for review today."
      : "You have not answered any question yet: your progress shows here once you do.";
  }

  function progress(status) {
    var needs = Object.keys(load().q).length ? [FSRS_JS, DATA_JS] : [DATA_JS];
    scripts(needs, function () {
      fillCounts(status);
      var box = document.querySelector(".fk-transfer");
      if (box) transfer(box, function () { scripts([FSRS_JS], function () { fillCounts(status); }, function () {}); });
    }, function () {
      status.textContent = "Your progress could not be loaded; reload the page.";
    });
  }

  function exportFile(say) {
    var q = load().q, n = Object.keys(q).length;
    if (!n) return say("There is nothing to export yet: this browser keeps no answer.");
    var now = new Date();
    var name = FORMAT + "-" + now.toISOString().slice(0, 10) + ".json";
    var body = JSON.stringify({ format: FORMAT, version: FORMAT_VERSION, exported: now.toISOString(), questions: q });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([body], { type: "application/json" }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    say("Saved your answers to " + plural(n, "question", "questions") + " in the file " + name + ".");
  }

  // A progress file, read strictly: any damage refuses the whole file, with what is wrong and where.
  function readFile(text) {
    var data;
    try { data = JSON.parse(text); } catch (e) {
      return { error: "This file is not a progress file: it is not valid JSON (it may be damaged or cut short)." };
    }
    if (!plain(data) || data.format !== FORMAT) {
      return { error: "This file is not a progress file exported from this module's My progress page." };
    }
    if (data.version !== FORMAT_VERSION) {
      return { error: "This progress file has format version " + JSON.stringify(data.version) +
        ", which this page cannot read (it reads version " + FORMAT_VERSION + ")." };
    }
    if (!str(data.exported) || isNaN(Date.parse(data.exported))) {
      return { error: "This progress file is damaged: it has no valid export date." };
    }
    if (!plain(data.questions)) return { error: "This progress file is damaged: it holds no list of answers." };
    var ids = Object.keys(data.questions), known = {};
    window.fkReviewData.ids.forEach(function (id) { known[id] = true; });
    for (var i = 0; i < ids.length; i++) {
      var problem = idProblem(ids[i]) || recordProblem(data.questions[ids[i]]);
      if (problem) {
        return { error: "This progress file is damaged: the entry for question \"" + ids[i].slice(0, 80) +
          "\" is refused because " + problem + "." };
      }
    }
    if (ids.length && !ids.some(function (id) { return known[id]; })) {
      return { error: "None of the " + ids.length + " questions in this file is in this module's question bank: " +
        "the file comes from another site, or from a version of this module whose questions have changed." };
    }
    return { exported: Date.parse(data.exported), q: cleanAnswers(data.questions) };
  }

  function sameCheck(x, y) { return JSON.stringify(x) === JSON.stringify(y); }
  // Two records of one question as one: every check from both logs, the earlier first answer, the later last.
  function merge(here, there) {
    var log = here.log.concat(there.log).sort(function (x, y) { return x[0] - y[0] || x[1] - y[1]; });
    log = log.filter(function (e, i) { return !i || !sameCheck(e, log[i - 1]); });
    return { first: there.first.t < here.first.t ? there.first : here.first,
             last: there.last.t > here.last.t ? there.last : here.last, log: log };
  }
  function combine(q, incoming) {
    var out = {}, added = 0, changed = 0;
    Object.keys(q).forEach(function (id) { out[id] = q[id]; });
    Object.keys(incoming).forEach(function (id) {
      if (!q[id]) { added += 1; out[id] = incoming[id]; return; }
      var both = merge(q[id], incoming[id]);
      if (!sameCheck(both, q[id])) { changed += 1; out[id] = both; }
    });
    return { q: out, added: added, changed: changed };
  }

  function transfer(box, after) {
    var statusEl = box.querySelector(".fk-transfer-status"), input = box.querySelector(".fk-import");
    var ask = box.querySelector(".fk-import-confirm"), offer = null;
    function say(text) { statusEl.textContent = text; }
    function reset() { offer = null; ask.hidden = true; input.value = ""; }
    box.querySelector(".fk-export").addEventListener("click", function () { exportFile(say); });
    input.addEventListener("change", function () {
      offer = null;
      ask.hidden = true;
      var file = input.files && input.files[0];
      if (!file) return;
      if (file.size > MAX_FILE) return say("This file is too large to be a progress file. Nothing was imported.");
      file.text().then(function (text) {
        var got = readFile(text);
        if (got.error) return say(got.error + " Nothing was imported or changed.");
        var here = load().q, plan = combine(here, got.q), n = Object.keys(got.q).length;
        var only = Object.keys(here).filter(function (id) { return !got.q[id]; }).length;
        var head = "This file, exported on " + dateText(got.exported) + ", holds answers to " +
          plural(n, "question", "questions") + ". ";
        if (!plan.added && !plan.changed) return say(head + "This browser already has all of them: nothing to import.");
        offer = got.q;
        say(head + "Importing adds " + plural(plan.added, "question", "questions") + " not answered in this browser" +
          " and adds the file's checks to " + plural(plan.changed, "question", "questions") + " answered here too; " +
          plural(only, "question", "questions") + " answered only in this browser stay as they are. Import?");
        ask.hidden = false;
      }, function () { say("This file could not be read. Nothing was imported."); });
    });
    box.querySelector(".fk-import-yes").addEventListener("click", function () {
      if (!offer) return;
      var now = load(), plan = combine(now.q, offer);
      var value = { v: 2, q: plan.q };
      if (now.raw && "practice" in now.raw) value.practice = now.raw.practice;  // the widget's, kept as it was
      reset();
      if (!write(value)) return say("This browser would not store the answers (its storage is full or blocked). " +
        "Nothing was imported.");
      say("Imported: " + plural(plan.added, "question", "questions") + " added, " +
          plural(plan.changed, "question", "questions") + " brought up to date.");
      after();
    });
    box.querySelector(".fk-import-no").addEventListener("click", function () {
      reset();
      say("Import cancelled: nothing was changed.");
    });
    box.hidden = false;
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-fk-review]"), function (el) {
      if (el.getAttribute("data-ready")) return;
      el.setAttribute("data-ready", "1");
      var kind = el.getAttribute("data-fk-review");
      if (kind === "count") count(el);
      else if (kind === "due") due(el);
      else if (kind === "progress") progress(el);
    });
  }
  window.fkReview = init;
  init();
})();
