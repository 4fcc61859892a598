// The roster sheets, one function each, in the order they refer to each other: 班级, 寝室 (its 班级),
// 困难生 (班级 and 寝室), 干部. Each checks its rows cell by cell into the run's copy of the datastore.
import * as z from 'zod';
import { assign } from '../domain/assignments.js';
import { DEFAULT_FORM, logContact } from '../domain/contacts.js';
import { findTarget, parseDutyLabel } from '../domain/lookup.js';
import { normalizeName } from '../domain/names.js';
import {
  cadreSchema,
  classSchema,
  contactSchema,
  dormSchema,
  dutyRulesSchema,
  fieldLabel,
  studentSchema,
  typedNumber,
  type DutyRules,
} from '../domain/schema.js';
import { CADRE_CATEGORIES, CONTACT_FORMS, END_REASONS, STUDENT_CATEGORIES, splitList } from '../domain/vocabulary.js';
import { shown } from './roster-cells.js';
import { check, requireDate, type ImportRun } from './roster-import-run.js';

const name = z.string().min(1, '不能为空').max(100, '过长（最多 100 个字符）');

/** 班级: by name; a new 学院 is added. */
export function importClasses(run: ImportRun): void {
  const { errors, next, ctx, added, met, rows, seen, collegeId, refusedClasses } = run;
  const uniqueClass = seen('班级');
  for (const row of rows('班级')) {
    const clsName = check(row, '班级', name, row.get('班级'), errors);
    const college = check(row, '学院', name, row.get('学院'), errors);
    const yearText = row.get('入学年份');
    const year =
      yearText === ''
        ? null
        : check(row, '入学年份', typedNumber(classSchema.shape.enrollYear.unwrap()), yearText, errors);
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
      headTeacherPhone:
        check(row, '班主任短号', classSchema.shape.headTeacherPhone, row.get('班主任短号'), errors) ?? '',
      counselor: check(row, '辅导员', classSchema.shape.counselor, row.get('辅导员'), errors) ?? '',
      counselorPhone: check(row, '辅导员短号', classSchema.shape.counselorPhone, row.get('辅导员短号'), errors) ?? '',
    };
    const existing = next.classes.find((c) => c.name === clsName);
    if (existing) met(row, existing, fields);
    else next.classes.push(added(row, { id: ctx.newId('cls'), ...fields }));
  }
}

/**
 * A 混合寝室's classes after a row listing `listed`: a college user lists her own classes only, so another
 * college's stay where they are (hers as listed, in the order they were).
 */
function keptClasses(was: readonly string[], listed: string[], theirs: ImportRun['theirs']): string[] {
  if (theirs === null) return listed;
  const kept = was.filter((id) => listed.includes(id) || theirs(id));
  return [...kept, ...listed.filter((id) => !kept.includes(id))];
}

/** 寝室: by 楼-号, living classes by name (a college user's row changes her classes' links only). */
export function importDorms(run: ImportRun): void {
  const { errors, next, ctx, added, met, rows, seen, refusedDorms, missingClass } = run;
  run.reindex();

  const uniqueDorm = seen('寝室');
  for (const row of rows('寝室')) {
    const building = check(row, '寝室楼', name, row.get('寝室楼'), errors);
    const number = check(row, '寝室号', name, row.get('寝室号'), errors);
    const classIds = splitList(row.get('班级')).map((n) => {
      const cls = run.idx.classByName.get(n);
      if (!cls) missingClass(row, '班级', n);
      return cls?.id;
    });
    if (classIds.length === 0) errors.push(`寝室, 第${row.rowNo}行, 班级: 不能为空`);
    const sizeText = row.get('寝室人数');
    const size =
      sizeText === '' ? null : check(row, '寝室人数', typedNumber(dormSchema.shape.size.unwrap()), sizeText, errors);
    // Keyed as users write a dorm (楼-号): 1-2 楼 3 号 and 1 楼 2-3 号 would be the same “1-2-3”.
    if (
      !building ||
      !number ||
      size === undefined ||
      classIds.some((c) => !c) ||
      !uniqueDorm(row, `${building}-${number}`, '寝室号')
    ) {
      if (building && number) refusedDorms.add(`${building}-${number}`);
      continue;
    }
    const fields = {
      building,
      number,
      classIds: classIds as string[],
      leader: check(row, '寝室长', dormSchema.shape.leader, row.get('寝室长'), errors) ?? '',
      size,
      note: check(row, '备注', dormSchema.shape.note, row.get('备注'), errors) ?? '',
    };
    const existing = next.dorms.find((d) => d.building === building && d.number === number);
    if (existing)
      met(row, existing, { ...fields, classIds: keptClasses(existing.classIds, fields.classIds, run.theirs) });
    else next.dorms.push(added(row, { id: ctx.newId('dorm'), ...fields }));
  }
}

