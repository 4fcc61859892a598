// `import FILE.xlsx`: the whole roster or nothing. Every bad row is listed as `sheet, row, column: reason`.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { assign } from '../domain/assignments.js';
import { DEFAULT_FORM, logContact } from '../domain/contacts.js';
import type { ChangeContext } from '../domain/context.js';
import { UserError, isUserError } from '../domain/errors.js';
import { buildIndexes, type Indexes } from '../domain/indexes.js';
import { datastoreProblems } from '../domain/invariants.js';
import { classSuggestion, findCadre, findTarget, parseDutyLabel } from '../domain/lookup.js';
import { normalizeName } from '../domain/names.js';
import {
  CADRE_CATEGORIES, CONTACT_FORMS, END_REASONS, STUDENT_CATEGORIES,
  cadreSchema, classSchema, contactSchema, datastoreSchema, dormSchema, dutyRulesSchema, fieldLabel, splitList, studentSchema, typedNumber,
  type Datastore, type DutyRules,
} from '../domain/schema.js';
import { cellDate, cellText, readCell, shown } from './roster-cells.js';
import { EXAMPLE_FONT_COLOR, ROSTER_SHEETS } from './roster-sheets.js';
import { checkXlsxZip } from './roster-zip.js';
import { ImportError } from './import-error.js';
import { describeImport, type ImportSummary } from './import-summary.js';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 50_000;

export { ImportError };

/** By sheet: rows that added a record, changed one, or matched one field for field. */
export { describeImport, type ImportSummary };

/** Whether writing `fields` over `record` would change nothing. */
function unchanged(record: object, fields: object): boolean {
  return Object.entries(fields).every(([key, value]) => isDeepStrictEqual((record as Record<string, unknown>)[key], value));
}

interface Row {
  sheet: string;
  rowNo: number;
  get: (header: string) => string;
  date: (header: string) => string | null;
}

const name = z.string().min(1, '不能为空').max(100, '过长（最多 100 个字符）');

async function readRows(file: string, errors: string[]): Promise<Map<string, Row[]>> {
  if (!existsSync(file)) throw new UserError(`找不到文件 ${file}：请检查路径`);
  const stat = statSync(file);
  if (!stat.isFile()) throw new UserError(`${file} 不是文件：请给出 .xlsx 文件的路径`);
  if (stat.size > MAX_FILE_BYTES) throw new UserError(`文件 ${file} 超过 20 MB，拒绝导入：请拆分后分批导入`);
  let buffer: Buffer;
  try {
    buffer = readFileSync(file);
  } catch (error) {
    throw new UserError(`无法读取文件 ${file}（${(error as NodeJS.ErrnoException).code ?? '读取失败'}）：请检查文件权限`);
  }
  if (buffer.length > MAX_FILE_BYTES) throw new UserError(`文件 ${file} 超过 20 MB，拒绝导入：请拆分后分批导入`);
  await checkXlsxZip(buffer, file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new UserError(`无法读取 ${file}：不是有效的 XLSX 文件（${(error as Error).message.slice(0, 80)}）`);
  }
  const out = new Map<string, Row[]>();
  for (const spec of ROSTER_SHEETS) {
    const sheet = workbook.getWorksheet(spec.name);
    if (!sheet) {
      if (spec.required) errors.push(`${spec.name}, -, -: 缺少工作表“${spec.name}”`);
      continue;
    }
    if (sheet.actualRowCount > MAX_ROWS + 1) throw new UserError(`工作表“${spec.name}”超过 ${MAX_ROWS} 行，拒绝导入`);
    const columns = new Map<string, number>();
    sheet.getRow(1).eachCell((cell, col) => columns.set(cellText(cell), col));
    const missing = spec.requiredHeaders.filter((h) => !columns.has(h));
    if (spec.name === '联系分配' || spec.name === '联系记录') {
      if (!columns.has('干部姓名') && !columns.has('工号')) missing.push('干部姓名 或 工号');
    }
    for (const h of missing) errors.push(`${spec.name}, 第1行, ${h}: 缺少表头“${h}”`);
    if (missing.length > 0) continue;
    const rows: Row[] = [];
    sheet.eachRow((row, rowNo) => {
      if (rowNo === 1) return;
      const cellOf = (h: string) => {
        const col = columns.get(h);
        return col === undefined ? null : row.getCell(col);
      };
      const present = spec.headers.map((h) => [h, cellOf(h)] as const).filter((p): p is readonly [string, ExcelJS.Cell] => p[1] !== null);
      const texts = new Map<string, string>();
      let problems = false;
      for (const [h, c] of present) {
        const read = readCell(c, h);
        texts.set(h, read.text);
        if (read.problem !== undefined) {
          errors.push(`${spec.name}, 第${rowNo}行, ${h}: ${read.problem}`);
          problems = true;
        }
      }
      if (!problems && [...texts.values()].every((t) => t === '')) return;
      // The template's example row is skipped; a row typed over it keeps its grey font and is data.
      const grey = present.some(([, c]) => c.font?.color?.argb === EXAMPLE_FONT_COLOR);
      if (grey && present.every(([h]) => texts.get(h) === (spec.example[spec.headers.indexOf(h)] ?? ''))) return;
      rows.push({
        sheet: spec.name,
        rowNo,
        get: (h) => texts.get(h) ?? '',
        date: (h) => {
          const c = cellOf(h);
          return c && texts.get(h) !== '' ? cellDate(c) : null;
        },
      });
    });
    out.set(spec.name, rows);
  }
  return out;
}

