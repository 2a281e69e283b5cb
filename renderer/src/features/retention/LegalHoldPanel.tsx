import { useState } from 'react';
import { formatDateTime } from '../../../../shared/domain/dates';
import { HOLD_REASON_WORDS } from '../../../../shared/domain/legal-holds';
import type { LegalHoldView, RecordTarget } from '../../../../shared/ipc/contract';
import { useRead, useWrite } from '../../api/queries';
import { LoadState } from '../../components/LoadState';
import { ReasonPanel } from '../incidents/ReasonPanel';
import { PlaceHoldForm } from './PlaceHoldForm';

function ownHold(target: RecordTarget, hold: LegalHoldView): boolean {
  return 'incidentId' in target ? hold.incidentId === target.incidentId : hold.pupilId === target.pupilId;
}

function ActiveHold({ target, hold }: { target: RecordTarget; hold: LegalHoldView }) {
  const release = useWrite('holds.release');
  const own = ownHold(target, hold);
  return (
    <div className="inset">
      <p>
        <strong>On legal hold ({HOLD_REASON_WORDS[hold.reasonKind]})</strong>
        {own ? null : <> through {hold.on}</>} since {formatDateTime(hold.placedAt)}, placed by {hold.placedBy}.
      </p>
      <p>Reason: {hold.reason}</p>
      {own ? (
        <ReasonPanel
          name={`release-${hold.id}`}
          open="Release the hold"
          title="Release this legal hold?"
          explanation="The record will be proposed for review again when its review date comes, and could then be destroyed."
          reasonLabel="Why is the hold being released?"
          reasonHint="For example “The police have closed their investigation”."
          confirm="Release the hold"
          onSubmit={async (reason) => {
            const result = await release({ holdId: hold.id, reason });
            return result.ok ? null : result.error;
          }}
        />
      ) : (
        <p className="hint">Release it from {hold.on}’s page.</p>
      )}
    </div>
  );
}

/** Legal holds on a record, for the DSL: who placed each, why and since when; place and release. */
export function LegalHoldPanel({ target }: { target: RecordTarget }) {
  const loaded = useRead('holds.list', { target });
  const [placing, setPlacing] = useState(false);
  return (
    <section className="panel" aria-labelledby="legal-hold-title">
      <h2 id="legal-hold-title">Legal hold</h2>
      <LoadState loaded={loaded}>
        {({ holds }) => {
          const active = holds.filter((h) => h.releasedAt === null);
          const released = holds.filter((h) => h.releasedAt !== null);
          return (
            <>
              {active.length === 0 ? <p>Not on legal hold.</p> : active.map((hold) => <ActiveHold key={hold.id} target={target} hold={hold} />)}
              {released.length > 0 ? (
                <ul className="hint">
                  {released.map((h) => (
                    <li key={h.id}>
                      Hold ({HOLD_REASON_WORDS[h.reasonKind]}) placed {formatDateTime(h.placedAt)} by {h.placedBy}; released {h.releasedAt === null ? '' : formatDateTime(h.releasedAt)} by {h.releasedBy}: {h.releaseReason}
                    </li>
                  ))}
                </ul>
              ) : null}
              {placing ? (
                <PlaceHoldForm target={target} onDone={() => setPlacing(false)} />
              ) : (
                <button type="button" className="button button-secondary" onClick={() => setPlacing(true)}>
                  Place a legal hold
                </button>
              )}
            </>
          );
        }}
      </LoadState>
    </section>
  );
}