/** 困难生: by 学号. */
export function importStudents(run: ImportRun): void {
  const { errors, next, ctx, added, met, rows, seen, refusedDorms, refusedStudents, missingClass, missing } = run;
  run.reindex();

  const uniqueStudent = seen('困难生');
  for (const row of rows('困难生')) {
    const studentNo = check(row, '学号', name, row.get('学号'), errors);
    const studentName = check(row, '姓名', name, normalizeName(row.get('姓名')), errors);
    const cls = run.idx.classByName.get(row.get('班级'));
    if (!cls && row.get('班级') === '') errors.push(`困难生, 第${row.rowNo}行, 班级: 不能为空`);
    else if (!cls) missingClass(row, '班级', row.get('班级'));
    const categories = check(
      row,
      '类别',
      z
        .array(z.enum(STUDENT_CATEGORIES, { message: `应为 ${STUDENT_CATEGORIES.join('、')}（可多个，用、分隔）` }))
        .min(1, '不能为空'),
      splitList(row.get('类别')),
      errors,
    );
    let dormId: string | null = null;
    if (row.get('寝室楼') !== '' || row.get('寝室号') !== '') {
      const key = `${row.get('寝室楼')}-${row.get('寝室号')}`;
      const dorm = run.idx.dormByKey.get(key);
      if (!dorm && !refusedDorms.has(key))
        missing(row, '寝室号', `找不到寝室“${shown(key)}”（请先在“寝室”表中列出）`, 'dorms', key);
      dormId = dorm?.id ?? null;
    }
    if (!studentNo || !studentName || !cls || !categories || !uniqueStudent(row, studentNo, '学号')) {
      if (studentNo) refusedStudents.add(studentNo);
      continue;
    }
    const contact = check(row, '联系方式', studentSchema.shape.contact, row.get('联系方式'), errors) ?? '';
    const fields = { studentNo, name: studentName, classId: cls.id, dormId, categories, contact };
    const existing = next.students.find((s) => s.studentNo === studentNo);
    if (existing) met(row, existing, fields);
    else next.students.push(added(row, { id: ctx.newId('stu'), ...fields }));
  }
}

/** 干部: by 工号, or by name and 学院 when without one. */
export function importCadres(run: ImportRun): void {
  const { errors, next, ctx, added, met, rows, seen, collegeId } = run;
  const uniqueCadre = seen('干部');
  for (const row of rows('干部')) {
    const cadreName = check(row, '干部姓名', name, normalizeName(row.get('干部姓名')), errors);
    const category = check(
      row,
      '类别',
      z.enum(CADRE_CATEGORIES, { message: '应为 科职以上干部 或 普通党员' }),
      row.get('类别'),
      errors,
    );
    const employeeNo =
      row.get('工号') === '' ? null : check(row, '工号', cadreSchema.shape.employeeNo, row.get('工号'), errors);
    const collegeName = row.get('归属学院') === '' ? '' : check(row, '归属学院', name, row.get('归属学院'), errors);
    if (!cadreName || !category || employeeNo === undefined || collegeName === undefined) continue;
    const unique = employeeNo
      ? uniqueCadre(row, `工号\u0000${employeeNo}`, '工号', employeeNo)
      : uniqueCadre(
          row,
          `姓名\u0000${cadreName}\u0000${collegeName}`,
          '干部姓名',
          `${cadreName}，${collegeName || '全校统筹'}`,
        );
    if (!unique) continue;
    const college = collegeId(collegeName);
    const fields = {
      employeeNo,
      name: cadreName,
      collegeId: college,
      department: check(row, '所在部门', cadreSchema.shape.department, row.get('所在部门'), errors) ?? '',
      title: check(row, '职务', cadreSchema.shape.title, row.get('职务'), errors) ?? '',
      politicalStatus: check(row, '政治面貌', cadreSchema.shape.politicalStatus, row.get('政治面貌'), errors) ?? '',
      shortPhone: check(row, '手机短号', cadreSchema.shape.shortPhone, row.get('手机短号'), errors) ?? '',
      officePhone: check(row, '办公电话', cadreSchema.shape.officePhone, row.get('办公电话'), errors) ?? '',
      category,
    };
    const existing = next.cadres.find((c) =>
      employeeNo
        ? c.employeeNo === employeeNo
        : c.employeeNo === null && normalizeName(c.name) === cadreName && c.collegeId === college,
    );
    if (existing) met(row, existing, fields);
    else next.cadres.push(added(row, { id: ctx.newId('cad'), ...fields, status: '在岗' }));
  }
}

