// `exports list` and `exports get NAME --out -`: what the terminal UI exported into the secretary's own
// folder (<datastore dir>/exports/<login>, see tui.ts), fetched over SSH without a second tool:
// `ssh … exports get 附件2.xlsx --out - > 附件2.xlsx`. Only her folder, only a plain file name in it.
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { shanghaiDateTime } from '../../domain/dates.js';
import { UserError } from '../../domain/errors.js';
import { isPlainFileName } from '../../domain/export-names.js';
import { safeText } from '../../domain/safe-text.js';
import { currentIdentity, openStore, userExportsDir, type GlobalArgs } from '../runtime.js';
import { renderTable } from '../text-table.js';

/** A file name in her folder (domain/export-names.ts). */
function plainName(name: string): string {
  if (!isPlainFileName(name)) {
    throw new UserError(
      `“${safeText(name)}”不是你的导出文件夹中的文件名：只写文件名，如 附件2.xlsx（见 sanlianxi exports list）`,
    );
  }
  return name;
}

const folder = (args: GlobalArgs) => userExportsDir(openStore(args).layout.main, currentIdentity().login);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const list: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'list',
  describe: '列出终端界面导出到你的文件夹中的文件',
  handler: async (args) => {
    const dir = folder(args);
    const rows: string[][] = [];
    for (const name of (await readdir(dir).catch(() => [] as string[])).sort()) {
      const info = await lstat(join(dir, name));
      if (info.isFile() && !name.startsWith('.')) rows.push([name, kb(info.size), shanghaiDateTime(info.mtime)]);
    }
    if (rows.length === 0) {
      console.log(
        '你的导出文件夹中还没有文件：在终端界面的“导入 / 导出”中导出后，用 sanlianxi exports get 文件名 --out - 取回',
      );
      return;
    }
    console.log(await renderTable(['文件', '大小', '时间'], rows));
    console.log(`共 ${rows.length} 个；取回：ssh … exports get 文件名 --out - > 文件名`);
  },
};

interface GetArgs extends GlobalArgs {
  name: string;
  out: string;
}

const get: CommandModule<GlobalArgs, GetArgs> = {
  command: 'get <name>',
  describe: '把你的导出文件夹中的一个文件写到标准输出',
  builder: (y) =>
    y
      .positional('name', { type: 'string', demandOption: true, describe: '文件名（见 sanlianxi exports list）' })
      .option('out', { type: 'string', demandOption: true, describe: '只能是 -（标准输出）' }),
  handler: async (args) => {
    const name = plainName(String(args.name));
    if (args.out !== '-')
      throw new UserError(`exports get 只写到标准输出：请用 --out -，如 ssh … exports get ${name} --out - > ${name}`);
    const file = join(folder(args), name);
    const info = await lstat(file).catch(() => null);
    // A link could point anywhere on the server: only her folder's own files.
    if (!info?.isFile()) throw new UserError(`你的导出文件夹中没有文件“${safeText(name)}”：见 sanlianxi exports list`);
    const bytes = await readFile(file);
    await new Promise<void>((done, fail) => process.stdout.write(bytes, (error) => (error ? fail(error) : done())));
    process.stderr.write(`已取回 ${safeText(name)}（${kb(bytes.length)}）：标准输出\n`);
  },
};

export const exportsCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'exports',
  describe: '你的导出文件夹（终端界面经 SSH 导出的文件）：list 列出、get 取回',
  builder: (y) => y.command(list).command(get).demandCommand(1, '请指定 list 或 get'),
  handler: () => undefined,
};
