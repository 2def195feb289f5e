// protective-orders/server: the HTTP service (Fastify), Node-only. The core never imports it.
export { createServer, SERVER_DEFAULTS } from "./create-server.js";
export { jsonUtf8Bytes } from "./json-utf8-bytes.js";
export { buildOpenApiDocument } from "./openapi.js";
export {
  resolveServeSettings,
  type ServeArguments,
  type ServerOptions,
  type ServeSettings,
  ServeSettingsError,
} from "./options.js";
export type { ProblemDocument } from "./problem.js";
export { serve } from "./serve.js";
