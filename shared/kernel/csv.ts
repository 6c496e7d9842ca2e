/**
 * Semicolon-separated text as Norwegian spreadsheets and accounting imports read it: a header row,
 * CRLF line ends, and fields quoted only when they must be.
 */

/**
 * One field as CSV: quoted when it holds the separator, a quote or a line break, and with a leading
 * apostrophe when a spreadsheet would read it as a formula (a name beginning with `=`).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The rows, the header first, as CSV text ending in a line break. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return `${rows.map((row) => row.map(csvField).join(';')).join('\r\n')}\r\n`;
}
