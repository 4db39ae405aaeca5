/* Site-wide script. It loads the quiz widget (quiz.js) only on pages that hold a quiz, and again after
   each of Material's instant navigations, so other pages never fetch it. */
(function () {
  var self = document.currentScript && document.currentScript.src;
  function boot() {
    if (!document.querySelector(".fk-quiz")) return;
    if (window.fkQuiz) return window.fkQuiz();
    if (document.getElementById("fk-quiz-js") || !self) return;
    var s = document.createElement("script");
    s.id = "fk-quiz-js";
    s.src = self.replace(/module\.js(\?.*)?$/, "quiz.js");
    document.head.appendChild(s);
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(boot);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
