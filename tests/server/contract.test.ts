// The OpenAPI document's examples, sent as Swagger UI's "Try it out" sends them: for every operation, its
// example request (path and query parameters, body) goes to a real server, which must answer 200 with a body
// that validates against the document's response schema (ajv, independent of zod) and, where the example is
// the whole answer, equals it. Also: the document's version is the package's, every operation has one of the
// five tags, and no build notes or jsonSchemaDialect (Swagger UI warns about it) are left in it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "../../src/server/index.js";
import { type Running, root, startServer } from "./helpers.js";

type Json = Record<string, unknown>;
const doc = buildOpenApiDocument() as unknown as {
  info: Json;
  tags: { name: string }[];
  paths: Record<string, Json>;
  components: { parameters: Record<string, Json>; schemas: Json };
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "openapi", components: doc.components } as object);

function validator(schema: Json) {
  // `$ref`s point into the components: resolved against the document added above.
  const rewritten = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'));
  return ajv.compile(rewritten);
}

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly op: Json;
  readonly parameters: Json[];
}

const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, item]) =>
  (["get", "post"] as const)
    .filter((m) => item[m])
    .map((m) => {
      const op = item[m] as Json;
      const parameters = [...((item.parameters as Json[]) ?? []), ...((op.parameters as Json[]) ?? [])].map(
        (p) => (typeof p.$ref === "string" ? doc.components.parameters[p.$ref.split("/").pop()!]! : p),
      );
      return { method: m.toUpperCase(), path, op, parameters };
    }),
);

let server: Running;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

describe("the OpenAPI document's contract", () => {
  it("carries the package's version, the five tags, and nothing that is not for its reader", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    expect(doc.info.version).toBe(pkg.version);
    expect(doc.tags.map((t) => t.name)).toEqual(["assess", "review", "orders", "rules", "meta"]);
    expect(doc).not.toHaveProperty("jsonSchemaDialect");
    expect(String(doc.info.description)).not.toMatch(/scripts\/|buildOpenApiDocument|do not edit/i);
    expect(operations.length).toBe(17);
    for (const { method, path, op } of operations) {
      expect(op.tags, `${method} ${path}`).toHaveLength(1);
      expect(doc.tags.map((t) => t.name)).toContain((op.tags as string[])[0]);
    }
  });

  it.each(operations.map((o) => [`${o.method} ${o.path}`, o] as const))(
    "%s: its example gets 200, valid by the document, equal to the example",
    async (_name, { method, path, op, parameters }) => {
      // What Swagger UI fills in: each parameter's example (required ones must have one).
      let url = path;
      const query = new URLSearchParams();
      for (const p of parameters) {
        const example = p.example as string | undefined;
        if (p.required) expect(example, `${p.name} needs an example`).toBeDefined();
        if (example === undefined) continue;
        if (p.in === "path") url = url.replace(`{${p.name}}`, encodeURIComponent(example));
        else query.set(p.name as string, example);
      }
      const headers: Record<string, string> = {};
      let body: string | undefined;
      const requestContent = (op.requestBody as Json | undefined)?.content as
        | Record<string, Json>
        | undefined;
      if (requestContent) {
        const [type, media] = Object.entries(requestContent)[0]!;
        expect(media.example, "a request example").toBeDefined();
        // Swagger UI must not have to make one up from the schema (that sent "1111-60-97").
        headers["content-type"] = type;
        body = typeof media.example === "string" ? media.example : JSON.stringify(media.example);
      }
      const ok = (op.responses as Record<string, Json>)["200"]!;
      const responseContent = ok.content as Record<string, Json>;
      const [responseType, responseMedia] = Object.entries(responseContent)[0]!;
      headers.accept = responseType;
      const search = query.size > 0 ? `?${query}` : "";
      const r = await fetch(`${server.url}${url}${search}`, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
      });
      const text = await r.text();
      expect(r.status, text.slice(0, 500)).toBe(200);
      expect(r.headers.get("content-type")).toContain(responseType);

      const validate = validator(responseMedia.schema as Json);
      const abridged = (responseMedia.examples as Record<string, { value: unknown }> | undefined)?.abridged;
      const example = abridged ? abridged.value : responseMedia.example;
      expect(example, "a response example").toBeDefined();
      if (responseType === "application/x-ndjson") {
        const lines = text.trimEnd().split("\n");
        for (const line of lines)
          expect(validate(JSON.parse(line)), JSON.stringify(validate.errors)).toBe(true);
        expect(text).toBe(example);
      } else if (responseType.startsWith("text/")) {
        expect(validate(text)).toBe(true);
        expect(text).toBe(example);
      } else {
        const value = JSON.parse(text) as unknown;
        expect(validate(value), JSON.stringify(validate.errors)?.slice(0, 1000)).toBe(true);
        // The example validates too, and is the answer (or, abridged, its first entries or keys).
        expect(validate(example), JSON.stringify(validate.errors)?.slice(0, 1000)).toBe(true);
        if (!abridged) expect(value).toEqual(example);
        else if (Array.isArray(example))
          expect((value as unknown[]).slice(0, example.length)).toEqual(example);
        else expect(value).toMatchObject(example as Json);
      }
    },
  );
});
