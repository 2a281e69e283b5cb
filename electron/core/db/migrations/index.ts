import type { Migration } from './types';
import { migration001 } from './001-staff-settings-audit';
import { migration002 } from './002-pupils-incidents-entries';
import { migration003 } from './003-chronology-search';
import { migration004 } from './004-people-by-incident';
import { migration005 } from './005-people-removed';
import { migration006 } from './006-incident-corrections-and-status';
import { migration007 } from './007-search-word-forms';
import { migration008 } from './008-password-set-by-another';
import { migration009 } from './009-signed-roster-and-audit';
import { migration010 } from './010-people-of-every-kind';
import { migration011 } from './011-incident-source';
import { migration012 } from './012-sexual-extortion-kind';
import { migration013 } from './013-drafts';
import { migration014 } from './014-contacts';
import { migration015 } from './015-leavers-transfers-retention';
import { migration016 } from './016-destruction-permits';
import { migration017 } from './017-upn';
import { migration018 } from './018-practice-sessions';

/** Every migration in order. The app's schema version is the last one's. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
  migration018,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length === 0 ? 0 : MIGRATIONS[MIGRATIONS.length - 1]!.version;
