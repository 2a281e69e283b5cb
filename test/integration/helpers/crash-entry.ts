import type { Input } from '../../../shared/ipc/contract';

/**
 * The entry the crash writer (crash-writer.ts) saves as number `seq` of run `run`: the
 * same for both sides, so the test knows exactly what each acknowledged entry must hold.
 * Sizes vary from a line to several pages (overflow pages), so a kill can land inside a
 * transaction that touches many pages.
 */
export function crashEntry(incidentId: number, run: number, seq: number): Input<'entries.create'> {
  const marker = `crash-r${run}-s${seq}`;
  // A small deterministic spread: mostly short, now and then near the 8,000-character limit.
  const h = (Math.imul(run + 1, 2654435761) ^ Math.imul(seq + 1, 40503)) >>> 0;
  const length = h % 7 === 0 ? 6000 + (h % 1900) : 40 + (h % 600);
  const filler = `${marker} spoke about the poster in the corridor. `.repeat(Math.ceil(length / 40)).slice(0, length).trim();
  return {
    incidentId,
    occurredOn: '2026-09-15',
    occurredTime: `${String(8 + (seq % 8)).padStart(2, '0')}:${String(seq % 60).padStart(2, '0')}`,
    kind: 'conversation',
    body: { withWhom: `Pupil ${marker}`, byWhom: 'Marigold Thistlewood', summary: filler, supportOffered: seq % 2 === 0 ? '' : `Support for ${marker}` },
  };
}

export function markerOf(run: number, seq: number): string {
  return `crash-r${run}-s${seq}`;
}
