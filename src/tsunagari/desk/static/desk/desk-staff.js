// The counsellors' queue follows changes live: a new, moved or imminent conversation
// reloads the page (a plain "update" link does the same without JavaScript).
(function () {
  "use strict";
  var root = document.querySelector("[data-desk-queue]");
  if (!root) return;
  var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
  var socket;
  try {
    socket = new WebSocket(scheme + window.location.host + root.dataset.socket);
  } catch (error) {
    window.setTimeout(function () { window.location.reload(); }, 15000);
    return;
  }
  socket.onopen = function () { root.dataset.live = "socket"; };
  socket.onmessage = function () { window.location.reload(); };
  socket.onclose = function () {
    window.setTimeout(function () { window.location.reload(); }, 15000);
  };
})();
