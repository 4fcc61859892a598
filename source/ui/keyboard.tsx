// Who gets a key. A screen, list or form reads keys with useKeys; whether it hears them is decided
// where the UI is put together, once: the frame turns the keys off for every screen but the top one
// (and for all of them under the help or the undo question), a list is off while a detail or form
// covers it. A field that takes text, or a y/n question, claims the keyboard so the frame's own keys
// (q, ?, u) are typed or ignored there, not obeyed.
//
// Not ink's useFocus/useFocusManager: their focus is one flat Tab ring in which Esc drops the focus,
// while here Tab and Esc are form and navigation keys and covering is nested (screen, list, detail,
// form, question). The claim is a counter read when a key arrives, set in the commit (layout effect),
// so the next key of a burst already sees it (see use-one-key-at-a-time.tsx) and nothing re-renders.
// For a read-only user, `is` never names a command that changes data (keys.ts).
import { useInput, type Key } from 'ink';
import { createContext, useCallback, useContext, useLayoutEffect, useRef, type ReactNode } from 'react';
import { keyIs, type CommandName } from './keys.js';
import { UiContext } from './ui-context.js';

const ScopeContext = createContext(true);
const ClaimContext = createContext<() => () => void>(() => () => undefined);

/** Keys reach what is inside only when `on` (and every scope around it is on). */
export function KeyScope({ on, children }: { on: boolean; children: ReactNode }) {
  const around = useContext(ScopeContext);
  return <ScopeContext.Provider value={around && on}>{children}</ScopeContext.Provider>;
}

/** Whether keys reach this place (a text field is focused only then). */
export function useKeysOn(): boolean {
  return useContext(ScopeContext);
}

export type KeyHandler = (input: string, key: Key, is: (command: CommandName) => boolean) => void;

/** Reads keys here while the scope is on; `claim` while a field takes text or a question waits for y/n. */
export function useKeys(handler: KeyHandler, { claim = false }: { claim?: boolean } = {}): void {
  const on = useKeysOn();
  const claimKeyboard = useContext(ClaimContext);
  const readOnly = useContext(UiContext)?.readOnly ?? false;
  useLayoutEffect(() => (on && claim ? claimKeyboard() : undefined), [on, claim, claimKeyboard]);
  useInput((input, key) => handler(input, key, keyIs(input, key, readOnly)), { isActive: on });
}

/** The frame's side: `claim` goes to <KeyboardClaims value={claim}>; `claimed()` says whether a field has the keyboard now. */
export function useKeyboardClaims(): { claim: () => () => void; claimed: () => boolean } {
  const claims = useRef(0);
  const claim = useCallback(() => {
    claims.current += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      claims.current -= 1;
    };
  }, []);
  return { claim, claimed: useCallback(() => claims.current > 0, []) };
}

export const KeyboardClaims = ClaimContext.Provider;

/** A part of a screen with keys of its own, such as a detail shown over a list. */
export function WithKeys({ onKey, claim, children }: { onKey: KeyHandler; claim?: boolean; children: ReactNode }) {
  useKeys(onKey, { claim });
  return <>{children}</>;
}
