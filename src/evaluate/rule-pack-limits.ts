// Limits on rule packs. A rule pack is data from outside (a caller's own file, a service's upload),
// so loading and compiling one must end quickly with a RulePackError, whatever it contains: a `not`
// nested 20,000 deep, or 20 limbs each referring to the one before twice (a tree of 2^20 nodes
// once the limbs are inlined). Every check here is iterative or bounded by these limits, so that it
// cannot overflow the stack before it has refused the input, and the expanded size of a rule is
// counted per limb (memoised), never by building the tree.

/**
 * The deepest a rule's condition tree may be, counted with every limb it refers to inlined (a
 * reference and the limb's own tree each add their depth). The bundled rules are at most 9 deep.
 * A deeper pack fails with a `RulePackError` naming the rule or limb.
 *
 * @example
 * ```ts
 * import { MAX_CONDITION_DEPTH } from "protective-orders/rule-authoring";
 * MAX_CONDITION_DEPTH; // 32
 * ```
 */
export const MAX_CONDITION_DEPTH = 32;

/**
 * The most nodes a rule's (or a limb's) condition tree may have once every limb it refers to is
 * inlined, as the compiler expands it (each condition, and each limb reference, is one node). The
 * bundled rules have at most 60. A larger pack fails with a `RulePackError` naming the rule and
 * the limb that makes it large.
 *
 * @example
 * ```ts
 * import { MAX_EXPANDED_NODES } from "protective-orders/rule-authoring";
 * MAX_EXPANDED_NODES; // 5000
 * ```
 */
export const MAX_EXPANDED_NODES = 5000;

/**
 * The largest one rule pack may be, counting each limb, each rule, each condition as written
 * (before limbs are inlined) and each value in an `in`/`notIn` list as one. The bundled packs are
 * under 100. A larger pack fails with a `RulePackError` before its conditions are checked.
 *
 * @example
 * ```ts
 * import { MAX_RULE_PACK_SIZE } from "protective-orders/rule-authoring";
 * MAX_RULE_PACK_SIZE; // 10000
 * ```
 */
export const MAX_RULE_PACK_SIZE = 10_000;

/** A problem found by a limit check, before the pack name is attached. */
export interface LimitProblem {
  readonly path: string;
  readonly message: string;
}

/** What one walk over a written condition tree found. */
interface ConditionWalk {
  /** Nodes as written, each limb reference counting one (at most `budget + 1`). */
  readonly nodes: number;
  /** Values in `in`/`notIn` lists. */
  readonly values: number;
  /** The depth of the written tree (at most `MAX_CONDITION_DEPTH + 1`). */
  readonly depth: number;
  /** Each limb reference, with the depth of the reference node (the root is at depth 1). */
  readonly refs: readonly { readonly id: string; readonly depth: number }[];
  /** Whether the walk stopped early, at the depth limit or the budget. */
  readonly stopped: "depth" | "size" | undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Walks one condition tree without recursion, in the same shape the schema check reads it (so
 * that what is bounded here is what later, recursive passes will visit), stopping as soon as it
 * is deeper than {@link MAX_CONDITION_DEPTH} or has more than `budget` nodes and values. Works on
 * raw, unchecked input: a cyclic or shared object is walked as the tree it spells, and stops at
 * the limits.
 */
function walkCondition(root: unknown, budget: number): ConditionWalk {
  let nodes = 0;
  let values = 0;
  let depth = 0;
  const refs: { id: string; depth: number }[] = [];
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, at] = stack.pop()!;
    nodes++;
    if (at > depth) depth = at;
    if (at > MAX_CONDITION_DEPTH) return { nodes, values, depth, refs, stopped: "depth" };
    if (nodes + values > budget) return { nodes, values, depth, refs, stopped: "size" };
    if (!isObject(node)) continue;
    if ("all" in node || "any" in node) {
      const list = "all" in node ? node.all : node.any;
      if (Array.isArray(list)) for (let i = list.length - 1; i >= 0; i--) stack.push([list[i], at + 1]);
    } else if ("not" in node) {
      stack.push([node.not, at + 1]);
    } else if ("condition" in node) {
      if (typeof node.condition === "string") refs.push({ id: node.condition, depth: at });
    } else if ("fact" in node && Array.isArray(node.value)) {
      values += node.value.length;
      if (nodes + values > budget) return { nodes, values, depth, refs, stopped: "size" };
    }
  }
  return { nodes, values, depth, refs, stopped: undefined };
}

