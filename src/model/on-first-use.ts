// What the library builds from its own bundled data (the citation registry, the compiled rules,
// the decline reader's patterns) is built on first use rather than at import, to keep the cold
// import cheap. Built at import, it saw Object.prototype before the host could add anything to it
// (issue #13: whatever is added later changes no answer); built later, it must see the same.

/** The own keys of Object.prototype when the library was loaded. */
const KEYS_AT_IMPORT: ReadonlySet<PropertyKey> = new Set(Reflect.ownKeys(Object.prototype));

/**
 * Runs `make` with Object.prototype as it was when the library was loaded: any property added to
 * it since is taken off for the call and put back, with its own descriptor, afterwards (a property
 * that cannot be taken off stays). Synchronous, so nothing else runs meanwhile.
 */
function withPrototypeAsAtImport<T>(make: () => T): T {
  const proto = Object.prototype;
  const added = Reflect.ownKeys(proto).filter((key) => !KEYS_AT_IMPORT.has(key));
  if (added.length === 0) return make();
  const removed: [PropertyKey, PropertyDescriptor][] = [];
  try {
    for (const key of added) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key);
      if (descriptor?.configurable !== true) continue;
      removed.push([key, descriptor]);
      Reflect.deleteProperty(proto, key);
    }
    return make();
  } finally {
    for (const [key, descriptor] of removed) Object.defineProperty(proto, key, descriptor);
  }
}

/**
 * A value made on its first use and then kept, built as it would have been at import (see
 * {@link withPrototypeAsAtImport}). Internal.
 *
 * For example (not type-checked: an internal module, not a public entry point):
 * ```ts
 * const table = onFirstUse(() => new Map([["a", 1]]));
 * table().get("a"); // 1, and the same Map on every call
 * ```
 */
export function onFirstUse<T>(make: () => T): () => T {
  let made = false;
  let value: T | undefined;
  return () => {
    if (!made) {
      value = withPrototypeAsAtImport(make);
      made = true;
    }
    return value as T;
  };
}
