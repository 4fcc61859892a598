// The cadres a search field matches, with their 工号 (namesakes differ only there); the one that will
// be taken is marked with >, and ↑/↓ move the mark.
import { Box, Text } from 'ink';
import { cadreLabel } from '../../domain/labels.js';
import { safeText } from '../../domain/safe-text.js';
import type { Cadre } from '../../domain/schema.js';
import { SHOWN_MATCHES } from '../hooks/use-cadre-search.js';

export function CadreMatches({ matches, chosen, query }: { matches: Cadre[]; chosen: Cadre | undefined; query: string }) {
  if (query.trim() === '') return <Text dimColor>  输入姓名、工号或拼音首字母（如 zs）</Text>;
  if (matches.length === 0) return <Text>  没有匹配的干部</Text>;
  return (
    <Box flexDirection="column" paddingLeft={4}>
      {matches.slice(0, SHOWN_MATCHES).map((c) => (
        <Text key={c.id} wrap="truncate-end">
          {c.id === chosen?.id ? '> ' : '  '}
          {safeText(cadreLabel(c))} · {safeText(c.department)} · {c.status}
        </Text>
      ))}
      {matches.length > SHOWN_MATCHES && <Text dimColor>  另有 {matches.length - SHOWN_MATCHES} 位，请多输入几个字</Text>}
      {matches.length > 1 && <Text dimColor>  ↑/↓ 选择其中一位</Text>}
    </Box>
  );
}
