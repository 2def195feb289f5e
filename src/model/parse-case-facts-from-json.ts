import type { CaseFacts } from "./case-facts.js";
import { CaseFactsSchema } from "./case-facts.js";
import { compileFastParser, NOT_PARSED } from "./compile-fast-parser.js";
import { type ParseResult, parseCaseFacts } from "./parse-case-facts.js";

const checkCaseFactsInPlace = compileFastParser(CaseFactsSchema, { copy: false });

/**
 * {@link parseCaseFacts} for a value fresh from `JSON.parse` that nothing else holds: valid input is
 * checked where it is and used as it is (JSON.parse makes plain own data, so there is nothing
 * inherited to leave behind and no reason to copy); anything else takes the careful path.
 * Internal: for the CLI, which parses every row itself.
 */
export function parseCaseFactsFromJson(value: unknown): ParseResult<CaseFacts> {
  const checked = checkCaseFactsInPlace(value);
  if (checked !== NOT_PARSED) return { success: true, data: checked };
  return parseCaseFacts(value);
}
