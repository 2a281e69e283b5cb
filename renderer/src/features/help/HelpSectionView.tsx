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

function Block({ block, level }: { block: HelpBlock; level: 2 | 3 }) {
  switch (block.type) {
    case 'heading':
      return level === 2 ? <h3>{block.text}</h3> : <h4>{block.text}</h4>;
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
 * One section of the guidance, drawn from its data in shared/help: on the Help page (`level`
 * 2) and in a form's guidance panel (3, under the form's own heading).
 */
export function HelpSectionView({ section, level, children }: { section: HelpSection; level: 2 | 3; children?: ReactNode }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const headingId = `${section.id}-title`;
  return (
    <section id={level === 2 ? section.id : undefined} aria-labelledby={headingId} className="help-section">
      <Heading id={headingId} tabIndex={-1}>
        {section.title}
      </Heading>
      {section.blocks.map((block, index) => (
        <Block key={index} block={block} level={level} />
      ))}
      {children}
      <p className="help-sources">
        <span className="label">Sources: </span>
        {section.citations.map(citationText).join('; ')}
      </p>
    </section>
  );
}
