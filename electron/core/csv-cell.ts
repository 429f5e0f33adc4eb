/**
 * Spreadsheets run a cell that starts with = + - @ as a formula; exported mentions and quarantined rows are opened in
 * one, and their content is untrusted, so such cells get a leading apostrophe (OWASP's CSV-injection advice).
 */
export function defuseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A cell as it was before defuseCell: for reading back a file Firebreak wrote. */
export function undefuseCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}
