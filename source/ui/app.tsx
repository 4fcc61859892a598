// The terminal UI's frame: the data and the store, navigation between screens, the help overlay.
// Every change is an operation (source/operations) run on the store; the saved data replaces the
// shown data, and the indexes and overdue report are derived from it again.
import { Box, Text, useApp, useInput } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChangeContext } from '../domain/context.js';
import type { IsoDate } from '../domain/dates.js';
import { LazyIndexes } from '../domain/indexes.js';
import { lastContacts } from '../domain/last-contact.js';
import { overdueReport } from '../domain/overdue.js';
import { overdueFromDigest, type OverdueDigest } from '../domain/overdue-digest.js';
import { safeText } from '../domain/safe-text.js';
import { reportingTerm } from '../domain/terms.js';
import { loadPinyin } from '../domain/search.js';
import type { Datastore } from '../domain/schema.js';
import { undoOperation } from '../operations/journal.js';
import { OperationRunner } from '../operations/runner.js';
import type { RangeArg, ScopedStore } from '../operations/scoped-store.js';
import { resolve } from 'node:path';
import { DATA_FILE_LABEL, MIN_PATH_COLUMNS, truncatePath } from './components/data-file.js';
import { HelpOverlay } from './components/help-overlay.js';
import { cut } from './components/layout.js';
import { OneKeyAtATime } from './components/one-key-at-a-time.js';
import { useReloadOnChange } from './hooks/use-reload-on-change.js';
import { useShownData, type DataRead, type ShownData } from './hooks/use-shown-data.js';
import { TerminalSizeContext, useTerminalSize, useTerminalSizeSource } from './hooks/use-terminal-size.js';
import { KeyboardClaims, KeyScope, useKeyboardClaims } from './keyboard.js';
import { keyIs } from './keys.js';
import type { Route } from './routes.js';
import { useScreens, type Screens } from './screens.js';
import { HomeScreen } from './screens/home-screen.js';
import { failureText, UiContext, type Message, type Ui } from './ui-context.js';
import { textWidth } from './text-width.js';

/** Journal entries read to name the change `u` would undo (the journal always keeps the latest 200). */
const UNDO_LOOKBACK = 200;

export interface AppProps {
  store: ScopedStore;
  initialData: Datastore;
  today: IsoDate;
  context: () => ChangeContext;
  /** The contacts the screens show (the store's own read); every save reads them back. Default: all. */
  view?: RangeArg;
  /** How often to look for saves by other processes. */
  reloadEveryMs?: number;
  /**
   * False when contacts older than those loaded exist on disk (the TUI reads the reporting term's); a
   * function finds out after the first frame, and until it has, they are taken to exist.
   */
  contactsComplete?: boolean | (() => Promise<boolean>);
  /**
   * The whole school's overdue digest of the reporting term, resting on the very files `initialData`
   * was read from: the overdue report and 首页's figures come from it until the data changes.
   */
  digest?: OverdueDigest;
  /** When `initialData` holds only the latest months of the view's contacts: reads the whole view (after the first frame). */
  rest?: () => Promise<DataRead>;
  /** Over SSH: the folder the secretary's exports are kept in (she names a file, not a path). */
  exportsDir?: string;
  /** A viewer's session: the UI offers and obeys no change (the store would refuse it anyway). */
  readOnly?: boolean;
  /** A college secretary's colleges (scope.ts: scopeOf); absent: the whole school. */
  scope?: ReadonlySet<string> | null;
}

export function App(props: AppProps) {
  const screens = useScreens();
  const shown = useShownData(props.initialData, props.digest, props.rest);
  const ready = screens !== null && shown.complete;
  // Search by 拼音首字母 ready before a list is opened: loaded once keys are taken (after the first frame,
  // the screens and the rest of the data), so that it delays neither.
  useEffect(() => {
    if (ready) void loadPinyin();
  }, [ready]);
  // Above everything that reads keys: its effect must run after theirs (see one-key-at-a-time.tsx).
  return (
    <OneKeyAtATime ready={ready}>
      <Frame {...props} shown={shown} screens={screens} />
    </OneKeyAtATime>
  );
}

