import { useEffect, type RefObject } from 'react';
import { highlightParts, type MatchMode } from '../../../../shared/domain/chronology';

/** `text` with every match of the search words wrapped in <mark>; by word forms unless `mode` says otherwise (MatchMode). */
export function Highlighted({ text, terms, mode = 'words' }: { text: string; terms: readonly string[]; mode?: MatchMode }) {
  if (terms.length === 0) return <>{text}</>;
  return (
    <>
      {highlightParts(text, terms, mode).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}
    </>
  );
}

const HIGHLIGHT_NAME = 'chronology-search';

/**
 * Highlights the search words inside content this feature does not render itself (the
 * full record of an entry), by word forms as the search index found them, with the CSS Custom Highlight API: ranges over the text as
 * drawn, so React's DOM is never touched. Styled by ::highlight(chronology-search).
 */
export function useTextHighlight(container: RefObject<HTMLElement | null>, terms: readonly string[], ready: boolean): void {
  const key = terms.join('\u0000');
  useEffect(() => {
    const root = container.current;
    const words = key === '' ? [] : key.split('\u0000');
    if (!root || !ready || words.length === 0 || typeof Highlight === 'undefined' || !('highlights' in CSS)) return;
    const ranges: Range[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      let offset = 0;
      for (const part of highlightParts(text, words)) {
        if (part.match) {
          const range = new Range();
          range.setStart(node, offset);
          range.setEnd(node, offset + part.text.length);
          ranges.push(range);
        }
        offset += part.text.length;
      }
    }
    const highlight = CSS.highlights.get(HIGHLIGHT_NAME) ?? new Highlight();
    CSS.highlights.set(HIGHLIGHT_NAME, highlight);
    for (const range of ranges) highlight.add(range);
    return () => {
      for (const range of ranges) highlight.delete(range);
    };
  }, [container, key, ready]);
}
