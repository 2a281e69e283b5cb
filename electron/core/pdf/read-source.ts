import type { ExportDocument } from '../../../shared/domain/exports';
import type { Executor } from '../db/connection';
import { incidentsOfPupil } from '../db/incident-queries';
import { findPupil } from '../db/pupil-queries';
import { AppError } from '../errors';
import { readIncidentDetail } from '../records/incident-detail';
import type { DocumentSource } from './documents';

/**
 * Reads everything a document prints, or answers not_found. A voided incident prints only for
 * a DSL (`mayReadVoided`), as it opens only for a DSL; pupils' documents leave voided incidents out.
 */
export async function readDocumentSource(db: Pick<Executor, 'get' | 'all'>, document: ExportDocument, mayReadVoided = true): Promise<DocumentSource> {
  if (document.type === 'incident-report' || document.type === 'incident-chronology') {
    const incident = await readIncidentDetail(db, document.incidentId);
    if (!incident) throw new AppError('not_found', 'There is no incident with that id.');
    if (incident.incident.voided && !mayReadVoided) throw new AppError('forbidden', `${incident.incident.reference} was voided; only a DSL can print it.`);
    return { type: document.type, incident };
  }
  const pupil = await findPupil(db, document.pupilId);
  if (!pupil) throw new AppError('not_found', 'There is no pupil with that id.');
  const summaries = await incidentsOfPupil(db, document.pupilId);
  const incidents = [];
  for (const summary of summaries) {
    const detail = await readIncidentDetail(db, summary.id);
    if (detail) incidents.push(detail);
  }
  // Earliest first: a file read from the front tells the story in order.
  incidents.sort((a, b) => a.incident.cameToAttentionOn.localeCompare(b.incident.cameToAttentionOn) || a.incident.id - b.incident.id);
  return { type: document.type, pupil, incidents };
}

/** A name for the save dialog that names no child: the reference, or the pupil's record number. */
export function suggestedFileName(source: DocumentSource, today: string): string {
  switch (source.type) {
    case 'incident-report':
      return `${source.incident.incident.reference}-report-${today}.pdf`;
    case 'incident-chronology':
      return `${source.incident.incident.reference}-chronology-${today}.pdf`;
    case 'pupil-chronology':
      return `pupil-${source.pupil.id}-chronology-${today}.pdf`;
    case 'pupil-file':
      return `pupil-${source.pupil.id}-file-${today}.pdf`;
  }
}
