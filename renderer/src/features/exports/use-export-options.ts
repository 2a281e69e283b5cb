import { useEffect, useState } from 'react';
import type { ExportDocument } from '../../../../shared/domain/exports';
import type { ExportOptions } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import type { Loaded } from '../../components/use-call';

/**
 * What the core says about one document (its title, size and the children in it), read
 * again whenever the chosen document changes; null until a document is chosen.
 */
export function useExportOptions(document: ExportDocument | null): Loaded<ExportOptions> | null {
  const key = document ? JSON.stringify(document) : null;
  const [loaded, setLoaded] = useState<{ key: string; value: Loaded<ExportOptions> } | null>(null);
  useEffect(() => {
    if (key === null) return;
    let current = true;
    void call('exports.options', { document: JSON.parse(key) as ExportDocument }).then((result) => {
      // An answer for a document the person has moved on from is dropped.
      if (current) setLoaded({ key, value: result.ok ? { state: 'ready', value: result.value } : { state: 'error', error: result.error } });
    });
    return () => {
      current = false;
    };
  }, [key]);
  if (key === null) return null;
  return loaded?.key === key ? loaded.value : { state: 'loading' };
}