/** 学期: by name. */
export function importTerms(run: ImportRun): void {
  const { errors, next, added, met, rows, seen } = run;
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
    if (existing) met(row, existing, { start, end });
    else next.settings.terms.push(added(row, { name: termName, start, end }));
  }
}

/** 规则: the school defaults (学院 empty) or a college's overrides. */
export function importRules(run: ImportRun): void {
  const { errors, next, added, met, rows, seen, collegeId } = run;
  const RULE_FIELDS: Array<[string, keyof DutyRules, z.ZodType<unknown>]> = [
    [fieldLabel(dutyRulesSchema, 'classPerTerm'), 'classPerTerm', typedNumber(dutyRulesSchema.shape.classPerTerm)],
    [fieldLabel(dutyRulesSchema, 'dormPerMonth'), 'dormPerMonth', typedNumber(dutyRulesSchema.shape.dormPerMonth)],
    [
      '寝室范围',
      'dormScope',
      z.enum(['任一', '每个'], { message: '应为 任一 或 每个' }).transform((v) => (v === '任一' ? 'any' : 'each')),
    ],
    [
      fieldLabel(dutyRulesSchema, 'studentPerMonth'),
      'studentPerMonth',
      typedNumber(dutyRulesSchema.shape.studentPerMonth),
    ],
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
    if (existing) met(row, existing, rule);
    else if (id) next.settings.rules.colleges[id] = added(row, rule);
  }
}

/** 联系分配: a new one is assigned as the 分配 operation would; one met again (cadre, class, start) is updated. */
export function importAssignments(run: ImportRun): void {
  const { errors, next, ctx, added, met, rows, refusedStudents, missingClass, cadreOf, attempt } = run;
  run.reindex();
  for (const row of rows('联系分配')) {
    const start = requireDate(row, '开始日期', errors);
    const end = requireDate(row, '结束日期', errors, true);
    const reasonText = row.get('结束原因');
    const reason =
      reasonText === ''
        ? null
        : check(
            row,
            '结束原因',
            z.enum(END_REASONS, { message: `应为 ${END_REASONS.join('、')}` }),
            reasonText,
            errors,
          );
    const cadre = cadreOf(row);
    const cls = run.idx.classByName.get(row.get('班级'));
    if (!cls) missingClass(row, '班级', row.get('班级'));
    const studentNos = splitList(row.get('困难生学号'));
    const studentIds = studentNos.some((no) => refusedStudents.has(no) && !run.idx.studentByNo.has(no))
      ? undefined
      : attempt(row, '困难生学号', () => studentNos.map((no) => findTarget(run.idx, 'student', no)));
    if (!start || end === undefined || reason === undefined || !cadre || !cls || !studentIds) continue;
    const fields = { studentIds, end, endReason: end ? (reason ?? '调整') : null };
    const same = next.assignments.find((a) => a.cadreId === cadre.id && a.classId === cls.id && a.start === start);
    if (same) met(row, same, fields);
    else {
      attempt(row, '班级', () =>
        added(row, assign(next, { cadreId: cadre.id, classId: cls.id, start, ...fields }, ctx, run.idx)),
      );
      run.reindex();
    }
  }
}

/** 联系记录: logged as 记录联系 would; one already on file (every field the same) is counted 未变. */
export function importContacts(run: ImportRun): void {
  const { errors, next, ctx, added, met, rows, cadreOf, attempt } = run;
  for (const row of rows('联系记录')) {
    const date = requireDate(row, '日期', errors);
    const formText = row.get('形式');
    const form =
      formText === ''
        ? undefined
        : check(row, '形式', z.enum(CONTACT_FORMS, { message: `应为 ${CONTACT_FORMS.join('、')}` }), formText, errors);
    const note = check(row, '备注', contactSchema.shape.note, row.get('备注'), errors);
    const cadre = cadreOf(row);
    const duty = attempt(row, '类型', () => parseDutyLabel(row.get('类型')));
    const targetId = duty && attempt(row, '对象', () => findTarget(run.idx, duty, row.get('对象')));
    if (!date || (formText !== '' && !form) || note === undefined || !cadre || !duty || !targetId) continue;
    const same = next.contacts.find(
      (c) =>
        c.cadreId === cadre.id &&
        c.duty === duty &&
        c.targetId === targetId &&
        c.date === date &&
        c.form === (form ?? DEFAULT_FORM[duty]) &&
        c.note === note,
    );
    if (same) met(row, same, {});
    // logContact refuses a date after today first, then a target outside the cadre's assignments on that date.
    else
      attempt(row, date > ctx.today ? '日期' : '对象', () =>
        added(row, logContact(next, { cadreId: cadre.id, duty, targetId, date, form, note }, ctx, run.idx)),
      );
  }
}
