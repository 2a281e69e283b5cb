import type { Content, ContentTable, StyleDictionary, TableCell } from 'pdfmake/interfaces';

/** Sizes in points. 10 pt body text stays readable on A4 printed at 100 %. */
export const STYLES: StyleDictionary = {
  title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 12, color: '#333333', margin: [0, 0, 0, 12] },
  section: { fontSize: 14, bold: true, margin: [0, 14, 0, 4] },
  entry: { fontSize: 11, bold: true, margin: [0, 6, 0, 1] },
  meta: { fontSize: 9, color: '#444444', margin: [0, 0, 0, 2] },
  label: { bold: true },
  tableHeader: { bold: true, fillColor: '#eeeeee' },
  note: { fontSize: 9, italics: true, color: '#444444' },
  warning: { bold: true, color: '#8a1c00' },
  superseded: { color: '#555555' },
  frame: {},
};

/** Thin grey rules and a little padding: plain enough to photocopy well. */
const RULED = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#999999',
  vLineColor: () => '#999999',
  paddingTop: () => 3,
  paddingBottom: () => 3,
  paddingLeft: () => 4,
  paddingRight: () => 4,
};

export function sectionHeading(text: string): Content {
  return { text, style: 'section' };
}

export function entryHeading(text: string): Content {
  return { text, style: 'entry' };
}

export function paragraph(text: string, style?: string): Content {
  return style ? { text, style, margin: [0, 0, 0, 4] } : { text, margin: [0, 0, 0, 4] };
}

/**
 * Rows are kept whole on one page (`dontBreakRows`), but pdfmake silently drops the text of
 * an unbreakable row taller than a page. A row that might not fit is therefore laid out in
 * a table of its own that may break: a long account splits across pages, and nothing is lost.
 * The estimate is deliberately pessimistic (narrow characters, every paragraph a new line).
 */
const MAX_UNBROKEN_LINES = 30;

function estimatedLines(text: string, charsPerLine: number): number {
  return text.split('\n').reduce((lines, paragraph) => lines + Math.max(1, Math.ceil(paragraph.length / charsPerLine)), 0);
}

function cellText(cell: TableCell): string {
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'object' && cell !== null && 'text' in cell && typeof cell.text === 'string') return cell.text;
  return '';
}

/** A heading that stays with a table's first row: it is the table's first, border-less header row. */
function headingRow(heading: readonly Content[], columns: number): TableCell[] {
  const cell: TableCell = { stack: [...heading], colSpan: columns, border: [false, false, false, false], margin: [-4, 0, 0, 0] };
  return [cell, ...Array.from({ length: columns - 1 }, (): TableCell => ({ text: '', border: [false, false, false, false] }))];
}

type TableOptions = {
  widths: (number | '*' | 'auto')[];
  /** Rows repeated at the top of each page the table runs onto (column headings). */
  header?: TableCell[];
  /** Shown above the table and kept with its first row (a section or entry heading). */
  heading?: readonly Content[];
  /** Characters per line of the widest free-text column, for the height estimate. */
  charsPerLine: number;
  fontSize?: number;
};

/** Splits the rows where one may be too tall to keep whole, so every other row still never splits. */
function tables(rows: readonly TableCell[][], options: TableOptions): Content[] {
  const tall = (row: TableCell[]) => row.some((cell) => estimatedLines(cellText(cell), options.charsPerLine) > MAX_UNBROKEN_LINES);
  const segments: { rows: TableCell[][]; breakable: boolean }[] = [];
  for (const row of rows) {
    const breakable = tall(row);
    const last = segments.at(-1);
    if (last && !last.breakable && !breakable) last.rows.push(row);
    else segments.push({ rows: [row], breakable });
  }
  if (segments.length === 0) segments.push({ rows: [], breakable: false });

  return segments.map((segment, index): ContentTable => {
    const first = index === 0;
    const header = first || segment.breakable ? (options.header ? [options.header] : []) : [];
    // A heading is kept with the first row only when that row is one that never splits.
    const heading = first && options.heading && !segment.breakable ? [headingRow(options.heading, options.widths.length)] : [];
    const headerRows = heading.length + header.length;
    return {
      table: {
        widths: options.widths,
        ...(headerRows > 0 ? { headerRows, keepWithHeaderRows: 1 } : {}),
        dontBreakRows: !segment.breakable,
        body: [...heading, ...header, ...segment.rows],
      },
      // No rule above a heading row: it reads as a heading, not as part of the table.
      layout: heading.length > 0 ? { ...RULED, hLineWidth: (i: number) => (i === 0 ? 0 : 0.5) } : RULED,
      ...(options.fontSize ? { fontSize: options.fontSize } : {}),
      margin: [0, 0, 0, index === segments.length - 1 ? 6 : 0],
    };
  }).flatMap((table, index) => (index === 0 && options.heading && segments[0]!.breakable ? [...options.heading, table] : [table]));
}

/** Question and answer, one row each. */
export function keyValueTable(rows: readonly (readonly [string, string])[], options: { heading?: readonly Content[]; labelWidth?: number } = {}): Content[] {
  const labelWidth = options.labelWidth ?? 165;
  return tables(
    rows.map(([label, value]): TableCell[] => [{ text: label, style: 'label' }, { text: value }]),
    { widths: [labelWidth, '*'], charsPerLine: Math.floor((499 - labelWidth) / 6), ...(options.heading ? { heading: options.heading } : {}) },
  );
}

/** A table with column headings that repeat on each page it runs onto. */
export function dataTable(
  headers: readonly string[],
  rows: readonly TableCell[][],
  widths: (number | '*' | 'auto')[],
  options: { heading?: readonly Content[]; charsPerLine?: number } = {},
): Content[] {
  return tables(rows, {
    widths,
    header: headers.map((h): TableCell => ({ text: h, style: 'tableHeader' })),
    charsPerLine: options.charsPerLine ?? 30,
    fontSize: 9,
    ...(options.heading ? { heading: options.heading } : {}),
  });
}
