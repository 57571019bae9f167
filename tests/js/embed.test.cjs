// The embed script (embed.js), as built by the real binary, run against a fake DOM, fetch and
// sessionStorage, with the example's own api/v2/summary.json at three instants: all
// operational (no banner), the 2022 mobile email outage (a banner with words and a link), and
// the December 2026 mail server upgrade in progress (a maintenance banner).
// Run: node --test tests/js/   (after `cargo build --release`; .ci/run does both)
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const vm = require("node:vm");

const repo = path.resolve(__dirname, "../..");
const beacon = process.env.BEACON_BIN || path.join(repo, "target/release/beacon");

/** The example site built at `now`, in a temp folder; returns its output folder. */
function build(now) {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "beacon-embed-"));
  process.on("exit", () => fs.rmSync(site, { recursive: true, force: true }));
  for (const name of fs.readdirSync(repo)) {
    if (/^config(\..+)?\.toml$/.test(name)) fs.copyFileSync(path.join(repo, name), path.join(site, name));
  }
  fs.cpSync(path.join(repo, "content"), path.join(site, "content"), { recursive: true });
  execFileSync(beacon, ["--root", site, "--quiet", "build", "--now", now]);
  return path.join(site, "public");
}

const CALM = build("2026-11-22T12:00:00-05:00");
const OUTAGE = build("2022-01-27T12:00:00-05:00");
const MAINTENANCE = build("2026-12-05T23:00:00-05:00");

const summaryOf = (dir) => JSON.parse(fs.readFileSync(path.join(dir, "api/v2/summary.json"), "utf8"));

/** A minimal DOM: elements with children, attributes, listeners and a shadow root. */
function element(tag) {
  return {
    tagName: tag.toUpperCase(),
    children: [],
    attributes: {},
    listeners: {},
    className: "",
    textContent: "",
    parentNode: null,
    setAttribute(name, value) { this.attributes[name] = String(value); },
    getAttribute(name) { return name in this.attributes ? this.attributes[name] : null; },
    appendChild(child) { child.parentNode = this; this.children.push(child); return child; },
    addEventListener(type, listener) { this.listeners[type] = listener; },
    attachShadow(options) {
      this.shadowRoot = element("#shadow-root");
      this.shadowRoot.mode = options.mode;
      return this.shadowRoot;
    },
    remove() {
      if (this.parentNode) this.parentNode.children.splice(this.parentNode.children.indexOf(this), 1);
      this.parentNode = null;
    },
  };
}

const textOf = (node) => (node.children && node.children.length ? node.children.map(textOf).join("") : node.textContent);
const find = (node, tag) => {
  if (node.tagName === tag) return node;
  for (const child of node.children || []) {
    const found = find(child, tag);
    if (found) return found;
  }
  return null;
};

/**
 * Runs the script at `scriptUrl` (read from `dir`, the file at that URL's path under
 * https://status.example.org/) with `answer` as what fetch returns; resolves to the page's
 * body, the URLs fetched and the storage.
 */
async function run(dir, scriptPath, answer, storage = new Map()) {
  const body = element("body");
  const fetched = [];
  const document = {
    currentScript: { src: `https://status.example.org/${scriptPath}` },
    body,
    createElement: element,
    createTextNode: (text) => ({ textContent: text }),
  };
  const sandbox = {
    document,
    URL,
    sessionStorage: {
      getItem: (k) => (storage.has(k) ? storage.get(k) : null),
      setItem: (k, v) => storage.set(k, String(v)),
    },
    fetch: (url, options) => {
      fetched.push({ url, options });
      if (answer instanceof Error) return Promise.reject(answer);
      return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve(answer) });
    },
  };
  vm.runInNewContext(fs.readFileSync(path.join(dir, scriptPath), "utf8"), sandbox);
  await new Promise((resolve) => setImmediate(resolve));
  return { body, fetched, storage };
}

