// A list screen's list stays mounted (search and selection kept, its keys off) while a detail or form covers it.
import { Box } from 'ink';
import type { ReactNode } from 'react';
import { KeyScope } from '../keyboard.js';

export function ListWithOverlay({ list, overlay }: { list: ReactNode; overlay: ReactNode | null }) {
  return (
    <Box flexDirection="column">
      <KeyScope on={overlay === null}>
        <Box display={overlay ? 'none' : 'flex'} flexDirection="column">
          {list}
        </Box>
      </KeyScope>
      {overlay}
    </Box>
  );
}
