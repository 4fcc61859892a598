import { existsSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { UserError } from '../../domain/errors.js';
import { MAX_FILE_BYTES } from '../../io/roster-limits.js';
import { importRosterOperation } from '../../operations/import-roster.js';
import { operations, type GlobalArgs } from '../runtime.js';
import { readCappedStdin, STDIN_PATH } from '../stdin-file.js';

/** What `import -` reads, as its messages name it. */
const STDIN_NAME = '标准输入';

interface FileArgs extends GlobalArgs {
  file: string;
  force?: boolean;
}

export const templateCommand: CommandModule<GlobalArgs, FileArgs> = {
  command: 'template <file>',
  describe: '生成空白的花名册导入模板（XLSX）',
  builder: (y) =>
    y
      .positional('file', { type: 'string', demandOption: true, describe: '要写入的 .xlsx 文件' })
      .option('force', { type: 'boolean', default: false, describe: '覆盖已有文件' }),
  handler: async (args) => {
    if (!args.file.toLowerCase().endsWith('.xlsx')) throw new UserError(`模板文件名应以 .xlsx 结尾：${args.file}`);
    if (existsSync(args.file) && !args.force) throw new UserError(`文件 ${args.file} 已存在：如需覆盖请加 --force`);
    // The XLSX modules load only for the commands that use them (exceljs takes ~150 ms to load).
    const { writeRosterTemplate } = await import('../../io/roster-template.js');
    await writeRosterTemplate(args.file);
    console.log(`已生成导入模板 ${args.file}：填写后用 sanlianxi import ${args.file} 导入`);
  },
};

export const importCommand: CommandModule<GlobalArgs, FileArgs> = {
  command: 'import <file>',
  describe: '从 XLSX 花名册导入（全部成功才写入）；- 从标准输入读取，如 ssh … import - < 名单.xlsx',
  builder: (y) =>
    y.positional('file', { type: 'string', demandOption: true, describe: '花名册 .xlsx 文件，或 -（标准输入）' }),
  handler: async (args) => {
    if (args.file === STDIN_PATH) {
      const usage =
        'import - 从标准输入读取花名册：请用 sanlianxi import - < 名单.xlsx（经 SSH：ssh … import - < 名单.xlsx）';
      const bytes = await readCappedStdin(
        process.stdin,
        MAX_FILE_BYTES,
        `从标准输入读到的文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，拒绝导入：请拆分后分批导入`,
        usage,
      );
      console.log((await operations(args).run(importRosterOperation, { file: STDIN_NAME, bytes })).message);
      return;
    }
    if (!existsSync(args.file)) throw new UserError(`找不到文件 ${args.file}：请检查路径`);
    console.log((await operations(args).run(importRosterOperation, { file: args.file })).message);
  },
};