/** How a limb or rule is named in a problem: its id when it is a short name, else its position. */
export function nameOf(kind: "limb" | "rule", id: unknown, index: number | undefined): string {
  if (typeof id === "string" && id.length > 0 && id.length <= 80 && /^[\w.:()/$-]+$/.test(id))
    return `${kind} ${JSON.stringify(id)}`;
  return index === undefined ? `a ${kind}` : `${kind} ${index}`;
}

const TOO_DEEP = `is nested more than ${MAX_CONDITION_DEPTH} deep (the limit is MAX_CONDITION_DEPTH)`;
const TOO_LARGE = `the pack has more than ${MAX_RULE_PACK_SIZE} limbs, rules, conditions and listed values (the limit is MAX_RULE_PACK_SIZE)`;

/**
 * The size and written-depth problems of one raw (unchecked) rule pack. Run before the schema
 * check, whose condition check is recursive: a pack with a problem here is not checked further.
 */
export function rawPackLimitProblems(raw: unknown): LimitProblem[] {
  if (!isObject(raw)) return [];
  const limbs = Array.isArray(raw.limbs) ? (raw.limbs as unknown[]) : [];
  const rules = Array.isArray(raw.rules) ? (raw.rules as unknown[]) : [];
  let remaining = MAX_RULE_PACK_SIZE - limbs.length - rules.length;
  if (remaining < 0) return [{ path: "(root)", message: TOO_LARGE }];
  const problems: LimitProblem[] = [];
  const entries: [string, "limb" | "rule", unknown[]][] = [
    ["limbs", "limb", limbs],
    ["rules", "rule", rules],
  ];
  for (const [key, kind, list] of entries) {
    for (let i = 0; i < list.length; i++) {
      const entry = list[i];
      if (!isObject(entry)) continue;
      const walk = walkCondition(entry.conditions, remaining);
      if (walk.stopped === "size") return [{ path: "(root)", message: TOO_LARGE }];
      remaining -= walk.nodes + walk.values;
      if (walk.stopped === "depth") {
        const name = nameOf(kind, kind === "limb" ? entry.id : entry.name, i);
        problems.push({ path: `${key}.${i}.conditions`, message: `${name}: the condition ${TOO_DEEP}` });
      }
    }
  }
  return problems;
}

/** Where a limb or rule is: its pack and its path in the pack. */
export interface Location {
  readonly pack: string;
  readonly path: string;
}

/** A problem of a checked rule set, with its pack. */
export interface LocatedProblem extends LimitProblem {
  readonly pack: string;
}

/** What a checked rule set's limbs and rules look like, as the expansion check needs them. */
export interface ExpansionInput {
  readonly limbs: ReadonlyMap<string, { readonly conditions: unknown }>;
  readonly rules: readonly { readonly name: string; readonly conditions: unknown }[];
  readonly limbAt: (id: string) => Location;
  readonly ruleAt: (index: number) => Location;
}

interface Expansion {
  nodes: number;
  depth: number;
}

/**
 * The expanded size and depth of every limb and rule, counted per limb (a limb's expansion is its
 * own nodes plus the expansion of each limb it refers to, worked out once), iteratively over the
 * limb graph, saturating just past the limits. Returns the problems: a limb or rule over a limit
 * (a limb only where the limbs it refers to are within it, so that the limb where the growth
 * happens is named, not every limb above it), and, when `reportCycles` is set, a circular reference
 * (the loader finds cycles itself; the compiler, given a hand-made rule set, relies on this).
 * Also returns each rule's expanded node count, for tests.
 */
