// Which datastore is open: every command falls back to the demo file when no --data is given, so the
// UI says the full path — in the header when it has room, and always on 首页 (cut at its start).
import { Text } from 'ink';
import cliTruncate from 'cli-truncate';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { useUi } from '../ui-context.js';

export const DATA_FILE_LABEL = ' · 数据 ';
/** Fewer columns than this for the path and the header leaves it to 首页. */
export const MIN_PATH_COLUMNS = 16;

/** The path cut at its start to `columns`, so the file name and its folder stay: …/srv/sanlianxi.json. */
export function truncatePath(path: string, columns: number): string {
  return cliTruncate(path, columns, { position: 'start' });
}

export function DataFileLine() {
  const { dataFile } = useUi();
  const { columns } = useTerminalSize();
  const label = '数据文件：';
  return (
    <Text dimColor>
      {label}
      {truncatePath(dataFile, Math.max(8, columns - 1 - label.length * 2))}
    </Text>
  );
}
