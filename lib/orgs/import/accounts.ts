// Accounts for newly imported units: one per unit, role `unit`, a one-time password.

/**
 * `u` + the unit's GB 11714 organisation code (positions 9–17 of the credit code), lower case:
 * 11230421234130334P → u234130334. The organisation code is unique nationwide, readable to the
 * office (it is printed on the unit's certificate) and needs no pinyin.
 */
export function unitUsername(uscc: string): string {
  return `u${uscc.slice(8, 17).toLowerCase()}`;
}

/** The first of `base`, `base-2`, `base-3`… not in `taken` (lower case); the pick is added to it. */
export function freeUsername(base: string, taken: Set<string>): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}-${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** "<unit name>联络员", within the 50 characters an account's name may have. */
export function unitAccountDisplayName(orgName: string): string {
  const suffix = "联络员";
  return `${orgName.slice(0, 50 - suffix.length)}${suffix}`;
}
