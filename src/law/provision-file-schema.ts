import * as z from "zod";
import { IsoDateSchema } from "../model/iso-date.js";

/**
 * Whether a string is a safe link target for a citation: an absolute `https:` URL with a host, written with no
 * whitespace or control character anywhere (a leading space or tab must not hide a `javascript:` scheme from a
 * renderer that trims). Rendered citations are links in Markdown (`[title](url)`), so a rule pack from outside
 * must not be able to make one run code (`javascript:`, `data:`, `vbscript:` in any case) or point at a file.
 */
function isHttpsUrl(value: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: whitespace and controls are what is refused
  if (/[\s\u0000-\u001f\u007f-\u009f]/u.test(value)) return false;
  // A host name (no user:password@, which can disguise the host), an optional port, then a path, query or fragment.
  return /^https:\/\/[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\d{1,5})?(?:[/?#]\S*)?$/i.test(value);
}

// The message names what is expected, never the value (which may be hostile).
const httpsUrl = z.string().refine(isHttpsUrl, {
  message: "must be an https: URL (https://…, no spaces); javascript:, data: and other schemes are refused",
});

const confidence = z.enum(["V1", "V2", "INF", "UNVERIFIED"]);
const inForce = z.strictObject({
  from: IsoDateSchema.nullable(),
  to: IsoDateSchema.nullable().optional(),
  noDataAfter: IsoDateSchema.optional(),
  notBefore: IsoDateSchema.optional(),
  dateConfidence: confidence.optional(),
  note: z.string().optional(),
});
/**
 * The schema of a provision file (`law/<instrument>/provisions.json`): its instruments and provisions. A rule
 * pack's own `provisions` are validated by the same schema (see `localCitations`).
 *
 * @example
 * ```ts
 * import { ProvisionFileSchema } from "protective-orders/rule-authoring";
 * ProvisionFileSchema.safeParse({ instruments: [], provisions: [] }).success; // true
 * ```
 */
export const ProvisionFileSchema = z.strictObject({
  instruments: z.array(
    z.strictObject({
      id: z.string().min(1),
      title: z.string().min(1),
      legislationPath: z
        .string()
        .regex(/^[a-z]+\/\d{4}\/\d+$/)
        .optional(),
      url: httpsUrl.optional(),
      extent: z.string().min(1),
    }),
  ),
  provisions: z.array(
    z.strictObject({
      id: z.string().min(1),
      instrument: z.string().min(1),
      provision: z.string(),
      section: z.string().optional(),
      schedule: z.string().optional(),
      summary: z.string().min(1),
      inForce,
      confidence,
      digest: z.string().min(1),
      note: z.string().optional(),
    }),
  ),
});
