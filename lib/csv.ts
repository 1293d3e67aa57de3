/**
 * Spreadsheet safety for CSV cells: a cell that starts with = + - @, a tab or a carriage return is read by Excel as a
 * formula (CSV injection, OWASP), so it is prefixed with an apostrophe, which Excel shows as text.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
