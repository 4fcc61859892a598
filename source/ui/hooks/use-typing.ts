// Tells the frame that a field has the keyboard while `typing` is true, so q and ? reach the field.
import { useEffect } from 'react';
import { useUi } from '../ui-context.js';

export function useTyping(typing: boolean): void {
  const { claimKeyboard } = useUi();
  useEffect(() => (typing ? claimKeyboard() : undefined), [typing, claimKeyboard]);
}
