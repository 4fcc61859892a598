// Drives the App on a real temp datastore: keystrokes in, frames out, saves on disk.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { assign } from '../../source/domain/assignments.js';
import { logContact } from '../../source/domain/contacts.js';
import type { Datastore } from '../../source/domain/schema.js';
import { readsOnly, scopeOf } from '../../source/domain/scope.js';
import { ScopedStore } from '../../source/operations/scoped-store.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { App } from '../../source/ui/app.js';
import { loadScreens } from '../../source/ui/screens.js';
import { AUTUMN, smallSchool, testContext } from './fixtures.js';
import { wholeSchool } from './stores.js';

export const TODAY = '2026-11-25';
export const KEY = {
  backspace: '\u007f',
  enter: '\r',
  esc: '\u001b',
  tab: '\t',
  shiftTab: '\u001b[Z',
  down: '\u001b[B',
  up: '\u001b[A',
  left: '\u001b[D',
  right: '\u001b[C',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
};

const tick = () => new Promise((r) => setTimeout(r, 20));

/** 张三 holds 会计1班 (dorms 1-101, 1-102, student 小明), 李四 holds 软件1班 (2-201, 小红); 李四 met the class duty. */
export function school(): Datastore {
  const data = smallSchool([AUTUMN]);
  const ctx = testContext(TODAY);
  assign(data, { cadreId: 'c_zs', classId: 'cls_kj', studentIds: ['s_1'], start: '2026-09-01' }, ctx);
  assign(data, { cadreId: 'c_ls', classId: 'cls_rj', studentIds: ['s_2'], start: '2026-09-01' }, ctx);
  logContact(data, { cadreId: 'c_ls', duty: 'class', targetId: 'cls_rj', date: '2026-11-20', note: '班会' }, ctx);
  return data;
}

type FrameTest = string | RegExp | ((frame: string) => boolean);

/**
 * Waits until `frame()` shows `text` (ink mounts input handlers after a render): up to 10 s, a third of
 * the test's limit, since UI files run their tests side by side and a loaded machine renders late.
 */
export async function untilFrame(frame: () => string, text: FrameTest): Promise<void> {
  const has = () =>
    typeof text === 'string' ? frame().includes(text) : text instanceof RegExp ? text.test(frame()) : text(frame());
  for (const deadline = Date.now() + 10_000; Date.now() < deadline && !has();) await tick();
  if (!has()) throw new Error(`frame never showed ${String(text)}:\n${frame()}`);
  await tick();
}

/** A terminal size for the app. */
export interface Size {
  columns: number;
  rows: number;
}

/**
 * `exportsDir`: the app as an SSH session opens it (exports in the secretary's own folder). `size`: the
 * terminal's. `login`: the registered user the SSH forced command names (her scope applies).
 */
export async function startApp(
  data: Datastore = school(),
  { exportsDir, size, login }: { exportsDir?: string; size?: Size; login?: string } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'slx-ui-'));
  const file = join(dir, 'data.json');
  await new DatastoreFile(file).create(data);
  const store = login === undefined ? wholeSchool(file) : new ScopedStore(file, undefined, { login, forced: true });
  const ctx = { ...testContext(TODAY), user: 'ui-test' };
  // As the tui command opens it: a viewer's session is read-only, a college secretary's scoped.
  const actor = await store.actor();
  const readOnly = actor !== null && readsOnly(actor);
  const scope = actor === null ? null : scopeOf(actor);
  const app = render(
    <App
      store={store}
      initialData={await store.load()}
      today={TODAY}
      context={() => ctx}
      reloadEveryMs={100}
      readOnly={readOnly}
      scope={scope}
      {...(exportsDir === undefined ? {} : { exportsDir })}
    />,
  );
  const frame = () => app.lastFrame() ?? '';
  const until = (text: FrameTest) => untilFrame(frame, text);
  /** Sends keys one at a time, letting each render settle. */
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await tick();
      await tick();
    }
  };
  /** Writes `keys` in one stdin.write, as one read of a terminal over SSH delivers them, then lets them settle. */
  const burst = async (...keys: string[]) => {
    app.stdin.write(keys.join(''));
    for (let i = 0; i < keys.length + 2; i++) await tick();
  };
  /** The datastore as another process reads it now. */
  const saved = (): Promise<Datastore> => new DatastoreFile(file).load();
  if (size) {
    Object.defineProperty(app.stdout, 'rows', { value: size.rows, configurable: true });
    Object.defineProperty(app.stdout, 'columns', { value: size.columns, configurable: true });
    app.stdout.emit('resize');
    await tick();
    // ink lays out in 1000 columns from now on, the app (which read the size on resize) in size.columns:
    // a line the app did not fit to its width shows whole in the frame instead of being wrapped by ink.
    Object.defineProperty(app.stdout, 'columns', { value: 1000, configurable: true });
  }
  // Every test starts on 首页, fully drawn, the other screens loaded (keys wait for them until then:
  // keys-wait.test.tsx), so a test that waits for a screen's text never finds it in 首页's key line.
  await until('最新联系');
  await loadScreens();
  return { ...app, frame, until, press, burst, saved, dir, file, store };
}

/** The app opened from 首页 on one screen: its number key, then the text that shows the screen is there. */
export async function openScreen(key: string, shown: string, data?: Datastore) {
  const ui = await startApp(data);
  await ui.press(key);
  await ui.until(shown);
  return ui;
}

/**
 * 分配 on 会计1班, held open-ended by 张三: 分配 (a) is refused (it has a holder today) and 移交 (r) opens
 * its form, where the tests type the successor and the date.
 */
export async function openHandoverOfHeldClass() {
  const ui = await openScreen('7', '分配 · 选择班级');
  await ui.press(KEY.enter);
  await ui.until('r 移交  g 结束');
  await ui.press('a');
  await ui.until('错误：会计1班 今天已有联系干部');
  await ui.press('r');
  await ui.until('移交 会计1班');
  return ui;
}
