// Viewer-local times, with a fixed reader's zone: the example site is built by the real binary
// at noon during its 2022 outage (site zone America/New_York), and the page's own
// local-time.js runs against a minimal DOM made from its own index.html. That the page
// without JavaScript is byte-identical to a build without the feature (apart from the
// <script> tag) is checked in Rust: tests/suite/home.rs.
// Run: node --test tests/js/   (after `cargo build --release`; .ci/run does both)
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const repo = path.resolve(__dirname, "../..");
const beacon = process.env.BEACON_BIN || path.join(repo, "target/release/beacon");
const NOON = "2022-01-27T12:00:00-05:00";

let built = null;
function site() {
  if (built) return built;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "beacon-local-time-"));
  process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(path.join(repo, "content"), path.join(dir, "content"), { recursive: true });
  for (const file of fs.readdirSync(repo)) {
    if (/^config(\.[\w-]+)?\.toml$/.test(file)) fs.copyFileSync(path.join(repo, file), path.join(dir, file));
  }
  execFileSync(beacon, ["--root", dir, "--quiet", "build", "--now", NOON]);
  built = path.join(dir, "public");
  return built;
}

const decode = (v) =>
  v.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

function attributes(tag) {
  return Object.fromEntries([...tag.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].slice(1).map((m) => [m[1], decode(m[2] ?? "")]));
}

function text(value, parent) {
  return { nodeType: 3, nodeValue: value, parentNode: parent, get textContent() { return this.nodeValue; } };
}

function element(tag, attrs, parent) {
  return {
    nodeType: 1,
    tagName: tag.toUpperCase(),
    parentNode: parent,
    childNodes: [],
    getAttribute: (name) => (attrs && name in attrs ? attrs[name] : null),
    get textContent() {
      return this.childNodes.map((n) => n.textContent).join("");
    },
    set textContent(value) {
      this.childNodes = [text(value, this)];
    },
    appendChild(node) {
      node.parentNode = this;
      this.childNodes.push(node);
      return node;
    },
  };
}

/** The parts of a built page the script reads, as a minimal DOM: the <html lang>, the script
 *  tag, every <time datetime> (in the footer's first paragraph, where it stands among text
 *  nodes, or alone), and the footer. */
function page(html) {
  const lang = html.match(/<html lang="([^"]+)"/)[1];
  const scriptTag = html.match(/<script src="[^"]*local-time\.js[^>]*>/);
  assert.ok(scriptTag, "the page loads local-time.js");
  const script = element("script", attributes(scriptTag[0]));
  const times = [];
  const timeOf = (attrs, inner, parent) => {
    const t = element("time", attrs, parent);
    t.textContent = decode(inner);
    times.push(t);
    return t;
  };
  const footerHtml = html.match(/<footer class="site-footer">([\s\S]*?)<\/footer>/)[1];
  const footer = element("footer", {});
  const p = footer.appendChild(element("p", {}));
  const first = footerHtml.match(/<p>([\s\S]*?)<\/p>/)[1];
  for (const part of first.split(/(<time [^>]*>[^<]*<\/time>)/)) {
    const m = part.match(/^<time ([^>]*)>([^<]*)<\/time>$/);
    if (m) p.appendChild(timeOf(attributes("<time " + m[1]), m[2], p));
    else if (part) p.appendChild(text(decode(part), p));
  }
  const before = html.slice(0, html.indexOf('<footer class="site-footer">'));
  for (const m of before.matchAll(/<time ([^>]*)>([^<]*)<\/time>/g)) timeOf(attributes("<time " + m[1]), m[2]);
  const document = {
    documentElement: element("html", { lang }),
    querySelector: (selector) =>
      selector === "script[data-site-zone]" ? script : selector === ".site-footer" ? footer : null,
    querySelectorAll: (selector) => (selector === "time[datetime]" ? times : []),
    createTextNode: (value) => text(value),
    createElement: (tag) => {
      const e = element(tag, {});
      e.listeners = {};
      e.addEventListener = (type, f) => (e.listeners[type] = f);
      e.click = () => e.listeners.click();
      return e;
    },
  };
  return { document, times, footer: p };
}

