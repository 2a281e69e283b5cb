import type { ReactNode } from 'react';
import type { HelpBlock, HelpListItem, HelpSection } from '../../../../shared/help/blocks';
import { citationText } from '../../../../shared/help/citations';

function List({ ordered, items }: { ordered: boolean; items: readonly HelpListItem[] }) {
  const children = items.map((item) => (
    <li key={item.text}>
      {item.text}
      {item.items ? <List ordered={item.ordered ?? false} items={item.items} /> : null}
    </li>
  ));
  return ordered ? <ol>{children}</ol> : <ul>{children}</ul>;
}

function Block({ block }: { block: HelpBlock }) {
  switch (block.type) {
    case 'heading':
      return <h3>{block.text}</h3>;
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'list':
      return <List ordered={block.ordered} items={block.items} />;
    case 'quote':
      return (
        <figure className="help-quote">
          <blockquote>{block.text}</blockquote>
          <figcaption>{citationText(block.cite)}</figcaption>
        </figure>
      );
  }
}

/**
 * One section of the guidance, drawn from its data in shared/help, under a page's h1: on the
 * Help page (`anchored`: its id is the address /help#<id>) and in a form's guidance panel.
 */
export function HelpSectionView({ section, anchored, children }: { section: HelpSection; anchored: boolean; children?: ReactNode }) {
  const headingId = `${section.id}-title`;
  return (
    <section id={anchored ? section.id : undefined} aria-labelledby={headingId} className="help-section">
      <h2 id={headingId} tabIndex={-1}>
        {section.title}
      </h2>
      {section.blocks.map((block, index) => (
        <Block key={index} block={block} />
      ))}
      {children}
      <p className="help-sources">
        <span className="label">Sources: </span>
        {section.citations.map(citationText).join('; ')}
      </p>
    </section>
  );
}
