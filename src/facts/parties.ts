import { ageOnDate } from "../dates/calendar.js";
import type { CaseFacts, Person } from "../model/case-facts.js";
import type { IsoDate } from "../model/iso-date.js";

/**
 * A person's age on `asOf`: from the date of birth when given, else the recorded age.
 *
 * @example
 * ```ts
 * import { ageOf } from "protective-orders/rule-authoring";
 * ageOf({ dateOfBirth: "2010-01-01" }, "2025-12-31"); // 15
 * ```
 */
export function ageOf(person: Person | undefined, asOf: IsoDate): number | undefined {
  if (!person) return undefined;
  if (person.dateOfBirth !== undefined) return ageOnDate(person.dateOfBirth, asOf);
  return person.age;
}

/**
 * The victim: the first person to protect whose role is `victim`, else the first person listed.
 *
 * @example
 * ```ts
 * import { victimOf } from "protective-orders/rule-authoring";
 * victimOf({ id: "c", personsToProtect: [{ id: "p1", role: "connected-person" }, { id: "v", role: "victim" }] })?.id; // "v"
 * ```
 */
export function victimOf(facts: CaseFacts): Person | undefined {
  const people = facts.personsToProtect;
  if (!people) return undefined;
  return people.find((p) => p.role === "victim") ?? people[0];
}

function atLeast(age: number | undefined, years: number): boolean | undefined {
  return age === undefined ? undefined : age >= years;
}

/**
 * The suspect is 18 or over on `asOf` (DAA 2021 s.22(6); CSA 2010 s.24(2)).
 *
 * @example
 * ```ts
 * import { suspectIsAdult } from "protective-orders/rule-authoring";
 * suspectIsAdult({ id: "c", suspect: { dateOfBirth: "2010-03-01" } }, "2025-06-01"); // false
 * ```
 */
export function suspectIsAdult(facts: CaseFacts, asOf: IsoDate): boolean | undefined {
  return atLeast(ageOf(facts.suspect, asOf), 18);
}

/**
 * The suspect is 16 or over on `asOf` (DAA 2021 s.1(2)(a)).
 *
 * @example
 * ```ts
 * import { suspectIsAged16OrOver } from "protective-orders/rule-authoring";
 * suspectIsAged16OrOver({ id: "c", suspect: { age: 16 } }, "2025-06-01"); // true
 * ```
 */
export function suspectIsAged16OrOver(facts: CaseFacts, asOf: IsoDate): boolean | undefined {
  return atLeast(ageOf(facts.suspect, asOf), 16);
}

/**
 * The victim is 16 or over on `asOf` (DAA 2021 s.1(2)(a), s.22(3)).
 *
 * @example
 * ```ts
 * import { victimIsAged16OrOver } from "protective-orders/rule-authoring";
 * victimIsAged16OrOver({ id: "c", personsToProtect: [{ role: "victim", age: 15 }] }, "2025-06-01"); // false
 * ```
 */
export function victimIsAged16OrOver(facts: CaseFacts, asOf: IsoDate): boolean | undefined {
  return atLeast(ageOf(victimOf(facts), asOf), 16);
}
