/* beacon embed: include <script src="https://status.example.org/embed.js" async></script> on
   another site; while the status page reports trouble or maintenance, a small banner links to
   it. Reads api/v2/summary.json next to this script (cross-origin: the host must allow it).
   Scoped: the banner lives in a shadow root, its classes are prefixed. No dependencies. */
(function (W, API) {
  "use strict";
  var d = document, me = d.currentScript;
  if (!me || !me.src || typeof fetch != "function") return;
  var home = new URL("./", me.src).href;
  var CSS = ":host{all:initial}" +
    ".beacon-embed{position:fixed;z-index:2147483647;inset-inline:0;bottom:0;box-sizing:border-box;display:flex;flex-wrap:wrap;align-items:center;gap:.25em .9em;padding:.6em 3em .6em 1em;margin:0;font:15px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#14171c;background:#fff8db;border-top:4px solid #9a6700;box-shadow:0 -2px 10px rgba(0,0,0,.15)}" +
    ".beacon-embed-major{background:#ffefe3;border-color:#bc4c00}.beacon-embed-critical{background:#ffe9e9;border-color:#c62828}.beacon-embed-maintenance{background:#e8f1ff;border-color:#1f5fbf}" +
    ".beacon-embed p{margin:0}.beacon-embed a{color:#0b4fa8;font-weight:600}" +
    ".beacon-embed button{position:absolute;inset-inline-end:.4em;top:50%;transform:translateY(-50%);width:2em;height:2em;border:0;border-radius:50%;background:transparent;color:inherit;font:inherit;font-size:1.3em;line-height:1;cursor:pointer}" +
    ".beacon-embed button:hover,.beacon-embed button:focus-visible{background:rgba(0,0,0,.1)}.beacon-embed :focus-visible{outline:3px solid #1f5fbf;outline-offset:2px}";

  function el(tag, cls, text) {
    var e = d.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function show(s) {
    var level = (s.status && s.status.indicator) || "none";
    var active = (s.scheduled_maintenances || []).filter(function (m) { return m.status == "in_progress"; });
    var open = (s.incidents || []).filter(function (i) { return i.status != "resolved" && i.status != "postmortem"; });
    var key = level != "none" ? level : active.length ? "maintenance" : "";
    if (!W[key] || key == "none") return;
    var seen = "beacon-embed " + home + " " + (s.page && s.page.updated_at);
    try { if (sessionStorage.getItem(seen)) return; } catch (e) { /* storage off: always show */ }
    var host = el("div");
    host.setAttribute("data-beacon-embed", "");
    var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
    var box = el("div", "beacon-embed beacon-embed-" + key);
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", W.label);
    box.setAttribute("lang", W.lang);
    box.setAttribute("dir", W.dir);
    var text = el("p");
    text.appendChild(el("strong", "", W[key]));
    var names = open.concat(active).map(function (x) { return x.name; }).slice(0, 2);
    if (names.length) text.appendChild(d.createTextNode(" " + names.join(" · ")));
    var link = el("a", "", W.link);
    link.href = home;
    link.target = "_blank";
    link.rel = "noopener";
    var close = el("button", "", "\u00d7");
    close.type = "button";
    close.setAttribute("aria-label", W.dismiss);
    close.addEventListener("click", function () {
      host.remove();
      try { sessionStorage.setItem(seen, "1"); } catch (e) { /* nothing to remember it in */ }
    });
    box.appendChild(text);
    box.appendChild(link);
    box.appendChild(close);
    root.appendChild(el("style", "", CSS));
    root.appendChild(box);
    d.body.appendChild(host);
  }

  fetch(new URL(API, me.src).href, { credentials: "omit" })
    .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then(show)
    .catch(function () { /* no banner when the status cannot be read */ });
})(/*WORDS*/{}, /*API*/"api/v2/summary.json");
