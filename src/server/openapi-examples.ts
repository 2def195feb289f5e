import { assess } from "../assess/assess.js";
import { makeCommand } from "../batch/commands.js";
import { JsonLinesChunker } from "../batch/json-lines.js";
import { processJsonLinesChunk } from "../batch/process-chunk.js";
import { caseFactsJsonSchema } from "../model/case-facts-json-schema.js";
import { parseCaseFactsFromJson } from "../model/parse-case-facts-from-json.js";
import { assessBreaches } from "../orders/assess-breaches.js";
import { draftSpoTerms } from "../orders/draft-spo-terms.js";
import { validateOrder } from "../orders/validate-order.js";
import { explain } from "../render/explain.js";
import { reviewSpoDecline } from "../review/review-spo-decline.js";
import { runInterview } from "./interview-route.js";
import { provisionEntries, ruleEntries } from "./reference.js";
import { AssessBreachesRequestSchema, ValidateOrderRequestSchema } from "./requests.js";
import { assessmentSummary } from "./summary.js";

/** The date the examples are assessed on (the `asOf` parameter's example). */
export const EXAMPLE_AS_OF = "2025-06-01";

/** The example case: the first of examples/caseload.json (fictional), with a declined SPO request. */
export const EXAMPLE_CASE = {
  id: "example-01",
  notes:
    "Fictional. Stranger stalking: a man the victim does not know follows her from the station and waits outside her office.",
  jurisdiction: "england-and-wales",
  policeForceArea: "kent",
  suspect: {
    id: "s1",
    age: 44,
    homeForceArea: "kent",
  },
  personsToProtect: [
    {
      id: "v1",
      role: "victim",
      age: 29,
    },
  ],
  relationship: {
    summary: "stranger",
    allConnectionsRecorded: true,
  },
  incidents: [
    {
      kind: "following",
      date: "2025-03-02",
      place: "uk",
      target: "victim",
      suspectKnewOrOughtToKnowUnwelcome: true,
    },
    {
      kind: "loitering",
      date: "2025-03-09",
      place: "uk",
      target: "victim",
      description: "outside her office at closing time",
      suspectKnewOrOughtToKnowUnwelcome: true,
    },
    {
      kind: "watching-or-spying",
      date: "2025-04-11",
      place: "uk",
      target: "victim",
      suspectKnewOrOughtToKnowUnwelcome: true,
    },
    {
      kind: "contacting",
      date: "2025-04-20",
      place: "uk",
      target: "victim",
      description: "messages from a new social-media account",
      suspectKnewOrOughtToKnowUnwelcome: true,
    },
  ],
  risk: {
    psychologicalHarm: true,
    fearOfViolence: true,
    escalating: true,
    ongoing: true,
    tool: {
      tool: "S-DASH",
      level: "high",
      assessedOn: "2025-04-22",
    },
  },
  protection: {},
  criminal: {
    status: "none",
  },
  victimViews: {
    wantsProtection: true,
    supportsProsecution: true,
  },
  spoRequest: {
    requestedOn: "2025-04-25",
    decision: {
      decidedOn: "2025-05-06",
      outcome: "declined",
      decidingForce: "kent",
      reasons: [
        {
          code: "no-conviction",
        },
        {
          code: "criminal-standard-not-met",
          text: "cannot prove beyond reasonable doubt who is sending the messages",
        },
      ],
    },
  },
};

const EXAMPLE_ORDER = {
  kind: "spo",
  appliedForBy: { role: "chief-officer" },
  protectedPersons: ["v1"],
  madeOn: "2025-05-10",
  servedOn: "2025-05-11",
  duration: { type: "fixed", endsOn: "2027-05-10" },
  prohibitions: [{ text: "Not to contact the victim by any means." }],
};

const EXAMPLE_REPORTS = [
  {
    id: "b1",
    date: "2025-05-20",
    kind: "contacting",
    reportedAt: "2025-05-20T10:00",
    respondedAt: "2025-05-20T11:30",
  },
];

