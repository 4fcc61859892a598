// The terminal's rows, and the columns available where a component is drawn: the terminal's width,
// less a panel's border and padding inside one. The frame reads the terminal once (and on resize)
// and hands the size down, so every part of the UI lays out to the same width.
import { useStdout } from 'ink';
import { createContext, useContext, useEffect, useState } from 'react';

export interface TerminalSize {
  rows: number;
  columns: number;
}

export const TerminalSizeContext = createContext<TerminalSize | null>(null);

/** For the frame: the terminal's size, updated when it is resized. */
export function useTerminalSizeSource(): TerminalSize {
  const { stdout } = useStdout();
  const read = () => ({ rows: stdout.rows || 24, columns: stdout.columns || 80 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
    // read() depends on stdout alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout]);
  return size;
}

export function useTerminalSize(): TerminalSize {
  const size = useContext(TerminalSizeContext);
  if (!size) throw new Error('useTerminalSize outside <App>');
  return size;
}
