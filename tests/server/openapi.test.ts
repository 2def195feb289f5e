// The OpenAPI 3.1 document: generated from the zod schemas, committed as schema/openapi.json (and
// checked here for drift, as the case-facts JSON Schema is), valid by an independent validator
// (@readme/openapi-parser), and describing exactly the routes the server has.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module script without types
import { renderOpenApiDocument } from "../../scripts/write-json-schema.mjs";
import { buildOpenApiDocument, createServer } from "../../src/server/index.js";
import { root } from "./helpers.js";

describe("the OpenAPI document", () => {
  it("is what the build generates from src/ (schema/openapi.json is up to date: run `npm run build`)", () => {
    const committed = readFileSync(join(root, "schema/openapi.json"), "utf8");
    expect(committed).toBe(renderOpenApiDocument({ buildOpenApiDocument }));
  });

  it("is a valid OpenAPI 3.1 document by @readme/openapi-parser", async () => {
    const doc = buildOpenApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("would notice an invalid document (the validator itself works)", async () => {
    const broken = structuredClone(buildOpenApiDocument()) as Record<string, unknown>;
    (broken.paths as Record<string, unknown>)["/v1/assess"] = { post: { responses: "none" } };
    expect((await validate(broken as never)).valid).toBe(false);
  });

  it("describes routes the server has, each with the methods it takes", async () => {
    const app = createServer();
    await app.ready();
    const documented = Object.entries(buildOpenApiDocument().paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((k) => k === "get" || k === "post")
        .map((m) => ({ method: m.toUpperCase() as "GET" | "POST", url: path.replace(/\{(\w+)\}/g, ":$1") })),
    );
    expect(documented.length).toBe(17);
    for (const route of documented) expect(app.hasRoute(route), `${route.method} ${route.url}`).toBe(true);
    // Every /v1 route of the server (as printed by Fastify) is documented.
    // (The API docs pages, last in the tree, are Swagger UI's own and not part of the API.)
    const printed = app.printRoutes({ commonPrefix: false }).split("── /docs")[0]!;
    for (const name of [
      "assess",
      "review",
      "explain",
      "validate",
      "draft-spo-terms",
      "interview",
      "rules",
      "provisions",
      "batch",
    ])
      expect(
        documented.some((r) => r.url.startsWith(`/v1/${name}`)),
        name,
      ).toBe(true);
    expect(printed.match(/\(POST|\(GET/g)?.length).toBe(documented.length);
    await app.close();
  });

  it("takes the case facts' schema from the zod model, unchanged", () => {
    const doc = buildOpenApiDocument() as unknown as {
      components: { schemas: Record<string, { properties?: object }> };
    };
    const schema = JSON.parse(readFileSync(join(root, "schema/case-facts.schema.json"), "utf8"));
    expect(doc.components.schemas.CaseFacts!.properties).toEqual(schema.properties);
  });
});
