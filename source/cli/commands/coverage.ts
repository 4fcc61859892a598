// `coverage`: the grid's holes on a date (issue 26) — classes, dorms and 困难生 no cadre holds, the free
// cadres, and the assignments ending within 30 days. A college user sees her colleges only.
import { coverage, coverageRows, ENDING_WITHIN_DAYS, type CoverageRows } from '../../domain/coverage.js';
import { buildIndexes } from '../../domain/indexes.js';
import { findCollege } from '../../domain/lookup.js';
import { safeJson } from '../../domain/safe-text.js';
import { scopeOf } from '../../domain/scope.js';
import { dateArg, openStore, outputColumns, type GlobalArgs } from '../runtime.js';
import { plainCommand } from '../plain-command.js';
import { renderTable } from '../text-table.js';

interface Args extends GlobalArgs {
  'as-of'?: string;
  college?: string;
  json?: boolean;
}

export const coverageCommand = plainCommand<Args>({
  command: 'coverage',
  describe: '网格的空缺：没有联系干部的班级、寝室、困难生，空闲的干部，即将结束的分配',
  options: {
    'as-of': { type: 'string', describe: '按此日期计算（默认今天）' },
    college: { type: 'string', describe: '只看该学院' },
    json: { type: 'boolean', describe: '输出 JSON' },
  },
  handler: async (args) => {
    const asOf = dateArg(args['as-of'], 'as-of');
    const store = openStore(args);
    const data = await store.load('none');
    const idx = buildIndexes(data);
    // Her part of the data holds the cadres once assigned to her classes too: only her colleges' are hers to pair.
    const scoped = scopeOf(await store.actor()) !== null;
    const college = args.college;
    const colleges = college
      ? new Set([(await store.find(() => findCollege(idx, college))).id])
      : scoped
        ? new Set(data.colleges.map((c) => c.id))
        : null;
    const rows = coverageRows(coverage(data, idx, asOf, colleges), idx);
    console.log(args.json ? safeJson(rows) : await coverageText(rows, outputColumns()));
  },
});

/** Each list under its heading, as a table no wider than `columns`; an empty list is one line. */
export async function coverageText(r: CoverageRows, columns: number): Promise<string> {
  const fit = (shrink: Record<number, number>) => ({ width: columns, shrink });
  const parts: string[] = [`截至 ${r.asOf} 的网格空缺`];
  const section = async (title: string, headers: string[], cells: string[][], shrink: Record<number, number>) => {
    parts.push(
      cells.length === 0
        ? `${title}：无`
        : `${title}（${cells.length}）\n${await renderTable(headers, cells, fit(shrink))}`,
    );
  };
  await section(
    '没有联系干部的班级',
    ['班级', '学院'],
    r.classes.map((c) => [c.class, c.college]),
    { 1: 6 },
  );
  await section(
    '无人联系的寝室',
    ['寝室', '班级'],
    r.dorms.map((d) => [d.dorm, d.classes.join('、')]),
    { 1: 6 },
  );
  await section(
    '无人联系的困难生',
    ['困难生', '班级'],
    r.students.map((s) => [s.name, s.class]),
    { 1: 6 },
  );
  await section(
    '空闲的在岗干部',
    ['干部', '工号', '学院', '空闲自'],
    r.freeCadres.map((c) => [
      c.cadre,
      c.employeeNo ?? '',
      c.college,
      c.since ? `${c.since.date}（${c.since.reason}）` : '从未分配',
    ]),
    { 2: 6 },
  );
  await section(
    `${ENDING_WITHIN_DAYS} 天内结束的分配`,
    ['干部', '工号', '班级', '最后一天', '原因'],
    r.ending.map((e) => [e.cadre, e.employeeNo ?? '', e.class, e.end, e.reason]),
    { 2: 6 },
  );
  return parts.join('\n\n');
}
