// A small TypeDoc plugin (loaded by typedoc.json's "plugin") for the parts of the site TypeDoc does not
// build itself: the try-it page (site/try/, written after TypeDoc by scripts/build-try-it.mjs).
//
// - The two entry points are named by their import specifiers ("protective-orders",
//   "protective-orders/json-rules-engine") rather than their file paths, so guides link to the API as
//   {@link protective-orders!assess}. (An `@module` tag in each entry file would do the same.)
// - Every page's sidebar gets a "Try it in your browser" link, relative to the page, so the site works
//   wherever it is hosted (TypeDoc's own navigationLinks are not made relative).
// - Guides link to the try-it page with the placeholders `#try-it-page` and `#try-it-source`: TypeDoc
//   checks relative links in Markdown against files on disk, and the page does not exist until after
//   TypeDoc has run. The placeholders are rewritten here to the page's relative URL.
import { Comment, CommentTag, Converter, JSX, PageEvent, ReflectionKind } from "typedoc";

export const TRY_IT_PAGE = "try/index.html";
export const TRY_IT_SOURCE = "try/try-it.js";

/** Module names TypeDoc derives from the entry points' paths → the import specifiers users write. */
const MODULE_NAMES = {
  index: "protective-orders",
  "rule-authoring": "protective-orders/rule-authoring",
  "evaluate/json-rules-engine-adapter": "protective-orders/json-rules-engine",
};

/**
 * The root's exports, grouped by the task they serve (the folder of src/ each is declared in), in the order a
 * case-system developer meets them. Anything in a folder not listed keeps TypeDoc's own grouping by kind.
 */
const TASK_GROUPS = [
  ["model/", "Case facts: models and parsing"],
  ["assess/", "Assessing a case"],
  ["render/", "Explaining"],
  ["review/", "Reviewing declined SPO requests"],
  ["orders/", "Orders in practice"],
  ["law/", "Citations"],
  ["evaluate/types", "Assessing a case"],
  ["evaluate/", "Rule sets"],
  ["dates/", "Dates"],
];

/** The task group of a declaration in `file` (a path under src/), if any. */
function taskGroupOf(file) {
  const at = file.replaceAll("\\", "/").lastIndexOf("/src/");
  if (at === -1) return undefined;
  const inSrc = file.slice(at + "/src/".length);
  return TASK_GROUPS.find(([prefix]) => inSrc.startsWith(prefix))?.[1];
}

/** @param {import("typedoc").Application} app */
export function load(app) {
  // Group the root module's exports by task: a `@group` tag on each, from where it is declared.
  const groups = new Map();
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (reflection.parent?.kind !== ReflectionKind.Module || reflection.parent.name !== "index") return;
    const file = context.getSymbolFromReflection(reflection)?.declarations?.[0]?.getSourceFile().fileName;
    const group = file && taskGroupOf(file);
    if (group) groups.set(reflection, group);
  });
  app.converter.on(
    Converter.EVENT_RESOLVE_BEGIN,
    () => {
      for (const [reflection, group] of groups) {
        reflection.comment ??= new Comment();
        if (!reflection.comment.blockTags.some((tag) => tag.tag === "@group")) {
          reflection.comment.blockTags.push(new CommentTag("@group", [{ kind: "text", text: group }]));
        }
      }
    },
    200,
  );

  // Before links are resolved (RESOLVE_END), so that guides can link with the new names.
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const child of context.project.children ?? []) {
      const name = MODULE_NAMES[child.name];
      if (name) child.name = name;
    }
  });

  app.renderer.hooks.on("sidebar.begin", (context) =>
    JSX.createElement(
      "nav",
      { class: "tsd-navigation", id: "po-try-it-nav" },
      JSX.createElement(
        "a",
        { href: context.relativeURL(TRY_IT_PAGE), class: "po-try-it-link" },
        "▶ Try it in your browser",
      ),
    ),
  );

  app.renderer.on(PageEvent.END, (page) => {
    if (!page.contents) return;
    const up = "../".repeat(page.url.split("/").length - 1);
    page.contents = page.contents
      .replaceAll('href="#try-it-page"', `href="${up}${TRY_IT_PAGE}"`)
      .replaceAll('href="#try-it-source"', `href="${up}${TRY_IT_SOURCE}"`);
  });
}
