// The terminal UI's frame: the current screen, the help overlay and the status bar with the keys that work.
import { Box, Text, useApp, useInput } from 'ink';
import { useMemo, useState } from 'react';
import type { IsoDate } from '../domain/dates.js';
import { buildIndexes } from '../domain/indexes.js';
import { overdueReport } from '../domain/overdue.js';
import type { Datastore } from '../domain/schema.js';
import { exportForm2 } from '../io/exports.js';
import { HomeScreen } from './home-screen.js';
import { OverdueScreen } from './overdue-screen.js';

type Screen = 'home' | 'overdue';

const KEYS: Record<Screen, string> = {
  home: '1 首页  2 逾期  e 导出附件2  ? 帮助  q 退出',
  overdue: 'j/k ↑/↓ 移动  Esc 返回首页  ? 帮助  q 退出',
};

export function App({ data, today }: { data: Datastore; today: IsoDate }) {
  const { exit } = useApp();
  const [screen, setScreen] = useState<Screen>('home');
  const [help, setHelp] = useState(false);
  const idx = useMemo(() => buildIndexes(data), [data]);
  const report = useMemo(() => overdueReport(data, idx, today), [data, idx, today]);
  const [message, setMessage] = useState('');
  // The same export function as `sanlianxi export form2`, written to the working directory.
  const exportSummary = () => {
    const out = `附件2-${today}.xlsx`;
    setMessage(`正在导出 ${out}……`);
    exportForm2(data, idx, { out, asOf: today, force: true }).then(
      (n) => setMessage(`已导出 ${out}（${n} 行）`),
      (error: Error) => setMessage(`导出失败：${error.message}`),
    );
  };
  useInput((input, key) => {
    if (input === 'q') exit();
    else if (input === '?') setHelp((h) => !h);
    else if (input === '1' || key.escape) setScreen('home');
    else if (input === '2') setScreen('overdue');
    else if (input === 'e' && screen === 'home') exportSummary();
  });
  return (
    <Box flexDirection="column">
      <Text bold>
        {data.settings.schoolName} 三联系 · {report.term?.name ?? '不在学期内'} · 今天 {today}
      </Text>
      {help ? (
        <Box flexDirection="column" borderStyle="single" paddingX={1}>
          <Text bold>帮助</Text>
          <Text>1 首页：各学院完成情况与最新联系</Text>
          <Text>2 逾期：逾期与待完成的联系，j/k 或 ↑/↓ 移动</Text>
          <Text>e 导出附件2（汇总表）到当前目录</Text>
          <Text>Esc 返回首页 · ? 关闭帮助 · q 退出</Text>
        </Box>
      ) : screen === 'home' ? (
        <HomeScreen data={data} idx={idx} report={report} />
      ) : (
        <OverdueScreen rows={report.rows} />
      )}
      {message !== '' && <Text>{message}</Text>}
      <Text inverse>{KEYS[screen]}</Text>
    </Box>
  );
}
