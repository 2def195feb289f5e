// Builds the site's try-it page into site/try/ (run by `npm run docs`, after TypeDoc, which empties site/):
//
// - site/try/protective-orders.browser.js: the built library (dist/index.js, as published) bundled by esbuild into one ES
//   module for browsers, with zod and date-fns inlined. Bundling for the browser platform also proves the
//   core uses no Node built-ins: an import of one fails the build.
// - the static page (docs/try/: index.html, try-it.js, try-it.css, try-it-fallback.js), copied as is, with
//   the package version filled in.
//
// Then it checks that every relative link of the page reaches a file of the built site, so a renamed guide
// cannot leave the page with a dead link.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "docs", "try");
const site = join(root, "site");
const out = join(site, "try");
export const BUNDLE_NAME = "protective-orders.browser.js";

async function main() {
  if (!existsSync(join(site, "index.html"))) {
    throw new Error("site/ has not been built: run TypeDoc first (`npm run docs` does both).");
  }
  mkdirSync(out, { recursive: true });
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

  const result = await build({
    // The built package (dist/), the same ES modules an application's bundler gets from npm: the root and the
    // rule-authoring subpath (the page reads one derived fact, incidentKindIsListedStalkingAct).
    stdin: {
      contents: [
        `export * from ${JSON.stringify(join(root, "dist", "index.js"))};`,
        `export * from ${JSON.stringify(join(root, "dist", "rule-authoring.js"))};`,
      ].join("\n"),
      resolveDir: root,
      sourcefile: "protective-orders.browser.js",
      loader: "js",
    },
    outfile: join(out, BUNDLE_NAME),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    sourcemap: false,
    legalComments: "eof",
    metafile: true,
    logLevel: "warning",
    // dist/ imports its chunks bare, for order; with `sideEffects: false` esbuild rightly drops the unused ones.
    logOverride: { "ignored-bare-import": "silent" },
    banner: {
      js: `// protective-orders ${version}, bundled for browsers with its dependencies. MIT licence.`,
    },
  });
  const inputs = Object.keys(result.metafile.inputs);
  const nodeBuiltins = inputs.filter((i) => i.startsWith("node:"));
  if (nodeBuiltins.length > 0)
    throw new Error(`the browser bundle imports Node built-ins: ${nodeBuiltins.join(", ")}`);

  for (const name of readdirSync(source)) {
    const from = join(source, name);
    if (!statSync(from).isFile()) continue;
    if (name === "index.html") {
      const html = readFileSync(from, "utf8").replace(
        '<span id="version"></span>',
        `<span id="version">version ${version}</span>`,
      );
      writeFileSync(join(out, name), html);
    } else {
      copyFileSync(from, join(out, name));
    }
  }

  // Every relative href/src of the pages (the form and the interview) must reach a file in the built site.
  for (const page of ["index.html", "interview.html"]) {
    const html = readFileSync(join(out, page), "utf8");
    const missing = [];
    for (const [, url] of html.matchAll(/\s(?:href|src)="([^"#]+)(?:#[^"]*)?"/g)) {
      if (/^[a-z]+:/i.test(url) || url.startsWith("/")) continue;
      if (!existsSync(resolve(out, url))) missing.push(url);
    }
    if (missing.length > 0)
      throw new Error(`site/try/${page} links to files the site does not have: ${missing.join(", ")}`);
  }

  // The home page (docs/home.md) links to the try-it and interview pages; TypeDoc, seeing files at
  // those paths, copies them raw into media/. Point the links at the built pages and drop the copies.
  const home = join(site, "index.html");
  writeFileSync(
    home,
    readFileSync(home, "utf8")
      .replaceAll('href="media/index.html"', 'href="try/index.html"')
      .replaceAll('href="media/interview.html"', 'href="try/interview.html"'),
  );
  for (const copy of ["index.html", "interview.html"]) rmSync(join(site, "media", copy), { force: true });

  // Every relative link of the home page and the guides must reach a file of the built site (issue 29).
  const pages = [home, ...readdirSync(join(site, "documents")).map((f) => join(site, "documents", f))];
  for (const page of pages.filter((p) => p.endsWith(".html"))) {
    const html = readFileSync(page, "utf8");
    const broken = [];
    for (const [, url] of html.matchAll(/\shref="([^"#?]+)(?:[#?][^"]*)?"/g)) {
      if (/^[a-z]+:/i.test(url) || url.startsWith("/")) continue;
      if (!existsSync(resolve(dirname(page), decodeURIComponent(url)))) broken.push(url);
    }
    if (broken.length > 0)
      throw new Error(`${relative(root, page)} links to files the site does not have: ${broken.join(", ")}`);
  }

  const bytes = statSync(join(out, BUNDLE_NAME)).size;
  console.log(
    `wrote ${relative(root, out)}/ (${BUNDLE_NAME}: ${(bytes / 1024).toFixed(0)} KiB from ${inputs.length} modules)`,
  );
}

await main();
