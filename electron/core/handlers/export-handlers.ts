import { basename } from 'node:path';
import { formatDateTime, schoolToday } from '../../../shared/domain/dates';
import { PERSON_ROLE_LABELS } from '../../../shared/domain/incidents';
import { yearGroupLabel } from '../../../shared/domain/pupils';
import type { ExportChild } from '../../../shared/ipc/contract';
import { appendAudit } from '../audit/audit-log';
import { lastAuditLink } from '../db/audit-queries';
import { AppError } from '../errors';
import { DEFAULT_OTHER_ENTRIES, UNPRINTABLE_SHOWN } from '../../../shared/domain/exports';
import { childKeyOf } from '../pdf/children';
import { countAboutOthers } from '../pdf/other-entries';
import { buildDocument, DOCUMENT_TITLES, type DocumentSource } from '../pdf/documents';
import { readDocumentSource, suggestedFileName } from '../pdf/read-source';
import { renderPdf } from '../pdf/render';
import { requireOwnPassword } from './reauth';
import { choosePdfPath, requireSaveDialog, savePdfAudited } from './saved-pdf';
import type { Handlers } from './types';

/** The children a document mentions, for the "who is named" choice. */
export function childrenToChoose(source: DocumentSource): ExportChild[] {
  const details = 'incident' in source ? [source.incident] : source.incidents;
  const subjectKey = 'pupil' in source ? `pupil:${source.pupil.id}` : null;
  const byKey = new Map<string, ExportChild & { roles: Set<string> }>();
  if ('pupil' in source) {
    const p = source.pupil;
    byKey.set(`pupil:${p.id}`, { key: `pupil:${p.id}`, name: `${p.firstName} ${p.lastName}`, description: '', namedByDefault: true, roles: new Set() });
  }
  // People removed from an incident (added in error) are still printed, in their own table, so they are offered too.
  for (const person of [...details.flatMap((d) => d.people), ...details.flatMap((d) => d.removedPeople)]) {
    const key = childKeyOf(person);
    if (!key) continue;
    const child = byKey.get(key) ?? {
      key,
      name: person.pupil ? `${person.pupil.firstName} ${person.pupil.lastName}` : (person.other?.name ?? ''),
      description: person.pupil ? yearGroupLabel(person.pupil.yearGroup) : `Not on roll${person.other?.setting ? `, ${person.other.setting}` : ''}`,
      namedByDefault: key === subjectKey,
      roles: new Set<string>(),
    };
    if (person.pupil && child.description === '') child.description = yearGroupLabel(person.pupil.yearGroup);
    if (person.removal) child.roles.add('removed from the incident (added in error)');
    else person.roles.forEach((r) => child.roles.add(PERSON_ROLE_LABELS[r].toLowerCase()));
    byKey.set(key, child);
  }
  return [...byKey.values()].map(({ roles, ...child }) => ({
    ...child,
    description: [child.description, [...roles].join(', ')].filter(Boolean).join(' — '),
  }));
}

export const exportHandlers = {
  'exports.options': async ({ document }, ctx) => {
    const source = await readDocumentSource(ctx.session.db, document, ctx.session.user.roles.includes('dsl'));
    const details = 'incident' in source ? [source.incident] : source.incidents;
    return {
      title: DOCUMENT_TITLES[source.type],
      suggestedFileName: suggestedFileName(source, schoolToday(ctx.now())),
      entryCount: details.reduce((n, d) => n + d.entries.length, 0),
      children: childrenToChoose(source),
      aboutOthersCount: 'pupil' in source ? countAboutOthers(source.pupil.id, source.incidents) : null,
    };
  },

  'exports.pdf': async ({ document, namedChildren, preparedFor, otherEntries, currentPassword }, ctx) => {
    const { db, user, schoolName } = ctx.session;
    requireSaveDialog(ctx.exports);
    await requireOwnPassword(ctx, currentPassword, 'exports.pdf');
    const source = await readDocumentSource(db, document, user.roles.includes('dsl'));
    const known = new Set(childrenToChoose(source).map((c) => c.key));
    const unknown = namedChildren.filter((key) => !known.has(key));
    if (unknown.length > 0) {
      throw new AppError('invalid_input', 'Choose the children to name from those in this document.', { namedChildren: 'Choose only children who are in this document' });
    }

    const at = ctx.now();
    // The chain's end as the record was read: the last page names it (the export's own row follows it).
    const anchor = (await lastAuditLink(db)) ?? null;
    const { definition, redaction } = buildDocument(source, {
      anchor,
      schoolName,
      printedBy: user.name,
      printedAt: formatDateTime(at.toISOString()),
      namedChildren: new Set(namedChildren),
      preparedFor,
      ...(otherEntries ? { otherEntries } : {}),
      practice: ctx.session.practice === true,
    });
    const { buffer, pages, unprintable } = await renderPdf(definition, ctx.exports.fontsDir);

    const path = await choosePdfPath(ctx.exports, ctx.paths.dataDir, suggestedFileName(source, schoolToday(at)), 'A printed record');
    if (path === null) return { saved: false as const };

    await savePdfAudited(db, path, buffer, (tx, file) =>
      appendAudit(tx, {
        action: 'export',
        actorId: user.id,
        at,
        subjectType: 'incident' in source ? 'incident' : 'pupil',
        subjectId: 'incident' in source ? source.incident.incident.id : source.pupil.id,
        details: {
          document: source.type,
          references: ('incident' in source ? [source.incident] : source.incidents).map((d) => d.incident.reference),
          namedChildren: [...namedChildren].sort(),
          withheldCount: redaction.withheldCount,
          preparedFor,
          ...('pupil' in source ? { otherEntries: otherEntries ?? DEFAULT_OTHER_ENTRIES } : {}),
          // The file's name only: a full path names the user's folders (often their own name).
          file: basename(path),
          pages,
          bytes: file.bytes,
          unprintableCount: unprintable.length,
          sha256: file.sha256,
        },
      }).then(() => undefined),
    );
    return { saved: true as const, fileName: basename(path), pages, bytes: buffer.length, unprintable: unprintable.slice(0, UNPRINTABLE_SHOWN) };
  },
} satisfies Partial<Handlers>;
