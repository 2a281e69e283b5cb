import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

type Redact = (text: string) => string;

/** Keys under which pdfmake holds text or further content; style names and layouts are left alone. */
const CONTENT_KEYS = ['text', 'stack', 'columns', 'ul', 'ol'] as const;

function redactNode(node: unknown, redact: Redact): unknown {
  if (typeof node === 'string') return redact(node);
  if (Array.isArray(node)) return node.map((child) => redactNode(child, redact));
  if (typeof node !== 'object' || node === null) return node;
  const copy: Record<string, unknown> = { ...(node as Record<string, unknown>) };
  for (const key of CONTENT_KEYS) {
    if (key in copy) copy[key] = redactNode(copy[key], redact);
  }
  const table = copy['table'];
  if (typeof table === 'object' && table !== null && 'body' in table) {
    copy['table'] = { ...table, body: redactNode(table.body, redact) };
  }
  return copy;
}

/**
 * Applies the redaction to every piece of text the document will print, headers and footers
 * included, after the whole document is built: a name cannot slip through a section that
 * forgot to redact, because no section redacts on its own.
 */
export function redactDocument(definition: TDocumentDefinitions, redact: Redact): TDocumentDefinitions {
  const { header, footer, content, info } = definition;
  const wrap = <F extends (...args: never[]) => unknown>(fn: F) => ((...args: Parameters<F>) => redactNode(fn(...args), redact)) as unknown as F;
  return {
    ...definition,
    content: redactNode(content, redact) as Content,
    ...(typeof header === 'function' ? { header: wrap(header) } : {}),
    ...(typeof footer === 'function' ? { footer: wrap(footer) } : {}),
    ...(info ? { info: { ...info, ...(info.title ? { title: redact(info.title) } : {}) } } : {}),
  };
}
