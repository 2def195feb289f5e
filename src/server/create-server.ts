import { type Duplex, Readable } from "node:stream";
import cors from "@fastify/cors";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type HTTPMethods,
} from "fastify";
import { safeAssessJson } from "../assess/assess.js";
import { type BatchCommand, makeCommand } from "../batch/commands.js";
import { todayInLondon } from "../dates/calendar.js";
import { caseFactsJsonSchema } from "../model/case-facts-json-schema.js";
import { IsoDateSchema } from "../model/iso-date.js";
import { type InputProblem, parseCaseFacts, problemsFromZodError } from "../model/parse-case-facts.js";
import { parseCaseFactsFromJson } from "../model/parse-case-facts-from-json.js";
import { assessBreaches } from "../orders/assess-breaches.js";
import { draftSpoTerms } from "../orders/draft-spo-terms.js";
import { validateOrder } from "../orders/validate-order.js";
import { explain } from "../render/explain.js";
import { safeReviewSpoDecline } from "../review/review-spo-decline.js";
import { bearerTokenCheck } from "./auth.js";
import { batchOutput } from "./batch-stream.js";
import { drainOnClose } from "./drain.js";
import { INTERVIEW_PATH, runInterview } from "./interview-route.js";
import { jsonUtf8Bytes } from "./json-utf8-bytes.js";
import { buildOpenApiDocument } from "./openapi.js";
import type { ServerOptions } from "./options.js";
import { PROBLEM_JSON, PROBLEMS, type ProblemKind, problemDocument, sendProblem } from "./problem.js";
import { provisionEntries, ruleEntries } from "./reference.js";
import { AssessBreachesRequestSchema, ValidateOrderRequestSchema } from "./requests.js";
import { assessmentSummary } from "./summary.js";

/**
 * The defaults of {@link ServerOptions}: limits safe for one service behind a load balancer.
 *
 * @example
 * ```ts
 * import { SERVER_DEFAULTS } from "protective-orders/server";
 * SERVER_DEFAULTS.bodyLimit; // 1048576 (1 MiB)
 * ```
 */
export const SERVER_DEFAULTS = {
  bodyLimit: 1024 * 1024,
  batchBodyLimit: 256 * 1024 * 1024,
  batchRowLimit: 1_000_000,
  maxConcurrentRequests: 1024,
  maxConcurrentBatches: 2,
  requestTimeout: 300_000,
  connectionTimeout: 60_000,
  keepAliveTimeout: 72_000,
  retryAfterSeconds: 1,
} as const;

const JSON_TYPE = "application/json; charset=utf-8";
const NDJSON = "application/x-ndjson";
/** The media types a body may have: JSON for the JSON routes, JSON Lines for the batch. */
const JSON_TYPES = ["application/json"] as const;
const BATCH_TYPES = [NDJSON, "application/jsonl"] as const;
const BATCH_PATH = "/v1/batch/:command";
/** The longest path parameter (a rule or provision id, a batch command) the router reads. */
const MAX_PARAM_LENGTH = 200;
const ALL_METHODS: readonly HTTPMethods[] = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];
/** Routes open without a token: health checks and the API's description, which hold no case data. */
const PUBLIC_ROUTES = new Set(["/healthz", "/readyz", "/openapi.json"]);
const DOCS_PREFIX = "/docs";

/** Headers on every response (the API docs pages set their own Content-Security-Policy). */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-resource-policy": "same-origin",
  "cache-control": "no-store",
};

/** A body the JSON parser could not read: answered 400. */
class BadJsonError extends Error {
  readonly code = "PROTECTIVE_ORDERS_BAD_JSON";
  readonly statusCode = 400;
}

/** The `asOf` of a request: the query's, or today in London resolved once, here. */
function asOfOf(request: FastifyRequest): { asOf: string } | { problems: InputProblem[] } {
  const given = (request.query as Record<string, unknown> | undefined)?.asOf;
  if (given === undefined) return { asOf: todayInLondon() };
  if (typeof given !== "string" || !IsoDateSchema.safeParse(given).success)
    return { problems: [{ path: "asOf", message: "expected a calendar date written YYYY-MM-DD" }] };
  return { asOf: given };
}

