// Another secretary (or a command) may save the same datastore while the UI is open: poll the file
// and show their changes, so nobody works on stale overdue lists.
import { useEffect } from 'react';
import type { Datastore } from '../../domain/schema.js';
import type { ScopedStore } from '../../operations/scoped-store.js';

export function useReloadOnChange(store: ScopedStore, everyMs: number, onReload: (data: Datastore) => void): void {
  useEffect(() => {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      store
        .reloadIfChanged()
        .then((fresh) => {
          if (fresh) onReload(fresh);
        })
        // A file caught mid-replace is read again on the next tick.
        .catch(() => undefined)
        .finally(() => {
          busy = false;
        });
    }, everyMs);
    return () => clearInterval(timer);
  }, [store, everyMs, onReload]);
}
