/** JSON paths in problems: units[0].facts["LAW.EXAM"].counts.items */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export type PathSegment = string | number;

export function segment(key: PropertyKey): string {
  if (typeof key === "number") return `[${key}]`;
  const name = String(key);
  return IDENTIFIER.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

export function formatPath(segments: readonly PropertyKey[], base = ""): string {
  let path = base;
  for (const key of segments) path += segment(key);
  return path.startsWith(".") ? path.slice(1) : path;
}
