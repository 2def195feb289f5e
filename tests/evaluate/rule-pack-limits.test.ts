// Rule packs are data from outside (issue #13, item 5): whatever a pack contains, loading and
// compiling it ends with a rule set or a RulePackError naming the rule or limb and the limit.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expansionProblems } from "../../src/evaluate/rule-pack-limits.js";
import {
  BUNDLED_RULE_PACKS,
  compileRuleSet,
  DEFAULT_RULES,
  FACT_DEFINITIONS,
  loadRuleSet,
  MAX_CONDITION_DEPTH,
  MAX_EXPANDED_NODES,
  MAX_RULE_PACK_SIZE,
  RulePackError,
  type RulePackProblem,
  type RuleSet,
} from "../../src/rule-authoring.js";
import { params } from "../robustness/support.js";

// biome-ignore lint/suspicious/noExplicitAny: packs are built as raw JSON
type Json = any;

const LEAF = { fact: "risk.ongoing", operator: "equal", value: true };

function limb(id: string, conditions: Json): Json {
  return {
    id,
    label: `limb ${id}`,
    citation: "spa-2019:s1(1)(a)",
    statute: "test",
    inForce: { from: "2020-01-20" },
    conditions,
  };
}

function rule(name: string, conditions: Json): Json {
  return {
    name,
    label: "test rule",
    citation: "spa-2019:s2",
    statute: "test",
    inForce: { from: "2020-01-20" },
    recommendation: { rank: 1, role: "primary", reason: "test", citations: ["spa-2019:s2"] },
    conditions,
    event: { type: "order-available", params: { order: "spo" } },
  };
}

/** The pack: 20 limbs, each referring to the one before twice (2^20 nodes once inlined). */
function doublingPack(): Json {
  const limbs = [limb("d.0", LEAF)];
  for (let i = 1; i < 20; i++)
    limbs.push(limb(`d.${i}`, { all: [{ condition: `d.${i - 1}` }, { condition: `d.${i - 1}` }] }));
  return { instrument: "doubling", limbs, rules: [rule("doubling-rule", { condition: "d.19" })] };
}

/** A `not` nested `depth` deep around one condition (a leaf unless given). */
function nestedNotAround(inner: Json, depth: number): Json {
  let condition: Json = inner;
  for (let i = 0; i < depth; i++) condition = { not: condition };
  return condition;
}
const nestedNot = (depth: number): Json => nestedNotAround(LEAF, depth);

function rulePackError(run: () => unknown): RulePackError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RulePackError);
    return error as RulePackError;
  }
  throw new Error("expected a RulePackError");
}

const load = (packs: Json[]) => compileRuleSet(loadRuleSet(packs, FACT_DEFINITIONS));

