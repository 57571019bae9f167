// Viewer-local times. Pages show every time in the site's zone ("Jan 27, 2022, 7:40 AM EST"),
// the same for every reader and the same on every build. When the reader's zone is another one,
// this rewrites the text of each <time datetime="…T…"> element into the reader's zone, with the
// zone named ("Jan 27, 2022, 1:40 PM GMT+1"), replaces the footer's "Times are shown in …"
// sentence, and adds a button that switches back to the site's zone (and forth again). The
// choice is remembered in localStorage. Without JavaScript nothing changes: the page carries
// nothing for this script but its own <script> tag, whose data-* attributes hold the sentences
// in the page's language ({zone} stands for the reader's zone).
(function () {
  "use strict";

  var KEY = "beacon-times";

  /** The reader's IANA zone, or "" when the browser does not say. */
  function readerZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (e) {
      return "";
    }
  }

  /** `datetime` (RFC 3339, with an offset) as the page's language writes it in `zone`, with the
   *  zone's short name; null for a value that is not a date and time or a zone the browser
   *  does not know. */
  function formatIn(datetime, zone, lang) {
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(datetime)) return null;
    var ms = Date.parse(datetime);
    if (isNaN(ms)) return null;
    try {
      return new Intl.DateTimeFormat(lang || undefined, {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "numeric",
        minute: "2-digit",
        timeZone: zone,
        timeZoneName: "short",
      }).format(new Date(ms));
    } catch (e) {
      return null;
    }
  }

  function stored(storage) {
    try {
      return storage ? storage.getItem(KEY) : null;
    } catch (e) {
      return null;
    }
  }

  function remember(storage, value) {
    try {
      if (storage) storage.setItem(KEY, value);
    } catch (e) {
      // Private browsing may refuse; the switch still works for this page.
    }
  }

  /** Sets up the page `doc`: `zone` is the reader's zone, `storage` where the choice is kept.
   *  Returns the page's state (for tests), or null when there is nothing to do. */
  function localTimes(doc, zone, storage) {
    var script = doc.querySelector("script[data-site-zone]");
    if (!script) return null;
    var siteZone = script.getAttribute("data-site-zone");
    if (!zone || zone === siteZone || formatIn("2000-01-01T00:00:00Z", zone) === null) return null;
    var lang = doc.documentElement && doc.documentElement.getAttribute("lang");
    var say = function (name) {
      return (script.getAttribute(name) || "").split("{zone}").join(zone);
    };
    var times = Array.prototype.slice.call(doc.querySelectorAll("time[datetime]"));
    var originals = times.map(function (t) {
      return t.textContent;
    });
    var converted = times.map(function (t) {
      return formatIn(t.getAttribute("datetime"), zone, lang);
    });
    // The footer's sentence "Times are shown in <site zone> time.", in a text node of its own.
    var siteNote = script.getAttribute("data-site-note") || "";
    var footer = doc.querySelector(".site-footer");
    var noteNode = null;
    var noteText = "";
    if (footer && siteNote) {
      var nodes = [];
      var walk = function (node) {
        for (var i = 0; i < node.childNodes.length; i++) {
          var child = node.childNodes[i];
          if (child.nodeType === 3) nodes.push(child);
          else walk(child);
        }
      };
      walk(footer);
      for (var i = 0; i < nodes.length; i++) {
        if (nodes[i].nodeValue.indexOf(siteNote) !== -1) {
          noteNode = nodes[i];
          noteText = nodes[i].nodeValue;
          break;
        }
      }
    }
    var button = doc.createElement("button");
    button.type = "button";
    button.className = "time-switch";
    var state = { local: false, button: button, times: times };

    function show(local) {
      state.local = local;
      times.forEach(function (t, i) {
        t.textContent = local && converted[i] !== null ? converted[i] : originals[i];
      });
      if (noteNode) noteNode.nodeValue = local ? noteText.replace(siteNote, say("data-yours")) : noteText;
      button.textContent = local ? say("data-show-site") : say("data-show-yours");
    }

    button.addEventListener("click", function () {
      show(!state.local);
      remember(storage, state.local ? "local" : "site");
    });
    show(stored(storage) !== "site");
    if (noteNode && noteNode.parentNode) {
      var parent = noteNode.parentNode;
      parent.appendChild(doc.createTextNode(" "));
      parent.appendChild(button);
    } else if (footer) {
      footer.appendChild(button);
    }
    return state;
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { localTimes: localTimes, formatIn: formatIn };
  } else if (typeof document !== "undefined") {
    var storage = null;
    try {
      storage = window.localStorage;
    } catch (e) {
      storage = null;
    }
    localTimes(document, readerZone(), storage);
  }
})();
