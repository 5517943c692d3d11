/* Quick exit (すぐに離れる), as GOV.UK's "Exit this page": the button, or Shift pressed three
   times, blanks the page at once and replaces it in the history with /leave/, which erases
   the session and opens a neutral site. Without JavaScript the button is a plain link to
   /leave/. Shift is ignored while a person types in a field or composes with an IME (Japanese
   input switches modes with Shift), so the page never vanishes in the middle of a sentence. */
(function () {
  "use strict";

  var SHIFT_PRESSES = 3;
  var WINDOW_MS = 5000;
  var composing = false;

  function leaveUrl() {
    var link = document.querySelector("[data-quick-exit]");
    return link ? link.href : "/leave/";
  }

  function exitPage(event) {
    if (event) {
      event.preventDefault();
    }
    var target = leaveUrl();
    document.title = "";
    document.body.replaceChildren();
    document.body.className = "exited";
    window.location.replace(target);
  }

  function typing(target) {
    if (!target || !target.closest) {
      return false;
    }
    return Boolean(target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']"));
  }

  var presses = 0;
  var timer = null;

  function onKeyDown(event) {
    if (event.isComposing || composing || event.keyCode === 229 || typing(event.target)) {
      presses = 0;
      return;
    }
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

  document.addEventListener("compositionstart", function () {
    composing = true;
    presses = 0;
  });
  document.addEventListener("compositionend", function () {
    composing = false;
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-quick-exit]") : null;
    if (link) {
      exitPage(event);
    }
  });
  document.addEventListener("keydown", onKeyDown);
})();