function storage(initial) {
  const map = new Map(Object.entries(initial || {}));
  return { getItem: (k) => (map.has(k) ? map.get(k) : null), setItem: (k, v) => map.set(k, String(v)), map };
}

const { localTimes } = require(path.join(repo, "themes/default/static/local-time.js"));
const spaces = (s) => s.replace(/\s/g, " ");
const read = (file) => fs.readFileSync(path.join(site(), file), "utf8");

test("the published script is the theme's", () => {
  assert.equal(read("local-time.js"), fs.readFileSync(path.join(repo, "themes/default/static/local-time.js"), "utf8"));
});

test("a reader in Paris sees every time in Paris time, named, and can switch back", () => {
  const { document, times, footer } = page(read("index.html"));
  const originals = times.map((t) => t.textContent);
  assert.ok(times.length >= 3, "the page has times");
  assert.equal(spaces(originals[0]), "Jan 27, 2022, 12:00 PM EST");
  const store = storage();
  const state = localTimes(document, "Europe/Paris", store);
  assert.ok(state, "the script acts for a reader in another zone");
  // Noon in New York is 6 PM in Paris; 7:40 AM is 1:40 PM.
  assert.equal(spaces(times[0].textContent), "Jan 27, 2022, 6:00 PM GMT+1");
  const shown = times.map((t) => spaces(t.textContent));
  assert.ok(shown.includes("Jan 27, 2022, 1:40 PM GMT+1"), shown.join(" | "));
  assert.ok(shown.every((t) => !t.endsWith("EST")), shown.join(" | "));
  assert.match(footer.textContent, /Times are shown in your time zone, Europe\/Paris\./);
  assert.doesNotMatch(footer.textContent, /America\/New_York time/);
  assert.equal(state.button.textContent, "Show times in America/New_York");
  // One click back to the site's zone: the page's own texts, remembered.
  state.button.click();
  assert.deepEqual(times.map((t) => t.textContent), originals);
  assert.match(footer.textContent, /Times are shown in America\/New_York time\./);
  assert.equal(state.button.textContent, "Show times in your time zone (Europe/Paris)");
  assert.equal(store.map.get("beacon-times"), "site");
  state.button.click();
  assert.equal(spaces(times[0].textContent), "Jan 27, 2022, 6:00 PM GMT+1");
  assert.equal(store.map.get("beacon-times"), "local");
});

test("a reader who chose the site's zone keeps it on the next page", () => {
  const { document, times } = page(read("history/index.html"));
  const originals = times.map((t) => t.textContent);
  const state = localTimes(document, "Asia/Tokyo", storage({ "beacon-times": "site" }));
  assert.deepEqual(times.map((t) => t.textContent), originals);
  assert.equal(state.button.textContent, "Show times in your time zone (Asia/Tokyo)");
  state.button.click();
  // 7:40 AM EST is 9:40 PM in Tokyo.
  assert.ok(times.map((t) => spaces(t.textContent)).includes("Jan 27, 2022, 9:40 PM GMT+9"));
});

test("the French edition speaks French in the reader's zone", () => {
  const { document, times, footer } = page(read("fr/index.html"));
  const state = localTimes(document, "Europe/Paris", storage());
  assert.match(spaces(times[0].textContent), /^27 janv\. 2022.* 18:00 UTC\+1$/);
  assert.match(footer.textContent, /Les heures sont indiquées dans votre fuseau, Europe\/Paris\./);
  assert.equal(state.button.textContent, "Afficher les heures du fuseau America/New_York");
});

test("a reader in the site's zone, or in an unknown one, gets the page untouched", () => {
  for (const zone of ["America/New_York", "", "Not/AZone"]) {
    const { document, times, footer } = page(read("index.html"));
    const before = [times.map((t) => t.textContent), footer.textContent];
    assert.equal(localTimes(document, zone, storage()), null, zone);
    assert.deepEqual([times.map((t) => t.textContent), footer.textContent], before, zone);
  }
});
