/* The quiz inside a SCORM 1.2 package. It finds the LMS's API object by the standard search (this window's
   parents, then the opener's), checks answers against the key in each fieldset's data-k, and reports
   through LMSSetValue: the score (0-100), passed/failed against the mastery score once every question is
   answered, each answer as an interaction, and the attempt in suspend_data so that it resumes later.
   suspend_data is "1|<fingerprint>|<answers>": per question the chosen option (or, for matching, answer)
   indices as digits, "" when unanswered, joined by commas; about two characters a question, far under
   SCORM 1.2's 4,096. With no LMS the quiz still runs and says its results are not recorded. */
(function () {
  "use strict";
  var form = document.getElementById("quiz");
  var qs = Array.prototype.slice.call(form.querySelectorAll(".q"));
  var lmsNote = document.getElementById("lms");
  var summary = document.getElementById("summary");
  var answers = qs.map(function () { return null; });
  var api = findAPI();
  var connected = false;
  var writable = false;
  var finished = false;
  var started = Date.now();
  var mastery = Number(form.getAttribute("data-mastery"));

  function search(win) {
    try {  // a parent on another origin throws: then there is no API to find above it
      for (var hops = 0; !win.API && win.parent && win.parent !== win && hops < 20; hops++) win = win.parent;
      return win.API || null;
    } catch (e) { return null; }
  }
  function findAPI() { return search(window) || (window.opener ? search(window.opener) : null); }
  function get(name) { return connected ? String(api.LMSGetValue(name)) : ""; }
  function set(name, value) { if (writable) api.LMSSetValue(name, String(value)); }

  function inputs(q) { return Array.prototype.slice.call(q.querySelectorAll("input, select")); }
  function letter(i) { return String.fromCharCode(97 + Number(i)); }

  function picked(q) {  // the chosen indices, or null when the question is not fully answered
    if (q.getAttribute("data-type") === "matching") {
      var values = inputs(q).map(function (s) { return s.value; });
      return values.indexOf("") >= 0 ? null : values;
    }
    var chosen = inputs(q).filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
    return chosen.length ? chosen : null;
  }
  function response(q, chosen) {
    if (q.getAttribute("data-type") === "matching") {
      return chosen.map(function (v, i) { return (i + 1) + "." + letter(v); }).join(",");
    }
    var els = inputs(q);
    return chosen.map(function (v) { return els[Number(v)].getAttribute("data-r"); }).sort().join(",");
  }
  function isRight(q, chosen) { return response(q, chosen) === q.getAttribute("data-k"); }

  function show(q, chosen) {
    var els = inputs(q);
    if (q.getAttribute("data-type") === "matching") {
      els.forEach(function (s, i) { s.value = chosen[i]; });
    } else {
      els.forEach(function (el) { el.checked = chosen.indexOf(el.value) >= 0; });
    }
    els.forEach(function (el) { el.disabled = true; });
    var right = isRight(q, chosen);
    q.classList.add(right ? "right" : "wrong");
    q.querySelector(".check").hidden = true;
    q.querySelector(".answer").hidden = false;
    q.querySelector(".result").textContent = right ? "Correct." : "Not quite: the answer and why are below.";
  }

  function record(q, chosen) {
    var n = Number(get("cmi.interactions._count")) || 0;
    var p = "cmi.interactions." + n + ".";
    set(p + "id", q.getAttribute("data-id"));
    set(p + "type", q.getAttribute("data-type"));
    set(p + "student_response", response(q, chosen));
    set(p + "correct_responses.0.pattern", q.getAttribute("data-k"));
    set(p + "result", isRight(q, chosen) ? "correct" : "wrong");
    set(p + "weighting", 1);
  }

  function tally() {
    var done = answers.filter(function (a) { return a; });
    var right = qs.filter(function (q, i) { return answers[i] && isRight(q, answers[i]); }).length;
    return { done: done.length, right: right, score: Math.round(100 * right / qs.length) };
  }

  function describe(t) {
    if (t.done < qs.length) return "Answered " + t.done + " of " + qs.length + ", " + t.right + " correct.";
    return "All " + qs.length + " answered, " + t.right + " correct: a score of " + t.score + "%. The pass mark is " +
      mastery + "%, so you " + (t.score >= mastery ? "passed." : "did not pass.");
  }

  function report() {
    var t = tally();
    summary.textContent = describe(t);
    var complete = t.done === qs.length;
    set("cmi.suspend_data", "1|" + form.getAttribute("data-v") + "|" +
      answers.map(function (a) { return a ? a.join("") : ""; }).join(","));
    set("cmi.core.score.min", 0);
    set("cmi.core.score.max", 100);
    set("cmi.core.score.raw", t.score);
    set("cmi.core.lesson_status", complete ? (t.score >= mastery ? "passed" : "failed") : "incomplete");
    set("cmi.core.exit", complete ? "" : "suspend");
    if (writable) api.LMSCommit("");
  }

  function check(q, i) {
    var chosen = picked(q);
    if (!chosen) {
      var matching = q.getAttribute("data-type") === "matching";
      q.querySelector(".result").textContent = matching ? "Choose an answer for each item first." : "Choose an answer first.";
      return;
    }
    answers[i] = chosen;
    show(q, chosen);
    record(q, chosen);
    report();
    q.querySelector(".result").focus();
  }

  function restore(data) {
    var parts = data.split("|");
    if (!data) return;
    if (parts[0] !== "1" || parts[1] !== form.getAttribute("data-v")) {
      lmsNote.textContent += " This quiz changed since your last visit, so your earlier answers could not be restored.";
      return;
    }
    parts[2].split(",").forEach(function (token, i) {
      if (token && qs[i]) { answers[i] = token.split(""); show(qs[i], answers[i]); }
    });
    summary.textContent = describe(tally());
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function finish() {
    if (!connected || finished) return;
    finished = true;
    var s = Math.round((Date.now() - started) / 1000);
    set("cmi.core.session_time", pad(Math.floor(s / 3600)) + ":" + pad(Math.floor(s / 60) % 60) + ":" + pad(s % 60));
    if (writable) api.LMSCommit("");
    api.LMSFinish("");
  }

  connected = !!api && String(api.LMSInitialize("")) === "true";
  var review = connected && get("cmi.core.lesson_mode") === "review";
  writable = connected && !review;
  var lmsMastery = parseFloat(get("cmi.student_data.mastery_score"));
  if (!isNaN(lmsMastery)) mastery = lmsMastery;  // the LMS's copy of the manifest's masteryscore wins
  document.getElementById("mastery").textContent = String(mastery);
  lmsNote.textContent = !connected ? "No course connection (LMS) was found: this quiz works, but your results are not recorded."
    : review ? "Review mode: your answers are shown but not recorded again." : "Connected to your course: your results are recorded.";
  qs.forEach(function (q, i) {
    q.querySelector(".result").setAttribute("tabindex", "-1");
    q.querySelector(".check").addEventListener("click", function () { check(q, i); });
  });
  restore(get("cmi.suspend_data"));
  if (review) qs.forEach(function (q) {  // nothing can be recorded: show the attempt, take no new answers
    inputs(q).forEach(function (el) { el.disabled = true; });
    q.querySelector(".check").hidden = true;
  });
  if (writable && get("cmi.core.lesson_status") === "not attempted") report();
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
})();
