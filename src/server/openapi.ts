import { z } from "zod";
import { version as PACKAGE_VERSION } from "../../package.json";
import { BreachReportSchema } from "../model/breach-report.js";
import { SpoRequestSchema } from "../model/case-facts.js";
import { caseFactsDocs } from "../model/case-facts-docs.js";
import { caseFactsJsonSchema, labelEnumValues } from "../model/case-facts-json-schema.js";
import { IsoDateSchema } from "../model/iso-date.js";
import { OrderSchema } from "../model/order.js";
import { INTERVIEW_PATH, InterviewRequestSchema, InterviewResponseSchema } from "./interview-route.js";
import { EXAMPLE_AS_OF, operationExamples } from "./openapi-examples.js";
import { PROBLEM_JSON, PROBLEMS, type ProblemKind } from "./problem.js";
import { AssessBreachesRequestSchema, ValidateOrderRequestSchema } from "./requests.js";
import {
  AssessmentSchema,
  AssessmentSummarySchema,
  BatchRecordSchema,
  BreachFindingsSchema,
  DeclineReviewSchema,
  DraftSpoTermsSchema,
  HealthSchema,
  OrderValidationSchema,
  ProblemSchema,
  ProvisionEntrySchema,
  RuleEntrySchema,
  ValidationSchema,
} from "./responses.js";

type JsonObject = Record<string, unknown>;

/** The areas the operations are grouped in (the document's tags), each with what it holds. */
const TAGS = {
  assess: "Assess a case: every order, with its limbs and citations; the interview; validation; batches.",
  review: "Review a declined SPO request, reason by reason.",
  orders: "Orders once made: draft terms, check an order, assess breach reports.",
  rules: "The law the answers cite: rules, statutory limbs and provisions.",
  meta: "The service itself: health, readiness, this document, the case facts' JSON Schema.",
} as const;
type Tag = keyof typeof TAGS;

/**
 * A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect) for `components.schemas`: dates
 * carry `format: date`, and any `$defs` are hoisted into the components under the schema's name
 * (a `$ref` to `#/$defs/…` would resolve against the whole OpenAPI document).
 */
function componentSchemas(
  name: string,
  schema: z.ZodType,
  io: "input" | "output",
): Record<string, JsonObject> {
  const generated = z.toJSONSchema(schema, {
    io,
    target: "draft-2020-12",
    unrepresentable: "any",
    // The case-facts schemas' titles, descriptions and enum labels, where a component reuses them (SpoRequest).
    metadata: caseFactsDocs,
    override: (ctx) => {
      if (ctx.zodSchema === IsoDateSchema) ctx.jsonSchema.format = "date";
      labelEnumValues(ctx.jsonSchema as Record<string, unknown>);
    },
  }) as JsonObject;
  const { $schema: _dialect, $defs, ...rest } = generated;
  const defs = ($defs ?? {}) as Record<string, JsonObject>;
  const rename = (key: string) => `${name}_${key}`;
  const fix = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(fix);
    if (node && typeof node === "object") {
      const out: JsonObject = {};
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string" && value.startsWith("#/$defs/"))
          out[key] = `#/components/schemas/${rename(value.slice("#/$defs/".length))}`;
        else if (key === "$ref" && value === "#") out[key] = `#/components/schemas/${name}`;
        else out[key] = fix(value);
      }
      return out;
    }
    return node;
  };
  const result: Record<string, JsonObject> = { [name]: fix(rest) as JsonObject };
  for (const [key, value] of Object.entries(defs)) result[rename(key)] = fix(value) as JsonObject;
  return result;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ "application/json": { schema: ref(name) } });

function problemResponse(kinds: readonly ProblemKind[]): Record<string, JsonObject> {
  const byStatus = new Map<number, string[]>();
  for (const kind of kinds) {
    const { status, title } = PROBLEMS[kind];
    byStatus.set(status, [...(byStatus.get(status) ?? []), title]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, titles]) => [
      String(status),
      {
        description: titles.join("; "),
        ...(status === 503
          ? { headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } } }
          : {}),
        ...(status === 401 ? { headers: { "WWW-Authenticate": { schema: { type: "string" } } } } : {}),
        ...(status === 405 ? { headers: { Allow: { schema: { type: "string" } } } } : {}),
        ...(status === 415
          ? {
              headers: {
                "Accept-Post": {
                  description: "The media types the operation accepts (also named in `detail`).",
                  schema: { type: "string" },
                },
              },
            }
          : {}),
        content: { [PROBLEM_JSON]: { schema: ref("Problem") } },
      },
    ]),
  );
}

