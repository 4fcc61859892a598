// OneKeyAtATime (source/ui/components/one-key-at-a-time.tsx) stands on ink's private input event,
// useStdin().internal_eventEmitter: ink has no public way to hand keys to useInput one at a time.
// So ink is pinned to one exact version, and this file states what of ink's private contract the
// pump uses: an upgrade of ink that changes any of it fails here, by name, before it breaks every key.
import { readFileSync } from 'node:fs';
import { Text, useInput, useStdin } from 'ink';
import { render } from 'ink-testing-library';
import { useLayoutEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { untilFrame } from '../helpers/ui-harness.js';

type Events = ReturnType<typeof useStdin>['internal_eventEmitter'];

/** Takes ink's input events as the pump does (its own `emit` on the emitter) and lists what useInput gets. */
type Taken = { events?: Events; emit?: Events['emit'] };

function Probe({ seen, got, emitter }: { seen: string[]; got: string[]; emitter: Taken }) {
  const { internal_eventEmitter: events } = useStdin();
  useLayoutEffect(() => {
    const emit = events.emit;
    emitter.events = events;
    emitter.emit = emit;
    events.emit = function (this: Events, name: string | symbol, ...args: unknown[]) {
      if (name !== 'input') return emit.call(this, name, ...args);
      seen.push(String(args[0]));
      return true;
    };
    return () => {
      events.emit = emit;
    };
  }, [events, seen, emitter]);
  useInput((input, key) => got.push(key.downArrow ? '↓' : key.escape ? 'Esc' : input));
  return <Text>probe</Text>;
}

async function probe() {
  const seen: string[] = [];
  const got: string[] = [];
  const emitter: Taken = {};
  const app = render(<Probe seen={seen} got={got} emitter={emitter} />);
  await untilFrame(() => app.lastFrame() ?? '', 'probe');
  return { app, seen, got, emitter };
}

describe("ink's private input event, as OneKeyAtATime uses it", () => {
  it('carries every event of one read, as ink parsed it, through the emitter’s emit of the moment', async () => {
    const { app, seen, got } = await probe();
    app.stdin.write('jj\u001b[B\u001bj\u001b[200~a\rb\u001b[201~');
    // A run of plain keys is one event (why the pump cuts it, splitKeys); an escape sequence, Alt+key
    // and each bracketed paste mark are events of their own.
    expect(seen).toEqual(['jj', '\u001b[B', '\u001bj', '\u001b[200~', 'a\rb', '\u001b[201~']);
    app.stdin.write('\u001b\u001b');
    await new Promise((r) => setTimeout(r, 20));
    expect(seen.at(-1)).toBe('\u001b\u001b');
    // Taken by the pump, they reach no useInput: it listens on this emitter and nowhere else.
    expect(got).toEqual([]);
    app.unmount();
  });

  it('hands to every useInput what is emitted on it, one call per emit', async () => {
    const { app, got, emitter } = await probe();
    for (const key of ['j', 'j', '\u001b[B', '\u001b']) emitter.emit!.call(emitter.events!, 'input', key);
    expect(got).toEqual(['j', 'j', '↓', 'Esc']);
    app.unmount();
  });

  it('is pinned: package.json names one exact ink version, the one installed', () => {
    type Manifest = { version: string; dependencies: Record<string, string> };
    const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as Manifest;
    const pinned = read('../../package.json').dependencies['ink'];
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(read('../../node_modules/ink/package.json').version).toBe(pinned);
  });
});
