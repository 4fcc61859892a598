// Over SSH, with a held key or a paste, several keys arrive in one read of the terminal. ink 6.8's
// input parser cuts a read at escape sequences (↓, Shift+Tab…) but hands a run of plain keys to
// useInput as one string ("jjjj", "\t\t\t", "\x7f\x7f"), so `input === 'j'` never matches; and it
// emits the pieces of one read in one loop, before React has rendered, so every handler after the
// first still sees the state of before the read (Down×3 moves one row).
//
// So the frame re-emits ink's input events one key at a time, each next key only after React has
// rendered the last one and run its effects — the effects are where useInput subscribes a handler
// that sees the new state. The wait is a counter bumped with each key: its effect runs after the
// effects of everything below it in the same commit. The next key then goes in a turn of the event
// loop of its own, as a key read from the terminal does, after the render an effect of the last key
// may have asked for (ink-text-input places its cursor from an effect): sent from inside the effect,
// or taken into that render, each key of a long burst (a held Backspace over SSH) would be one more
// update made during effects, and React takes more than fifty in a row for a render loop ("Maximum
// update depth exceeded"; test/helpers/no-update-loops.ts fails a test on it).
//
// This sits on ink's own input event, after ink's parser, so every useInput (the screens,
// ink-text-input, ink's focus keys) gets single keys and no escape sequence is parsed here. Node's
// readline keypress parser could split the keys too, but it holds a lone Esc for 500 ms and cannot
// tell when React has caught up; a timer cannot either.
//
// ink's input event (useStdin's internal_eventEmitter) is private: ink has no public way to hand useInput
// one key at a time, and its parser is not exported, so cutting keys before ink (a stdin stream of our
// own) would mean a second escape-sequence parser beside ink's. So ink is pinned to one exact version
// (package.json) and test/ui/ink-input-contract.test.tsx states what of it this uses: an upgrade that
// changes it fails there.
//
// Keys wait while the frame is not `ready` (the screens still loading, screens.ts), then go in order.
// They wait too while something below holds them (useHoldKeys): a form saving, so that what is typed or
// pasted after the Enter that saves reaches the form as it is once the save is done, not the form that
// was saving (which would drop it); a search until its pinyin has loaded.
//
// A paste is not keys: run-tui turns on the terminal's bracketed paste, and what arrives between its
// two marks is passed on whole, as one input (so a pasted line break never saves a form).
import { useStdin } from 'ink';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';

const ESC = '\u001b';
export const PASTE_START = `${ESC}[200~`;
export const PASTE_END = `${ESC}[201~`;

/** One event of ink's parser as single keys: an escape sequence stays whole, a run of plain keys is cut per character. */
export function splitKeys(event: string): string[] {
  // ink reads Esc Esc with nothing after it as one event; it is two presses of Esc.
  if (event === ESC + ESC) return [ESC, ESC];
  // ink reads Esc and a key right after it as Alt+key; no key of this UI uses Alt, so it is Esc, then the key.
  if (event.startsWith(ESC) && Array.from(event).length === 2) return [ESC, event.slice(1)];
  if (event.startsWith(ESC)) return [event];
  return Array.from(event);
}

const HoldContext = createContext<(until: Promise<unknown>) => void>(() => undefined);

/** `hold(until)`: the keys after this one wait until `until` settles and what it changed is rendered. */
export function useHoldKeys(): (until: Promise<unknown>) => void {
  return useContext(HoldContext);
}

export function OneKeyAtATime({ ready = true, children }: { ready?: boolean; children: ReactNode }) {
  const { internal_eventEmitter: events } = useStdin();
  const [delivered, setDelivered] = useState(0);
  const [released, setReleased] = useState(0);
  const pump = useRef({ queue: [] as string[], waiting: false, ready, held: 0, next: () => {}, soon: () => {} });
  // A hold ends with a render of its own, after the renders of what settled it: its effect lets the keys go.
  const hold = useCallback((until: Promise<unknown>) => {
    pump.current.held += 1;
    const release = () => {
      pump.current.held -= 1;
      setReleased((n) => n + 1);
    };
    until.then(release, release);
  }, []);
  useLayoutEffect(() => {
    const p = pump.current;
    const emit = events.emit;
    let paste: string | null = null;
    p.next = () => {
      if (!p.ready || p.held > 0) return;
      const key = p.queue.shift();
      if (key === undefined) return;
      p.waiting = true;
      emit.call(events, 'input', key);
      setDelivered((n) => n + 1);
    };
    // From an effect: the next key in a turn of the event loop after the render the effects asked for.
    // React asks its scheduler for a render from a microtask queued with the setState; a turn asked for
    // from a microtask queued after that one comes after the render. Keys arriving meanwhile queue.
    let asked = false;
    let turn: NodeJS.Immediate | undefined;
    p.soon = () => {
      p.waiting = true;
      if (asked) return;
      asked = true;
      queueMicrotask(() => {
        turn = setImmediate(() => {
          asked = false;
          p.waiting = false;
          p.next();
        });
      });
    };
    events.emit = function (this: typeof events, name: string | symbol, ...args: unknown[]) {
      const event = args[0];
      if (name !== 'input' || typeof event !== 'string') return emit.call(this, name, ...args);
      if (event === PASTE_START) paste = '';
      else if (event === PASTE_END) {
        if (paste) p.queue.push(paste);
        paste = null;
      } else if (paste !== null) paste += event;
      else p.queue.push(...splitKeys(event));
      if (!p.waiting) p.next();
      return true;
    };
    return () => {
      events.emit = emit;
      clearImmediate(turn);
      p.queue.length = 0;
      p.next = () => {};
      p.soon = () => {};
    };
  }, [events]);
  // Runs after the effects below it of the commit that rendered the last key: the next key may go.
  useEffect(() => {
    pump.current.soon();
  }, [delivered]);
  // Once ready or released, the keys that waited go, unless one is already on its way (a key arriving
  // between this render and its effects sends the first): its own render lets the next go, as above.
  useLayoutEffect(() => {
    pump.current.ready = ready;
  }, [ready]);
  useEffect(() => {
    if (ready && !pump.current.waiting) pump.current.soon();
  }, [ready, released]);
  return <HoldContext.Provider value={hold}>{children}</HoldContext.Provider>;
}