function Frame({
  store,
  today,
  context,
  view = 'all',
  reloadEveryMs = 2000,
  contactsComplete: complete = true,
  exportsDir,
  readOnly = false,
  scope = null,
  shown,
  screens,
}: AppProps & { shown: ShownData; screens: Screens | null }) {
  const { exit } = useApp();
  const { data, setData, digest: answering } = shown;
  const [stack, setStack] = useState<Route[]>([{ name: 'home' }]);
  const [help, setHelp] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  // The indexes, the overdue report and the latest contact dates are made when a screen first reads
  // them: 首页 from the digest reads few indexes, and neither the report's rows nor the dates.
  const idx = useMemo(() => new LazyIndexes(data), [data]);
  const report = useMemo(
    () => once(() => (answering ? overdueFromDigest(answering, today) : overdueReport(data, idx, today))),
    [answering, data, idx, today],
  );
  const last = useMemo(() => once(() => lastContacts(data.contacts)), [data.contacts]);
  const term = reportingTerm(data.settings.terms, today);
  const keyboard = useKeyboardClaims();
  const size = useTerminalSizeSource();
  const say = useCallback((text: string, error = false) => setMessage(text === '' ? null : { text, error }), []);
  // Our own saves are not reloads (the store tells them apart): run() brings that data itself.
  const reloaded = useCallback(
    (fresh: Datastore) => {
      setData(fresh);
      setMessage({ text: '数据文件已被其他人修改，已重新载入', error: false });
    },
    [setData],
  );
  useReloadOnChange(store, reloadEveryMs, reloaded);
  const [contactsComplete, setContactsComplete] = useState(typeof complete === 'boolean' ? complete : false);
  useEffect(() => {
    if (typeof complete === 'function') complete().then(setContactsComplete, () => undefined);
  }, [complete]);
  const go = useCallback((route: Route) => {
    setMessage(null);
    setStack((s) => [...s, route]);
  }, []);
  // A message belongs to the screen it was said on: leaving it (Esc) leaves the message too, unless the
  // screen goes back because its work is done and the message says so (记录联系 from the overdue list).
  const back = useCallback((keepMessage = false) => {
    if (!keepMessage) setMessage(null);
    setStack((s) => (s.length > 1 ? s.slice(0, -1) : s));
  }, []);
  const runner = useMemo(() => new OperationRunner(store, { via: 'tui', context, view }), [store, context, view]);
  const run = useCallback<Ui['run']>(
    async (op, input) => {
      try {
        const done = await runner.run(op, input);
        setData(done.data);
        setMessage({ text: done.notice === null ? done.message : `${done.message}；${done.notice}`, error: false });
        return { ok: true, result: done.result };
      } catch (error) {
        setMessage({ text: failureText(error), error: true });
        return { ok: false, error };
      }
    },
    [runner, setData],
  );
  const preview = useCallback<Ui['preview']>(
    async (op, input) => {
      try {
        return { ok: true, ...(await runner.preview(op, input)) };
      } catch (error) {
        return { ok: false, error };
      }
    },
    [runner],
  );

  // u names the change it would undo (the latest she sees: it may be another secretary's) and asks
  // first; y undoes that change, even if another was saved in between. The question is up from the key
  // on (the screens' keys are off); a y typed before the journal is read still undoes what it names.
  const [confirmUndo, setConfirmUndo] = useState<Promise<number | null> | null>(null);
  const undoAsks = useRef(0);
  const askUndo = async (ask: number): Promise<number | null> => {
    const say = (m: Message) => undoAsks.current === ask && setMessage(m);
    try {
      // Loaded here, not with the UI: undo's rules are not needed to start.
      const [{ describeEntry, latestUndoable }, entries] = await Promise.all([
        import('../domain/undo.js'),
        store.history(UNDO_LOOKBACK),
      ]);
      const entry = latestUndoable(entries);
      if (entry === null) {
        say({ text: '没有可以撤销的修改', error: true });
        if (undoAsks.current === ask) setConfirmUndo(null);
      } else say({ text: `撤销最近一次修改：${safeText(describeEntry(entry))}？按 y 确认，其他键取消`, error: false });
      return entry?.revision ?? null;
    } catch (error) {
      say({ text: failureText(error), error: true });
      if (undoAsks.current === ask) setConfirmUndo(null);
      return null;
    }
  };
  // The frame's own keys: not while a field or question has the keyboard.
  useInput((input, key) => {
    if (keyboard.claimed()) return;
    const is = keyIs(input, key, readOnly);
    if (confirmUndo !== null) {
      undoAsks.current += 1;
      setConfirmUndo(null);
      if (is('yes'))
        void confirmUndo.then(async (revision) => {
          if (revision !== null) await run(undoOperation, { revision });
        });
      else setMessage({ text: '已取消撤销', error: false });
    } else if (is('undo')) setConfirmUndo(askUndo((undoAsks.current += 1)));
    else if (is('quit')) exit();
    else if (is('help')) setHelp((h) => !h);
    else if (help && is('closeHelp')) setHelp(false);
  });

  const dataFile = useMemo(() => safeText(resolve(store.file)), [store]);
  const ui: Ui = {
    data,
    idx,
    get report() {
      return report();
    },
    digest: answering,
    get last() {
      return last();
    },
    contactsComplete,
    dataFile,
    mainFile: store.layout.main,
    ...(exportsDir === undefined ? {} : { exportsDir }),
    readOnly,
    scope,
    today,
    context,
    run,
    preview,
    say,
    message,
    go,
    back,
  };
  // Screens under the top one stay mounted (hidden, their keys off), so Esc returns to them as they were.
  // Every part lays out to the size handed down here, so no line is wider than the terminal.
  return (
    <UiContext.Provider value={ui}>
      <TerminalSizeContext.Provider value={size}>
        <KeyboardClaims value={keyboard.claim}>
          <Box flexDirection="column">
            <Header
              title={safeText(data.settings.schoolName)}
              tail={` 三联系 · ${term?.name ?? '不在学期内'} · 今天 ${today}`}
              dataFile={dataFile}
            />
            <KeyScope on={confirmUndo === null}>{help && <HelpOverlay />}</KeyScope>
            <KeyScope on={!help && confirmUndo === null}>
              {stack.map((route, i) => {
                const top = i === stack.length - 1;
                return (
                  <KeyScope key={i} on={top}>
                    <Box display={top && !help ? 'flex' : 'none'} flexDirection="column">
                      {route.name === 'home' ? <HomeScreen /> : screens && <screens.ScreenSwitch route={route} />}
                    </Box>
                  </KeyScope>
                );
              })}
            </KeyScope>
          </Box>
        </KeyboardClaims>
      </TerminalSizeContext.Provider>
    </UiContext.Provider>
  );
}

/**
 * The title line, and the datastore's path after it when the terminal has room (its end, the file name,
 * kept). When narrow, the school's name is cut, not the term or today's date after it.
 */
function Header({ title, tail, dataFile }: { title: string; tail: string; dataFile: string }) {
  const { columns } = useTerminalSize();
  const whole = title + tail;
  const shown = textWidth(whole) <= columns ? whole : cut(title, Math.max(2, columns - textWidth(tail))) + tail;
  const room = columns - 1 - textWidth(shown) - textWidth(DATA_FILE_LABEL);
  return (
    <Box width={columns}>
      <Text wrap="truncate-end">
        <Text bold>{shown}</Text>
        {room >= MIN_PATH_COLUMNS ? (
          <Text dimColor>
            {DATA_FILE_LABEL}
            {truncatePath(dataFile, room)}
          </Text>
        ) : null}
      </Text>
    </Box>
  );
}

/** `make()` run at the first call, its result kept. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}
