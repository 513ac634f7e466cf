// Drives the playground in headless chromium (see playground_e2e.sh).
"use strict";
const path = require("path");
const fs = require("fs");
const { chromium } = require(path.join(process.env.LISAN_E2E_NODE_MODULES, "playwright-core"));

const url = process.env.LISAN_URL;
const out = process.env.LISAN_E2E_OUT;

// An Arabic news paragraph with an emoji and diacritics before the entities
// (so UTF-16 offsets must be right for the highlights to line up), a date,
// a percentage, money, a URL, a time span ahead ("within 3 days") and a
// number, and named entities.
const TEXT =
  "القاهرة 🌍 — أعلنت وزارةُ الماليّةِ يوم 15 مارس 2024 أن الإيرادات ارتفعت بنسبة 12% " +
  "لتبلغ 250 مليون دولار، وقالت الوزيرة إن التقرير الكامل منشور على الموقع " +
  "https://example.gov.eg/report وسيناقشه البرلمان خلال 3 أيام بحضور 40 نائبا.";
// What a reader expects highlighted, by type.
const EXPECTED = [
  ["ENTITY_TYPE_LOCATION", "القاهرة"],
  ["ENTITY_TYPE_ORGANIZATION", "وزارةُ الماليّةِ"],
  ["ENTITY_TYPE_DATE_TIME", "يوم 15 مارس 2024"],
  ["ENTITY_TYPE_PERCENT", "12%"],
  ["ENTITY_TYPE_MONEY", "250 مليون دولار"],
  ["ENTITY_TYPE_URL", "https://example.gov.eg/report"],
  ["ENTITY_TYPE_DATE_TIME", "خلال 3 أيام"],
  ["ENTITY_TYPE_NUMBER", "40"],
];

const failures = [];
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
}

