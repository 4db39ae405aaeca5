/* Class mode: a quiz page opened with ?present shows one question at a time, in large type, for a projector.
   The answer stays hidden until the instructor presses a key; the instructor types in a show of hands for each
   option, and a summary ends the round. Everything is read from the quiz page's own markup and written with
   textContent, so question text stays text. module.js loads this file on the present view only. */
(function () {
  "use strict";
  var LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  var HELP = "Space or Enter: show the answer · → or N: next · ← or P: back · ↑ ↓: choose an option · " +
    "digits: hands raised · Esc: leave";

  function text(el) { return el ? el.textContent.replace(/\s+/g, " ").trim() : ""; }
  function all(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }
  function make(tag, cls, content) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    if (content != null) el.textContent = content;
    return el;
  }

  // One question as the slide needs it. A matching question is tallied as a whole: hands up for all pairs right.
  function read(q) {
    var legend = q.querySelector("legend").cloneNode(true);
    all(legend, ".fk-qn").forEach(function (n) { n.remove(); });
    var item = { stem: text(legend), type: q.getAttribute("data-type"), expl: text(q.querySelector(".fk-expl")) };
    if (item.type === "matching") {
      var selects = all(q, "select");
      item.choices = all(selects[0], "option").filter(function (o) { return o.value !== ""; }).map(text);
      item.pairs = all(q, ".fk-pair").map(function (pair, i) {
        var key = selects[i].querySelector("option[value='" + selects[i].getAttribute("data-k") + "']");
        return { prompt: text(pair.querySelector("span")), answer: text(key) };
      });
      item.rows = [{ label: "All pairs right", key: true }];
    } else {
      item.rows = all(q, ".fk-opt").map(function (opt) {
        return { label: text(opt), key: opt.querySelector("input").hasAttribute("data-k") };
      });
    }
    return item;
  }

  // Counts typed earlier in this tab, kept only if they still fit this quiz: one string of digits per row.
  function restore(key, items) {
    try {
      var saved = JSON.parse(sessionStorage.getItem(key) || "null");
      if (Array.isArray(saved) && saved.length === items.length && saved.every(function (row, n) {
        return Array.isArray(row) && row.length === items[n].rows.length &&
          row.every(function (v) { return typeof v === "string" && /^[0-9]{0,4}$/.test(v); });
      })) return saved;
    } catch (e) { /* storage unavailable or not ours: start afresh */ }
    return null;
  }

  function Presenter(questions) {
    var self = this;
    this.items = questions.map(read);
    this.store = "fk-present:" + location.pathname;
    this.tally = restore(this.store, this.items) ||
      this.items.map(function (it) { return it.rows.map(function () { return ""; }); });
    this.at = 0;
    this.row = 0;
    this.dialog = make("dialog", "fk-present");
    this.dialog.setAttribute("aria-labelledby", "fk-present-title");
    var top = make("div", "fk-present-top");
    this.title = make("h2", "fk-present-count");
    this.title.id = "fk-present-title";
    this.title.tabIndex = -1;
    top.appendChild(this.title);
    this.buttons = make("div", "fk-present-nav");
    [["Back", function () { self.go(self.at - 1); }], ["Show answer", function () { self.reveal(); }],
     ["Next", function () { self.go(self.at + 1); }], ["Leave", function () { self.dialog.close(); }]]
      .forEach(function (b) {
        var btn = make("button", null, b[0]);
        btn.type = "button";
        btn.addEventListener("click", b[1]);
        self.buttons.appendChild(btn);
      });
    this.show = this.buttons.children[1];
    this.next = this.buttons.children[2];
    top.appendChild(this.buttons);
    this.body = make("div", "fk-present-body");
    this.status = make("p", "fk-present-status");
    this.status.setAttribute("role", "status");
    this.dialog.append(top, this.body, make("p", "fk-present-help", HELP), this.status);
    this.dialog.addEventListener("keydown", function (e) { self.key(e); });
    this.dialog.addEventListener("close", function () { self.leave(); });
    document.body.appendChild(this.dialog);
  }

  Presenter.prototype.save = function () {
    try { sessionStorage.setItem(this.store, JSON.stringify(this.tally)); } catch (e) { /* keep in memory */ }
  };

  Presenter.prototype.go = function (n) {
    this.at = Math.max(0, Math.min(n, this.items.length));  // items.length is the summary
    this.row = 0;
    var end = this.at === this.items.length;
    if (end) this.summary(); else this.slide(this.items[this.at]);
    this.show.hidden = this.next.hidden = end;
    this.status.textContent = "";
    this.title.focus();
  };

  Presenter.prototype.slide = function (item) {
    var self = this;
    var at = this.at;
    this.title.textContent = "Question " + (at + 1) + " of " + this.items.length;
    this.body.replaceChildren(make("p", "fk-present-stem", item.stem));
    if (item.type === "matching") {
      var pairs = make("ul", "fk-present-pairs");
      item.pairs.forEach(function (p) {
        var li = make("li", null, p.prompt + " → ");
        li.appendChild(make("span", "fk-present-hide", "?"));
        var letter = LETTERS[item.choices.indexOf(p.answer)];
        li.appendChild(make("span", "fk-present-reveal", letter + ". " + p.answer)).hidden = true;
        pairs.appendChild(li);
      });
      var choices = make("ol", "fk-present-choices");
      choices.type = "A";
      item.choices.forEach(function (c) { choices.appendChild(make("li", null, c)); });
      this.body.append(pairs, make("p", "fk-present-label", "Answers to choose from:"), choices);
    }
    if (item.type === "multiple") this.body.appendChild(make("p", "fk-present-label", "Select all that apply."));
    var rows = make("ul", "fk-present-opts");
    item.rows.forEach(function (row, i) {
      var li = make("li", "fk-present-opt");
      var name = item.type === "matching" ? row.label : LETTERS[i] + ". " + row.label;
      li.appendChild(make("span", "fk-present-text", name));
      if (row.key && item.type !== "matching") li.appendChild(make("strong", "fk-present-mark fk-present-reveal",
                                                                      "✓ Answer")).hidden = true;
      var label = make("label", "fk-present-tally");
      label.appendChild(make("span", null, "Hands"));
      var input = make("input");
      input.type = "text";
      input.inputMode = "numeric";
      input.autocomplete = "off";
      input.maxLength = 4;
      input.value = self.tally[at][i];
      input.setAttribute("aria-label", "Hands raised for " + (item.type === "matching" ? "all pairs right"
                                                                                          : "option " + LETTERS[i]));
      input.addEventListener("input", function () {
        input.value = input.value.replace(/\D/g, "");
        self.tally[at][i] = input.value;
        self.save();
      });
      input.addEventListener("focus", function () { self.row = i; });
      label.appendChild(input);
      li.appendChild(label);
      rows.appendChild(li);
    });
    this.body.appendChild(rows);
    var answer = make("p", "fk-present-expl fk-present-reveal");
    var keys = item.rows.map(function (row, i) { return row.key ? LETTERS[i] : ""; }).filter(String);
    if (item.type !== "matching") answer.appendChild(make("strong", null, "Answer: " + keys.join(", ") + ". "));
    answer.appendChild(document.createTextNode(item.expl));
    answer.hidden = true;
    this.body.appendChild(answer);
  };

  Presenter.prototype.reveal = function () {
    if (this.at >= this.items.length) return;
    all(this.body, ".fk-present-reveal").forEach(function (el) { el.hidden = false; });
    all(this.body, ".fk-present-hide").forEach(function (el) { el.hidden = true; });
    all(this.body, ".fk-present-opt").forEach(function (li, i) {
      li.classList.toggle("fk-present-key", this.items[this.at].rows[i].key);
    }, this);
    this.status.textContent = "Answer shown.";
  };

  // Per question: hands on the answer out of all hands typed in, and the share.
  Presenter.prototype.counts = function (n) {
    var on = 0, total = 0, typed = false;
    this.items[n].rows.forEach(function (row, i) {
      var v = this.tally[n][i];
      if (v === "") return;
      typed = true;
      total += Number(v);
      if (row.key) on += Number(v);
    }, this);
    return typed ? { on: on, total: total } : null;
  };

  Presenter.prototype.summary = function () {
    this.title.textContent = "Summary";
    var asked = 0, on = 0, total = 0;
    var table = make("table", "fk-present-summary");
    table.appendChild(make("caption", null, "Hands raised on each question"));
    var head = table.createTHead().insertRow();
    ["Question", "Hands on the answer", "All hands", "Share on the answer"].forEach(function (h) {
      var th = make("th", null, h);
      th.scope = "col";
      head.appendChild(th);
    });
    var body = table.createTBody();
    var again = [];
    this.items.forEach(function (item, n) {
      var c = this.counts(n);
      var share = c && c.total ? Math.round(100 * c.on / c.total) : null;
      var whole = item.type === "matching";  // only full matches were counted: no total, no share
      if (c && !whole) { asked += 1; on += c.on; total += c.total; }
      var tr = body.insertRow();
      var th = make("th", null, (n + 1) + ". " + item.stem);
      th.scope = "row";
      tr.appendChild(th);
      [c ? c.on : "–", c && !whole ? c.total : "–", share !== null && !whole ? share + "%" : "–"]
        .forEach(function (v) { tr.appendChild(make("td", null, String(v))); });
      if (share !== null && !whole && share < 50) again.push((n + 1) + ". " + item.stem);
    }, this);
    this.body.replaceChildren(make("p", "fk-present-stem", asked ?
      asked + " of " + this.items.length + " questions tallied; " + Math.round(100 * on / (total || 1)) +
      "% of all hands were on the answer." : "No show of hands was typed in."));
    if (again.length) {
      this.body.appendChild(make("p", "fk-present-label", "Worth going over again (under half the hands on the answer):"));
      var list = make("ul", "fk-present-again");
      again.forEach(function (s) { list.appendChild(make("li", null, s)); });
      this.body.appendChild(list);
    }
    this.body.appendChild(table);
  };

  Presenter.prototype.key = function (e) {
    e.stopPropagation();  // Material's own shortcuts (N, P, S, /) would act on the page behind the dialog
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var inTally = e.target.tagName === "INPUT";
    var onButton = e.target.tagName === "BUTTON";
    var k = e.key;
    var act = null;
    if ((k === " " || k === "Enter") && !onButton) act = this.reveal;
    else if (k === "ArrowRight" || k === "n" || k === "N") act = function () { this.go(this.at + 1); };
    else if (k === "ArrowLeft" || k === "p" || k === "P") act = function () { this.go(this.at - 1); };
    else if (k === "Home") act = function () { this.go(0); };
    else if (k === "End") act = function () { this.go(this.items.length); };
    else if (k === "ArrowDown" || k === "ArrowUp") {
      act = function () { this.focusRow(inTally ? this.row + (k === "ArrowDown" ? 1 : -1) : this.row); };
    }
    else if (/^[0-9]$/.test(k) && !inTally) act = function () { this.type(k); };
    if (!act) return;
    e.preventDefault();
    act.call(this);
  };

  Presenter.prototype.focusRow = function (i) {
    var inputs = all(this.body, ".fk-present-tally input");
    if (!inputs.length) return;
    this.row = Math.max(0, Math.min(i, inputs.length - 1));
    inputs[this.row].focus();
  };

  // A digit typed with the focus elsewhere goes to the current option's tally.
  Presenter.prototype.type = function (digit) {
    var inputs = all(this.body, ".fk-present-tally input");
    if (!inputs.length) return;
    this.focusRow(this.row);
    var input = inputs[this.row];
    input.value = (input.value + digit).slice(0, 4);
    input.dispatchEvent(new Event("input"));
  };

  Presenter.prototype.leave = function () {
    var url = new URL(location.href);
    url.searchParams.delete("present");
    history.replaceState(history.state, "", url.pathname + url.search + url.hash);
    window.fkPresenter = null;
    this.dialog.remove();
    var link = document.querySelector(".fk-present-link a");
    if (link) link.focus();
  };

  // The stylesheet comes with this script, so other pages never fetch it; the view opens once it has loaded.
  function withStyle(then) {
    var script = document.getElementById("fk-present-js");
    if (document.getElementById("fk-present-css") || !script) return then();
    var link = document.createElement("link");
    link.id = "fk-present-css";
    link.rel = "stylesheet";
    link.href = script.src.replace(/present\.js(\?.*)?$/, "present.css");
    link.onload = link.onerror = then;
    document.head.appendChild(link);
  }

  window.fkPresent = function () {
    var questions = all(document, ".fk-q");
    if (window.fkPresenter || !/[?&]present(=|&|$)/.test(location.search) || !questions.length) return;
    var p = window.fkPresenter = new Presenter(questions);
    withStyle(function () {
      p.dialog.showModal();
      p.go(0);
    });
  };
  window.fkPresent();
})();
