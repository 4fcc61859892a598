import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { buildIndexes } from '../../domain/indexes.js';
import { cadreLabel } from '../../domain/labels.js';
import { findCadre, findCollege } from '../../domain/lookup.js';
import { safeLines } from '../../domain/safe-text.js';
import { findTerm } from '../../domain/terms.js';
import { dateArg, openStore, type GlobalArgs } from '../runtime.js';
import type { RangeArg } from '../../operations/scoped-store.js';

interface Args extends GlobalArgs {
  out: string;
  cadre?: string;
  college?: string;
  'as-of'?: string;
  force?: boolean;
  term?: string;
}

const common = (y: Argv<GlobalArgs>) =>
  y
    .option('out', { type: 'string', demandOption: true, describe: '导出的 .xlsx 文件；- 为标准输出' })
    .option('college', { type: 'string', describe: '只导出该学院' })
    .option('as-of', { type: 'string', describe: '按此日期的联系分配与联系记录（默认今天）' })
    .option('force', { type: 'boolean', default: false, describe: '覆盖已有文件' });

// exceljs takes ~150 ms to load: only the export commands pay for it.
const exports = () => import('../../io/exports.js');

/**
 * `--out -`: the workbook goes to standard output (over SSH: `ssh … export form2 --out - > 附件2.xlsx`),
 * written first to a private temp folder by the same writer; what was exported is said on stderr.
 */
async function exported(args: Args, write: (out: string) => Promise<string>): Promise<void> {
  if (args.out !== '-') {
    console.log(safeLines(await write(args.out)));
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'sanlianxi-export-'));
  try {
    const file = join(dir, 'export.xlsx');
    const said = await write(file);
    const bytes = await readFile(file);
    await new Promise<void>((done, fail) => process.stdout.write(bytes, (error) => (error ? fail(error) : done())));
    process.stderr.write(`${safeLines(said.replace(file, '标准输出'))}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** form1 and form2 show assignments only; the assessment needs its term's contacts. */
async function context(args: Args, contacts: RangeArg = 'none') {
  const store = openStore(args);
  const data = await store.load(contacts);
  const idx = buildIndexes(data);
  const { cadre, college } = args;
  return {
    data,
    idx,
    options: {
      out: args.out,
      asOf: dateArg(args['as-of'], 'as-of'),
      force: args.force,
      collegeId: college ? (await store.find(() => findCollege(idx, college))).id : undefined,
      cadreId: cadre ? (await store.find(() => findCadre(idx, cadre))).id : undefined,
    },
  };
}

const form1: CommandModule<GlobalArgs, Args> = {
  command: 'form1',
  describe: '附件1 党员干部“三联系”登记表（每位干部一张工作表）',
  builder: (y) => common(y).option('cadre', { type: 'string', describe: '只导出该干部（姓名或工号）' }),
  handler: (args) =>
    exported(args, async (out) => {
      const { data, idx, options } = await context({ ...args, out });
      const { sheets, unassigned } = await (await exports()).exportForm1(data, idx, options);
      const said = `已导出附件1：${out}（${sheets} 位干部）`;
      // Exit 0: the document asks a form of every cadre, assigned or not; the secretary learns whose is empty.
      if (unassigned.length === 0) return said;
      const names = unassigned.map(cadreLabel);
      const who = names.length > 10 ? `${names.slice(0, 10).join('、')} 等 ${names.length} 位` : names.join('、');
      return `${said}\n注意：${who} 在 ${options.asOf} 没有联系分配，登记表中班级、困难学生、寝室部分为空`;
    }),
};

const form2: CommandModule<GlobalArgs, Args> = {
  command: 'form2',
  describe: '附件2 党员干部“三联系”汇总表',
  builder: (y) => common(y),
  handler: (args) =>
    exported(args, async (out) => {
      const { data, idx, options } = await context({ ...args, out });
      const n = await (await exports()).exportForm2(data, idx, options);
      return `已导出附件2：${out}（${n} 位干部）`;
    }),
};

const report: CommandModule<GlobalArgs, Args> = {
  command: 'report',
  describe: '评议考核：每位干部本学期的完成情况与学院汇总',
  builder: (y) =>
    common(y).option('term', { type: 'string', demandOption: true, describe: '学期名称，如 2026-2027学年第一学期' }),
  handler: (args) =>
    exported(args, async (out) => {
      const { data, idx, options } = await context(
        { ...args, out },
        (main) => findTerm(main.settings.terms, args.term ?? '').start,
      );
      const term = findTerm(data.settings.terms, args.term ?? '');
      const n = await (await exports()).exportAssessment(data, idx, term, options);
      return `已导出评议考核：${out}（${term.name}，截至 ${options.asOf}，${n} 位干部）`;
    }),
};

export const exportCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'export',
  describe: '导出表格：form1（附件1）、form2（附件2）、report（评议考核）',
  builder: (y) =>
    y.command(form1).command(form2).command(report).demandCommand(1, '请指定要导出的表：form1、form2 或 report'),
  handler: () => undefined,
};
