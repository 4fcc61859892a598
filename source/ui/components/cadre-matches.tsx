// The cadres a search field matches, with their 工号 (namesakes differ only there); the one that will
// be taken is marked with >, and ↑/↓ move the mark.
import { Box } from 'ink';
import { Line } from './layout.js';
import { cadreLabel } from '../../domain/labels.js';
import { safeText } from '../../domain/safe-text.js';
import type { Cadre } from '../../domain/schema.js';
import { SHOWN_MATCHES } from '../hooks/use-cadre-search.js';

export function CadreMatches({
  matches,
  chosen,
  query,
}: {
  matches: Cadre[];
  chosen: Cadre | undefined;
  query: string;
}) {
  if (query.trim() === '' && chosen === undefined) return <Line dimColor> 输入姓名、工号或拼音首字母（如 zs）</Line>;
  if (matches.length === 0) return <Line> 没有匹配的干部</Line>;
  return (
    <Box flexDirection="column">
      {matches.slice(0, SHOWN_MATCHES).map((c) => (
        <Line key={c.id}>
          {'    '}
          {c.id === chosen?.id ? '> ' : '  '}
          {safeText(cadreLabel(c))} · {safeText(c.department)} · {c.status}
        </Line>
      ))}
      {matches.length > SHOWN_MATCHES && (
        <Line dimColor> 另有 {matches.length - SHOWN_MATCHES} 位，请多输入几个字</Line>
      )}
      {matches.length > 1 && <Line dimColor> ↑/↓ 选择其中一位</Line>}
    </Box>
  );
}
