// Tells the frame that a field has the keyboard while `typing` is true, so q and ? reach the field.
import { useLayoutEffect } from 'react';
import { useUi } from '../ui-context.js';

export function useTyping(typing: boolean): void {
  const { claimKeyboard } = useUi();
  // In the commit itself, before the next key of a burst is let through.
  useLayoutEffect(() => (typing ? claimKeyboard() : undefined), [typing, claimKeyboard]);
}
