#!/usr/bin/env node
// axe-core on each URL given, in Chromium (CHROME_PATH, default /usr/bin/chromium) driven by
// playwright-core: light and dark colour schemes, at 1280 px and 390 px. Prints each violation
// with its nodes; exits 1 if there is any, 2 if the browser cannot run.
// usage: NODE_PATH=.ci/tools/node_modules node scripts/axe-check.cjs URL...   (scripts/axe.sh)
"use strict";
const { chromium } = require("playwright-core");
const axe = require("axe-core");

const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.error("usage: axe-check.cjs URL...");
  process.exit(2);
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
  });
  let violations = 0;
  let checks = 0;
  for (const scheme of ["light", "dark"]) {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const url of urls) {
        await page.goto(url, { waitUntil: "load" });
        await page.addScriptTag({ content: axe.source });
        const result = await page.evaluate(() => window.axe.run(document));
        checks += 1;
        for (const v of result.violations) {
          violations += 1;
          console.log(`${url} [${scheme}, ${width}px] ${v.impact} ${v.id}: ${v.help}`);
          for (const node of v.nodes.slice(0, 5)) console.log(`    ${node.target.join(" ")}: ${node.failureSummary.split("\n").join(" ")}`);
        }
      }
      await context.close();
    }
  }
  await browser.close();
  console.log(`axe ${axe.version}: ${urls.length} pages x light/dark x 1280/390 px = ${checks} checks, ${violations} violations`);
  process.exit(violations ? 1 : 0);
})().catch((e) => {
  console.error(`axe-check could not run: ${e.message}`);
  process.exit(2);
});
