// POST /v1/interview against a real server: the same question nextQuestion gives, the answer
// recorded as answerQuestion records it, bodies valid against the OpenAPI document, and errors
// that name paths, never values.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerQuestion, type CaseFacts, nextQuestion } from "../../src/index.js";
import { buildOpenApiDocument } from "../../src/server/index.js";
import { post, type Running, startServer } from "./helpers.js";

const doc = buildOpenApiDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "openapi", components: doc.components } as object);
const matches = (name: string, body: unknown) => {
  const validate = ajv.getSchema(`openapi#/components/schemas/${name}`)!;
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
};

let server: Running;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

describe("POST /v1/interview", () => {
  it("walks a stranger stalking case from empty facts to the end, as nextQuestion/answerQuestion do", async () => {
    const asOf = "2025-06-01";
    const answers: Record<string, unknown> = {
      "case.jurisdiction": "england-and-wales",
      "risk.ongoing": true,
      "conduct.actsAssociatedWithStalking": [
        { kind: "following", date: "2025-05-01", unwelcome: true },
        { kind: "loitering", date: "2025-05-03", unwelcome: true },
      ],
      "risk.harm": "psychological",
      "protection.otherProtectionAdequate": false,
    };
    let facts: CaseFacts = { id: "case-1" };
    let answer: { questionId: string; value: unknown } | undefined;
    for (let step = 0; step < 30; step++) {
      const r = await post(`${server.url}/v1/interview?asOf=${asOf}`, {
        facts,
        ...(answer ? { answer } : {}),
      });
      expect(r.status).toBe(200);
      expect(r.headers.get("as-of")).toBe(asOf);
      const body = JSON.parse(r.text);
      matches("InterviewResponse", body);
      const expectedFacts = answer ? answerQuestion(facts, answer.questionId, answer.value as never) : facts;
      expect(body.facts).toEqual(expectedFacts);
      expect(body.question).toEqual(JSON.parse(JSON.stringify(nextQuestion(expectedFacts, { asOf }))));
      facts = body.facts;
      if (body.question === null) break;
      const q = body.question;
      answer = { questionId: q.id, value: q.id in answers ? answers[q.id] : (q.answers[0]?.value ?? 30) };
    }
    expect(facts.relationship?.summary).toBeDefined();
  });

  it("names the path of a bad answer or bad facts, never the value", async () => {
    const bad = await post(`${server.url}/v1/interview?asOf=2025-06-01`, {
      facts: { id: "c" },
      answer: { questionId: "risk.ongoing", value: "Alex Smith" },
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain("answer.value");
    expect(bad.text).not.toContain("Alex");
    const badFacts = await post(`${server.url}/v1/interview`, {
      facts: { id: "c", incidents: "Alex Smith" },
    });
    expect(badFacts.status).toBe(422);
    expect(badFacts.text).toContain("facts.incidents");
    expect(badFacts.text).not.toContain("Alex");
    const unknownField = await post(`${server.url}/v1/interview`, { facts: { id: "c" }, extra: 1 });
    expect(unknownField.status).toBe(422);
  });

  it("is in the OpenAPI document, its request referring to the case facts", () => {
    expect(doc.paths["/v1/interview"]).toBeDefined();
    matches("InterviewRequest", { facts: { id: "c" }, answer: { questionId: "risk.ongoing", value: true } });
  });
});
