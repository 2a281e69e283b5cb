import { viewingLogBody } from '../../../../shared/domain/entries/viewing-log';
import type { EntryVersion, StaffChoice } from '../../../../shared/ipc/contract';
import { ViewingLogDetails } from '../viewing-log/ViewingLogDetails';

/** The whole body of one version, laid out for reading. */
export function EntryDetails({ entry, staff }: { entry: EntryVersion; staff: StaffChoice[] }) {
  switch (entry.kind) {
    case 'viewing-log': {
      const body = viewingLogBody.safeParse(entry.body);
      return body.success ? <ViewingLogDetails body={body.data} staff={staff} /> : <p>This entry could not be read.</p>;
    }
  }
}
