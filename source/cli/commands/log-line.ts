// log's line (word, options, help), apart from its work in log.ts: main.ts tells a plain log line
// from this alone, before it loads any command.
import { CONTACT_FORMS } from '../../domain/vocabulary.js';
import type { PlainLineSpec } from '../plain-command.js';

export const LOG_LINE = {
  command: 'log',
  describe: '记录一次联系（班级、寝室或困难生）',
  options: {
    cadre: { type: 'string', demandOption: true, describe: '干部姓名或工号' },
    type: { type: 'string', demandOption: true, describe: '类型：班级、寝室 或 困难生' },
    target: { type: 'string', demandOption: true, describe: '对象：班级名称、寝室楼-寝室号 或 学号' },
    date: { type: 'string', describe: '联系日期（默认今天；也可写 昨天、-3、11-20）' },
    form: { type: 'string', describe: `形式：${CONTACT_FORMS.join('、')}` },
    note: { type: 'string', describe: '备注' },
    again: { type: 'boolean', describe: '同一干部、对象、日期已有记录时仍再记一条' },
    'as-of': { type: 'string', describe: '把此日期当作“今天”' },
  },
} as const satisfies PlainLineSpec;
