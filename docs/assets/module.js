/* Site-wide script. It loads the quiz widget (quiz.js) only on pages that hold a quiz: now, and again
   after each of Material's instant navigations, so other pages never fetch it. Loading is idempotent. */
(function () {
  var self = document.currentScript && document.currentScript.src;
  function boot() {
    // Material's search dialog has no accessible name of its own.
    var search = document.querySelector(".md-search[role='dialog']");
    if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search the module");
    if (!document.querySelector(".fk-quiz")) return;
    if (window.fkQuiz) return window.fkQuiz();
    if (document.getElementById("fk-quiz-js") || !self) return;
    var s = document.createElement("script");
    s.id = "fk-quiz-js";
    s.src = self.replace(/module\.js(\?.*)?$/, "quiz.js");
    document.head.appendChild(s);
  }
  // Material's document$ announces each instant navigation; it may not fire from file://, so boot now too.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(boot);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
