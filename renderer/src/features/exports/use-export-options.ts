import { skipToken, useQuery } from '@tanstack/react-query';
import type { ExportDocument } from '../../../../shared/domain/exports';
import type { ExportOptions } from '../../../../shared/ipc/contract';
import { loadedOf, readKey, readOrThrow, type Loaded } from '../../api/queries';

/**
 * What the core says about one document (its title, size and the children in it), read
 * again whenever the chosen document changes; null until a document is chosen.
 */
export function useExportOptions(document: ExportDocument | null): Loaded<ExportOptions> | null {
  const query = useQuery({
    queryKey: document ? readKey('exports.options', { document }) : ['exports.options', null],
    queryFn: document ? () => readOrThrow('exports.options', { document }) : skipToken,
  });
  const loaded = loadedOf(query);
  return document ? loaded : null;
}
