import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDate, formatDateTime } from '../../../shared/domain/dates';
import { DEFAULT_OTHER_ENTRIES, otherEntriesStatement, type ExportDocumentType, type OtherEntriesChoice } from '../../../shared/domain/exports';
import { PERSON_ROLE_LABELS } from '../../../shared/domain/incidents';
import { SEX_LABELS, SOCIAL_CARE_LABELS, yearGroupLabel, type Pupil } from '../../../shared/domain/pupils';
import { planRedaction, type Redaction } from '../../../shared/domain/redaction';
import type { IncidentDetail } from '../../../shared/domain/read-models/incident-detail';
import { dataTable, keyValueTable, paragraph, sectionHeading } from './blocks';
import { chronologyTable } from './chronology-table';
import { childKeyOf, childrenOf } from './children';
import { framedDocument, type Frame } from './frame';
import { gapsBlock, historyBlock, incidentSummary, peopleTable, removedPeopleTable, stepSections } from './incident-report';
import { applyOtherEntriesChoice, countAboutOthers } from './other-entries';
import { redactDocument } from './redact-content';

/** What a document is about, read from the database by the caller. */
export type DocumentSource =
  | { type: 'incident-report' | 'incident-chronology'; incident: IncidentDetail }
  | { type: 'pupil-chronology' | 'pupil-file'; pupil: Pupil; incidents: IncidentDetail[] };

export type PrintContext = {
  schoolName: string;
  printedBy: string;
  printedAt: string;
  namedChildren: ReadonlySet<string>;
  preparedFor: string;
  /** The end of the audit log when printed, for the last page (frame.ts anchorLine). */
  anchor?: { seq: number; hash: string } | null;
  /** Pupil documents: whether entries about other people only are printed (shared/domain/exports); DEFAULT_OTHER_ENTRIES when absent. */
  otherEntries?: OtherEntriesChoice;
  /** Printed in practice mode: marked and watermarked on every page (frame.ts). */
  practice?: boolean;
};

export const DOCUMENT_TITLES: Record<ExportDocumentType, string> = {
  'incident-report': 'Incident report',
  'incident-chronology': 'Chronology of an incident',
  'pupil-chronology': 'Chronology of a pupil',
  'pupil-file': 'Safeguarding file: sharing nudes and semi-nudes',
};

function detailsOf(source: DocumentSource): IncidentDetail[] {
  return 'incident' in source ? [source.incident] : source.incidents;
}

/**
 * The redaction plan for a document: the subject pupil first, then everyone in order of
 * appearance. People removed from an incident (added in error) come after everyone still on
 * one, so they take the last labels, yet their names are still never printed unredacted.
 */
function redactionFor(source: DocumentSource, named: ReadonlySet<string>): Redaction {
  const details = detailsOf(source);
  const people = [...details.flatMap((d) => d.people), ...details.flatMap((d) => d.removedPeople)];
  const subject = 'pupil' in source ? [{ key: `pupil:${source.pupil.id}`, kind: 'pupil' as const, firstName: source.pupil.firstName, lastName: source.pupil.lastName }] : [];
  const staffNames = detailsOf(source).flatMap((d) => d.staff.map((s) => s.name));
  const adultNames = people.filter((p) => childKeyOf(p) === null && p.other).map((p) => p.other!.name);
  return planRedaction([...subject, ...childrenOf(people)], named, [...staffNames, ...adultNames]);
}

/** The cover's line for a voided incident: who voided it, when, and why. */
function voidedRow(detail: IncidentDetail): [string, string][] {
  if (!detail.incident.voided) return [];
  const voiding = detail.history.filter((e) => e.kind === 'voided').at(-1);
  return [['VOIDED', voiding ? `Voided on ${formatDateTime(voiding.at)} by ${voiding.byName}. Reason: ${voiding.reason}` : 'Voided']];
}

function cover(title: string, subtitle: string, context: PrintContext, redaction: Redaction, options: { first?: [string, string][]; otherEntries?: string | null } = {}): Content[] {
  const rows: [string, string][] = [...(options.first ?? [])];
  const otherEntries = options.otherEntries ?? null;
  if (context.preparedFor) rows.push(['Prepared for', context.preparedFor]);
  rows.push(['Names of children', redaction.statement]);
  if (otherEntries !== null) rows.push(['Entries about other children only', otherEntries]);
  rows.push(['Printed', `${context.printedAt} by ${context.printedBy}`]);
  return [
    { text: title, style: 'title' },
    { text: subtitle, style: 'subtitle' },
    ...keyValueTable(rows, { labelWidth: 110 }),
    paragraph(
      'A record of sharing nudes and semi-nudes by young people under 18 (called “youth produced sexual imagery” in the 2016 UKCCIS advice “Sexting in schools and colleges”), kept as that advice and the current UKCIS advice “Sharing nudes and semi-nudes” set out.',
      'note',
    ),
    paragraph(
      'This is a copy of the school’s safeguarding record. It contains no imagery: the school never copies, prints or stores it. Keep this copy secure, share it only with those who need it, and destroy it securely when it is no longer needed.',
      'note',
    ),
  ];
}