/**
 * A response body as the UTF-8 bytes that go on the wire, encoded once (JSON bodies: by
 * {@link jsonUtf8Bytes}). Sent as a string instead, a result's JSON (about 130 KB, and a two-byte
 * string in V8 because the law's text has en dashes) would be measured for its length by Fastify
 * and by Node and then encoded again while written: about 1.5 ms of a single assessment's time.
 */
function utf8(text: string): Buffer {
  return Buffer.from(text, "utf8");
}

/** 415, saying which media types the route accepts (in the detail and in `Accept-Post`). */
function unsupportedMediaType(reply: FastifyReply, accepted: readonly string[]): FastifyReply {
  reply.header("accept-post", accepted.join(", "));
  return sendProblem(reply, "unsupported-media-type", `expected a body of type ${accepted.join(" or ")}`);
}

function sendJson(reply: FastifyReply, body: unknown, asOf?: string): FastifyReply {
  if (asOf !== undefined) reply.header("as-of", asOf);
  return reply.type(JSON_TYPE).send(jsonUtf8Bytes(body));
}

/**
 * Answers what Node's HTTP parser rejects before any route sees it (a request that took too long
 * to arrive, malformed HTTP) with a problem document, and closes the connection.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === "ECONNRESET" || socket.destroyed || !socket.writable) {
    socket.destroy();
    return;
  }
  const kind: ProblemKind = error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? "timeout" : "bad-request";
  const body = JSON.stringify(problemDocument(kind));
  const reason = kind === "timeout" ? "Request Timeout" : "Bad Request";
  socket.end(
    `HTTP/1.1 ${PROBLEMS[kind].status} ${reason}\r\nContent-Type: ${PROBLEM_JSON}; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * The explanation's format an `Accept` header asks for (RFC 9110 §12.5.1): the acceptable one of
 * text/plain and text/markdown with the higher weight, plain text on a tie; none for neither.
 */
function explainFormatFor(accept: string | undefined): "text" | "markdown" | undefined {
  if (accept === undefined || accept.trim() === "") return "text";
  let text = 0;
  let markdown = 0;
  let textSpecific = -1;
  let markdownSpecific = -1;
  for (const range of accept.split(",")) {
    const [type = "", ...params] = range.split(";").map((s) => s.trim().toLowerCase());
    let q = 1;
    for (const p of params) if (p.startsWith("q=")) q = Number(p.slice(2));
    if (!Number.isFinite(q) || q < 0 || q > 1) continue;
    // A more specific range overrides a less specific one.
    const specificity = type === "*/*" ? 0 : type === "text/*" ? 1 : 2;
    if (type === "*/*" || type === "text/*" || type === "text/plain")
      if (specificity > textSpecific) [text, textSpecific] = [q, specificity];
    if (type === "*/*" || type === "text/*" || type === "text/markdown")
      if (specificity > markdownSpecific) [markdown, markdownSpecific] = [q, specificity];
  }
  if (text <= 0 && markdown <= 0) return undefined;
  return markdown > text ? "markdown" : "text";
}

/**
 * The HTTP service as a Fastify instance, not yet listening: `await app.listen({ port, host })`
 * to serve, or mount it in your own server. Stateless: every instance answers every request the
 * same, so several can run behind a load balancer. Node-only; the core never imports it.
 *
 * @example
 * ```ts
 * import { createServer } from "protective-orders/server";
 * const app = createServer({ tokens: [process.env.API_TOKEN ?? "a-long-random-secret"] });
 * await app.listen({ host: "127.0.0.1", port: 8080 });
 * ```
 */
