// The history's filters: by component, severity and year, and words of the title, over the
// static index history/index.json (one entry per incident or maintenance window, newest first).
// Progressive enhancement: the form is hidden in the HTML and shown here; without JavaScript
// the paged history is all there is, and it is unchanged. The index is fetched on the first
// use of the form, not with the page.
(function () {
  "use strict";

  /** `text` folded for matching: lower case, accents and other combining marks removed, runs
   *  of white space made one space. Works for any script (no word splitting, so Chinese and
   *  Japanese titles match too). */
  function fold(text) {
    return String(text || "")
      .normalize("NFD")
      .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, "")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim();
  }

  /** Whether any filter of `criteria` ({q, component, severity, year}) is set. */
  function isActive(criteria) {
    return Boolean(fold(criteria.q) || criteria.component || criteria.severity || criteria.year);
  }

  /** The entries matching every set filter, in the index's order (newest first). The title
   *  must contain every word of `q`, in any order. */
  function filterEntries(entries, criteria) {
    var words = fold(criteria.q).split(" ").filter(Boolean);
    var year = criteria.year ? Number(criteria.year) : null;
    return entries.filter(function (e) {
      if (criteria.component && (e.components || []).indexOf(criteria.component) < 0) return false;
      if (criteria.severity && e.severity !== criteria.severity) return false;
      if (year !== null && e.year !== year) return false;
      if (words.length) {
        var title = fold(e.title);
        for (var i = 0; i < words.length; i++) if (title.indexOf(words[i]) < 0) return false;
      }
      return true;
    });
  }

  /** The sentence for `n` results, from the page's catalogue (`messages`): CLDR plural
   *  category from the browser, sentence from beacon. */
  function countMessage(messages, n) {
    if (n === 0 && messages.none) return messages.none;
    var forms = messages.results || { other: "{n}" };
    var category = "other";
    try {
      category = new Intl.PluralRules(messages.lang).select(n);
    } catch (e) {
      // An unknown tag: the "other" form still reads.
    }
    return (forms[category] || forms.other).replace("{n}", String(n));
  }

  /** Wires the form of `doc` to the index, loaded by `load(url)` (a promise of the entries). */
  function enhance(doc, load) {
    var form = doc.getElementById("history-filter");
    var results = doc.getElementById("history-filter-results");
    var list = doc.getElementById("history-list");
    var count = doc.getElementById("history-filter-count");
    if (!form || !results || !list || !count) return null;
    var messages = {};
    try {
      messages = JSON.parse(form.getAttribute("data-messages")) || {};
    } catch (e) {
      messages = {};
    }
    var root = form.getAttribute("data-root") || "";
    var labels = {};
    Array.prototype.forEach.call(form.elements.severity.options, function (o) {
      labels[o.value] = o.textContent;
    });
    var entries = null;
    var pending = null;

    function criteria() {
      return {
        q: form.elements.q.value,
        component: form.elements.component.value,
        severity: form.elements.severity.value,
        year: form.elements.year.value,
      };
    }

    function row(e) {
      var li = doc.createElement("li");
      li.className = "row";
      var a = doc.createElement("a");
      a.className = "row-title";
      a.setAttribute("dir", "auto");
      a.href = root + e.url;
      a.textContent = e.title;
      var meta = doc.createElement("span");
      meta.className = "row-meta";
      meta.appendChild(doc.createTextNode((labels[e.severity] || e.severity) + " · "));
      var time = doc.createElement("time");
      time.setAttribute("datetime", e.date);
      time.textContent = e.date_text;
      meta.appendChild(time);
      li.appendChild(a);
      li.appendChild(meta);
      return li;
    }

    function show() {
      var c = criteria();
      if (!isActive(c)) {
        results.hidden = true;
        list.hidden = false;
        count.textContent = "";
        return;
      }
      var found = filterEntries(entries, c);
      results.textContent = "";
      found.forEach(function (e) {
        results.appendChild(row(e));
      });
      results.hidden = false;
      list.hidden = true;
      count.textContent = countMessage(messages, found.length);
    }

    function update() {
      if (entries) return Promise.resolve(show());
      if (!isActive(criteria())) return Promise.resolve(show());
      if (!pending) {
        pending = load(form.getAttribute("data-index")).then(function (loaded) {
          entries = Array.isArray(loaded) ? loaded : [];
        });
      }
      return pending.then(show);
    }

    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update();
    });
    // A reset clears the fields after its event: show the whole list once they are clear.
    form.addEventListener("reset", function () {
      setTimeout(update, 0);
    });
    form.hidden = false;
    return { update: update };
  }

  if (typeof module === "object" && module.exports) {
    module.exports = {
      fold: fold,
      isActive: isActive,
      filterEntries: filterEntries,
      countMessage: countMessage,
      enhance: enhance,
    };
  } else if (typeof document !== "undefined" && typeof fetch === "function") {
    enhance(document, function (url) {
      return fetch(url).then(function (response) {
        return response.json();
      });
    });
  }
})();
