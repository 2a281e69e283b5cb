import { z } from 'zod';
import { PERSON_ROLES } from '../../../shared/domain/incidents';

// Schemas used on every row read, made once: building a zod schema costs tens of
// microseconds, which adds up to milliseconds over a page of rows.

/** A stored JSON object (an entry's body) read back. */
export const jsonObject = z.record(z.string(), z.unknown());
export const personRoles = z.array(z.enum(PERSON_ROLES));
export const stringList = z.array(z.string());
export const countRow = z.object({ n: z.number().int() });
export const idRow = z.object({ id: z.number().int() });
