// The desk's live chat: messages arrive over a WebSocket; where one cannot open (a proxy
// blocks it), the page asks every few seconds instead. Without JavaScript the forms and
// the "update" link do the same work.
(function () {
  "use strict";
  var root = document.querySelector("[data-desk-chat], [data-desk-case]");
  if (!root) return;
  var list = root.querySelector("[data-desk-messages]");
  var form = root.querySelector("[data-desk-send]");
  var names = { person: root.dataset.namePerson, counsellor: root.dataset.nameCounsellor };
  var socket = null;
  var polling = null;

  // Messages are numbered 1, 2, 3… in their conversation: the socket and the polling
  // fallback are both asked for what comes after the last one shown, so nothing sent
  // while the page loaded or the socket was away is missed.
  function lastSeq() {
    var items = list.querySelectorAll("[data-seq]");
    return items.length ? Number(items[items.length - 1].dataset.seq) : 0;
  }

  function show(message) {
    if (list.querySelector('[data-seq="' + message.seq + '"]')) return;
    var item = document.createElement("li");
    item.className = "desk__message desk__message--" + message.sender;
    item.dataset.id = message.id;
    item.dataset.seq = message.seq;
    var who = document.createElement("span");
    who.className = "desk__who";
    who.textContent = names[message.sender] || message.sender;
    var text = document.createElement("span");
    text.className = "desk__text";
    text.textContent = message.text;
    item.append(who, " ", text);
    list.append(item);
    item.scrollIntoView({ block: "nearest" });
  }

  function statusChanged(status) {
    if (status !== root.dataset.status) window.location.reload();
  }

  // A referral to answer: the page with its consent form (once, not while it is shown).
  function proposed() {
    if (!root.querySelector("[data-desk-consent]")) window.location.reload();
  }

  function poll() {
    if (polling || !root.dataset.since) return;
    polling = window.setInterval(function () {
      fetch(root.dataset.since + "?after=" + lastSeq(), { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          (data.messages || []).forEach(show);
          if (data.status) statusChanged(data.status);
          if (data.proposal) proposed();
        })
        .catch(function () {});
    }, 4000);
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var opened = false;
    try {
      socket = new WebSocket(
        scheme + window.location.host + root.dataset.socket + "?after=" + lastSeq()
      );
    } catch (error) {
      poll();
      return;
    }
    socket.onopen = function () { opened = true; root.dataset.live = "socket"; };
    socket.onmessage = function (event) {
      var data = JSON.parse(event.data);
      if (data.text !== undefined) show(data);
      if (data.status) statusChanged(data.status);
      if (data.proposal) proposed();
    };
    socket.onclose = function () {
      socket = null;
      root.dataset.live = "polling";
      if (!opened || root.dataset.status !== "closed") poll();
    };
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      var field = form.querySelector("textarea");
      if (!socket || socket.readyState !== WebSocket.OPEN || !field.value.trim()) return;
      event.preventDefault();
      socket.send(JSON.stringify({ text: field.value }));
      field.value = "";
    });
  }
  connect();
})();
