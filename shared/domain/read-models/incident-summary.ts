import { z } from 'zod';
import { INCIDENT_SOURCES } from '../incident-source';
import { INCIDENT_KINDS, INCIDENT_STATUSES, MEDIA, SHARING } from '../incidents';

/** An incident's own facts as recorded (the form's are in shared/domain/incidents). */
export const incidentRecord = z.object({
  id: z.number().int(),
  reference: z.string(),
  title: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  cameToAttentionOn: z.string(),
  imageryDate: z.string(),
  kind: z.enum(INCIDENT_KINDS),
  media: z.enum(MEDIA),
  services: z.array(z.string()),
  sharing: z.enum(SHARING),
  sharingDetails: z.string(),
  policeMatter: z.boolean(),
  /** How it reached the school (shared/domain/incidents INCIDENT_SOURCES), who told it and their reference. */
  source: z.enum(INCIDENT_SOURCES).default('school'),
  sourceAgency: z.string().default(''),
  sourceReference: z.string().default(''),
  createdAt: z.string(),
  createdByName: z.string(),
  /** Opened by mistake and voided: kept, readable to DSLs, in no list or count. */
  voided: z.boolean(),
  /** When a DSL last reopened it after closure; a closure signed before then no longer counts. */
  reopenedAt: z.string().nullable(),
});

/** One line of an incidents list. */
export const incidentSummary = incidentRecord
  .pick({
    id: true,
    reference: true,
    title: true,
    status: true,
    cameToAttentionOn: true,
    kind: true,
    policeMatter: true,
  })
  .extend({ peopleCount: z.number().int(), entryCount: z.number().int() });

export type IncidentSummary = z.output<typeof incidentSummary>;