function check<T>(row: Row, header: string, schema: z.ZodType<T>, value: unknown, errors: string[]): T | undefined {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  errors.push(`${row.sheet}, 第${row.rowNo}行, ${header}: ${r.error.issues[0]?.message ?? '无效'}`);
  return undefined;
}

function requireDate(row: Row, header: string, errors: string[], optional = false): string | null | undefined {
  const text = row.get(header);
  if (text === '' && optional) return null;
  const d = row.date(header);
  if (!d) errors.push(`${row.sheet}, 第${row.rowNo}行, ${header}: “${shown(text)}”不是有效日期（写成 2026-09-01、2026/9/1 或 2026.9.1）`);
  return d ?? undefined;
}

/** One reason per cell: the first (a cell refused while reading hides the “不能为空” that follows). */
function firstPerCell(errors: string[]): string[] {
  const cells = new Set<string>();
  return errors.filter((line) => {
    const cell = /^[^,]+, 第\d+行, [^:]+:/.exec(line)?.[0];
    if (cell === undefined) return true;
    if (cells.has(cell)) return false;
    cells.add(cell);
    return true;
  });
}

/** Applies the roster to `data` (mutating it) only if every row of every sheet is valid. */
export async function importRoster(data: Datastore, file: string, ctx: ChangeContext): Promise<ImportSummary> {
  const errors: string[] = [];
  const sheets = await readRows(file, errors);
  const next = structuredClone(data);
  let idx: Indexes = buildIndexes(next);
  const summary: ImportSummary = {};
  /** Counts the row and writes `fields` over `existing` (when there is one). */
  const count = (sheet: string, existing: object | undefined, fields: object = {}) => {
    const s = (summary[sheet] ??= { added: 0, updated: 0, unchanged: 0 });
    if (!existing) s.added += 1;
    else if (unchanged(existing, fields)) s.unchanged += 1;
    else {
      s.updated += 1;
      Object.assign(existing, fields);
    }
  };
  const rows = (name: string) => sheets.get(name) ?? [];
  const seen = (sheet: string) => {
    const keys = new Map<string, number>();
    /** `key` identifies the record; `label` is how the user writes it. */
    return (row: Row, key: string, header: string, label = key) => {
      const prev = keys.get(key);
      if (prev !== undefined) errors.push(`${sheet}, 第${row.rowNo}行, ${header}: 与第${prev}行重复（${shown(label)}）`);
      keys.set(key, row.rowNo);
      return prev === undefined;
    };
  };
  const collegeId = (collegeName: string): string | null => {
    if (collegeName === '' || collegeName === '组织部' || collegeName === '学工部' || collegeName === '学工处' || collegeName === '全校统筹') return null;
    const found = next.colleges.find((c) => c.name === collegeName);
    if (found) return found.id;
    const college = { id: ctx.newId('col'), name: collegeName };
    next.colleges.push(college);
    return college.id;
  };

  // Records whose own row was refused (with its reason): rows naming them say nothing more, so one
  // mistake is one error line rather than a cascade of 找不到 through the sheets that follow.
  const refusedClasses = new Set<string>();
  const refusedDorms = new Set<string>();
  const refusedStudents = new Set<string>();
  /** Why a class name refers to nothing, or undefined when its own row was already refused. */
  const missingClass = (clsName: string): string | undefined =>
    refusedClasses.has(clsName) ? undefined : `找不到班级“${shown(clsName)}”${classSuggestion(idx, clsName) ?? '（请先在“班级”表中列出）'}`;

  const uniqueClass = seen('班级');
  for (const row of rows('班级')) {
    const clsName = check(row, '班级', name, row.get('班级'), errors);
    const college = check(row, '学院', name, row.get('学院'), errors);
    const yearText = row.get('入学年份');
    const year = yearText === '' ? null : check(row, '入学年份', typedNumber(classSchema.shape.enrollYear.unwrap()), yearText, errors);
    const graduation = requireDate(row, '毕业日期', errors, true);
    if (!clsName || !college || year === undefined || graduation === undefined || !uniqueClass(row, clsName, '班级')) {
      if (clsName) refusedClasses.add(clsName);
      continue;
    }
    const fields = {
      collegeId: collegeId(college)!,
      name: clsName,
      enrollYear: year,
      graduationDate: graduation,
      headTeacher: check(row, '班主任', classSchema.shape.headTeacher, row.get('班主任'), errors) ?? '',
      headTeacherPhone: check(row, '班主任短号', classSchema.shape.headTeacherPhone, row.get('班主任短号'), errors) ?? '',
      counselor: check(row, '辅导员', classSchema.shape.counselor, row.get('辅导员'), errors) ?? '',
      counselorPhone: check(row, '辅导员短号', classSchema.shape.counselorPhone, row.get('辅导员短号'), errors) ?? '',
    };
    const existing = next.classes.find((c) => c.name === clsName);
    if (!existing) next.classes.push({ id: ctx.newId('cls'), ...fields });
    count('班级', existing, fields);
  }
  idx = buildIndexes(next);

  const uniqueDorm = seen('寝室');
  for (const row of rows('寝室')) {
    const building = check(row, '寝室楼', name, row.get('寝室楼'), errors);
    const number = check(row, '寝室号', name, row.get('寝室号'), errors);
    const classIds = splitList(row.get('班级')).map((n) => {
      const cls = idx.classByName.get(n);
      const missing = cls ? undefined : missingClass(n);
      if (missing) errors.push(`寝室, 第${row.rowNo}行, 班级: ${missing}`);
      return cls?.id;
    });
    if (classIds.length === 0) errors.push(`寝室, 第${row.rowNo}行, 班级: 不能为空`);
    const sizeText = row.get('寝室人数');
    const size = sizeText === '' ? null : check(row, '寝室人数', typedNumber(dormSchema.shape.size.unwrap()), sizeText, errors);
    // Keyed as users write a dorm (楼-号): 1-2 楼 3 号 and 1 楼 2-3 号 would be the same “1-2-3”.
    if (!building || !number || size === undefined || classIds.some((c) => !c) || !uniqueDorm(row, `${building}-${number}`, '寝室号')) {
      if (building && number) refusedDorms.add(`${building}-${number}`);
      continue;
    }
    const fields = {
      building, number, classIds: classIds as string[],
      leader: check(row, '寝室长', dormSchema.shape.leader, row.get('寝室长'), errors) ?? '',
      size,
      note: check(row, '备注', dormSchema.shape.note, row.get('备注'), errors) ?? '',
    };
    const existing = next.dorms.find((d) => d.building === building && d.number === number);
    if (!existing) next.dorms.push({ id: ctx.newId('dorm'), ...fields });
    count('寝室', existing, fields);
  }
  idx = buildIndexes(next);

  const uniqueStudent = seen('困难生');
  for (const row of rows('困难生')) {
    const studentNo = check(row, '学号', name, row.get('学号'), errors);
    const studentName = check(row, '姓名', name, normalizeName(row.get('姓名')), errors);
    const cls = idx.classByName.get(row.get('班级'));
    const missing = cls ? undefined : row.get('班级') === '' ? '不能为空' : missingClass(row.get('班级'));
    if (missing) errors.push(`困难生, 第${row.rowNo}行, 班级: ${missing}`);
    const categories = check(
      row, '类别',
      z.array(z.enum(STUDENT_CATEGORIES, { message: `应为 ${STUDENT_CATEGORIES.join('、')}（可多个，用、分隔）` })).min(1, '不能为空'),
      splitList(row.get('类别')), errors,
    );
    let dormId: string | null = null;
    if (row.get('寝室楼') !== '' || row.get('寝室号') !== '') {
      const key = `${row.get('寝室楼')}-${row.get('寝室号')}`;
      const dorm = idx.dormByKey.get(key);
      if (!dorm && !refusedDorms.has(key)) errors.push(`困难生, 第${row.rowNo}行, 寝室号: 找不到寝室“${shown(key)}”（请先在“寝室”表中列出）`);
      dormId = dorm?.id ?? null;
    }
    if (!studentNo || !studentName || !cls || !categories || !uniqueStudent(row, studentNo, '学号')) {
      if (studentNo) refusedStudents.add(studentNo);
      continue;
    }
    const contact = check(row, '联系方式', studentSchema.shape.contact, row.get('联系方式'), errors) ?? '';
    const fields = { studentNo, name: studentName, classId: cls.id, dormId, categories, contact };
    const existing = next.students.find((s) => s.studentNo === studentNo);
    if (!existing) next.students.push({ id: ctx.newId('stu'), ...fields });
    count('困难生', existing, fields);
  }

  const uniqueCadre = seen('干部');
  for (const row of rows('干部')) {
    const cadreName = check(row, '干部姓名', name, normalizeName(row.get('干部姓名')), errors);
    const category = check(row, '类别', z.enum(CADRE_CATEGORIES, { message: '应为 科职以上干部 或 普通党员' }), row.get('类别'), errors);
    const employeeNo = row.get('工号') === '' ? null : check(row, '工号', cadreSchema.shape.employeeNo, row.get('工号'), errors);
    const collegeName = row.get('归属学院') === '' ? '' : check(row, '归属学院', name, row.get('归属学院'), errors);
    if (!cadreName || !category || employeeNo === undefined || collegeName === undefined) continue;
    const unique = employeeNo
      ? uniqueCadre(row, `工号\u0000${employeeNo}`, '工号', employeeNo)
      : uniqueCadre(row, `姓名\u0000${cadreName}\u0000${collegeName}`, '干部姓名', `${cadreName}，${collegeName || '全校统筹'}`);
    if (!unique) continue;
    const college = collegeId(collegeName);
    const fields = {
      employeeNo, name: cadreName, collegeId: college,
      department: check(row, '所在部门', cadreSchema.shape.department, row.get('所在部门'), errors) ?? '',
      title: check(row, '职务', cadreSchema.shape.title, row.get('职务'), errors) ?? '',
      politicalStatus: check(row, '政治面貌', cadreSchema.shape.politicalStatus, row.get('政治面貌'), errors) ?? '',
      shortPhone: check(row, '手机短号', cadreSchema.shape.shortPhone, row.get('手机短号'), errors) ?? '',
      officePhone: check(row, '办公电话', cadreSchema.shape.officePhone, row.get('办公电话'), errors) ?? '', category,
    };
    const existing = next.cadres.find((c) => (employeeNo ? c.employeeNo === employeeNo : c.employeeNo === null && normalizeName(c.name) === cadreName && c.collegeId === college));
    if (!existing) next.cadres.push({ id: ctx.newId('cad'), ...fields, status: '在岗' });
    count('干部', existing, fields);
  }

  const uniqueTerm = seen('学期');
  for (const row of rows('学期')) {
    const termName = check(row, '学期名称', name, row.get('学期名称'), errors);
    const start = requireDate(row, '开始日期', errors);
    const end = requireDate(row, '结束日期', errors);
    if (!termName || !start || !end || !uniqueTerm(row, termName, '学期名称')) continue;
    if (end < start) {
      errors.push(`学期, 第${row.rowNo}行, 结束日期: 早于开始日期`);
      continue;
    }
    const existing = next.settings.terms.find((t) => t.name === termName);
    if (!existing) next.settings.terms.push({ name: termName, start, end });
    count('学期', existing, { start, end });
  }

  const RULE_FIELDS: Array<[string, keyof DutyRules, z.ZodType<unknown>]> = [
    [fieldLabel(dutyRulesSchema, 'classPerTerm'), 'classPerTerm', typedNumber(dutyRulesSchema.shape.classPerTerm)],
    [fieldLabel(dutyRulesSchema, 'dormPerMonth'), 'dormPerMonth', typedNumber(dutyRulesSchema.shape.dormPerMonth)],
    ['寝室范围', 'dormScope', z.enum(['任一', '每个'], { message: '应为 任一 或 每个' }).transform((v) => (v === '任一' ? 'any' : 'each'))],
    [fieldLabel(dutyRulesSchema, 'studentPerMonth'), 'studentPerMonth', typedNumber(dutyRulesSchema.shape.studentPerMonth)],
    [fieldLabel(dutyRulesSchema, 'minWindowDays'), 'minWindowDays', typedNumber(dutyRulesSchema.shape.minWindowDays)],
  ];
  const uniqueRule = seen('规则');
  for (const row of rows('规则')) {
    const rule: Partial<DutyRules> = {};
    for (const [header, key, schema] of RULE_FIELDS) {
      if (row.get(header) === '') continue;
      const v = check(row, header, schema, row.get(header), errors);
      if (v !== undefined) (rule as Record<string, unknown>)[key] = v;
    }
    const college = row.get('学院') === '' ? '' : check(row, '学院', name, row.get('学院'), errors);
    if (college === undefined || !uniqueRule(row, college, '学院', college || '全校默认')) continue;
    const id = college === '' ? null : collegeId(college);
    if (college !== '' && !id) {
      errors.push(`规则, 第${row.rowNo}行, 学院: “${shown(college)}”不是二级学院；全校默认规则请把学院留空`);
      continue;
    }
    const existing = id ? next.settings.rules.colleges[id] : next.settings.rules.defaults;
    if (id && !existing) next.settings.rules.colleges[id] = rule;
    count('规则', existing, rule);
  }

  idx = buildIndexes(next);
  const cadreOf = (row: Row) => findCadre(idx, row.get('工号') || row.get('干部姓名'));
  const attempt = (row: Row, header: string, work: () => void) => {
    try {
      work();
    } catch (error) {
      if (!isUserError(error)) throw error;
      errors.push(`${row.sheet}, 第${row.rowNo}行, ${header}: ${error.message}`);
    }
  };
  for (const row of rows('联系分配')) {
    const start = requireDate(row, '开始日期', errors);
    const end = requireDate(row, '结束日期', errors, true);
    const reasonText = row.get('结束原因');
    const reason = reasonText === '' ? null : check(row, '结束原因', z.enum(END_REASONS, { message: `应为 ${END_REASONS.join('、')}` }), reasonText, errors);
    if (!start || end === undefined || reason === undefined) continue;
    attempt(row, '班级', () => {
      const cadre = cadreOf(row);
      const cls = idx.classByName.get(row.get('班级'));
      if (!cls) {
        const missing = missingClass(row.get('班级'));
        if (missing) throw new UserError(missing);
        return;
      }
      const studentNos = splitList(row.get('困难生学号'));
      if (studentNos.some((no) => refusedStudents.has(no) && !idx.studentByNo.has(no))) return;
      const studentIds = studentNos.map((no) => findTarget(idx, 'student', no));
      const same = next.assignments.find((a) => a.cadreId === cadre.id && a.classId === cls.id && a.start === start);
      if (same) {
        count('联系分配', same, { studentIds, end, endReason: end ? (reason ?? '调整') : null });
        return;
      }
      assign(next, { cadreId: cadre.id, classId: cls.id, studentIds, start, end, endReason: end ? (reason ?? '调整') : null }, ctx, idx);
      idx = buildIndexes(next);
      count('联系分配', undefined);
    });
  }
  for (const row of rows('联系记录')) {
    const date = requireDate(row, '日期', errors);
    const formText = row.get('形式');
    const form = formText === '' ? undefined : check(row, '形式', z.enum(CONTACT_FORMS, { message: `应为 ${CONTACT_FORMS.join('、')}` }), formText, errors);
    const note = check(row, '备注', contactSchema.shape.note, row.get('备注'), errors);
    if (!date || (formText !== '' && !form) || note === undefined) continue;
    attempt(row, '对象', () => {
      const cadre = cadreOf(row);
      const duty = parseDutyLabel(row.get('类型'));
      const targetId = findTarget(idx, duty, row.get('对象'));
      const dup = next.contacts.some((c) => c.cadreId === cadre.id && c.duty === duty && c.targetId === targetId && c.date === date && c.form === (form ?? DEFAULT_FORM[duty]) && c.note === note);
      if (dup) {
        count('联系记录', {});
        return;
      }
      logContact(next, { cadreId: cadre.id, duty, targetId, date, form, note }, ctx, idx);
      count('联系记录', undefined);
    });
  }

  if (errors.length === 0) {
    for (const p of datastoreProblems(next, buildIndexes(next))) errors.push(`-, -, -: ${p}`);
  }
  if (errors.length === 0) {
    // Every field was checked row by row; this is the last guard that nothing unchecked gets in.
    const result = datastoreSchema.safeParse(next);
    if (!result.success) for (const i of result.error.issues.slice(0, 20)) errors.push(`-, -, -: ${i.path.join('.')}：${i.message}`);
  }
  if (errors.length > 0) throw new ImportError(firstPerCell(errors));
  Object.assign(data, next);
  return summary;
}

