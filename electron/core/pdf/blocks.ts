import type { Content, ContentTable, StyleDictionary, TableCell } from 'pdfmake/interfaces';

/** Sizes in points. 10 pt body text stays readable on A4 printed at 100 %. */
export const STYLES: StyleDictionary = {
  title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 12, color: '#333333', margin: [0, 0, 0, 12] },
  section: { fontSize: 14, bold: true, margin: [0, 16, 0, 6] },
  entry: { fontSize: 11, bold: true, margin: [0, 10, 0, 2] },
  meta: { fontSize: 9, color: '#444444', margin: [0, 0, 0, 4] },
  label: { bold: true },
  tableHeader: { bold: true, fillColor: '#eeeeee' },
  note: { fontSize: 9, italics: true, color: '#444444' },
  warning: { bold: true, color: '#8a1c00' },
  superseded: { color: '#555555' },
  statement: { bold: true, margin: [0, 8, 0, 8] },
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

/**
 * Headings carry a headlineLevel so the page-break rule (frame.ts) can keep a heading with
 * what follows it instead of leaving it alone at the foot of a page.
 */
export function sectionHeading(text: string): Content {
  return { text, style: 'section', headlineLevel: 1 };
}

export function entryHeading(text: string): Content {
  return { text, style: 'entry', headlineLevel: 2 };
}

/** Question and answer, one row each; no row is ever split across two pages. */
export function keyValueTable(rows: readonly (readonly [string, string])[], labelWidth = 165): ContentTable {
  return {
    table: {
      widths: [labelWidth, '*'],
      dontBreakRows: true,
      body: rows.map(([label, value]): TableCell[] => [{ text: label, style: 'label' }, { text: value }]),
    },
    layout: RULED,
    margin: [0, 2, 0, 6],
  };
}

/** A table with a header row that repeats on each page, and rows that never split. */
export function dataTable(headers: readonly string[], rows: readonly TableCell[][], widths: (number | '*' | 'auto')[]): ContentTable {
  return {
    table: {
      widths,
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      body: [headers.map((h): TableCell => ({ text: h, style: 'tableHeader' })), ...rows],
    },
    layout: RULED,
    fontSize: 9,
    margin: [0, 2, 0, 8],
  };
}

export function paragraph(text: string, style?: string): Content {
  return style ? { text, style, margin: [0, 0, 0, 4] } : { text, margin: [0, 0, 0, 4] };
}
