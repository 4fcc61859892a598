// The 催办 as a group reads it, built here once for the command line, the terminal UI and the robots:
// a heading, then each cadre with what she owes and since when. Robots take at most MESSAGE_BYTES of
// UTF-8 per message, so a long list is split between cadres, never inside one. The text names no day
// count: the same list sent again tomorrow is the same message (robots.ts tells it was sent).
import { addDays } from './dates.js';
import type { CadreReminder, CollegeReminder, ReminderItem, Reminders } from './remind.js';
import { DUTY_LABELS } from './vocabulary.js';

/** 企业微信's and 钉钉's limit on a text message's content. */
export const MESSAGE_BYTES = 2048;

const bytes = (text: string) => new TextEncoder().encode(text).length;

function itemLine(item: ReminderItem): string {
  const period = item.duty === 'class' ? '本学期' : `${Number(item.windowStart.slice(5, 7))}月`;
  const when =
    item.status === 'overdue' ? `${addDays(item.windowEnd, 1).slice(5)} 起逾期` : `${item.windowEnd.slice(5)} 前完成`;
  return `· ${period} ${DUTY_LABELS[item.duty]} ${item.target}，${when}`;
}

export function cadreHeading(c: Pick<CadreReminder, 'cadre' | 'employeeNo'>): string {
  return c.employeeNo ? `${c.cadre}（${c.employeeNo}）` : c.cadre;
}

/** A cadre's lines; when they alone would not fit in `room` bytes, the last ones are counted instead. */
function cadreBlock(c: CadreReminder, room: number): string {
  const lines = [cadreHeading(c), ...c.items.map(itemLine)];
  const whole = lines.join('\n');
  if (bytes(whole) <= room) return whole;
  for (let kept = c.items.length - 1; kept >= 0; kept--) {
    const block = [...lines.slice(0, 1 + kept), `· 另有 ${c.items.length - kept} 项，请向学院秘书查询`].join('\n');
    if (bytes(block) <= room) return block;
  }
  return cadreHeading(c);
}

/** The college's message(s), each at most MESSAGE_BYTES of UTF-8; none when no cadre is late. */
export function reminderMessages(r: Pick<Reminders, 'term'>, college: CollegeReminder, withSoon: boolean): string[] {
  if (college.cadres.length === 0) return [];
  const first = [
    `【三联系催办】${college.college}`,
    `${r.term ? `${r.term.name}，` : ''}以下联系任务${withSoon ? '已逾期或即将到期' : '已逾期'}，请尽快完成并告知学院秘书登记：`,
  ].join('\n');
  const more = `【三联系催办】${college.college}（续）`;
  const messages: string[] = [];
  let current = first;
  let blocks = 0;
  for (const cadre of college.cadres) {
    const block = cadreBlock(cadre, MESSAGE_BYTES - bytes(first) - 1);
    if (bytes(`${current}\n${block}`) > MESSAGE_BYTES && blocks > 0) {
      messages.push(current);
      current = more;
      blocks = 0;
    }
    current = `${current}\n${block}`;
    blocks += 1;
  }
  messages.push(current);
  return messages;
}
