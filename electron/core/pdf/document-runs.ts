import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { GlyphCoverage } from './fonts';
import { printable, textRuns } from './text-runs';

/** Keys under which pdfmake holds further content (as in redact-content.ts); `text` is handled apart. */
const CONTENT_KEYS = ['stack', 'columns', 'ul', 'ol'] as const;

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The inline pieces of a text value: a string becomes its runs; an inline object with its
 * own style (`{ text, bold }`) keeps that style on each of its runs.
 */
function inlines(value: unknown, has: GlyphCoverage): unknown[] {
  if (typeof value === 'string') return textRuns(value, has);
  if (Array.isArray(value)) return value.flatMap((item) => inlines(item, has));
  if (isNode(value) && 'text' in value) {
    const { text, ...style } = value;
    if (typeof text === 'string') return textRuns(text, has).map((run) => ({ ...style, ...run }));
    return [{ ...style, text: inlines(text, has) }];
  }
  return [value];
}

function runsIn(node: unknown, has: GlyphCoverage): unknown {
  if (typeof node === 'string') {
    const text = printable(node, has);
    return typeof text === 'string' ? text : { text };
  }
  if (Array.isArray(node)) return node.map((child) => runsIn(child, has));
  if (!isNode(node)) return node;
  const copy: Node = { ...node };
  if (typeof copy['text'] === 'string') copy['text'] = printable(copy['text'], has);
  else if (Array.isArray(copy['text'])) copy['text'] = inlines(copy['text'], has);
  for (const key of CONTENT_KEYS) {
    if (key in copy) copy[key] = runsIn(copy[key], has);
  }
  const table = copy['table'];
  if (isNode(table) && 'body' in table) copy['table'] = { ...table, body: runsIn(table['body'], has) };
  return copy;
}

/**
 * Splits every string the document prints (headers and footers too) into runs that each
 * have one font with all their glyphs and one direction (text-runs.ts). Done last, after
 * redaction, on the text exactly as it will print.
 */
export function withTextRuns(definition: TDocumentDefinitions, has: GlyphCoverage): TDocumentDefinitions {
  const { header, footer, content } = definition;
  const wrap = <F extends (...args: never[]) => unknown>(fn: F) => ((...args: Parameters<F>) => runsIn(fn(...args), has)) as unknown as F;
  return {
    ...definition,
    content: runsIn(content, has) as Content,
    ...(typeof header === 'function' ? { header: wrap(header) } : {}),
    ...(typeof footer === 'function' ? { footer: wrap(footer) } : {}),
  };
}
