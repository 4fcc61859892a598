// The roster workbook of SPEC "Roster import format": sheet names and their Chinese headers.
export interface SheetSpec {
  name: string;
  required: boolean;
  headers: string[];
  /** Headers that must be present (the others are optional columns). */
  requiredHeaders: string[];
  example: string[];
}

export const ROSTER_SHEETS: SheetSpec[] = [
  {
    name: '干部',
    required: true,
    headers: ['工号', '干部姓名', '归属学院', '所在部门', '职务', '政治面貌', '手机短号', '办公电话', '类别'],
    requiredHeaders: ['干部姓名', '类别'],
    example: ['T001', '张三', '经济管理学院', '教务处', '科长', '中共党员', '661234', '0579-85551234', '科职以上干部'],
  },
  {
    name: '班级',
    required: true,
    headers: ['学院', '班级', '入学年份', '毕业日期', '班主任', '班主任短号', '辅导员', '辅导员短号'],
    requiredHeaders: ['学院', '班级'],
    example: ['经济管理学院', '会计241班', '2024', '2027-06-30', '李老师', '662345', '王老师', '663456'],
  },
  {
    name: '寝室',
    required: true,
    headers: ['寝室楼', '寝室号', '班级', '寝室长', '寝室人数', '备注'],
    requiredHeaders: ['寝室楼', '寝室号', '班级'],
    example: ['7号楼', '301', '会计241班', '赵同学', '6', ''],
  },
  {
    name: '困难生',
    required: true,
    headers: ['学号', '姓名', '班级', '寝室楼', '寝室号', '类别', '联系方式'],
    requiredHeaders: ['学号', '姓名', '班级', '类别'],
    example: ['2024010001', '钱同学', '会计241班', '7号楼', '301', '经济困难、学业困难', '13800000000'],
  },
  {
    name: '联系分配',
    required: false,
    headers: ['干部姓名', '工号', '班级', '困难生学号', '开始日期', '结束日期', '结束原因'],
    requiredHeaders: ['班级', '开始日期'],
    example: ['张三', 'T001', '会计241班', '2024010001', '2026-09-01', '', ''],
  },
  {
    name: '联系记录',
    required: false,
    headers: ['干部姓名', '工号', '类型', '对象', '日期', '形式', '备注'],
    requiredHeaders: ['类型', '对象', '日期'],
    example: ['张三', 'T001', '寝室', '7号楼-301', '2026-09-15', '寝室走访', '检查卫生'],
  },
  {
    name: '学期',
    required: false,
    headers: ['学期名称', '开始日期', '结束日期'],
    requiredHeaders: ['学期名称', '开始日期', '结束日期'],
    example: ['2026-2027学年第一学期', '2026-09-01', '2027-01-20'],
  },
  {
    name: '规则',
    required: false,
    headers: ['学院', '班级每学期次数', '寝室每月次数', '寝室范围', '困难生每月次数', '最短窗口天数'],
    requiredHeaders: [],
    example: ['', '1', '1', '任一', '1', '7'],
  },
];

/** Example rows are written in this grey and skipped on import. */
export const EXAMPLE_FONT_COLOR = 'FF808080';
