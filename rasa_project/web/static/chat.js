/*
 * MLIS Advisor chat: starts rasa-webchat (served from this site, see server.py)
 * on the element marked data-mlis-advisor, and adds what the widget lacks:
 *  - a notice while the socket is down (socket.io reconnects by itself);
 *  - a typing indicator from the moment a question is sent until the first
 *    answer arrives (the widget only shows one after an answer has arrived);
 *  - keyboard use and screen-reader labels: quick replies become focusable
 *    buttons, the input and send button get names, the message list is a log;
 *  - links in answers keep only http(s) and mailto targets.
 * Configuration comes from data attributes, so the same file serves any page:
 *   data-socket-url  Rasa's socket.io URL as the browser reaches it (required)
 *   data-embedded    "true": always open in the page; otherwise a launcher button
 *   data-storage     "session" (default: forgotten when the tab closes) or "local"
 */
(function () {
  "use strict";

  var TYPING_TIMEOUT_MS = 45000;
  var SAFE_LINK = /^(https?:|mailto:)/i;

  var host = document.querySelector("[data-mlis-advisor]");
  if (!host || !window.WebChat) {
    return;
  }
  var embedded = host.getAttribute("data-embedded") === "true";
  var connected = false;
  var typingSince = 0;

  function statusElement(className, role, text) {
    var element = document.createElement("div");
    element.className = className;
    element.setAttribute("role", role);
    element.hidden = true;
    element.textContent = text;
    return element;
  }

  var notice = statusElement("mlis-advisor-notice", "alert",
    "Connection to the advisor lost. Reconnecting\u2026 Your conversation is kept.");
  var typing = statusElement("mlis-advisor-typing", "status", "The advisor is typing\u2026");
  if (!embedded) {
    notice.className += " mlis-advisor-floating";
    typing.className += " mlis-advisor-floating";
  }
  host.parentNode.insertBefore(notice, host);
  host.parentNode.insertBefore(typing, host.nextSibling);

  function setConnected(isConnected) {
    connected = isConnected;
    notice.hidden = isConnected;
    refresh();
  }

  function label(element, name) {
    if (element && !element.getAttribute("aria-label")) {
      element.setAttribute("aria-label", name);
    }
  }

  function lastGroupIsQuestion() {
    var groups = host.querySelectorAll(".rw-group-message");
    var last = groups[groups.length - 1];
    return !!last && last.classList.contains("rw-from-client");
  }

  function refreshTyping() {
    var waiting = connected && lastGroupIsQuestion() && !host.querySelector(".rw-typing-indication");
    if (waiting && !typingSince) {
      typingSince = Date.now();
      window.setTimeout(refresh, TYPING_TIMEOUT_MS + 100);
    }
    if (!waiting) {
      typingSince = 0;
    }
    typing.hidden = !waiting || Date.now() - typingSince > TYPING_TIMEOUT_MS;
  }

  function refreshAccessibility() {
    label(host.querySelector(".rw-new-message"), "Your question for the MLIS Advisor");
    label(host.querySelector(".rw-send"), "Send");
    label(host.querySelector(".rw-close-button"), "Close the chat");
    label(host.querySelector(".rw-launcher"), "Open the MLIS Advisor chat");
    var log = host.querySelector(".rw-messages-container");
    if (log && !log.getAttribute("role")) {
      log.setAttribute("role", "log");
      log.setAttribute("aria-live", "polite");
      log.setAttribute("aria-label", "Conversation with the MLIS Advisor");
      log.setAttribute("tabindex", "0");
    }
    host.querySelectorAll(".rw-reply:not([role])").forEach(function (reply) {
      reply.setAttribute("role", "button");
      reply.setAttribute("tabindex", "0");
    });
    host.querySelectorAll(".rw-typing-indication:not([aria-label])").forEach(function (indicator) {
      indicator.setAttribute("role", "status");
      indicator.setAttribute("aria-label", "The advisor is typing");
    });
    host.querySelectorAll(".rw-markdown a[href]").forEach(function (link) {
      if (!SAFE_LINK.test(link.getAttribute("href"))) {
        link.removeAttribute("href");
      }
    });
  }

  function refresh() {
    refreshAccessibility();
    refreshTyping();
  }

  // Enter or Space on a focused quick reply clicks it, as on a real button;
  // focus then returns to the input instead of vanishing with the replies.
  host.addEventListener("keydown", function (event) {
    var reply = event.target.closest && event.target.closest(".rw-reply");
    if (reply && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      reply.click();
    }
  });
  host.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".rw-reply")) {
      window.setTimeout(function () {
        var input = host.querySelector(".rw-new-message");
        if (input && (!document.activeElement || document.activeElement === document.body)) {
          input.focus();
        }
      }, 0);
    }
  });

  new MutationObserver(refresh).observe(host, { childList: true, subtree: true });

  window.WebChat.default({
    socketUrl: host.getAttribute("data-socket-url"),
    socketPath: "/socket.io/",
    initPayload: "/greet",
    title: "MLIS Advisor",
    subtitle: "Post-MLIS certificates, from one article",
    inputTextFieldHint: "Ask about a certificate\u2026",
    connectingText: "Connecting to the advisor\u2026",
    params: { storage: host.getAttribute("data-storage") === "local" ? "local" : "session" },
    embedded: embedded,
    showCloseButton: !embedded,
    hideWhenNotConnected: false,
    // The widget holds each answer back to mimic typing; keep that short.
    customMessageDelay: function () { return 300; },
    onSocketEvent: {
      connect: function () { setConnected(true); },
      disconnect: function () { setConnected(false); },
      connect_error: function () { setConnected(false); }
    }
  }, host);
})();
