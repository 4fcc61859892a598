// The roster workbook of SPEC "Roster import format": sheet names and their Chinese headers.
export interface SheetSpec {
  name: string;
  headers: string[];
  /** Headers that must be present (the others are optional columns). */
  requiredHeaders: string[];
  example: string[];
  /** The column a record's fields are read from, by field: an import names a changed record at its first changed field. */
  fields: Record<string, string>;
  /** The column an import names a record it added at (a problem with it found once every sheet is in). */
  recordColumn: string;
}

export const ROSTER_SHEETS: SheetSpec[] = [
  {
    name: '干部',
    headers: ['工号', '干部姓名', '归属学院', '所在部门', '职务', '政治面貌', '手机短号', '办公电话', '类别'],
    requiredHeaders: ['干部姓名', '类别'],
    example: ['T001', '张三', '经济管理学院', '教务处', '科长', '中共党员', '661234', '0579-85551234', '科职以上干部'],
    fields: {
      employeeNo: '工号',
      name: '干部姓名',
      collegeId: '归属学院',
      department: '所在部门',
      title: '职务',
      politicalStatus: '政治面貌',
      shortPhone: '手机短号',
      officePhone: '办公电话',
      category: '类别',
    },
    recordColumn: '干部姓名',
  },
  {
    name: '班级',
    headers: ['学院', '班级', '入学年份', '毕业日期', '班主任', '班主任短号', '辅导员', '辅导员短号'],
    requiredHeaders: ['学院', '班级'],
    example: ['经济管理学院', '会计241班', '2024', '2027-06-30', '李老师', '662345', '王老师', '663456'],
    fields: {
      collegeId: '学院',
      name: '班级',
      enrollYear: '入学年份',
      graduationDate: '毕业日期',
      headTeacher: '班主任',
      headTeacherPhone: '班主任短号',
      counselor: '辅导员',
      counselorPhone: '辅导员短号',
    },
    recordColumn: '班级',
  },
  {
    name: '寝室',
    headers: ['寝室楼', '寝室号', '班级', '寝室长', '寝室人数', '备注'],
    requiredHeaders: ['寝室楼', '寝室号', '班级'],
    example: ['7号楼', '301', '会计241班', '赵同学', '6', ''],
    fields: {
      building: '寝室楼',
      number: '寝室号',
      classIds: '班级',
      leader: '寝室长',
      size: '寝室人数',
      note: '备注',
    },
    recordColumn: '寝室号',
  },
  {
    name: '困难生',
    headers: ['学号', '姓名', '班级', '寝室楼', '寝室号', '类别', '联系方式'],
    requiredHeaders: ['学号', '姓名', '班级', '类别'],
    example: ['2024010001', '钱同学', '会计241班', '7号楼', '301', '经济困难、学业困难', '13800000000'],
    fields: {
      studentNo: '学号',
      name: '姓名',
      classId: '班级',
      dormId: '寝室号',
      categories: '类别',
      contact: '联系方式',
    },
    recordColumn: '学号',
  },
  {
    name: '联系分配',
    headers: ['干部姓名', '工号', '班级', '困难生学号', '开始日期', '结束日期', '结束原因'],
    requiredHeaders: ['班级', '开始日期'],
    example: ['张三', 'T001', '会计241班', '2024010001', '2026-09-01', '', ''],
    fields: {
      cadreId: '干部姓名',
      classId: '班级',
      studentIds: '困难生学号',
      start: '开始日期',
      end: '结束日期',
      endReason: '结束原因',
    },
    recordColumn: '开始日期',
  },
  {
    name: '联系记录',
    headers: ['干部姓名', '工号', '类型', '对象', '日期', '形式', '备注'],
    requiredHeaders: ['类型', '对象', '日期'],
    example: ['张三', 'T001', '寝室', '7号楼-301', '2026-09-15', '寝室走访', '检查卫生'],
    fields: { cadreId: '干部姓名', duty: '类型', targetId: '对象', date: '日期', form: '形式', note: '备注' },
    recordColumn: '日期',
  },
  {
    name: '学期',
    headers: ['学期名称', '开始日期', '结束日期'],
    requiredHeaders: ['学期名称', '开始日期', '结束日期'],
    example: ['2026-2027学年第一学期', '2026-09-01', '2027-01-20'],
    fields: { name: '学期名称', start: '开始日期', end: '结束日期' },
    recordColumn: '开始日期',
  },
  {
    name: '规则',
    headers: ['学院', '班级每学期次数', '寝室每月次数', '寝室范围', '困难生每月次数', '最短窗口天数'],
    requiredHeaders: [],
    example: ['', '1', '1', '任一', '1', '7'],
    fields: {
      classPerTerm: '班级每学期次数',
      dormPerMonth: '寝室每月次数',
      dormScope: '寝室范围',
      studentPerMonth: '困难生每月次数',
      minWindowDays: '最短窗口天数',
    },
    recordColumn: '学院',
  },
];

/** Example rows are written in this grey and skipped on import. */
export const EXAMPLE_FONT_COLOR = 'FF808080';
