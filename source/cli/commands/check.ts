import type { CommandModule } from 'yargs';
import { buildIndexes } from '../../domain/indexes.js';
import { datastoreProblems } from '../../domain/invariants.js';
import { outOfLimitValues } from '../../domain/out-of-limit.js';
import { UserError } from '../../domain/errors.js';
import { openStore, type GlobalArgs } from '../runtime.js';
import { safeText } from '../../domain/safe-text.js';
import { permissionWarnings } from '../../store/permissions.js';
import { journalSize } from '../../store/journal.js';
import { KEEP_JOURNAL_DAYS, KEEP_JOURNAL_ENTRIES } from '../../store/retention.js';

export const checkCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'check',
  describe: '校验数据文件并报告问题',
  handler: async (args) => {
    // Every field of every file, even those whose seal says they are as sanlianxi wrote them.
    const store = openStore(args, { contacts: 'all', verify: 'full' });
    const data = await store.load();
    for (const warning of await permissionWarnings(store.layout)) console.log(`警告：${safeText(warning)}`);
    const journal = await journalSize(store.layout.journal);
    console.log(
      `修改日志 ${store.layout.journal}：${(journal.bytes / 1024 / 1024).toFixed(1)} MB，${journal.lines} 条（保留最近 ${KEEP_JOURNAL_DAYS} 天，至少最近 ${KEEP_JOURNAL_ENTRIES} 条）`,
    );
    // Values saved under older limits are kept on load; each is a problem to fix, named with its field.
    const problems = [...datastoreProblems(data, buildIndexes(data)), ...outOfLimitValues(data)];
    if (problems.length > 0) {
      for (const p of problems) console.log(safeText(p));
      throw new UserError(`数据文件 ${store.file} 有 ${problems.length} 处问题（见上）`);
    }
    console.log(
      `数据文件 ${store.file} 正常：${data.colleges.length} 个学院，${data.cadres.length} 名干部，${data.classes.length} 个班级，` +
        `${data.dorms.length} 间寝室，${data.students.length} 名困难生，${data.assignments.length} 条联系分配，${data.contacts.length} 条联系记录`,
    );
  },
};
