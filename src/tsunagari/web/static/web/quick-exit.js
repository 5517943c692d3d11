/* Quick exit (すぐに離れる), as GOV.UK's "Exit this page": the button, or Shift pressed three
   times, blanks the page at once and replaces it in the history with a neutral site.
   Without JavaScript the button is a plain link to the same site. */
(function () {
  "use strict";

  var SHIFT_PRESSES = 3;
  var WINDOW_MS = 5000;

  function neutralSite() {
    var link = document.querySelector("[data-quick-exit]");
    return link ? link.href : "https://www.google.co.jp/";
  }

  function exitPage(event) {
    if (event) {
      event.preventDefault();
    }
    var target = neutralSite();
    document.title = "";
    document.body.replaceChildren();
    document.body.className = "exited";
    window.location.replace(target);
  }

  var presses = 0;
  var timer = null;

  function onKeyDown(event) {
    if (event.key !== "Shift") {
      presses = 0;
      return;
    }
    if (event.repeat) {
      return;
    }
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () {
      presses = 0;
    }, WINDOW_MS);
    if (presses >= SHIFT_PRESSES) {
      presses = 0;
      exitPage();
    }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-quick-exit]") : null;
    if (link) {
      exitPage(event);
    }
  });
  document.addEventListener("keydown", onKeyDown);
})();