(async () => {
  const userDataDir = fs.mkdtempSync(path.join(out, "profile-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.LISAN_CHROMIUM,
    headless: true,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
    viewport: { width: 1400, height: 1000 },
  });
  try {
    const page = await context.newPage();
    const foreign = [];
    page.on("request", (r) => { if (!r.url().startsWith(url)) foreign.push(r.url()); });
    const pageErrors = [];
    page.on("pageerror", (e) => pageErrors.push(String(e)));

    await page.goto(url);
    // A text file dropped on the text area becomes its text.
    const dropped = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(["نص من ملف."], "sample.txt", { type: "text/plain" }));
      return transfer;
    });
    await page.dispatchEvent("#text", "drop", { dataTransfer: dropped });
    await page.waitForFunction(() => document.getElementById("text").value === "نص من ملف.");
    check(true, "a dropped text file fills the text area");
    await page.fill("#text", TEXT);
    await page.fill("#reference", "2024-03-16T09:00:00Z");
    await page.click("#analyze");
    await page.waitForSelector("body[data-state=done]", { timeout: 30000 });

    const marks = await page.$$eval("#entities mark.entity", (els) => els.map((e) => ({
      type: e.dataset.type,
      start: Number(e.dataset.start),
      end: Number(e.dataset.end),
      text: e.querySelector(".entity-text").textContent,
      tip: e.dataset.tip,
    })));
    for (const m of marks) {
      check(m.text === TEXT.slice(m.start, m.end), `highlight ${m.type} ${JSON.stringify(m.text)} is the input's text at [${m.start}, ${m.end})`);
    }
    const got = marks.map((m) => `${m.type} ${m.text}`);
    const want = EXPECTED.map(([t, s]) => `${t} ${s}`);
    check(JSON.stringify(got) === JSON.stringify(want), `entities highlighted in order: ${JSON.stringify(got)}`);
    for (const [type, text] of EXPECTED) {
      const at = TEXT.indexOf(text);
      check(marks.some((m) => m.type === type && m.start === at && m.end === at + text.length),
        `${type} ${JSON.stringify(text)} highlighted at its place in the input`);
    }
    const money = marks.find((m) => m.type === "ENTITY_TYPE_MONEY");
    check(money && /currency: USD/.test(money.tip) && /amount: 250000000/.test(money.tip), `money tooltip shows the resolved value: ${money && JSON.stringify(money.tip)}`);
    const date = marks.find((m) => m.type === "ENTITY_TYPE_DATE_TIME");
    check(date && /2024-03-15/.test(date.tip), "date tooltip shows the resolved date");

    const direction = await page.$eval("#entities", (e) => getComputedStyle(e).direction);
    check(direction === "rtl", `the Arabic text renders right to left (${direction})`);
    const sentences = await page.$$eval("#sentences .sentence", (els) => els.length);
    check(sentences >= 1, `sentence boundaries shown (${sentences})`);
    const tokens = await page.$$eval("#sentences .token", (els) => els.map((e) => e.textContent));
    check(tokens.includes("القاهرة") && tokens.includes("🌍"), "tokens shown, the emoji whole");
    const clitics = await page.$$eval("#sentences .token.clitics", (els) => els.map((e) => e.dataset.tip));
    check(clitics.some((t) => /morphemes: .* \+ /.test(t)), `clitics on hover (${clitics.length} tokens split)`);
    const changed = await page.$$eval("#normalized mark.changed", (els) => els.length);
    const normalized = await page.$eval("#normalized", (e) => e.textContent);
    check(normalized.includes("القاهرة"), "normalized text shown");
    console.log(`     ${changed} normalization change(s) marked`);
    const raw = JSON.parse(await page.$eval("#raw", (e) => e.textContent));
    check(raw.analysis && raw.analysis.extraction, "raw JSON shown");
    check(foreign.length === 0, `no request leaves the server (${foreign.join(", ")})`);
    check(pageErrors.length === 0, `no script errors (${pageErrors.join("; ")})`);

    // Hover the money to show its tooltip in the screenshot.
    await page.hover("#entities mark.entity[data-type=ENTITY_TYPE_MONEY]");
    const shot = path.join(out, "playground.png");
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`screenshot: ${shot}`);

    // The SEARCH profile removes the diacritics: each change is marked with
    // what the input had there, and the highlights still point into the input.
    await page.selectOption("#profile", "NORMALIZATION_PROFILE_SEARCH");
    await page.evaluate(() => { document.body.dataset.state = ""; });
    await page.click("#analyze");
    await page.waitForSelector("body[data-state=done]", { timeout: 30000 });
    const changes = await page.$$eval("#normalized mark.changed", (els) => els.map((e) => e.dataset.tip));
    check(changes.length >= 2, `SEARCH: ${changes.length} changes marked`);
    check(changes.some((t) => t.includes("U+064F")), "SEARCH: the removed damma is named in a change's tooltip");
    const folded = await page.$eval("#normalized", (e) => e.textContent);
    check(!folded.includes("\u064F") && folded.includes("وزاره"), "SEARCH: the normalized text has no diacritics, teh marbuta folded");
    const again = await page.$$eval("#entities mark.entity .entity-text", (els) => els.map((e) => e.textContent));
    check(JSON.stringify(again) === JSON.stringify(EXPECTED.map(([, t]) => t)), "SEARCH: entities still highlight the input's text");
    const searchShot = path.join(out, "playground-search.png");
    await page.hover("#normalized mark.changed");
    await page.screenshot({ path: searchShot, fullPage: true });
    console.log(`screenshot: ${searchShot}`);

    // Span lists the extraction may carry (page zones, quotations with their
    // speakers, from newer servers) are rendered whatever their names: fed a
    // response that has them, the page lists each with its text and fields.
    const sample = "قال الوزير: «الاقتصاد ينمو». وأضاف أن الخطة جاهزة.";
    const at = (s) => ({ start: sample.indexOf(s), end: sample.indexOf(s) + s.length });
    await page.evaluate(([text, quote, body]) => render(text, { analysis: { extraction: {
      entities: [],
      quotations: [{ span: quote, speaker: { text: "الوزير" }, kind: "QUOTE_KIND_DIRECT" }],
      pageZones: [{ span: body, zone: "PAGE_ZONE_BODY" }],
    } } }), [sample, at("«الاقتصاد ينمو»"), at(sample)]);
    const groups = await page.$$eval("#extras .group", (els) => els.map((g) => ({
      kind: g.dataset.kind,
      quotes: [...g.querySelectorAll(".quote")].map((q) => q.textContent),
      meta: [...g.querySelectorAll(".meta")].map((m) => m.textContent),
    })));
    const quotations = groups.find((g) => g.kind === "quotations");
    check(quotations && quotations.quotes[0] === "«الاقتصاد ينمو»" && /speaker\.text: الوزير/.test(quotations.meta[0]),
      `quotations listed with their speaker: ${JSON.stringify(quotations)}`);
    const zones = groups.find((g) => g.kind === "pageZones");
    check(zones && zones.quotes[0] === sample && /PAGE_ZONE_BODY/.test(zones.meta[0]), "page zones listed");
    await page.$eval("#extras-section", (e) => e.scrollIntoView());
    await page.screenshot({ path: path.join(out, "playground-extras.png"), fullPage: true });
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  if (failures.length) {
    console.log(`playground e2e: ${failures.length} check(s) failed`);
    process.exit(1);
  }
  console.log("playground e2e: all checks passed");
})().catch((e) => { console.error(e); process.exit(1); });
