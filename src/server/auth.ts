import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Checks `Authorization: Bearer …` headers against the configured tokens in constant time: each
 * token and the offered one are hashed to 32 bytes (so lengths do not show) and every token is
 * compared, whether or not an earlier one matched.
 */
export function bearerTokenCheck(tokens: readonly string[]): (header: string | undefined) => boolean {
  const digests = tokens.map((t) => createHash("sha256").update(t, "utf8").digest());
  return (header) => {
    if (typeof header !== "string") return false;
    const match = /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(header);
    if (!match) return false;
    const offered = createHash("sha256").update(match[1]!, "utf8").digest();
    let ok = false;
    for (const digest of digests) ok = timingSafeEqual(digest, offered) || ok;
    return ok;
  };
}