const COMMON: readonly ProblemKind[] = ["unauthorized", "method-not-allowed", "overloaded"];
const BODY: readonly ProblemKind[] = ["bad-json", "too-large", "unsupported-media-type", "invalid-input"];
const AS_OF_HEADER = { "As-Of": { $ref: "#/components/headers/AsOf" } };
const asOfParameter = { $ref: "#/components/parameters/asOf" };

/** The examples, computed by the library once, when the document is first built (not on import). */
let examples: ReturnType<typeof operationExamples> | undefined;
function exampleOf(operationId: string) {
  examples ??= operationExamples();
  return examples[operationId];
}

/** Media type objects with the operation's example (`which`: its request or its response) on each. */
function withExample(content: JsonObject, operationId: string, which: "request" | "response"): JsonObject {
  const example = exampleOf(operationId);
  if (!example) throw new Error(`no example for ${operationId}`);
  const value = example[which];
  return Object.fromEntries(
    Object.entries(content).map(([type, media]) => [
      type,
      which === "response" && example.abridged
        ? {
            ...(media as JsonObject),
            examples: { abridged: { summary: "The first entries only", value } },
          }
        : { ...(media as JsonObject), example: value },
    ]),
  );
}

/** Parameters with the operation's example values (what Swagger UI's "Try it out" fills in). */
function withParameterExamples(parameters: readonly unknown[], operationId: string): unknown[] {
  const values = exampleOf(operationId)?.parameters ?? {};
  return parameters.map((parameter) => {
    // A reference (asOf) takes no example beside it: the component carries EXAMPLE_AS_OF.
    const p = parameter as JsonObject;
    const value = p.$ref === undefined ? values[p.name as string] : undefined;
    return value === undefined ? p : { ...p, example: value };
  });
}

function post(
  summary: string,
  description: string,
  request: JsonObject,
  response: JsonObject,
  extra: {
    parameters?: unknown[];
    problems?: readonly ProblemKind[];
    asOf?: boolean;
    operationId: string;
    tag: Tag;
  },
): JsonObject {
  return {
    post: {
      operationId: extra.operationId,
      tags: [extra.tag],
      summary,
      description,
      ...(extra.parameters ? { parameters: withParameterExamples(extra.parameters, extra.operationId) } : {}),
      requestBody: { required: true, content: withExample(request, extra.operationId, "request") },
      responses: {
        "200": {
          description: "OK",
          ...(extra.asOf ? { headers: AS_OF_HEADER } : {}),
          content: withExample(response, extra.operationId, "response"),
        },
        ...problemResponse([...BODY, ...(extra.problems ?? []), ...COMMON]),
      },
    },
  };
}

function get(
  operationId: string,
  tag: Tag,
  summary: string,
  response: JsonObject,
  problems: readonly ProblemKind[] = [],
  open = false,
) {
  return {
    get: {
      operationId,
      tags: [tag],
      summary,
      ...(open ? { security: [] } : {}),
      responses: {
        "200": { description: "OK", content: withExample(response, operationId, "response") },
        ...problemResponse([...problems, ...(open ? (["method-not-allowed"] as const) : COMMON)]),
      },
    },
  };
}

/** A path parameter, with the example value of the operation that takes it. */
function pathParameter(name: string, operationId: string, schema: JsonObject = { type: "string" }) {
  const example = exampleOf(operationId)?.parameters?.[name];
  return { name, in: "path", required: true, schema, ...(example !== undefined ? { example } : {}) };
}

/**
 * The service's OpenAPI 3.1 document, generated from the library's zod schemas (case facts,
 * orders, breach reports) and the service's own request and response schemas: one source of
 * truth. Committed as `schema/openapi.json` (checked for drift like the case-facts JSON Schema)
 * and served at `/openapi.json`.
 *
 * @example
 * ```ts
 * import { buildOpenApiDocument } from "protective-orders/server";
 * const doc = buildOpenApiDocument();
 * doc.openapi; // "3.1.0"
 * ```
 */
