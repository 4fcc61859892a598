// The cadres a search field matches, the one that will be taken marked with >.
import { Box, Text } from 'ink';
import { cadreLabel } from '../../domain/labels.js';
import { safeText } from '../../domain/safe-text.js';
import type { Cadre } from '../../domain/schema.js';

export function CadreMatches({ matches, chosen, query }: { matches: Cadre[]; chosen: Cadre | undefined; query: string }) {
  if (query.trim() === '') return <Text dimColor>  输入姓名、工号或拼音首字母（如 zs）</Text>;
  if (matches.length === 0) return <Text>  没有匹配的干部</Text>;
  return (
    <Box flexDirection="column" paddingLeft={4}>
      {matches.slice(0, 4).map((c) => (
        <Text key={c.id}>
          {c.id === chosen?.id ? '> ' : '  '}
          {safeText(cadreLabel(c))} · {safeText(c.department)} · {c.status}
        </Text>
      ))}
      {matches.length > 4 && <Text dimColor>  另有 {matches.length - 4} 位，请多输入几个字</Text>}
    </Box>
  );
}
