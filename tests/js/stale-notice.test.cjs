// The stale notice, with a fixed clock: the example site is built by the real binary at a
// fixed `now`, and the page's own stale.js runs against the notice element of its own
// index.html. Run: node --test tests/js/   (after `cargo build --release`; .ci/run does both)
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const repo = path.resolve(__dirname, "../..");
const beacon = process.env.BEACON_BIN || path.join(repo, "target/release/beacon");
const BUILT = "2026-11-22T17:00:00Z";
const HOUR = 3600 * 1000;

function buildSite(extraConfig) {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "beacon-stale-"));
  process.on("exit", () => fs.rmSync(site, { recursive: true, force: true }));
  // A key given in `extraConfig` replaces the example's own. A `language` makes the site speak
  // that one language: it replaces `languages`, and the translations (`slug.fr.md`) stay behind.
  const given = [...extraConfig.matchAll(/^(\w+) =/gm)].map((m) => m[1]);
  const oneLanguage = given.includes("language");
  if (oneLanguage) given.push("languages");
  fs.cpSync(path.join(repo, "content"), path.join(site, "content"), {
    recursive: true,
    filter: (file) => !oneLanguage || path.basename(file).split(".").length <= 2,
  });
  const config = fs
    .readFileSync(path.join(repo, "config.toml"), "utf8")
    .split("\n")
    .filter((line) => !given.some((key) => line.startsWith(key + " =")))
    .join("\n");
  fs.writeFileSync(path.join(site, "config.toml"), extraConfig + config);
  execFileSync(beacon, ["--root", site, "--quiet", "build", "--now", BUILT]);
  return path.join(site, "public");
}

/** The notice element of a built page, as a minimal DOM: the attributes the script reads. */
function noticeOf(html) {
  const tag = html.match(/<p id="stale-notice"[^>]*>/);
  assert.ok(tag, "the page has no stale notice");
  // Attribute values as a browser reads them: the entities the HTML escaping wrote, decoded.
  const decode = (v) =>
    v.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  const attrs = Object.fromEntries([...tag[0].matchAll(/([\w-]+)(?:="([^"]*)")?/g)].slice(1).map((m) => [m[1], decode(m[2] ?? "")]));
  const element = {
    hidden: "hidden" in attrs,
    textContent: "",
    links: [],
    getAttribute: (name) => (name in attrs ? attrs[name] : null),
    appendChild(node) {
      if (node.tagName === "A") this.links.push(node);
      this.textContent += node.textContent;
    },
  };
  const document = {
    getElementById: (id) => (id === "stale-notice" ? element : null),
    createTextNode: (text) => ({ textContent: text }),
    createElement: (tag) => ({ tagName: tag.toUpperCase(), href: "", textContent: "" }),
  };
  return { element, document };
}

function open(publicDir, page, hoursAfterBuild) {
  const { showIfStale } = require(path.join(publicDir, "stale.js"));
  const { element, document } = noticeOf(fs.readFileSync(path.join(publicDir, page), "utf8"));
  showIfStale(document, Date.parse(BUILT) + hoursAfterBuild * HOUR);
  return element;
}

test("a page older than stale_after (default 6h) shows the notice", () => {
  const site = buildSite("");
  for (const page of ["index.html", "history/index.html", "404.html"]) {
    const notice = open(site, page, 7.5);
    assert.equal(notice.hidden, false, page);
    assert.equal(notice.textContent, "Last updated 7 hours ago; this page may be out of date.");
  }
  assert.match(open(site, "index.html", 72).textContent, /^Last updated 3 days ago;/);
});

test("a fresh page keeps the notice hidden", () => {
  const site = buildSite("");
  for (const hours of [0, 1, 5.9]) {
    const notice = open(site, "index.html", hours);
    assert.equal(notice.hidden, true, `${hours} h after the build`);
    assert.equal(notice.textContent, "");
  }
});

test("stale_after from config.toml moves the threshold", () => {
  const site = buildSite('stale_after = "30m"\n');
  assert.equal(open(site, "index.html", 0.25).hidden, true);
  const notice = open(site, "index.html", 0.75);
  assert.equal(notice.hidden, false);
  assert.equal(notice.textContent, "Last updated 45 minutes ago; this page may be out of date.");
});

test("the notice speaks the site's language, with its plural forms", () => {
  const fr = buildSite('language = "fr"\nstale_after = "30m"\n');
  assert.equal(
    open(fr, "index.html", 7.5).textContent,
    "Dernière mise à jour il y a 7 heures\u00a0; cette page n’est peut-être plus à jour."
  );
  assert.match(open(fr, "index.html", 1.2).textContent, /^Dernière mise à jour il y a 1 heure\u00a0;/);
  // Arabic: two is its own form, 3 to 10 another, 11 to 99 another.
  const ar = buildSite('language = "ar"\nstale_after = "30m"\n');
  assert.match(open(ar, "index.html", 0.75).textContent, /منذ 45 دقيقة؛/);
  assert.match(open(ar, "index.html", 2.5).textContent, /ساعتين/);
  assert.match(open(ar, "index.html", 7.5).textContent, /7 ساعات/);
  assert.match(open(ar, "index.html", 24 * 13).textContent, /13 يومًا/);
});

test("with mirrors, the notice offers them as links, in the page's language", () => {
  const mirrors = 'mirrors = ["https://status.example.net/", "https://example-status.pages.dev"]\n';
  const site = buildSite(mirrors + 'stale_after = "30m"\n');
  const notice = open(site, "index.html", 7.5);
  assert.equal(
    notice.textContent,
    "Last updated 7 hours ago; this page may be out of date. " +
      "Try another copy: status.example.net or example-status.pages.dev."
  );
  assert.deepEqual(
    notice.links.map((a) => [a.href, a.textContent]),
    [
      ["https://status.example.net/", "status.example.net"],
      ["https://example-status.pages.dev/", "example-status.pages.dev"],
    ]
  );
  // The French edition offers the French edition of each mirror, in French.
  const fr = open(site, "fr/index.html", 7.5);
  assert.match(fr.textContent, /Essayez une autre copie\u00a0: status\.example\.net\/fr ou example-status\.pages\.dev\/fr\.$/);
  assert.equal(fr.links[0].href, "https://status.example.net/fr/");
  // A fresh page offers nothing; and the copy built for a mirror's own address leaves it out.
  assert.equal(open(site, "index.html", 0.1).hidden, true);
  const own = buildSite(mirrors + 'base_url = "https://status.example.net/"\nstale_after = "30m"\n');
  assert.deepEqual(open(own, "index.html", 7.5).links.map((a) => a.href), ["https://example-status.pages.dev/"]);
});

test("without mirrors, the notice offers none", () => {
  const notice = open(buildSite(""), "index.html", 7.5);
  assert.equal(notice.links.length, 0);
  assert.doesNotMatch(notice.textContent, /another copy/);
});