test("all operational: no banner, and the summary is read next to the script", async () => {
  const summary = summaryOf(CALM);
  assert.equal(summary.status.indicator, "none");
  const { body, fetched } = await run(CALM, "embed.js", summary);
  assert.equal(body.children.length, 0);
  assert.deepEqual(fetched.map((f) => f.url), ["https://status.example.org/api/v2/summary.json"]);
  assert.equal(fetched[0].options.credentials, "omit");
  // The French edition's copy reads the same API, at the site root.
  const fr = await run(CALM, "fr/embed.js", summary);
  assert.deepEqual(fr.fetched.map((f) => f.url), ["https://status.example.org/api/v2/summary.json"]);
});

test("during the 2022 outage: a banner with the status, the incident and a link", async () => {
  const summary = summaryOf(OUTAGE);
  assert.notEqual(summary.status.indicator, "none");
  const open = summary.incidents.filter((i) => i.status !== "resolved");
  assert.ok(open.length > 0, "the example has an open incident at noon on 2022-01-27");
  const storage = new Map();
  const { body } = await run(OUTAGE, "embed.js", summary, storage);
  assert.equal(body.children.length, 1, "one element added to the host page");
  const host = body.children[0];
  assert.equal(host.getAttribute("data-beacon-embed"), "");
  // Scoped: everything, styles included, is inside the shadow root.
  assert.equal(host.children.length, 0);
  const root = host.shadowRoot;
  assert.equal(root.children[0].tagName, "STYLE");
  const banner = root.children[1];
  assert.match(banner.className, /^beacon-embed beacon-embed-(minor|major|critical)$/);
  assert.equal(banner.getAttribute("role"), "region");
  assert.equal(banner.getAttribute("aria-label"), "Service status");
  const text = textOf(banner);
  assert.match(text, /Partial outage|Major outage|Degraded performance/);
  assert.ok(text.includes(open[0].name), `${text} names ${open[0].name}`);
  const link = find(banner, "A");
  assert.equal(link.href, "https://status.example.org/");
  assert.equal(link.textContent, "View the status page");
  assert.equal(link.rel, "noopener");

  // Dismissed: gone, and not shown again in this tab for the same state of the page.
  const close = find(banner, "BUTTON");
  assert.equal(close.getAttribute("aria-label"), "Dismiss");
  close.listeners.click();
  assert.equal(body.children.length, 0);
  const again = await run(OUTAGE, "embed.js", summary, storage);
  assert.equal(again.body.children.length, 0);
  // A newer state of the page shows it again.
  const newer = { ...summary, page: { ...summary.page, updated_at: "2022-01-27T18:00:00Z" } };
  assert.equal((await run(OUTAGE, "embed.js", newer, storage)).body.children.length, 1);
});

test("the French edition's script speaks French", async () => {
  const { body } = await run(OUTAGE, "fr/embed.js", summaryOf(OUTAGE));
  const banner = body.children[0].shadowRoot.children[1];
  assert.equal(banner.getAttribute("lang"), "fr");
  assert.equal(find(banner, "A").textContent, "Voir la page d'état");
  assert.equal(find(banner, "A").href, "https://status.example.org/fr/");
});

test("maintenance in progress: a maintenance banner naming the window", async () => {
  const summary = summaryOf(MAINTENANCE);
  const active = summary.scheduled_maintenances.filter((m) => m.status === "in_progress");
  assert.equal(active.length, 1);
  const { body } = await run(MAINTENANCE, "embed.js", summary);
  const banner = body.children[0].shadowRoot.children[1];
  assert.equal(banner.className, "beacon-embed beacon-embed-maintenance");
  assert.ok(textOf(banner).includes(active[0].name), textOf(banner));
});

test("an unreadable status shows nothing and throws nothing", async () => {
  const { body } = await run(OUTAGE, "embed.js", new Error("blocked by CORS"));
  assert.equal(body.children.length, 0);
});
