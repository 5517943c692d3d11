/* The guided chat, enhanced. Without this file (or without JavaScript) every step is a
   plain form post. htmx swaps the page in place (hx-boost); its history cache is turned
   off so that no copy of the conversation is kept in the browser's storage. */
(function () {
  "use strict";
  if (window.htmx) {
    window.htmx.config.historyEnabled = false;
    window.htmx.config.historyCacheSize = 0;
    window.htmx.config.refreshOnHistoryMiss = true;
    window.htmx.config.includeIndicatorStyles = false;
    window.htmx.config.allowScriptTags = false;
    window.htmx.config.allowEval = false;
    window.htmx.config.selfRequestsOnly = true;
    window.htmx.config.scrollIntoViewOnBoost = false;  // the question is scrolled to below
  }
  // After each answer the page is swapped in place: bring the next question (or the
  // answers) into view and move focus to its heading, which screen readers then read out.
  document.addEventListener("htmx:afterSettle", function () {
    var heading = document.getElementById("question");
    if (heading) {
      heading.scrollIntoView({ block: "start" });
      heading.focus({ preventScroll: true });
    }
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-navigator-print]") : null;
    if (button) {
      window.print();
    }
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-navigator-print]"), function (b) {
    b.hidden = false;
  });
})();
