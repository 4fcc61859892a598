// The data the frame shows from start-up on: the start data (start-data.ts) and, when that holds only
// the latest months of contacts (enough for 首页 with the overdue digest), the rest of the view, read
// once the first frame is out; keys wait for it (`complete`). The digest answers for the data it was
// read with, until the data changes (a save, a reload).
import { useApp } from 'ink';
import { useEffect, useState } from 'react';
import type { OverdueDigest } from '../../domain/overdue-digest.js';
import type { Datastore } from '../../domain/schema.js';

/** Data as read, with the overdue digest when one rests on exactly the files read (else null). */
export interface DataRead {
  data: Datastore;
  digest: OverdueDigest | null;
}

export interface ShownData {
  data: Datastore;
  setData: (data: Datastore) => void;
  /** The digest while it answers for `data`. */
  digest: OverdueDigest | null;
  /** Whether `data` holds every contact of the view (after `rest`). */
  complete: boolean;
}

export function useShownData(
  initialData: Datastore,
  digest: OverdueDigest | undefined,
  rest: (() => Promise<DataRead>) | undefined,
): ShownData {
  const { exit } = useApp();
  const [data, setData] = useState(initialData);
  const [answered, setAnswered] = useState<DataRead | null>(
    digest === undefined ? null : { data: initialData, digest },
  );
  const [complete, setComplete] = useState(rest === undefined);
  useEffect(() => {
    if (!rest) return;
    rest().then(
      (read) => {
        // A reload while this was read brought the whole view already, and newer.
        setData((shown) => (shown === initialData ? read.data : shown));
        setAnswered(read);
        setComplete(true);
      },
      // As a file that fails to read before the first frame: the message, and the program ends.
      (error: unknown) => exit(error instanceof Error ? error : new Error(String(error))),
    );
  }, [rest, initialData, exit]);
  return { data, setData, digest: answered?.digest && answered.data === data ? answered.digest : null, complete };
}