describe("rule-pack limits", () => {
  it("the issue's pack of 20 limbs each referring to the one before twice is refused, naming the limb and the limit", () => {
    expect(JSON.stringify(doublingPack()).length).toBeLessThan(4500); // the 3.8 KB, give or take the fixtures
    const error = rulePackError(() => load([doublingPack()]));
    const limbProblems = error.problems.filter((p) => p.path.startsWith("limbs."));
    // Named once, where the growth crosses the limit: d.i has 3 + 2·(nodes of d.(i-1)) nodes, so
    // 1, 5, 13, …, 4093 (d.10), 8189 (d.11).
    expect(limbProblems).toEqual([
      {
        pack: "doubling",
        path: "limbs.11.conditions",
        message: expect.stringMatching(
          /^limb "d\.11" with its limbs inlined expands to more than 5000 nodes \(the limit is MAX_EXPANDED_NODES\)$/,
        ),
      },
    ]);
    expect(error.problems).toContainEqual({
      pack: "doubling",
      path: "rules.0.conditions",
      message: expect.stringMatching(
        /^rule "doubling-rule" with its limbs inlined expands to more than 5000 nodes .*MAX_EXPANDED_NODES.* and is nested more than 32 deep .*limb "d\.19"/,
      ),
    });
  });

  it("a `not` nested 20,000 deep is a RulePackError naming the rule and the limit, not a RangeError", () => {
    const pack = { instrument: "deep", limbs: [], rules: [rule("deep-rule", nestedNot(20_000))] };
    const error = rulePackError(() => load([pack]));
    expect(error.problems).toEqual([
      {
        pack: "deep",
        path: "rules.0.conditions",
        message: `rule "deep-rule": the condition is nested more than ${MAX_CONDITION_DEPTH} deep (the limit is MAX_CONDITION_DEPTH)`,
      },
    ]);
  });

  it("a limb nested too deep is named, and so is a rule that is too deep only once its limbs are inlined", () => {
    const deepLimb = rulePackError(() =>
      load([{ instrument: "p", limbs: [limb("l.deep", nestedNot(MAX_CONDITION_DEPTH))], rules: [] }]),
    );
    expect(deepLimb.problems).toEqual([
      {
        pack: "p",
        path: "limbs.0.conditions",
        message: expect.stringMatching(/^limb "l\.deep": .*MAX_CONDITION_DEPTH/),
      },
    ]);
    // l.a is 26 deep, l.b 29 with l.a inlined (both fine); the rule refers to l.b at depth 4: 33.
    const chained = rulePackError(() =>
      load([
        {
          instrument: "p",
          limbs: [limb("l.a", nestedNot(25)), limb("l.b", { all: [LEAF, { not: { condition: "l.a" } }] })],
          rules: [rule("r", nestedNotAround({ condition: "l.b" }, 3))],
        },
      ]),
    );
    expect(chained.problems.map((p) => p.path)).toEqual(["rules.0.conditions"]);
    expect(chained.problems[0]?.message).toMatch(
      /^rule "r" with its limbs inlined is nested more than 32 deep/,
    );
  });

  it("exactly at the limits compiles; one past each is refused", () => {
    // MAX_CONDITION_DEPTH deep: the leaf is at depth 32.
    expect(() =>
      load([{ instrument: "p", limbs: [], rules: [rule("r", nestedNot(MAX_CONDITION_DEPTH - 1))] }]),
    ).not.toThrow();
    rulePackError(() =>
      load([{ instrument: "p", limbs: [], rules: [rule("r", nestedNot(MAX_CONDITION_DEPTH))] }]),
    );
    // MAX_EXPANDED_NODES nodes: an `any` of 4,999 leaves.
    const wide = (n: number) => ({ any: Array.from({ length: n }, () => LEAF) });
    const compiled = load([{ instrument: "p", limbs: [], rules: [rule("r", wide(MAX_EXPANDED_NODES - 1))] }]);
    expect(compiled.rules[0]?.nodes.length).toBe(MAX_EXPANDED_NODES);
    const error = rulePackError(() =>
      load([{ instrument: "p", limbs: [], rules: [rule("r", wide(MAX_EXPANDED_NODES))] }]),
    );
    expect(error.problems[0]?.message).toMatch(/MAX_EXPANDED_NODES/);
  });

  it("a pack over MAX_RULE_PACK_SIZE is refused before its conditions are checked", () => {
    const values = Array.from({ length: MAX_RULE_PACK_SIZE }, (_, i) => `v${i}`);
    const big = {
      instrument: "big",
      limbs: [],
      rules: [rule("r", { fact: "case.jurisdiction", operator: "in", value: values })],
    };
    const error = rulePackError(() => load([big]));
    expect(error.problems).toEqual([
      { pack: "big", path: "(root)", message: expect.stringMatching(/more than 10000 .*MAX_RULE_PACK_SIZE/) },
    ]);
    const manyLimbs = {
      instrument: "many",
      limbs: Array.from({ length: MAX_RULE_PACK_SIZE + 1 }, (_, i) => limb(`m.${i}`, LEAF)),
      rules: [],
    };
    expect(rulePackError(() => load([manyLimbs])).problems).toHaveLength(1);
  });

  it("a cyclic or hugely shared raw condition is refused at the limits, not walked forever", () => {
    const cyclic: Json = { all: [LEAF] };
    cyclic.all.push(cyclic);
    rulePackError(() => load([{ instrument: "p", limbs: [], rules: [rule("r", cyclic)] }]));
    let shared: Json = LEAF;
    for (let i = 0; i < 30; i++) shared = { any: [shared, shared] }; // 2^31 nodes as a tree, 31 objects
    const error = rulePackError(() => load([{ instrument: "p", limbs: [], rules: [rule("r", shared)] }]));
    expect(error.problems[0]?.message).toMatch(/MAX_RULE_PACK_SIZE/);
  });

  it("a long chain of limbs (no recursion through the limb graph) is refused by depth, and a long cycle is named", () => {
    // c.i is a reference (depth 1) to c.(i-1), so c.i is i + 1 deep inlined: c.32 is the first over.
    const chain = Array.from({ length: 5000 }, (_, i) =>
      limb(`c.${i}`, i === 0 ? LEAF : { condition: `c.${i - 1}` }),
    );
    const error = rulePackError(() => load([{ instrument: "p", limbs: chain, rules: [] }]));
    expect(error.problems).toEqual([
      {
        pack: "p",
        path: "limbs.32.conditions",
        message: expect.stringMatching(/^limb "c\.32" with its limbs inlined is nested/),
      },
    ]);
    const cycle = chain.map((l: Json, i: number) => ({
      ...l,
      conditions: { condition: `c.${(i + 1) % 5000}` },
    }));
    const circular = rulePackError(() => load([{ instrument: "p", limbs: cycle, rules: [] }]));
    expect(
      circular.problems.some((p) =>
        /^circular condition reference: c\.0 → c\.1 → .* → … → c\.0$/.test(p.message),
      ),
    ).toBe(true);
  });

  it("compileRuleSet refuses a hand-made rule set over the limits (or circular) the same way", () => {
    const ruleSet: RuleSet = {
      packs: [],
      limbs: new Map(),
      rules: [{ ...rule("r", nestedNot(20_000)) }],
      facts: FACT_DEFINITIONS,
    };
    expect(rulePackError(() => compileRuleSet(ruleSet)).problems[0]?.message).toMatch(/MAX_CONDITION_DEPTH/);
    const loop = limb("x.a", { not: { condition: "x.a" } });
    const circular: RuleSet = {
      packs: [],
      limbs: new Map([["x.a", loop]]),
      rules: [],
      facts: FACT_DEFINITIONS,
    };
    expect(rulePackError(() => compileRuleSet(circular)).problems[0]?.message).toMatch(/circular/);
  });

  it("the bundled rules are well inside the limits, and the count is the compiler's own", () => {
    const ruleSet = loadRuleSet(BUNDLED_RULE_PACKS, FACT_DEFINITIONS);
    const { problems, ruleNodes } = expansionProblems(
      {
        limbs: ruleSet.limbs,
        rules: ruleSet.rules,
        limbAt: () => ({ pack: "", path: "" }),
        ruleAt: () => ({ pack: "", path: "" }),
      },
      true,
    );
    expect(problems).toEqual([]);
    expect(ruleNodes).toEqual(DEFAULT_RULES.rules.map((r) => r.nodes.length));
    for (const r of DEFAULT_RULES.rules) {
      expect(r.nodes.length).toBeLessThan(MAX_EXPANDED_NODES / 10);
      const depth = new Array<number>(r.nodes.length).fill(1);
      r.nodes.forEach((node, i) => {
        for (const c of node.children) depth[c] = depth[i]! + 1;
      });
      expect(Math.max(...depth)).toBeLessThan(MAX_CONDITION_DEPTH / 2);
    }
  });
});

