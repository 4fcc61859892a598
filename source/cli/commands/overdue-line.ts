// overdue's line (word, options, help), apart from its work in overdue.ts: main.ts tells a plain
// overdue line from this alone, before it loads any command.
import type { PlainLineSpec } from '../plain-command.js';

/** `--exit-code`: the exit status when at least one row is selected (1 and 2 are errors). */
export const EXIT_ROWS_FOUND = 3;

export const OVERDUE_LINE = {
  command: 'overdue',
  describe: '逾期与待完成的联系（按学期、月份窗口）',
  options: {
    'as-of': { type: 'string', describe: '按此日期计算（默认今天）' },
    college: { type: 'string', describe: '只看该学院' },
    cadre: { type: 'string', describe: '只看该干部（姓名或工号）' },
    status: { type: 'string', describe: '只看 overdue（逾期）或 due（待完成），也可写 逾期、待完成' },
    json: { type: 'boolean', describe: '输出 JSON' },
    count: { type: 'boolean', describe: '只输出条数（供提示符、cron 使用）' },
    'exit-code': {
      type: 'boolean',
      default: false,
      describe: `有符合条件的条目时退出码为 ${EXIT_ROWS_FOUND}，没有时为 0`,
    },
  },
  conflicts: [['json', 'count']],
  epilog:
    `退出码：0 成功；1 用法或数据错误；2 内部错误；加 --exit-code 时，有符合条件的条目则为 ${EXIT_ROWS_FOUND}。\n` +
    `例：sanlianxi overdue --status overdue --count --exit-code || echo 有逾期`,
} as const satisfies PlainLineSpec;
