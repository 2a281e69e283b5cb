import type { Ref } from 'react';
import { Link } from 'react-router';
import type { ChronologyScope } from '../../../../shared/domain/chronology';
import { formatDateTime } from '../../../../shared/domain/dates';
import { ENTRY_KIND_DEFINITIONS } from '../../../../shared/domain/entries/kinds';
import { PERSON_ROLE_LABELS } from '../../../../shared/domain/incidents';
import { listInWords } from '../../../../shared/domain/phrases';
import { aboutSentence, canBeAboutPeople, onlyOthersLabel } from '../../../../shared/domain/whose-entry';
import type { ChronologyRow } from '../../../../shared/ipc/contract-chronology';
import { ExpandedEntry } from './ExpandedEntry';
import { Highlighted } from './Highlighted';

const DAY_MS = 86_400_000;

/** "recorded 6 days after it happened", for the backdated mark. */
function delay(row: ChronologyRow): string {
  const days = Math.floor((Date.parse(row.recordedAt) - Date.parse(row.occurredAt)) / DAY_MS);
  return `recorded ${days} day${days === 1 ? '' : 's'} after it happened`;
}

type Position = {
  index: number;
  total: number;
  active: boolean;
  /** Where the virtual list puts this row. */
  start: number;
  measure: Ref<HTMLElement>;
};

function articleProps({ index, total, active, start, measure }: Position) {
  return {
    ref: measure,
    'data-index': index,
    'aria-posinset': index + 1,
    'aria-setsize': total,
    tabIndex: active ? 0 : -1,
    style: { transform: `translateY(${start}px)` },
  };
}

export function ChronologyEntryRow({
  row,
  scope,
  terms,
  expanded,
  onToggle,
  incidentTone,
  ...position
}: Position & {
  /** Undefined while its page is on its way: the row holds its place in the feed, announced as busy. */
  row: ChronologyRow | undefined;
  scope: ChronologyScope;
  terms: readonly string[];
  expanded: boolean;
  onToggle: () => void;
  /** In a pupil's chronology, which of their incidents this is (for its colour band). */
  incidentTone: number | null;
}) {
  if (!row) {
    return (
      <article {...articleProps(position)} className="chron-entry chron-entry-pending" aria-busy="true" aria-label={`Entry ${position.index + 1}, loading`}>
        <p className="chron-when">Loading entry {(position.index + 1).toLocaleString('en-GB')}…</p>
      </article>
    );
  }
  const base = `chron-${row.id}`;
  const label = ENTRY_KIND_DEFINITIONS[row.kind].label;
  const signed = row.signatures.length > 0;
  const classes = ['chron-entry', row.backdated ? 'chron-entry-backdated' : '', expanded ? 'chron-entry-open' : '', incidentTone === null ? '' : `chron-tone-${incidentTone % 6}`]
    .filter(Boolean)
    .join(' ');
  return (
    <article {...articleProps(position)} className={classes} aria-labelledby={`${base}-title`} aria-describedby={`${base}-meta`}>
      <p className="chron-when">
        <time dateTime={row.occurredAt}>{formatDateTime(row.occurredAt)}</time>
      </p>
      <div className="chron-main">
        <h3 id={`${base}-title`} className="chron-title">
          {label}
          <span className="visually-hidden">, {formatDateTime(row.occurredAt)}</span>
          {row.backdated ? (
            <span className="tag tag-yellow chron-backdated" title="Recorded more than a day after it happened">
              Backdated
            </span>
          ) : null}
          {signed ? <span className="tag tag-green">Signed</span> : null}
          {row.awaiting.length > 0 ? <span className="tag tag-yellow">Awaiting signature</span> : null}
          {row.version > 1 ? <span className="tag tag-grey">Amended (version {row.version})</span> : null}
          {row.concernsOnlyOthers ? <span className="tag tag-blue">{onlyOthersLabel(row.about.map((p) => p.child))}</span> : null}
        </h3>
        {scope.type !== 'incident' ? (
          <p className="chron-incident">
            <Link to={`/incidents/${row.incidentId}`} className="chron-reference">
              <Highlighted text={row.incidentReference} terms={terms} mode="substring" />
            </Link>{' '}
            <Highlighted text={row.incidentTitle} terms={terms} />
            {row.incidentStatus === 'closed' ? <span className="tag tag-grey">Closed</span> : null}
            {row.roles ? (
              <span className="chron-roles">
                {' '}
                · Role: {row.roles.length > 0 ? row.roles.map((r) => PERSON_ROLE_LABELS[r]).join('; ') : 'not recorded'}
              </span>
            ) : null}
          </p>
        ) : null}
        <p className="chron-summary">
          <Highlighted text={row.summary} terms={terms} />
        </p>
        {row.about.length > 0 || canBeAboutPeople(row.kind) ? (
          <p className="chron-about">
            <Highlighted text={aboutSentence(row.about.map((p) => p.name))} terms={terms} />
          </p>
        ) : null}
        {row.snippet ? (
          <p className="chron-snippet">
            <span className="chron-snippet-label">Found in the record:</span> <Highlighted text={row.snippet} terms={terms} />
          </p>
        ) : null}
        {scope.type === 'school' && row.pupils.length > 0 ? (
          <p className="chron-pupils">
            Pupils: <Highlighted text={row.pupils.map((p) => p.name).join(', ')} terms={terms} mode="prefix" />
          </p>
        ) : null}
        <p className="chron-meta" id={`${base}-meta`}>
          Recorded {formatDateTime(row.recordedAt)} by {row.authorName}
          {row.backdated ? ` (${delay(row)})` : ''} · version {row.version}
          {signed ? ` · signed by ${[...new Set(row.signatures.map((s) => s.signerName))].join(', ')}` : ''}
          {row.awaiting.length > 0 ? ` · awaiting the signature of ${listInWords(row.awaiting.map((a) => a.from))}` : ''}
        </p>
        <button type="button" className="link-button chron-toggle" aria-expanded={expanded} aria-controls={`${base}-full`} onClick={onToggle}>
          {expanded ? 'Hide the full record' : 'Show the full record'}
          <span className="visually-hidden"> of this {label.toLowerCase()} entry</span>
        </button>
        {expanded ? <ExpandedEntry row={row} terms={terms} id={`${base}-full`} /> : null}
      </div>
    </article>
  );
}
