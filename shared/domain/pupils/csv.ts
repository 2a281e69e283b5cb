/**
 * Reads the text of a CSV export (RFC 4180 quoting: a field in double quotes may hold the
 * separator, line breaks and doubled quotes). Written here rather than taken from a package: the
 * whole rule is the quoting, about sixty lines, and the app then reads a file from outside the
 * school's records with no code it has not read (decision 0031).
 */
export type CsvRow = { line: number; cells: string[] };
export type CsvSeparator = ',' | ';' | '\t';

/**
 * The separator of the heading line: the one of comma, semicolon and tab that occurs most often
 * outside quotes (Excel in a comma-decimal locale saves with semicolons; some MIS reports with tabs).
 */
export function detectSeparator(text: string): CsvSeparator {
  const counts: Record<CsvSeparator, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
  }
  const best = (Object.keys(counts) as CsvSeparator[]).sort((a, b) => counts[b] - counts[a])[0]!;
  return counts[best] > 0 ? best : ',';
}

/**
 * The rows of the file with the line each began on (what a DSL finds in a spreadsheet: line 1 is
 * the headings). Blank lines are left out. An unclosed quote runs to the end of the file, as a
 * spreadsheet would read it; the row is then reported by the checks of its fields.
 */
export function parseCsv(text: string, separator: CsvSeparator = detectSeparator(text)): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let fieldStarted = false;
  const endRow = () => {
    cells.push(field);
    if (cells.length > 1 || cells[0]!.trim() !== '') rows.push({ line: rowLine, cells });
    cells = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
      continue;
    }
    if (char === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (char === separator) {
      cells.push(field);
      field = '';
      fieldStarted = false;
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (field !== '' || cells.length > 0) endRow();
  return rows;
}
