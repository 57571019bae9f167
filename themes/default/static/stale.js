// The stale notice. Every page carries, hidden, the instant it was built and the site's
// `stale_after`; when a visitor opens a page older than that (its scheduled rebuild has
// stopped), this shows "Last updated N hours ago; this page may be out of date." Without
// JavaScript nothing changes: the footer still says when the page was built.
(function () {
  "use strict";

  /** The notice's text for a page built at `builtAtMs`, read at `nowMs`, or null if fresh. */
  function staleMessage(builtAtMs, nowMs, staleAfterSeconds) {
    var ageSeconds = (nowMs - builtAtMs) / 1000;
    // Written so that an unreadable date or setting (NaN) shows nothing.
    if (!(staleAfterSeconds > 0 && ageSeconds >= staleAfterSeconds)) return null;
    var hours = Math.floor(ageSeconds / 3600);
    var ago;
    if (hours >= 48) ago = Math.floor(hours / 24) + " days";
    else if (hours >= 1) ago = hours === 1 ? "1 hour" : hours + " hours";
    else ago = Math.floor(ageSeconds / 60) + " minutes";
    return "Last updated " + ago + " ago; this page may be out of date.";
  }

  /** Fills and reveals the notice in `doc` if the page is stale at `nowMs`; returns the text. */
  function showIfStale(doc, nowMs) {
    var notice = doc.getElementById("stale-notice");
    if (!notice) return null;
    var message = staleMessage(
      Date.parse(notice.getAttribute("data-built-at")),
      nowMs,
      Number(notice.getAttribute("data-stale-after"))
    );
    if (message) {
      notice.textContent = message;
      notice.hidden = false;
    }
    return message;
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { staleMessage: staleMessage, showIfStale: showIfStale };
  } else if (typeof document !== "undefined") {
    showIfStale(document, Date.now());
  }
})();
