// The assessment memo is keyed on factsKey: two cases may share a memoised assessment only if
// every derived fact has the same value and caveat. A key that merged two different sets of facts
// would give one case another's answer, so this is checked against the facts' full memo-key texts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type EvaluationContext, encodeValue, factsKey } from "../../src/evaluate/evaluate.js";
import type { FactValue } from "../../src/facts/fact-definition.js";
import { BUNDLED_RULE_PACKS } from "../../src/law/rule-packs.js";
import { compileRuleSet, FACT_DEFINITIONS, loadRuleSet } from "../../src/rule-authoring.js";

function contextOf(values: (FactValue | undefined)[], caveats: (string | undefined)[]): EvaluationContext {
  return {
    asOf: "2025-06-01",
    values,
    caveats,
    limbStatus: [],
    encoded: values.map((v, i) =>
      caveats[i] === undefined ? encodeValue(v) : `${encodeValue(v)}!${caveats[i]}`,
    ),
  };
}

const fullText = (ctx: EvaluationContext): string => ctx.encoded.join("\u0001");

describe("factsKey", () => {
  const compiled = compileRuleSet(loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS));
  const n = compiled.facts.length;
  // Few distinct values, so that equal facts are common; numbers and strings that print alike.
  const value = fc.oneof(
    fc.constant(undefined),
    fc.boolean(),
    fc.constantFrom(0, 1, 16, 18, "16", "18", "england-and-wales", "T", "~"),
  );
  const caveat = fc.option(fc.constantFrom("age from date of birth", "pilot area"), { nil: undefined });
  const facts = fc.tuple(
    fc.array(value, { minLength: n, maxLength: n }),
    fc.array(caveat, { minLength: n, maxLength: n }),
  );

  it("is equal for two contexts exactly when every fact's value and caveat are", () => {
    fc.assert(
      fc.property(facts, facts, fc.nat(n - 1), (a, b, copyFrom) => {
        // Half the time, make b differ from a in at most one fact.
        const [bValues, bCaveats] = copyFrom % 2 === 0 ? [a[0].slice(), a[1].slice()] : b;
        bValues[copyFrom] = b[0][copyFrom];
        bCaveats[copyFrom] = b[1][copyFrom];
        const x = contextOf(a[0], a[1]);
        const y = contextOf(bValues, bCaveats);
        expect(factsKey(compiled, x) === factsKey(compiled, y)).toBe(fullText(x) === fullText(y));
      }),
      { numRuns: 2000 },
    );
  });

  it("with a lead number: equal only for the same lead and the same facts", () => {
    fc.assert(
      fc.property(
        facts,
        facts,
        fc.integer({ min: 0, max: 0xcfff }),
        fc.integer({ min: 0, max: 0xcfff }),
        (a, b, m, n) => {
          const x = contextOf(a[0], a[1]);
          const y = contextOf(b[0], b[1]);
          expect(factsKey(compiled, x, m) === factsKey(compiled, y, n)).toBe(
            m === n && fullText(x) === fullText(y),
          );
          expect(factsKey(compiled, x, m) === factsKey(compiled, x, n)).toBe(m === n);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("still tells contexts apart when a fact has taken more values than it numbers", () => {
    const fresh = compileRuleSet(loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS));
    const base = Array.from({ length: n }, () => undefined as FactValue | undefined);
    const none = Array.from({ length: n }, () => undefined as string | undefined);
    const keys = new Set<string>();
    const total = 0xd000 + 10;
    for (let i = 0; i < total; i++) {
      const values = base.slice();
      values[0] = i;
      keys.add(factsKey(fresh, contextOf(values, none)));
    }
    expect(keys.size).toBe(total);
    // And a value seen before the tables filled keeps meaning the same facts.
    const again = base.slice();
    again[0] = 5;
    expect(keys.has(factsKey(fresh, contextOf(again, none)))).toBe(true);
  });
});