export function createServer(options: ServerOptions = {}): FastifyInstance {
  const o = {
    bodyLimit: options.bodyLimit ?? SERVER_DEFAULTS.bodyLimit,
    batchBodyLimit: options.batchBodyLimit ?? SERVER_DEFAULTS.batchBodyLimit,
    batchRowLimit: options.batchRowLimit ?? SERVER_DEFAULTS.batchRowLimit,
    maxConcurrentRequests: options.maxConcurrentRequests ?? SERVER_DEFAULTS.maxConcurrentRequests,
    maxConcurrentBatches: options.maxConcurrentBatches ?? SERVER_DEFAULTS.maxConcurrentBatches,
    requestTimeout: options.requestTimeout ?? SERVER_DEFAULTS.requestTimeout,
    connectionTimeout: options.connectionTimeout ?? SERVER_DEFAULTS.connectionTimeout,
    keepAliveTimeout: options.keepAliveTimeout ?? SERVER_DEFAULTS.keepAliveTimeout,
    retryAfterSeconds: options.retryAfterSeconds ?? SERVER_DEFAULTS.retryAfterSeconds,
  };
  const app: FastifyInstance = Fastify({
    logger: false,
    bodyLimit: o.bodyLimit,
    requestTimeout: o.requestTimeout,
    // Node checks the request timeout only this often (30 s by default): often enough to keep it.
    http: {
      requestTimeout: o.requestTimeout,
      connectionsCheckingInterval: Math.min(30_000, Math.max(250, Math.floor(o.requestTimeout / 4))),
    },
    connectionTimeout: o.connectionTimeout,
    keepAliveTimeout: o.keepAliveTimeout,
    // Shutdown is answered by the hook below, as a problem document; keep-alive connections are drained
    // (drainOnClose), not closed the moment they look idle.
    return503OnClosing: false,
    forceCloseConnections: false,
    clientErrorHandler: answerClientError,
    // What the router rejects before any route (a parameter over its length, a malformed escape): the same
    // problem document, headers and log line as any other error, never Fastify's body quoting the path.
    frameworkErrors: (error, request, reply) => {
      reply.headers(SECURITY_HEADERS);
      if (error.code === "FST_ERR_MAX_PARAM_LENGTH") {
        sendProblem(reply, "uri-too-long", `a path segment may be at most ${MAX_PARAM_LENGTH} characters`);
      } else sendProblem(reply, "bad-request");
      writeAccessLog(request, reply);
    },
    routerOptions: { caseSensitive: true, ignoreTrailingSlash: false, maxParamLength: MAX_PARAM_LENGTH },
  });
  drainOnClose(app.server, { deadlineMs: o.requestTimeout });
  const log = options.log;
  const checkToken =
    options.tokens && options.tokens.length > 0 ? bearerTokenCheck(options.tokens) : undefined;
  let inFlight = 0;
  let batches = 0;
  let closing = false;
  const routes = new Map<string, HTTPMethods[]>();

  app.addHook("preClose", (done) => {
    closing = true;
    done();
  });
  // A response finished after shutdown began closes its connection (the requests in flight at the signal).
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (closing) reply.header("connection", "close");
    done(null, payload);
  });

  // Parsers: JSON (plain JSON.parse: a "__proto__" key is an own property, as in the CLI, and the
  // library's parser decides about it) and JSON Lines for the batch, passed through as a stream.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new BadJsonError("The body is not valid JSON"), undefined);
    }
  });
  app.addContentTypeParser([...BATCH_TYPES], (_request, payload, done) => done(null, payload));

  // Security headers first, on every response; then CORS (registered below, when configured: it answers
  // preflights itself, without a token, and puts its headers on every answer, a 401 included); then the gate.
  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    done();
  });
  if (options.corsOrigins && options.corsOrigins.length > 0)
    app.register(cors, {
      origin: [...options.corsOrigins],
      methods: ["GET", "POST"],
      exposedHeaders: ["As-Of", "Retry-After", "WWW-Authenticate", "Allow"],
    });
  const gate = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (closing) {
      reply.header("connection", "close");
      sendProblem(reply, "shutting-down");
      return;
    }
    if (inFlight >= o.maxConcurrentRequests) {
      reply.header("retry-after", String(o.retryAfterSeconds));
      sendProblem(reply, "overloaded");
      return;
    }
    inFlight += 1;
    reply.raw.once("close", () => {
      inFlight -= 1;
    });
    const route = request.routeOptions.url;
    if (checkToken && !(route !== undefined && (PUBLIC_ROUTES.has(route) || route.startsWith(DOCS_PREFIX)))) {
      if (!checkToken(request.headers.authorization)) {
        reply.header("www-authenticate", 'Bearer realm="protective-orders"');
        sendProblem(reply, "unauthorized");
        return;
      }
    }
    done();
  };
  // Registered as a plugin that shares the root's hooks (what fastify-plugin does), so that it runs after CORS's.
  app.register(
    Object.assign(
      (instance: FastifyInstance, _options: unknown, registered: (error?: Error) => void) => {
        instance.addHook("onRequest", gate);
        registered();
      },
      { [Symbol.for("skip-override")]: true },
    ),
  );

  function writeAccessLog(request: FastifyRequest, reply: FastifyReply): void {
    if (!log) return;
    const route = request.routeOptions?.url;
    log.write(
      `{"time":"${new Date().toISOString()}","method":"${request.method}","route":${
        route === undefined ? '"(no route)"' : JSON.stringify(route)
      },"status":${reply.statusCode},"ms":${Math.round(reply.elapsedTime * 1000) / 1000}}\n`,
    );
  }
  if (log) {
    // Method, route (the pattern, never the path with its values), status and duration: no body,
    // no query, no ids, no addresses.
    // The line is written out rather than JSON.stringify'd (a few µs a request): each field is JSON
    // as it stands: the method is an HTTP token (Node's parser accepts no quote or backslash in one),
    // the route one of this service's own patterns, the status and duration numbers.
    app.addHook("onResponse", (request, reply, done) => {
      writeAccessLog(request, reply);
      done();
    });
  }

  app.setErrorHandler((error: Error & { code?: string; statusCode?: number }, request, reply) => {
    if (reply.sent) return;
    const kind: ProblemKind =
      error instanceof BadJsonError || error.code === "FST_ERR_CTP_EMPTY_JSON_BODY"
        ? "bad-json"
        : error.code === "FST_ERR_CTP_BODY_TOO_LARGE"
          ? "too-large"
          : error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE"
            ? "unsupported-media-type"
            : error.statusCode === 408
              ? "timeout"
              : error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500
                ? "bad-request"
                : "internal-error";
    // The problem's own title: never the error's message, which could quote the request.
    if (kind === "too-large") return sendProblem(reply, kind, `the limit is ${o.bodyLimit} bytes`);
    if (kind === "unsupported-media-type")
      return unsupportedMediaType(reply, request.routeOptions.url === BATCH_PATH ? BATCH_TYPES : JSON_TYPES);
    return sendProblem(reply, kind);
  });
  app.setNotFoundHandler((_request, reply) => sendProblem(reply, "not-found"));

  const route = (
    method: "GET" | "POST",
    url: string,
    handler: (request: FastifyRequest, reply: FastifyReply) => unknown,
  ) => {
    app.route({ method, url, handler: handler as never });
    const methods = routes.get(url) ?? [];
    methods.push(method, ...(method === "GET" ? (["HEAD"] as const) : []));
    routes.set(url, methods);
  };

  /** The JSON body of a request, or a problem sent: a JSON route accepts only JSON. */
  const jsonBody = (request: FastifyRequest, reply: FastifyReply): { value: unknown } | undefined => {
    if (request.body === undefined || request.body instanceof Readable) {
      unsupportedMediaType(reply, JSON_TYPES);
      return undefined;
    }
    return { value: request.body };
  };

  const caseRoute = (
    url: string,
    run: (value: unknown, asOf: string, reply: FastifyReply, request: FastifyRequest) => unknown,
  ) =>
    route("POST", url, (request, reply) => {
      const body = jsonBody(request, reply);
      if (!body) return reply;
      const date = asOfOf(request);
      if ("problems" in date) return sendProblem(reply, "invalid-input", undefined, date.problems);
      return run(body.value, date.asOf, reply, request);
    });

  // `?detail=summary`: the batch's compact record for the case (the CLI's own `assess` row
  // processing), made by one command per date (a few dates in practice; the table is bounded).
  const summaryCommands = new Map<string, BatchCommand>();
  const summaryCommand = (asOf: string): BatchCommand => {
    let command = summaryCommands.get(asOf);
    if (!command) {
      if (summaryCommands.size >= 64) summaryCommands.clear();
      command = makeCommand({ name: "assess", options: { asOf, linesOnly: true } });
      summaryCommands.set(asOf, command);
    }
    return command;
  };

  caseRoute("/v1/assess", (value, asOf, reply, request) => {
    const detail = (request.query as Record<string, unknown>).detail;
    if (detail === "summary") {
      const result = assessmentSummary(summaryCommand(asOf), value);
      if (!result.ok) return sendProblem(reply, "invalid-input", undefined, result.problems);
      return sendJson(reply, result.summary, asOf);
    }
    if (detail !== undefined && detail !== "full")
      return sendProblem(reply, "invalid-input", undefined, [
        { path: "detail", message: 'expected "full" or "summary"' },
      ]);
    const result = safeAssessJson(value, { asOf });
    if (!result.success) return sendProblem(reply, "invalid-input", undefined, result.problems);
    return sendJson(reply, result.assessment, asOf);
  });

  caseRoute("/v1/review", (value, asOf, reply) => {
    const result = safeReviewSpoDecline(value, undefined, { asOf });
    if (!result.success) return sendProblem(reply, "invalid-input", undefined, result.problems);
    return sendJson(reply, result.review, result.review.asOf);
  });

  caseRoute(INTERVIEW_PATH, (value, asOf, reply) => {
    const result = runInterview(value, asOf);
    if (!result.ok) return sendProblem(reply, "invalid-input", undefined, result.problems);
    return sendJson(reply, result.body, asOf);
  });

  route("POST", "/v1/explain", (request, reply) => {
    const body = jsonBody(request, reply);
    if (!body) return reply;
    const query = request.query as Record<string, unknown>;
    const problems: InputProblem[] = [];
    const date = asOfOf(request);
    if ("problems" in date) problems.push(...date.problems);
    let format: "text" | "markdown" | undefined;
    if (query.format !== undefined) {
      if (query.format === "text" || query.format === "markdown") format = query.format;
      else problems.push({ path: "format", message: 'expected "text" or "markdown"' });
    }
    let orders: "all" | "open" | undefined;
    if (query.orders !== undefined) {
      if (query.orders === "all" || query.orders === "open") orders = query.orders;
      else problems.push({ path: "orders", message: 'expected "all" or "open"' });
    }
    if (problems.length > 0) return sendProblem(reply, "invalid-input", undefined, problems);
    if (format === undefined) {
      const accept = request.headers.accept;
      const chosen = explainFormatFor(accept);
      if (chosen === undefined)
        return sendProblem(reply, "not-acceptable", "expected text/plain or text/markdown");
      format = chosen;
    }
    const result = safeAssessJson(body.value, { asOf: (date as { asOf: string }).asOf });
    if (!result.success) return sendProblem(reply, "invalid-input", undefined, result.problems);
    reply.header("as-of", result.assessment.asOf).header("vary", "accept");
    return reply
      .type(format === "markdown" ? "text/markdown; charset=utf-8" : "text/plain; charset=utf-8")
      .send(utf8(explain(result.assessment, { format, ...(orders ? { orders } : {}) })));
  });

  route("POST", "/v1/validate", (request, reply) => {
    const body = jsonBody(request, reply);
    if (!body) return reply;
    const result = parseCaseFacts(body.value);
    return sendJson(
      reply,
      result.success ? { valid: true, id: result.data.id } : { valid: false, problems: result.problems },
    );
  });

  route("POST", "/v1/draft-spo-terms", (request, reply) => {
    const body = jsonBody(request, reply);
    if (!body) return reply;
    const parsed = parseCaseFactsFromJson(body.value);
    if (!parsed.success) return sendProblem(reply, "invalid-input", undefined, parsed.problems);
    return sendJson(reply, draftSpoTerms(parsed.data));
  });

  route("POST", "/v1/validate-order", (request, reply) => {
    const body = jsonBody(request, reply);
    if (!body) return reply;
    const parsed = ValidateOrderRequestSchema.safeParse(body.value);
    if (!parsed.success)
      return sendProblem(reply, "invalid-input", undefined, problemsFromZodError(parsed.error, body.value));
    const { order, existingOrders, suspect } = parsed.data;
    return sendJson(
      reply,
      validateOrder(order, {
        ...(existingOrders ? { existingOrders } : {}),
        ...(suspect ? { suspect } : {}),
      }),
    );
  });

  route("POST", "/v1/assess-breaches", (request, reply) => {
    const body = jsonBody(request, reply);
    if (!body) return reply;
    const parsed = AssessBreachesRequestSchema.safeParse(body.value);
    if (!parsed.success)
      return sendProblem(reply, "invalid-input", undefined, problemsFromZodError(parsed.error, body.value));
    const { order, reports, convictedOn, responseThresholdHours } = parsed.data;
    return sendJson(
      reply,
      assessBreaches(order, reports, {
        ...(convictedOn !== undefined ? { convictedOn } : {}),
        ...(responseThresholdHours !== undefined ? { responseThresholdHours } : {}),
      }),
    );
  });

  // Reference data: the same for every request, rendered and encoded once.
  const rules = ruleEntries();
  const rulesJson = utf8(JSON.stringify(rules));
  const rulesById = new Map(rules.map((r) => [r.id, utf8(JSON.stringify(r))]));
  const provisions = provisionEntries();
  const provisionsJson = utf8(JSON.stringify(provisions));
  const provisionsById = new Map(provisions.map((p) => [p.id, utf8(JSON.stringify(p))]));
  const schemaJson = utf8(JSON.stringify(caseFactsJsonSchema()));
  const openApi = buildOpenApiDocument();
  const openApiJson = utf8(JSON.stringify(openApi));
  const healthy = utf8('{"status":"ok"}');
  const ready = utf8('{"status":"ready"}');

  const sendText = (reply: FastifyReply, bytes: Buffer) => reply.type(JSON_TYPE).send(bytes);
  route("GET", "/v1/rules", (_request, reply) => sendText(reply, rulesJson));
  route("GET", "/v1/rules/:id", (request, reply) => {
    const text = rulesById.get((request.params as { id: string }).id);
    return text === undefined
      ? sendProblem(reply, "not-found", "no rule or limb with this id")
      : sendText(reply, text);
  });
  route("GET", "/v1/provisions", (_request, reply) => sendText(reply, provisionsJson));
  route("GET", "/v1/provisions/:id", (request, reply) => {
    const text = provisionsById.get((request.params as { id: string }).id);
    return text === undefined
      ? sendProblem(reply, "not-found", "no provision with this id")
      : sendText(reply, text);
  });
  route("GET", "/v1/schema/case-facts", (_request, reply) => sendText(reply, schemaJson));
  route("GET", "/openapi.json", (_request, reply) => sendText(reply, openApiJson));
  route("GET", "/healthz", (_request, reply) => sendText(reply, healthy));
  route("GET", "/readyz", (_request, reply) =>
    closing ? sendProblem(reply, "shutting-down") : sendText(reply, ready),
  );

  route("POST", BATCH_PATH, (request, reply) => {
    const name = (request.params as { command: string }).command;
    if (name !== "assess" && name !== "review" && name !== "validate")
      return sendProblem(reply, "not-found", "batch commands: assess, review, validate");
    if (!(request.body instanceof Readable)) return unsupportedMediaType(reply, BATCH_TYPES);
    const declared = Number(request.headers["content-length"]);
    if (Number.isFinite(declared) && declared > o.batchBodyLimit)
      return sendProblem(reply, "too-large", `the batch limit is ${o.batchBodyLimit} bytes`);
    const date = asOfOf(request);
    if ("problems" in date) return sendProblem(reply, "invalid-input", undefined, date.problems);
    if (batches >= o.maxConcurrentBatches) {
      reply.header("retry-after", String(o.retryAfterSeconds));
      return sendProblem(reply, "overloaded", "too many batches at once");
    }
    batches += 1;
    reply.raw.once("close", () => {
      batches -= 1;
    });
    const command = makeCommand({ name, options: { asOf: date.asOf, linesOnly: true } });
    reply.header("as-of", date.asOf).type(`${NDJSON}; charset=utf-8`);
    return reply.send(
      Readable.from(
        batchOutput(request.body, command, { bodyLimit: o.batchBodyLimit, rowLimit: o.batchRowLimit }),
        { objectMode: false },
      ),
    );
  });

  // 405 for a known resource asked with a method it does not take, with the methods it does.
  for (const [url, methods] of routes) {
    const others = ALL_METHODS.filter((m) => !methods.includes(m));
    app.route({
      method: others,
      url,
      handler: (_request, reply) => {
        reply.header("allow", methods.join(", "));
        return sendProblem(reply, "method-not-allowed");
      },
    });
  }

  // Interactive API docs from the package's own copy of Swagger UI (no CDN), on the same document.
  app.register(swagger, { mode: "static", specification: { document: openApi as never } });
  app.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    staticCSP: true,
    // Nothing from elsewhere: no fonts, styles or images from other hosts, and no upgrade to https
    // (which would break the page's own assets when the service is reached over plain http).
    transformStaticCSP: (header) =>
      header
        .replace(/ https:/g, "")
        .replace(/ validator\.swagger\.io/g, "")
        .replace(/ ?upgrade-insecure-requests;?/g, "")
        .trim(),
  });

  return app;
}
