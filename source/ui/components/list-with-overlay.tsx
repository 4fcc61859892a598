// A list screen's list stays mounted (search and selection kept) while a detail or form covers it.
import { Box } from 'ink';
import type { ReactNode } from 'react';

export function ListWithOverlay({ list, overlay }: { list: ReactNode; overlay: ReactNode | null }) {
  return (
    <Box flexDirection="column">
      <Box display={overlay ? 'none' : 'flex'} flexDirection="column">
        {list}
      </Box>
      {overlay}
    </Box>
  );
}