/** One operation's example: the query and path parameters, the request body and the 200 response's body. */
export interface OperationExample {
  readonly parameters?: Readonly<Record<string, string>>;
  readonly request?: unknown;
  /** The 200 response's body; for a list or a document, the first entries or keys only (`abridged`). */
  readonly response: unknown;
  readonly abridged?: boolean;
}

/**
 * An example for every operation of the OpenAPI document, by operationId: a request the service answers 200
 * (Swagger UI's "Try it out" sends it as it stands) and that answer, computed here by the library itself on
 * {@link EXAMPLE_AS_OF}, so the document cannot show an answer the service would not give.
 */
export function operationExamples(): Record<string, OperationExample> {
  const asOf = EXAMPLE_AS_OF;
  const facts = parseCaseFactsFromJson(EXAMPLE_CASE);
  if (!facts.success) throw new Error("the example case is not valid case facts");
  const assessment = assess(facts.data, { asOf });
  // The batch's: the example case, and a row that is not valid case facts (its error record names every
  // problem by path).
  const batchInput = `${JSON.stringify(EXAMPLE_CASE)}\n${JSON.stringify({ id: "example-02" })}\n`;
  const command = makeCommand({ name: "assess", options: { asOf, linesOnly: true } });
  const chunker = new JsonLinesChunker();
  let batchOutput = "";
  for (const chunk of [...chunker.push(Buffer.from(batchInput, "utf8")), ...chunker.end()])
    batchOutput += processJsonLinesChunk(command, chunk).output;
  const summary = assessmentSummary(command, EXAMPLE_CASE);
  if (!summary.ok) throw new Error("the example case has no summary");
  const interviewRequest = { facts: { id: "example-interview" } };
  const interview = runInterview(interviewRequest, asOf);
  if (!interview.ok) throw new Error("the example interview failed");
  const schema = caseFactsJsonSchema() as Record<string, unknown>;
  // Read as the routes read them.
  const orderRequest = { order: EXAMPLE_ORDER };
  const { order } = ValidateOrderRequestSchema.parse(orderRequest);
  const breachRequest = { order: EXAMPLE_ORDER, reports: EXAMPLE_REPORTS };
  const breaches = AssessBreachesRequestSchema.parse(breachRequest);
  return {
    assess: { parameters: { asOf, detail: "summary" }, request: EXAMPLE_CASE, response: summary.summary },
    review: {
      parameters: { asOf },
      request: EXAMPLE_CASE,
      response: reviewSpoDecline(facts.data, undefined, { asOf }),
    },
    explain: {
      parameters: { asOf, format: "text", orders: "open" },
      request: EXAMPLE_CASE,
      response: explain(assessment, { format: "text", orders: "open" }),
    },
    interview: { parameters: { asOf }, request: interviewRequest, response: interview.body },
    validate: { request: EXAMPLE_CASE, response: { valid: true, id: EXAMPLE_CASE.id } },
    draftSpoTerms: { request: EXAMPLE_CASE, response: draftSpoTerms(facts.data) },
    validateOrder: { request: orderRequest, response: validateOrder(order) },
    assessBreaches: { request: breachRequest, response: assessBreaches(breaches.order, breaches.reports) },
    batch: { parameters: { command: "assess", asOf }, request: batchInput, response: batchOutput },
    listRules: { response: ruleEntries().slice(0, 2), abridged: true },
    getRule: { parameters: { id: "spo" }, response: ruleEntries().find((r) => r.id === "spo") },
    listProvisions: { response: provisionEntries().slice(0, 2), abridged: true },
    getProvision: {
      parameters: { id: "spa-2019:s2" },
      response: provisionEntries().find((p) => p.id === "spa-2019:s2"),
    },
    caseFactsSchema: {
      response: { $schema: schema.$schema, $id: schema.$id, title: schema.title, type: schema.type },
      abridged: true,
    },
    health: { response: { status: "ok" } },
    ready: { response: { status: "ready" } },
    openApi: { response: { openapi: "3.1.0" }, abridged: true },
  };
}
