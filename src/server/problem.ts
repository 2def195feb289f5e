import type { FastifyReply } from "fastify";
import type { InputProblem } from "../model/parse-case-facts.js";

/** The media type of an RFC 9457 problem document. */
export const PROBLEM_JSON = "application/problem+json";

/** Problem types are URNs (RFC 9457 §3.1.1 allows any URI); docs/guides/http-service.md describes each. */
const TYPE_BASE = "urn:protective-orders:problem:";

/** The kinds of problem the service answers with, each with its status and title. */
export const PROBLEMS = {
  "bad-json": { status: 400, title: "The body is not valid JSON" },
  "bad-request": { status: 400, title: "The request is malformed" },
  unauthorized: { status: 401, title: "A valid bearer token is required" },
  "not-found": { status: 404, title: "No such resource" },
  "method-not-allowed": { status: 405, title: "Method not allowed on this resource" },
  "not-acceptable": { status: 406, title: "No representation matches the Accept header" },
  "too-large": { status: 413, title: "The body is over the size limit" },
  "uri-too-long": { status: 414, title: "The URL is too long" },
  "unsupported-media-type": { status: 415, title: "Unsupported content type" },
  "invalid-input": { status: 422, title: "The input is not valid" },
  "internal-error": { status: 500, title: "The request could not be processed" },
  overloaded: { status: 503, title: "The service is at its limit: retry later" },
  "shutting-down": { status: 503, title: "The service is shutting down" },
  timeout: { status: 408, title: "The request took too long to arrive" },
} as const;

/** The kind of a problem: one of {@link PROBLEMS}' keys. */
export type ProblemKind = keyof typeof PROBLEMS;

/**
 * An RFC 9457 problem document. `problems` lists every input problem by path and what was
 * expected: never a value from the request.
 *
 * @example
 * ```ts
 * import type { ProblemDocument } from "protective-orders/server";
 * const problem: ProblemDocument = {
 *   type: "urn:protective-orders:problem:invalid-input",
 *   title: "The input is not valid",
 *   status: 422,
 *   problems: [{ path: "incidents.0.date", message: "expected a calendar date written YYYY-MM-DD" }],
 * };
 * ```
 */
export interface ProblemDocument {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly problems?: readonly InputProblem[];
}

/** The problem document of a kind, with an optional detail (never a value from the request). */
export function problemDocument(
  kind: ProblemKind,
  detail?: string,
  problems?: readonly InputProblem[],
): ProblemDocument {
  const { status, title } = PROBLEMS[kind];
  return {
    type: `${TYPE_BASE}${kind}`,
    title,
    status,
    ...(detail !== undefined ? { detail } : {}),
    ...(problems !== undefined ? { problems } : {}),
  };
}

/** Sends a problem document as `application/problem+json`. */
export function sendProblem(
  reply: FastifyReply,
  kind: ProblemKind,
  detail?: string,
  problems?: readonly InputProblem[],
): FastifyReply {
  const doc = problemDocument(kind, detail, problems);
  return reply.code(doc.status).type(PROBLEM_JSON).send(JSON.stringify(doc));
}