export function buildOpenApiDocument(): JsonObject & { openapi: string; paths: Record<string, JsonObject> } {
  // The component has no `$id`: inside the OpenAPI document it would change the base of its `$ref`s.
  const { $schema: _dialect, $id: _id, title: _title, ...caseFacts } = caseFactsJsonSchema();
  const schemas: Record<string, JsonObject> = {
    CaseFacts: caseFacts,
    ...componentSchemas("SpoRequest", SpoRequestSchema, "input"),
    ...componentSchemas("Order", OrderSchema, "input"),
    ...componentSchemas("BreachReport", BreachReportSchema, "input"),
    ...componentSchemas("ValidateOrderRequest", ValidateOrderRequestSchema, "input"),
    ...componentSchemas("AssessBreachesRequest", AssessBreachesRequestSchema, "input"),
    ...componentSchemas("Problem", ProblemSchema, "output"),
    ...componentSchemas("Assessment", AssessmentSchema, "output"),
    ...componentSchemas("AssessmentSummary", AssessmentSummarySchema, "output"),
    ...componentSchemas("DeclineReview", DeclineReviewSchema, "output"),
    ...componentSchemas("Validation", ValidationSchema, "output"),
    ...componentSchemas("DraftSpoTerms", DraftSpoTermsSchema, "output"),
    ...componentSchemas("OrderValidation", OrderValidationSchema, "output"),
    ...componentSchemas("BreachFindings", BreachFindingsSchema, "output"),
    ...componentSchemas("RuleEntry", RuleEntrySchema, "output"),
    ...componentSchemas("ProvisionEntry", ProvisionEntrySchema, "output"),
    ...componentSchemas("Health", HealthSchema, "output"),
    ...componentSchemas("BatchRecord", BatchRecordSchema, "output"),
    ...componentSchemas("InterviewRequest", InterviewRequestSchema, "input"),
    ...componentSchemas("InterviewResponse", InterviewResponseSchema, "output"),
  };
  // The interview's `facts` are case facts: validated as such by the route, so described as such here.
  (schemas.InterviewRequest!.properties as JsonObject).facts = {
    ...ref("CaseFacts"),
    description: 'The case facts so far; `{ "id": "…" }` to start.',
  };
  const caseBody = json("CaseFacts");
  return {
    openapi: "3.1.0",
    info: {
      title: "protective-orders",
      // The package's own version: the document describes the service of this release.
      version: PACKAGE_VERSION,
      summary: "UK protective orders against stalking as cited, explainable rules, over HTTP.",
      description:
        "Every answer cites its statute; errors are RFC 9457 problem documents naming paths, never values. `asOf` defaults to today in London, resolved once per request; the `As-Of` header (and the body's `asOf`) says which date was applied.",
      license: { name: "MIT", identifier: "MIT" },
    },
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    security: [{ bearer: [] }, {}],
    paths: {
      "/v1/assess": post(
        "Assess a case",
        "Every order available / not available / needs information, with its limbs and citations, and which to consider first. The body equals the library's `assess(facts, { asOf })`, byte for byte. With `detail=summary`, the compact record the batch writes for the case instead (a few KB rather than about 120 KB).",
        caseBody,
        { "application/json": { schema: { oneOf: [ref("Assessment"), ref("AssessmentSummary")] } } },
        {
          operationId: "assess",
          tag: "assess",
          parameters: [
            asOfParameter,
            {
              name: "detail",
              in: "query",
              description:
                "`full` (the default): the whole assessment, with every limb, citation and explanation. `summary`: the compact record (`AssessmentSummary`).",
              schema: { type: "string", enum: ["full", "summary"], default: "full" },
            },
          ],
          asOf: true,
        },
      ),
      "/v1/review": post(
        "Review a declined SPO request",
        "The case's `spoRequest` reviewed reason by reason: `reviewSpoDecline(facts, undefined, { asOf })`.",
        caseBody,
        json("DeclineReview"),
        { operationId: "review", tag: "review", parameters: [asOfParameter], asOf: true },
      ),
      "/v1/explain": post(
        "Explain a case",
        "The assessment explained as plain text or Markdown: by the `format` parameter, else by `Accept` (text/plain or text/markdown).",
        caseBody,
        {
          "text/plain": { schema: { type: "string" } },
          "text/markdown": { schema: { type: "string" } },
        },
        {
          operationId: "explain",
          tag: "assess",
          parameters: [
            asOfParameter,
            { name: "format", in: "query", schema: { type: "string", enum: ["text", "markdown"] } },
            { name: "orders", in: "query", schema: { type: "string", enum: ["all", "open"] } },
          ],
          problems: ["not-acceptable"],
          asOf: true,
        },
      ),
      [INTERVIEW_PATH]: post(
        "Ask the next interview question",
        "One question at a time, SPO first: records `answer` (if given) with `answerQuestion(facts, questionId, value)`, then returns the facts and `nextQuestion(facts, { asOf })` (null when no open question could change an outcome). Stateless: send the facts each time.",
        json("InterviewRequest"),
        json("InterviewResponse"),
        { operationId: "interview", tag: "assess", parameters: [asOfParameter], asOf: true },
      ),
      "/v1/validate": post(
        "Validate case facts",
        "Whether the body is valid case facts; every problem by path. Always 200 for a JSON body.",
        caseBody,
        json("Validation"),
        { operationId: "validate", tag: "assess" },
      ),
      "/v1/draft-spo-terms": post(
        "Draft SPO terms",
        "Draft prohibitions and requirements for a Stalking Protection Order from the case's incidents.",
        caseBody,
        json("DraftSpoTerms"),
        { operationId: "draftSpoTerms", tag: "orders" },
      ),
      "/v1/validate-order": post(
        "Validate an order",
        "An order's defects in law and warnings, each cited.",
        json("ValidateOrderRequest"),
        json("OrderValidation"),
        { operationId: "validateOrder", tag: "orders" },
      ),
      "/v1/assess-breaches": post(
        "Assess breach reports",
        "For each report: whether it is a breach of the order, the offence and the police response time.",
        json("AssessBreachesRequest"),
        json("BreachFindings"),
        { operationId: "assessBreaches", tag: "orders" },
      ),
      "/v1/batch/{command}": {
        post: {
          operationId: "batch",
          tags: ["assess"],
          summary: "Process a caseload, streaming",
          description:
            "JSON Lines in, JSON Lines out: row N in gives row N out, as `protective-orders <command>` writes it (the same results and error records). Output streams while input arrives: a client should read the response while it sends (or send batches of modest size). Past the batch limits the rest is not read and one final `limit` record says so.",
          parameters: [
            pathParameter("command", "batch", { type: "string", enum: ["assess", "review", "validate"] }),
            asOfParameter,
          ],
          requestBody: {
            required: true,
            content: withExample(
              {
                "application/x-ndjson": {
                  schema: { type: "string", description: "One case (CaseFacts) per line." },
                },
              },
              "batch",
              "request",
            ),
          },
          responses: {
            "200": {
              description: "One JSON line per input row (BatchRecord), in order.",
              headers: AS_OF_HEADER,
              content: withExample(
                { "application/x-ndjson": { schema: ref("BatchRecord") } },
                "batch",
                "response",
              ),
            },
            ...problemResponse([
              "too-large",
              "unsupported-media-type",
              "invalid-input",
              "not-found",
              "uri-too-long",
              ...COMMON,
            ]),
          },
        },
      },
      "/v1/rules": get(
        "listRules",
        "rules",
        "Every rule and statutory limb, with citation, link and in-force period",
        {
          "application/json": { schema: { type: "array", items: ref("RuleEntry") } },
        },
      ),
      "/v1/rules/{id}": {
        parameters: [pathParameter("id", "getRule")],
        ...get("getRule", "rules", "One rule or limb by id", json("RuleEntry"), [
          "not-found",
          "uri-too-long",
        ]),
      },
      "/v1/provisions": get("listProvisions", "rules", "Every cited provision, with its link", {
        "application/json": { schema: { type: "array", items: ref("ProvisionEntry") } },
      }),
      "/v1/provisions/{id}": {
        parameters: [pathParameter("id", "getProvision")],
        ...get("getProvision", "rules", "One provision by id", json("ProvisionEntry"), [
          "not-found",
          "uri-too-long",
        ]),
      },
      "/v1/schema/case-facts": get("caseFactsSchema", "meta", "The JSON Schema (2020-12) of the case facts", {
        "application/json": { schema: { type: "object" } },
      }),
      "/healthz": get("health", "meta", "Liveness: the process answers", json("Health"), [], true),
      "/readyz": get(
        "ready",
        "meta",
        "Readiness: 503 once shutting down",
        json("Health"),
        ["shutting-down"],
        true,
      ),
      "/openapi.json": get(
        "openApi",
        "meta",
        "This document",
        { "application/json": { schema: { type: "object" } } },
        [],
        true,
      ),
    },
    components: {
      schemas,
      parameters: {
        asOf: {
          name: "asOf",
          in: "query",
          description:
            "The date whose law applies (YYYY-MM-DD). Default: today in London, resolved once per request.",
          schema: { type: "string", format: "date" },
          example: EXAMPLE_AS_OF,
        },
      },
      headers: {
        AsOf: { description: "The date whose law was applied.", schema: { type: "string", format: "date" } },
        RetryAfter: { description: "Seconds to wait before retrying.", schema: { type: "integer" } },
      },
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description:
            "Required only when the service is started with tokens (PROTECTIVE_ORDERS_TOKENS or a token file).",
        },
      },
    },
  };
}
