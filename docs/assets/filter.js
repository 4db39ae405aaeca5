/* Evidence ledger filter: show only one paper's figures, one topic's, or both. Loaded by the ledger page
   alone. The controls ship hidden and all rows shown, so without this script the page is the whole ledger.
   Material's instant navigation runs this script again on each visit, on a fresh page, hence the guard. */
(function () {
  "use strict";
  var box = document.querySelector(".fk-filter");
  if (!box || box.getAttribute("data-ready")) return;
  box.setAttribute("data-ready", "1");
  var paper = box.querySelector("select[name=paper]");
  var topic = box.querySelector("select[name=topic]");
  var count = box.querySelector(".fk-filter-count");
  var groups = Array.prototype.slice.call(document.querySelectorAll(".fk-ledger[data-topic]"));

  // A topic's heading is the element just before its table; it hides with the table.
  function heading(group) {
    var h = group.previousElementSibling;
    return h && h.tagName === "H2" ? h : null;
  }

  function apply() {
    var shown = 0;
    var total = 0;
    groups.forEach(function (group) {
      var inTopic = !topic.value || group.getAttribute("data-topic") === topic.value;
      var visible = 0;
      group.querySelectorAll("tbody tr").forEach(function (row) {
        var cell = row.querySelector("[data-paper]");
        var keep = inTopic && (!paper.value || (cell && cell.getAttribute("data-paper") === paper.value));
        row.hidden = !keep;
        total += 1;
        if (keep) visible += 1;
      });
      shown += visible;
      group.hidden = visible === 0;
      var h = heading(group);
      if (h) h.hidden = visible === 0;
    });
    count.textContent = shown === total ? "Showing all " + total + " figures."
      : shown === 0 ? "Showing 0 of " + total + " figures: no figure matches both choices."
      : "Showing " + shown + " of " + total + " figures.";
  }

  paper.addEventListener("change", apply);
  topic.addEventListener("change", apply);
  box.hidden = false;
  // The page is written with every row shown and the count of all: there is nothing to do unless the browser
  // restored a choice (going back to the page), and touching every row would cost a phone a long task.
  if (paper.value || topic.value) apply();
})();
