/* Site-wide script. It loads the quiz widget (quiz.js), the review pages' script (review.js) and class mode
   (present.js) only on the pages that use them: now, and again after each of Material's instant navigations,
   so other pages never fetch them. Loading is idempotent. It also shows glossary terms' definitions. */
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
  // Glossary terms are <abbr title>, made focusable by the build. One shared tooltip shows a term's definition
  // on hover, on focus by keyboard and on a tap (a tap focuses it); it stays while the pointer is on it and
  // Escape closes it (WCAG 1.4.13). Material's content.tooltips did this with one component per term, set up
  // at start-up: half a second of a phone's main thread on the glossary. Here nothing runs until a term is used.
  var tip = null, shown = null;
  function term(node) {
    return node && node.closest ? node.closest(".md-content abbr[title], .md-content abbr[data-fk-def]") : null;
  }
  function show(a) {
    if (shown === a) return;
    hide();
    // The definition leaves the title (else the browser shows its own tooltip too) and stays on the term.
    if (a.title) { a.setAttribute("data-fk-def", a.title); a.removeAttribute("title"); }
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "fk-tip";
      tip.className = "fk-tip";
      tip.setAttribute("role", "tooltip");
      document.body.appendChild(tip);
    }
    tip.textContent = a.getAttribute("data-fk-def");
    tip.hidden = false;
    var r = a.getBoundingClientRect(), page = document.documentElement;
    var left = Math.min(r.left, page.clientWidth - tip.offsetWidth - 8);
    tip.style.left = Math.max(8, left) + window.scrollX + "px";
    tip.style.top = r.bottom + window.scrollY + 6 + "px";
    a.setAttribute("aria-describedby", tip.id);
    shown = a;
  }
  function hide() {
    if (!shown) return;
    shown.removeAttribute("aria-describedby");
    tip.hidden = true;
    shown = null;
  }
  document.addEventListener("mouseover", function (e) {
    var a = term(e.target);
    if (a) show(a);
    else if (shown && !tip.contains(e.target) && document.activeElement !== shown) hide();
  });
  document.addEventListener("focusin", function (e) {
    var a = term(e.target);
    if (a) show(a); else hide();
  });
  document.addEventListener("focusout", function (e) {
    if (shown && term(e.target) === shown && !(e.relatedTarget && tip.contains(e.relatedTarget))) hide();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape" || !shown) return;
    if (document.activeElement === shown) shown.blur();
    hide();
  });
  function boot() {
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