function pupilDetails(pupil: Pupil, redaction: Redaction, full: boolean): Content[] {
  const key = `pupil:${pupil.id}`;
  const named = redaction.labelOf(key) === null;
  const rows: [string, string][] = [['Name', named ? `${pupil.firstName} ${pupil.lastName}` : (redaction.labelOf(key) ?? '')]];
  if (named) rows.push(['Date of birth', formatDate(pupil.dateOfBirth)]);
  rows.push(['Year group', yearGroupLabel(pupil.yearGroup)], ['Sex', SEX_LABELS[pupil.sex]]);
  if (full) {
    rows.push(
      ['Special educational needs or disability', pupil.sen ? `Yes${pupil.senDetails ? ` — ${pupil.senDetails}` : ''}` : 'No'],
      ['Looked after', pupil.lookedAfter ? 'Yes' : 'No'],
      ['Known to children’s social care', SOCIAL_CARE_LABELS[pupil.socialCare]],
      // A receiving school or agency finds the child in its own MIS by this number.
      ['Unique pupil number (UPN)', pupil.upn === '' ? 'Not recorded' : pupil.upn],
    );
  }
  return keyValueTable(rows, { heading: [sectionHeading('The pupil')] });
}

function pupilIncidentsTable(pupil: Pupil, incidents: readonly IncidentDetail[]): Content[] {
  const heading = [sectionHeading('Incidents')];
  if (incidents.length === 0) return [{ stack: [...heading, paragraph('This pupil is not on any incident.', 'note')], unbreakable: true }];
  const rows = incidents.map((d): TableCell[] => {
    const roles = d.people.find((p) => p.pupil?.id === pupil.id)?.roles ?? [];
    return [d.incident.reference, d.incident.title, formatDate(d.incident.cameToAttentionOn), d.incident.status === 'open' ? 'Open' : 'Closed', roles.map((r) => PERSON_ROLE_LABELS[r]).join('; ')];
  });
  return dataTable(['Reference', 'Title', 'Came to attention', 'Status', 'Their roles'], rows, [70, '*', 70, 45, 110], { heading });
}

function onNewPage([first, ...rest]: Content[]): Content[] {
  return first === undefined ? [] : [{ stack: [first], pageBreak: 'before' }, ...rest];
}

function incidentBody(detail: IncidentDetail, redaction: Redaction): Content[] {
  return [
    ...incidentSummary(detail, [sectionHeading('Summary')]),
    ...peopleTable(detail, redaction, [sectionHeading('People and their roles')]),
    ...removedPeopleTable(detail, redaction, [sectionHeading('Removed from this incident (added in error)')]),
    ...gapsBlock(detail, [sectionHeading('What the record still lacks')]),
    ...historyBlock(detail, [sectionHeading('Changes to the incident record')]),
    ...stepSections(detail),
    ...onNewPage(chronologyTable([detail], { withReference: false, heading: [sectionHeading('Full chronology')] })),
  ];
}

function contentOf(source: DocumentSource, context: PrintContext, redaction: Redaction): { content: Content[]; reference: string } {
  const title = DOCUMENT_TITLES[source.type];
  if ('incident' in source) {
    const { incident } = source.incident;
    const subtitle = `${incident.reference} — ${incident.title}`;
    const body =
      source.type === 'incident-report'
        ? incidentBody(source.incident, redaction)
        : [
            ...peopleTable(source.incident, redaction, [sectionHeading('People and their roles')]),
            ...removedPeopleTable(source.incident, redaction, [sectionHeading('Removed from this incident (added in error)')]),
            ...chronologyTable([source.incident], { withReference: false, heading: [sectionHeading('Chronology')] }),
          ];
    return { reference: incident.reference, content: [...cover(title, subtitle, context, redaction, { first: voidedRow(source.incident) }), ...body] };
  }
  const { pupil } = source;
  const choice = context.otherEntries ?? DEFAULT_OTHER_ENTRIES;
  const incidents = applyOtherEntriesChoice(pupil.id, source.incidents, choice);
  const otherEntries = otherEntriesStatement(choice, countAboutOthers(pupil.id, source.incidents));
  const name = redaction.displayName({ key: `pupil:${pupil.id}`, kind: 'pupil', firstName: pupil.firstName, lastName: pupil.lastName });
  const references = incidents.map((d) => d.incident.reference);
  const reference = references.length === 1 ? references[0]! : `${name}: ${references.length} incidents`;
  const head = [...cover(title, name, context, redaction, { otherEntries }), ...pupilDetails(pupil, redaction, source.type === 'pupil-file'), ...pupilIncidentsTable(pupil, incidents)];
  if (source.type === 'pupil-chronology') {
    return { reference, content: [...head, ...chronologyTable(incidents, { withReference: true, heading: [sectionHeading('Chronology across the incidents')] })] };
  }
  const perIncident = incidents.flatMap((d): Content[] => [
    { text: `${d.incident.reference} — ${d.incident.title}`, style: 'title', pageBreak: 'before' },
    ...incidentBody(d, redaction),
  ]);
  return { reference, content: [...head, ...perIncident] };
}

/** The whole document, framed and redacted, ready for pdfmake. */
export function buildDocument(source: DocumentSource, context: PrintContext): { definition: TDocumentDefinitions; redaction: Redaction } {
  const redaction = redactionFor(source, context.namedChildren);
  const { content, reference } = contentOf(source, context, redaction);
  const voided = 'incident' in source && source.incident.incident.voided;
  const frame: Frame = { title: DOCUMENT_TITLES[source.type], schoolName: context.schoolName, reference, printedBy: context.printedBy, printedAt: context.printedAt, voided, anchor: context.anchor ?? null, practice: context.practice === true };
  return { definition: redactDocument(framedDocument(frame, content), (text) => redaction.redact(text)), redaction };
}