// Generated packs: a few limbs referring to earlier (or any, so cycles too) limbs, conditions of
// any shape (valid and not), some nested deep and wide.
const limbIds = ["g.0", "g.1", "g.2", "g.3", "g.4", "g.5"];
const leafArb: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(LEAF),
  fc.constantFrom(...limbIds).map((id) => ({ condition: id })),
  fc.constantFrom<Json>(
    { fact: "nope", operator: "equal", value: 1 },
    { condition: "" },
    7,
    null,
    [],
    { all: [] },
    { fact: "risk.ongoing", operator: "in", value: [true] },
  ),
);
const { condition: conditionArb } = fc.letrec<{ condition: Json }>((tie) => ({
  condition: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leafArb,
    fc.array(tie("condition"), { minLength: 1, maxLength: 4 }).map((all) => ({ all })),
    fc.array(tie("condition"), { minLength: 1, maxLength: 4 }).map((any) => ({ any })),
    tie("condition").map((not) => ({ not })),
    fc.tuple(tie("condition"), fc.integer({ min: 1, max: 60 })).map(([c, n]) => {
      let out: Json = c;
      for (let i = 0; i < n; i++) out = { not: out };
      return out;
    }),
    fc
      .tuple(tie("condition"), fc.integer({ min: 2, max: 4 }))
      .map(([c, n]) => ({ any: Array.from({ length: n }, () => c) })),
  ),
}));
const packArb = fc.record({
  limbs: fc.array(conditionArb, { minLength: 0, maxLength: limbIds.length }),
  rules: fc.array(conditionArb, { minLength: 0, maxLength: 3 }),
  doubling: fc.boolean(),
});

describe("any generated pack compiles or is a RulePackError", () => {
  it("never another error, and what compiles is within the limits", () => {
    fc.assert(
      fc.property(packArb, ({ limbs, rules, doubling }) => {
        const pack: Json = {
          instrument: "gen",
          limbs: limbs.map((c, i) => limb(limbIds[i]!, c)),
          rules: rules.map((c, i) => rule(`gen-${i}`, c)),
        };
        const packs = doubling ? [pack, doublingPack()] : [pack];
        let compiled: ReturnType<typeof load> | undefined;
        try {
          compiled = load(packs);
        } catch (error) {
          expect(error).toBeInstanceOf(RulePackError);
          for (const p of (error as RulePackError).problems as RulePackProblem[])
            expect(p.message.length).toBeLessThan(400);
          return;
        }
        for (const r of compiled.rules) expect(r.nodes.length).toBeLessThanOrEqual(MAX_EXPANDED_NODES);
      }),
      params(),
    );
  });
});
