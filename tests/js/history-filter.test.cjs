// The history's filters: the pure filter logic on a hand-made index, then the real script on
// the example site built by the real binary, against a minimal DOM of its own history page.
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
const script = path.join(repo, "themes/default/static/history-filter.js");
const { fold, isActive, filterEntries, countMessage } = require(script);

const INDEX = [
  { slug: "c", title: "Réseau lent à Paris", components: ["network"], severity: "degraded", year: 2023 },
  { slug: "b", title: "Email outage", components: ["email", "mobile-email"], severity: "major", year: 2022 },
  { slug: "a", title: "Planned email upgrade", components: ["email"], severity: "maintenance", year: 2022 },
  { slug: "z", title: "邮件服务中断", components: ["email"], severity: "partial", year: 2021 },
];
const slugs = (c) => filterEntries(INDEX, c).map((e) => e.slug);

test("each filter narrows, and they combine", () => {
  assert.deepEqual(slugs({}), ["c", "b", "a", "z"]);
  assert.deepEqual(slugs({ component: "email" }), ["b", "a", "z"]);
  assert.deepEqual(slugs({ component: "mobile-email" }), ["b"]);
  assert.deepEqual(slugs({ severity: "maintenance" }), ["a"]);
  assert.deepEqual(slugs({ year: "2022" }), ["b", "a"]);
  assert.deepEqual(slugs({ component: "email", year: "2022", severity: "major" }), ["b"]);
  assert.deepEqual(slugs({ component: "network", year: "2022" }), []);
});

test("title search folds case and accents, needs every word, and works without spaces", () => {
  assert.deepEqual(slugs({ q: "EMAIL" }), ["b", "a"]);
  assert.deepEqual(slugs({ q: "upgrade  email" }), ["a"]);
  assert.deepEqual(slugs({ q: "reseau" }), ["c"]);
  assert.deepEqual(slugs({ q: "RÉSEAU paris" }), ["c"]);
  assert.deepEqual(slugs({ q: "中断" }), ["z"]);
  assert.deepEqual(slugs({ q: "email", severity: "partial" }), []);
  assert.equal(fold("  Ça  Va "), "ca va");
});

test("blank criteria are inactive", () => {
  assert.equal(isActive({ q: "  ", component: "", severity: "", year: "" }), false);
  assert.equal(isActive({ q: "x" }), true);
  assert.equal(isActive({ year: "2022" }), true);
});

test("the count speaks the page's language with its plural forms", () => {
  const en = { lang: "en", results: { one: "{n} entry matches", other: "{n} entries match" }, none: "Nothing matches." };
  assert.equal(countMessage(en, 1), "1 entry matches");
  assert.equal(countMessage(en, 12), "12 entries match");
  assert.equal(countMessage(en, 0), "Nothing matches.");
});

/** A minimal DOM of the built history page: the form's fields, the lists and the live region. */
function pageOf(html) {
  const attr = (tag, name) => {
    const m = tag.match(new RegExp(`${name}="([^"]*)"`));
    return m ? m[1].replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&") : null;
  };
  const formTag = html.match(/<form id="history-filter"[^>]*>/);
  assert.ok(formTag, "the history page has the filter form");
  assert.match(formTag[0], / hidden>$/, "the form is hidden until the script runs");
  const node = (tag) => ({
    tagName: tag,
    hidden: false,
    textContent: "",
    children: [],
    attrs: {},
    setAttribute(k, v) { this.attrs[k] = v; },
    appendChild(child) { this.children.push(child); return child; },
  });
  const options = (name) =>
    [...html.match(new RegExp(`<select name="${name}">(.*?)</select>`))[1].matchAll(/<option value="([^"]*)">([^<]*)<\/option>/g)]
      .map((m) => ({ value: m[1], textContent: m[2] }));
  const field = (name) => ({ value: "", options: options(name) });
  const form = node("FORM");
  form.hidden = true;
  form.getAttribute = (name) => attr(formTag[0], name);
  form.elements = { q: { value: "" }, component: field("component"), severity: field("severity"), year: field("year") };
  form.listeners = {};
  form.addEventListener = (type, f) => { form.listeners[type] = f; };
  const results = node("UL");
  results.hidden = true;
  Object.defineProperty(results, "textContent", { get: () => "", set() { results.children = []; } });
  const byId = { "history-filter": form, "history-filter-results": results, "history-list": node("DIV"), "history-filter-count": node("P") };
  const document = {
    getElementById: (id) => byId[id] || null,
    createElement: (tag) => node(tag.toUpperCase()),
    createTextNode: (text) => ({ textContent: text }),
  };
  return { document, form, results, list: byId["history-list"], count: byId["history-filter-count"] };
}

test("on the built example, the script shows the form and filters the real index", async () => {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "beacon-history-"));
  process.on("exit", () => fs.rmSync(site, { recursive: true, force: true }));
  fs.cpSync(path.join(repo, "content"), path.join(site, "content"), { recursive: true });
  fs.cpSync(path.join(repo, "config.toml"), path.join(site, "config.toml"));
  fs.cpSync(path.join(repo, "config.fr.toml"), path.join(site, "config.fr.toml"));
  execFileSync(beacon, ["--root", site, "--quiet", "build", "--now", "2026-11-22T17:00:00Z"]);
  const out = path.join(site, "public");
  const index = JSON.parse(fs.readFileSync(path.join(out, "history/index.json"), "utf8"));
  assert.ok(index.length >= 3);
  for (const e of index) {
    assert.deepEqual(Object.keys(e), ["slug", "title", "components", "severity", "year", "date", "date_text", "url"]);
  }
  // Newest first.
  const dates = index.map((e) => e.date);
  assert.deepEqual(dates, [...dates].sort().reverse());

  const { enhance } = require(path.join(out, "history-filter.js"));
  for (const [lang, prefix, word] of [["en", "", "entries match"], ["fr", "fr/", "entrées correspondent"]]) {
    const page = pageOf(fs.readFileSync(path.join(out, prefix, "history/index.html"), "utf8"));
    let loaded = null;
    const wired = enhance(page.document, (url) => {
      loaded = url;
      return Promise.resolve(JSON.parse(fs.readFileSync(path.join(out, prefix, "history/index.json"), "utf8")));
    });
    assert.equal(page.form.hidden, false, lang);
    assert.equal(loaded, null, "the index is fetched on first use, not with the page");
    page.form.elements.component.value = "mobile-email";
    await wired.update();
    assert.equal(loaded, "../history/index.json");
    const expected = index.filter((e) => e.components.includes("mobile-email"));
    assert.ok(expected.length >= 2);
    assert.equal(page.results.children.length, expected.length, lang);
    assert.equal(page.results.hidden, false);
    assert.equal(page.list.hidden, true);
    assert.equal(page.count.textContent, `${expected.length} ${word}`, lang);
    // Each result links its incident page from the history page.
    assert.equal(page.results.children[0].children[0].href, `../incidents/${expected[0].slug}/`);
    // Clearing every field brings the paged list back.
    page.form.elements.component.value = "";
    await wired.update();
    assert.equal(page.results.hidden, true);
    assert.equal(page.list.hidden, false);
    assert.equal(page.count.textContent, "");
  }
});
