// Every key of the UI in one place: the status bar of each screen and the help overlay read it.
import type { ScreenName } from './routes.js';

/** 首页's number keys, in the order shown. */
export const HOME_KEYS: Array<{ key: string; screen: ScreenName; label: string }> = [
  { key: '1', screen: 'log', label: '记录联系' },
  { key: '2', screen: 'overdue', label: '逾期' },
  { key: '3', screen: 'cadres', label: '干部' },
  { key: '4', screen: 'classes', label: '班级' },
  { key: '5', screen: 'dorms', label: '寝室' },
  { key: '6', screen: 'students', label: '困难生' },
  { key: '7', screen: 'assign', label: '分配' },
  { key: '8', screen: 'transfer', label: '导入导出' },
  { key: '9', screen: 'settings', label: '设置' },
];

export const COMMON_KEYS = 'u 撤销  ? 帮助  q 退出';
export const FORM_KEYS = 'Tab/↓ 下一项  Shift+Tab/↑ 上一项  ←/→ 选择  最后一项 Enter 保存  Esc 取消';
export const LIST_KEYS = 'j/k ↑/↓ 移动  / 搜索  Enter 打开  Esc 返回';
export const SEARCH_KEYS = '输入 姓名/工号/学号/拼音首字母  Enter 完成  Esc 清除';
export const CONFIRM_KEYS = 'y 确认  n 取消';

export const HELP_LINES = [
  '首页：1 记录联系 2 逾期 3 干部 4 班级 5 寝室 6 困难生 7 分配 8 导入导出 9 设置',
  '列表：j/k 或 ↑/↓ 移动，PgUp/PgDn 翻页，/ 搜索（zs 可找到 张三），Enter 打开，Esc 返回',
  '干部：a 新增  e 编辑  x 标记离职/长期请假（结束其分配）  l 为其记录联系',
  '班级、寝室、困难生：a 新增  e 编辑；班级 p 打开分配',
  '逾期：c 学院  t 类型  s 状态（循环筛选）  Enter 查看干部  l 记录联系',
  '分配：a 分配干部  r 移交  g 结束（如班级毕业）  设置：Enter 编辑  a 新增学期',
  '导入导出：导入先预览，y 确认后才写入；导出前选择是否覆盖已有文件',
  '表单：Tab/↓ 下一项，Shift+Tab/↑ 上一项，←/→ 选择，空格 勾选，最后一项 Enter 保存，Esc 取消',
  '删除、结束分配、导入前都会询问 y/n',
  'u 撤销最近一次修改（需按 y 确认）  ? 打开/关闭帮助  q 退出（输入时无效）',
];
