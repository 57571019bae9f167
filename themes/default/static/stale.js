// The stale notice. Every page carries, hidden, the instant it was built, the site's
// `stale_after` and the notice's sentences in the site's language; when a visitor opens a page
// older than that (its scheduled rebuild has stopped), this shows "Last updated N hours ago;
// this page may be out of date.", and, when the site lists `mirrors` (other addresses serving
// the same site), "Try another copy: <a>…</a> or <a>…</a>." Without JavaScript nothing changes:
// the footer still says when the page was built, and links to the mirrors.
(function () {
  "use strict";

  // What a page whose template predates `data-messages` says: beacon's English.
  var ENGLISH = {
    lang: "en",
    minutes: { one: "Last updated {n} minute ago; this page may be out of date.", other: "Last updated {n} minutes ago; this page may be out of date." },
    hours: { one: "Last updated {n} hour ago; this page may be out of date.", other: "Last updated {n} hours ago; this page may be out of date." },
    days: { one: "Last updated {n} day ago; this page may be out of date.", other: "Last updated {n} days ago; this page may be out of date." },
  };

  /** `messages[unit]`'s sentence for `n`: the plural category comes from the browser's CLDR
   *  rules for the page's language, the sentences from beacon's catalogue. */
  function sentence(messages, unit, n) {
    var forms = messages[unit] || ENGLISH[unit];
    var category = "other";
    try {
      category = new Intl.PluralRules(messages.lang).select(n);
    } catch (e) {
      // An old browser or an unknown tag: the "other" form still reads.
    }
    var template = forms[category] || forms.other;
    return template.replace("{n}", String(n));
  }

  /** The notice's text for a page built at `builtAtMs`, read at `nowMs`, or null if fresh. */
  function staleMessage(builtAtMs, nowMs, staleAfterSeconds, messages) {
    messages = messages || ENGLISH;
    var ageSeconds = (nowMs - builtAtMs) / 1000;
    // Written so that an unreadable date or setting (NaN) shows nothing.
    if (!(staleAfterSeconds > 0 && ageSeconds >= staleAfterSeconds)) return null;
    var hours = Math.floor(ageSeconds / 3600);
    if (hours >= 48) return sentence(messages, "days", Math.floor(hours / 24));
    if (hours >= 1) return sentence(messages, "hours", hours);
    return sentence(messages, "minutes", Math.floor(ageSeconds / 60));
  }

  /** The sentences a page carries in `data-messages`, or English. */
  function messagesOf(notice) {
    try {
      return JSON.parse(notice.getAttribute("data-messages")) || ENGLISH;
    } catch (e) {
      return ENGLISH;
    }
  }

  /** The other addresses a page lists in `data-mirrors` (space-separated URLs), with the name
   *  a reader sees: the URL without its scheme and final slash. */
  function mirrorsOf(notice) {
    return (notice.getAttribute("data-mirrors") || "")
      .split(" ")
      .filter(Boolean)
      .map(function (url) {
        return { url: url, name: url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/\/$/, "") };
      });
  }

  /** The names as a list in the page's language ("a or b"), as parts: {mirror} or {text}. */
  function listParts(lang, mirrors) {
    try {
      var format = new Intl.ListFormat(lang, { type: "disjunction" });
      var i = 0;
      return format.formatToParts(mirrors.map(function (m) { return m.name; })).map(function (part) {
        return part.type === "element" ? { mirror: mirrors[i++] } : { text: part.value };
      });
    } catch (e) {
      var parts = [];
      mirrors.forEach(function (m, j) {
        if (j > 0) parts.push({ text: ", " });
        parts.push({ mirror: m });
      });
      return parts;
    }
  }

  /** Appends the sentence that offers the mirrors, each a link, to the shown notice. */
  function offerMirrors(doc, notice, messages, mirrors) {
    var offer = messages.mirrors || "Try another copy: {mirrors}.";
    var at = offer.indexOf("{mirrors}");
    if (at < 0) return;
    var parts = [{ text: " " + offer.slice(0, at) }]
      .concat(listParts(messages.lang, mirrors))
      .concat([{ text: offer.slice(at + "{mirrors}".length) }]);
    parts.forEach(function (part) {
      if (part.text !== undefined) {
        notice.appendChild(doc.createTextNode(part.text));
      } else {
        var link = doc.createElement("a");
        link.href = part.mirror.url;
        link.textContent = part.mirror.name;
        notice.appendChild(link);
      }
    });
  }

  /** Fills and reveals the notice in `doc` if the page is stale at `nowMs`; returns the text. */
  function showIfStale(doc, nowMs) {
    var notice = doc.getElementById("stale-notice");
    if (!notice) return null;
    var messages = messagesOf(notice);
    var message = staleMessage(
      Date.parse(notice.getAttribute("data-built-at")),
      nowMs,
      Number(notice.getAttribute("data-stale-after")),
      messages
    );
    if (message) {
      notice.textContent = message;
      var mirrors = mirrorsOf(notice);
      if (mirrors.length) offerMirrors(doc, notice, messages, mirrors);
      notice.hidden = false;
      return notice.textContent;
    }
    return message;
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { staleMessage: staleMessage, showIfStale: showIfStale };
  } else if (typeof document !== "undefined") {
    showIfStale(document, Date.now());
  }
})();
