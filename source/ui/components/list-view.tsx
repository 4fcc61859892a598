// The rows of a list that are in view (the caller maps only those), the selected one marked with >.
import { Box, Text } from 'ink';
import { Table } from '../table.js';

type Row = Record<string, string | number>;

interface Props {
  /** The rows from `top`, at most one screen of them. */
  visible: Row[];
  total: number;
  selected: number;
  top: number;
  empty: string;
  maxWidth?: number;
}

export function ListView({ visible, total, selected, top, empty, maxWidth = 20 }: Props) {
  if (total === 0) return <Text>{empty}</Text>;
  const shown = visible.map((r, i) => ({ ' ': top + i === selected ? '>' : ' ', ...r }));
  return (
    <Box flexDirection="column">
      <Table data={shown} padding={0} maxWidth={maxWidth} />
      <Text dimColor>
        第 {selected + 1}/{total} 行
      </Text>
    </Box>
  );
}
