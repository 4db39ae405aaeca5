/* Site-wide script. It loads the quiz widget (quiz.js), the review pages' script (review.js) and class mode
   (present.js) only on the pages that use them: now, and again after each of Material's instant navigations,
   so other pages never fetch them. Loading is idempotent. */
(function () {
  var self = document.currentScript && document.currentScript.src;
  // Run a script of ours beside this one: its start function if it is already loaded, else fetch it once.
  function use(name, start) {
    if (window[start]) return window[start]();
    if (document.getElementById("fk-" + name + "-js") || !self) return;
    var s = document.createElement("script");
    s.id = "fk-" + name + "-js";
    s.src = self.replace(/module\.js(\?.*)?$/, name + ".js");
    document.head.appendChild(s);
  }
  // The review pages load review.js (which loads the scheduler itself); so does the home page's due count,
  // but only for a student who has answered something: a first visit stays light.
  function answered() {
    try { return !!(localStorage.getItem("fk-quiz-v2") || localStorage.getItem("fk-quiz-v1")); } catch (e) {
      return false;
    }
  }
  function review() {
    if (document.querySelector("[data-fk-review]:not([data-fk-review='count'])") ||
        (document.querySelector("[data-fk-review]") && answered())) use("review", "fkReview");
  }
  // A quiz page opened with ?present shows its link to class mode and loads present.js; other views never do.
  function present() {
    var link = document.querySelector(".fk-present-link");
    if (link) link.hidden = false;
    if (link && /[?&]present(=|&|$)/.test(location.search)) use("present", "fkPresent");
  }
  // Glossary terms are <abbr title>: Material's content.tooltips shows the definition on hover and on focus, so
  // each term is made focusable (keyboard) and a tap focuses it (touch), where a title alone does nothing.
  function terms() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-content abbr[title]"), function (a) {
      a.tabIndex = 0;
    });
  }
  // Escape dismisses a term's tooltip without moving the pointer (WCAG 1.4.13).
  document.addEventListener("keydown", function (e) {
    var a = document.activeElement;
    if (e.key === "Escape" && a && a.tagName === "ABBR") a.blur();
  });
  function boot() {
    terms();
    // Material's search dialog has no accessible name of its own.
    var search = document.querySelector(".md-search[role='dialog']");
    if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search the module");
    review();
    present();
    if (document.querySelector(".fk-quiz")) use("quiz", "fkQuiz");
  }
  // Material's document$ announces each instant navigation; it may not fire from file://, so boot now too.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(boot);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
