// The terminal UI's frame: the data and the store, navigation between screens, the help overlay.
// Every change goes through store.update; the saved data replaces the shown data, and the
// indexes and overdue report are derived from it again.
import { Box, Text, useApp, useInput } from 'ink';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ChangeContext } from '../domain/context.js';
import type { IsoDate } from '../domain/dates.js';
import { isUserError } from '../domain/errors.js';
import { buildIndexes } from '../domain/indexes.js';
import { overdueReport } from '../domain/overdue.js';
import { safeText } from '../domain/safe-text.js';
import type { Datastore } from '../domain/schema.js';
import type { DatastoreFile } from '../store/datastore-file.js';
import { HelpOverlay } from './components/help-overlay.js';
import { OneKeyAtATime } from './components/one-key-at-a-time.js';
import { useReloadOnChange } from './hooks/use-reload-on-change.js';
import type { Route } from './routes.js';
import { ScreenSwitch } from './screen-switch.js';
import { UiContext, type Message, type Ui } from './ui-context.js';

export interface AppProps {
  store: DatastoreFile;
  initialData: Datastore;
  today: IsoDate;
  context: () => ChangeContext;
  /** How often to look for saves by other processes. */
  reloadEveryMs?: number;
}

export function App(props: AppProps) {
  // Above everything that reads keys: its effect must run after theirs (see one-key-at-a-time.tsx).
  return (
    <OneKeyAtATime>
      <Frame {...props} />
    </OneKeyAtATime>
  );
}

function Frame({ store, initialData, today, context, reloadEveryMs = 2000 }: AppProps) {
  const { exit } = useApp();
  const [data, setData] = useState(initialData);
  const [stack, setStack] = useState<Route[]>([{ name: 'home' }]);
  const [help, setHelp] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const idx = useMemo(() => buildIndexes(data), [data]);
  const report = useMemo(() => overdueReport(data, idx, today), [data, idx, today]);
  // How many fields have the keyboard: read when a key arrives, not rendered, so claiming it re-renders
  // nothing and the next key of a burst already sees it (see one-key-at-a-time.tsx).
  const claims = useRef(0);
  const claimKeyboard = useCallback(() => {
    claims.current += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      claims.current -= 1;
    };
  }, []);
  const say = useCallback((text: string, error = false) => setMessage({ text, error }), []);
  // Our own saves are not reloads (the store tells them apart): apply() and undo() bring that data themselves.
  const reloaded = useCallback((fresh: Datastore) => {
    setData(fresh);
    setMessage({ text: '数据文件已被其他人修改，已重新载入', error: false });
  }, []);
  useReloadOnChange(store, reloadEveryMs, reloaded);
  const go = useCallback((route: Route) => {
    setMessage(null);
    setStack((s) => [...s, route]);
  }, []);
  const back = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const apply = useCallback<Ui['apply']>(
    async (change, action, done) => {
      try {
        const { result, data: saved } = await store.update(change, typeof action === 'string' ? { action } : action);
        setData(saved);
        setMessage({ text: done(result), error: false });
        return { ok: true, result };
      } catch (error) {
        // A UserError says what to fix; anything else is still shown rather than crashing the UI.
        setMessage({ text: isUserError(error) ? error.message : `保存失败：${(error as Error).message}`, error: true });
        return { ok: false };
      }
    },
    [store],
  );

  // u asks first (y confirms); the undo reads what it needs, then the screens get the data they show.
  const [confirmUndo, setConfirmUndo] = useState(false);
  const undo = useCallback(async () => {
    try {
      const { result } = await store.undo({ action: '界面:撤销' });
      setData(await store.load());
      setMessage({ text: result, error: false });
    } catch (error) {
      setMessage({ text: isUserError(error) ? error.message : `撤销失败：${(error as Error).message}`, error: true });
    }
  }, [store]);

  useInput((input, key) => {
    if (claims.current > 0) return;
    if (confirmUndo) {
      setConfirmUndo(false);
      if (input === 'y') void undo();
      else setMessage({ text: '已取消撤销', error: false });
    } else if (input === 'u') {
      setConfirmUndo(true);
      setMessage({ text: '撤销最近一次修改？按 y 确认，其他键取消', error: false });
    } else if (input === 'q') exit();
    else if (input === '?') setHelp((h) => !h);
    else if (help && key.escape) setHelp(false);
  });

  const ui: Ui = { data, idx, report, today, context, apply, say, message, go, back, claimKeyboard, active: !help };
  // Screens under the top one stay mounted (hidden, without the keyboard), so Esc returns to them as they were.
  return (
    <UiContext.Provider value={ui}>
      <Box flexDirection="column">
        <Text bold wrap="truncate-end">
          {safeText(data.settings.schoolName)} 三联系 · {report.term?.name ?? '不在学期内'} · 今天 {today}
        </Text>
        {help && <HelpOverlay />}
        {stack.map((route, i) => {
          const top = i === stack.length - 1;
          return (
            <UiContext.Provider key={i} value={top ? ui : { ...ui, active: false }}>
              <Box display={top && !help ? 'flex' : 'none'} flexDirection="column">
                <ScreenSwitch route={route} />
              </Box>
            </UiContext.Provider>
          );
        })}
      </Box>
    </UiContext.Provider>
  );
}
