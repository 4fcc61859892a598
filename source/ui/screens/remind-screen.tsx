// 催办: per college the message as it will be sent to its group (remind-message.ts); y copies the
// selected college's to the terminal's clipboard (OSC 52), s sends it to the college's robot after y/n,
// recorded in the journal as 催办（界面）.
import { Box, Text, useStdout } from 'ink';
import { useMemo, useState } from 'react';
import { reminderMessages } from '../../domain/remind-message.js';
import { reminders } from '../../domain/remind.js';
import { robotsOf, sentBefore } from '../../domain/robots.js';
import { safeText } from '../../domain/safe-text.js';
import { osc52 } from '../../io/osc52.js';
import { messageHash, RobotSender } from '../../io/robot-send.js';
import { withSendLock } from '../../io/send-lock.js';
import { messageNumbers, sendCollege, type CollegeSent } from '../../operations/remind-send.js';
import { remindSentOperation } from '../../operations/webhooks.js';
import { Confirm } from '../components/confirm.js';
import { Line, Panel } from '../components/layout.js';
import { StatusBar } from '../components/status-bar.js';
import { useListNav } from '../hooks/use-list-nav.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { useKeys } from '../keyboard.js';
import { failureText, useUi } from '../ui-context.js';

export function RemindScreen() {
  const { data, idx, today, mainFile, back, say, run, preview } = useUi();
  const { rows } = useTerminalSize();
  const { write } = useStdout();
  const colleges = useMemo(() => {
    const report = reminders(data, idx, today);
    return report.colleges.map((c) => ({ ...c, messages: reminderMessages(report, c, false) }));
  }, [data, idx, today]);
  const robots = robotsOf(data.settings);
  const nav = useListNav(colleges.length, 6);
  const [asking, setAsking] = useState(false);
  const chosen = colleges[nav.selected];
  const robot = chosen ? robots[chosen.collegeId] : undefined;
  const text = chosen ? chosen.messages.join('\n\n') : '';

  const send = async () => {
    setAsking(false);
    if (!chosen || !robot) return;
    const record = (hashes: string[]) => ({
      date: today,
      sent: hashes.map((hash) => ({ collegeId: chosen.collegeId, hash })),
    });
    // Asked first of the store: a viewer, or a robot removed meanwhile, sends nothing.
    const may = await preview(remindSentOperation, record(chosen.messages.map(messageHash)));
    if (!may.ok) return say(failureText(may.error), true);
    let saved = true;
    let sent: CollegeSent;
    try {
      // Sent again on purpose (she confirmed, told when it was sent before); never at once with a cron run.
      sent = await withSendLock(mainFile, false, (lock) =>
        sendCollege(new RobotSender(), lock, robot, chosen.messages, true, async (hashes) => {
          saved = (await run(remindSentOperation, record(hashes))).ok;
        }),
      );
    } catch (error) {
      return say(failureText(error), true);
    }
    if (sent.failure) {
      const done = sent.delivered.length > 0 ? `；${messageNumbers(sent.delivered)}已送达` : '';
      return say(
        `${chosen.college}：催办${sent.failure.n === 1 ? '' : messageNumbers([sent.failure.n])}未发出，${sent.failure.reason}${done}`,
        true,
      );
    }
    if (saved) say(`${chosen.college}：已发送到群机器人（${chosen.messages.length} 条消息）`);
  };

  useKeys((input, key, is) => {
    if (asking || nav.onKey(input, key, is)) return;
    if (is('back')) back();
    else if (is('copyMessage') && text) {
      write(osc52(text));
      say(`已复制${chosen!.college}的催办到剪贴板（终端支持 OSC 52 时，含 SSH 和 tmux set-clipboard on）`);
    } else if (is('sendMessage') && text) {
      if (!robot) say(`${chosen!.college}未设置群机器人：用 sanlianxi webhook set ${chosen!.college} 地址 设置`, true);
      else setAsking(true);
    }
  });

  if (asking && chosen) {
    const dates = robot ? chosen.messages.map((m) => sentBefore(robot, messageHash(m))) : [];
    const before = dates.length > 0 && dates.every((d) => d !== null) ? dates.at(-1) : null;
    return (
      <Confirm
        question={`把${chosen.college}的催办（${chosen.messages.length} 条消息）发到群机器人？${before ? `这份催办已于 ${before} 发送过。` : ''}`}
        onYes={send}
        onNo={() => setAsking(false)}
      />
    );
  }
  const listRows = Math.min(colleges.length, Math.max(3, Math.floor((rows - 6) / 3)));
  const top = Math.min(Math.max(0, nav.selected - listRows + 1), Math.max(0, colleges.length - listRows));
  const messageRows = Math.max(1, rows - 8 - listRows);
  const lines = text.split('\n');
  return (
    <Box flexDirection="column">
      <Line>
        催办 · {colleges.filter((c) => c.messages.length > 0).length} 个学院有逾期 · 截至 {today}
      </Line>
      {colleges.slice(top, top + listRows).map((c, i) => (
        <Line key={c.collegeId} inverse={top + i === nav.selected}>
          {`${top + i === nav.selected ? '>' : ' '} ${safeText(c.college)} · ${c.cadres.length > 0 ? `${c.cadres.length} 位干部` : '无逾期'} · 群机器人：${robots[c.collegeId] ? '已设置' : '未设置'}`}
        </Line>
      ))}
      <Panel>
        {text ? (
          [
            ...lines.slice(0, messageRows).map((l, i) => <Line key={i}>{safeText(l)}</Line>),
            lines.length > messageRows ? <Text key="more">……（共 {lines.length} 行，y 复制全部）</Text> : null,
          ]
        ) : (
          <Text>没有需要催办的干部</Text>
        )}
      </Panel>
      <StatusBar commands={['move', 'copyMessage', 'sendMessage', 'back']} />
    </Box>
  );
}
