// Contact fields of an organisation, shared by the form and the unit-list import.

/** Landline with area code (0468-3451000, 0468-3451000-123, 046834510000) or a mobile number. */
export function isValidPhone(value: string): boolean {
  const v = value.trim().replace(/\s+/g, "");
  return /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(v) || /^1[3-9]\d{9}$/.test(v);
}

export function isValidEmail(value: string): boolean {
  return /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/.test(value.trim());
}
