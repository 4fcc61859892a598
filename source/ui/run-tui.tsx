import { render } from 'ink';
import { App, type AppProps } from './app.js';

// Bracketed paste: the terminal marks pasted text, so a paste reaches a field as text, not as keys.
const BRACKETED_PASTE_ON = '\u001b[?2004h';
const BRACKETED_PASTE_OFF = '\u001b[?2004l';

/** Runs the UI on the loaded datastore until q; every change is an operation, its save reading back `view`'s contacts. */
export async function runTui(props: AppProps): Promise<void> {
  process.stdout.write(BRACKETED_PASTE_ON);
  try {
    const instance = render(<App {...props} />);
    await instance.waitUntilExit();
  } finally {
    process.stdout.write(BRACKETED_PASTE_OFF);
  }
}