export function expansionProblems(
  input: ExpansionInput,
  reportCycles: boolean,
): { problems: LocatedProblem[]; ruleNodes: number[] } {
  const problems: LocatedProblem[] = [];
  const walks = new Map<string, ConditionWalk>();
  const walkOf = (id: string): ConditionWalk => {
    let walk = walks.get(id);
    if (walk === undefined) {
      walk = walkCondition(input.limbs.get(id)?.conditions, MAX_EXPANDED_NODES);
      walks.set(id, walk);
    }
    return walk;
  };
  const done = new Map<string, Expansion>();
  const inProgress = new Set<string>();
  const cycles = new Map<string, string[]>();
  const combine = (walk: ConditionWalk): Expansion => {
    let nodes = walk.nodes;
    let depth = walk.depth;
    for (const ref of walk.refs) {
      const e = done.get(ref.id);
      if (e === undefined) continue; // dangling, or part of a cycle (reported elsewhere)
      nodes = Math.min(nodes + e.nodes, MAX_EXPANDED_NODES + 1);
      depth = Math.min(Math.max(depth, ref.depth + e.depth), MAX_CONDITION_DEPTH + 1);
    }
    return { nodes, depth };
  };
  const over = (e: Expansion) => e.nodes > MAX_EXPANDED_NODES || e.depth > MAX_CONDITION_DEPTH;
  const describe = (e: Expansion) => {
    const parts: string[] = [];
    if (e.nodes > MAX_EXPANDED_NODES)
      parts.push(`expands to more than ${MAX_EXPANDED_NODES} nodes (the limit is MAX_EXPANDED_NODES)`);
    if (e.depth > MAX_CONDITION_DEPTH) parts.push(TOO_DEEP);
    return `with its limbs inlined ${parts.join(" and ")}`;
  };

  for (const start of input.limbs.keys()) {
    if (done.has(start)) continue;
    // Post-order over the limb graph with an explicit stack: a limb is finished once every limb
    // it refers to is.
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    inProgress.add(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const walk = walkOf(top.id);
      if (top.next < walk.refs.length) {
        const ref = walk.refs[top.next++]!.id;
        if (!input.limbs.has(ref) || done.has(ref)) continue;
        if (inProgress.has(ref)) {
          if (!cycles.has(ref)) {
            const from = stack.findIndex((s) => s.id === ref);
            cycles.set(ref, [...stack.slice(from).map((s) => s.id), ref]);
          }
          continue;
        }
        inProgress.add(ref);
        stack.push({ id: ref, next: 0 });
        continue;
      }
      stack.pop();
      inProgress.delete(top.id);
      const e = combine(walk);
      done.set(top.id, e);
      const referredOver = walk.refs.some((r) => {
        const x = done.get(r.id);
        return x !== undefined && over(x);
      });
      if (over(e) && !referredOver) {
        const at = input.limbAt(top.id);
        problems.push({ ...at, message: `${nameOf("limb", top.id, undefined)} ${describe(e)}` });
      }
    }
  }
  if (reportCycles) {
    for (const [id, cycle] of cycles) {
      const shown = cycle.length > 10 ? [...cycle.slice(0, 9), "…", id] : cycle;
      problems.push({
        pack: input.limbAt(id).pack,
        path: `limbs.${id}`,
        message: `circular condition reference: ${shown.join(" → ")}`,
      });
    }
  }
  const ruleNodes = input.rules.map((rule, i) => {
    const walk = walkCondition(rule.conditions, MAX_EXPANDED_NODES);
    const e = combine(walk);
    if (over(e)) {
      let largest: string | undefined;
      let most = -1;
      for (const ref of walk.refs) {
        const x = done.get(ref.id);
        if (x !== undefined && x.nodes + x.depth > most) {
          most = x.nodes + x.depth;
          largest = ref.id;
        }
      }
      const through =
        largest === undefined ? "" : ` (the largest part is ${nameOf("limb", largest, undefined)})`;
      problems.push({
        ...input.ruleAt(i),
        message: `${nameOf("rule", rule.name, i)} ${describe(e)}${through}`,
      });
    }
    return e.nodes;
  });
  return { problems, ruleNodes };
}
