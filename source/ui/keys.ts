// Every key of the UI, once: command → keys → what it does. Handlers ask `keyIs(input, key)(command)`,
// status bars name the commands they offer (shown, or dropped by rank when the terminal is narrow),
// and the help is built from the same table. For a read-only user (a viewer) the commands that change
// data (CHANGING) are neither offered nor obeyed: keyIs answers no for them.
import type { Key } from 'ink';
import type { ScreenName } from './routes.js';

/** ink's names for the keys that are not text. */
type Named = 'return' | 'escape' | 'tab' | 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown';
const NAMED = new Set<string>([
  'return',
  'escape',
  'tab',
  'upArrow',
  'downArrow',
  'leftArrow',
  'rightArrow',
  'pageUp',
  'pageDown',
]);

export interface Command {
  /** The keys as the status bar and help write them. */
  keys: string;
  label: string;
  /** What reaches the handler: a typed character, an ink key name, `shift+tab` or `ctrl+` a letter. */
  bind: ReadonlyArray<string>;
  /** 1 stays on the narrowest status bar; 2, then 3 are dropped first (from the end) when the line is too long. */
  rank: 1 | 2 | 3;
}

const cmd = (keys: string, label: string, bind: string[], rank: 1 | 2 | 3 = 2): Command => ({
  keys,
  label,
  bind,
  rank,
});

/** 首页's number keys, in the order shown; `changes`: a screen only for changing data (not for a read-only user). */
export const HOME_KEYS: Array<{ key: string; screen: ScreenName; label: string; changes?: true }> = [
  { key: '1', screen: 'log', label: '记录联系', changes: true },
  { key: '2', screen: 'overdue', label: '逾期' },
  { key: '3', screen: 'cadres', label: '干部' },
  { key: '4', screen: 'classes', label: '班级' },
  { key: '5', screen: 'dorms', label: '寝室' },
  { key: '6', screen: 'students', label: '困难生' },
  { key: '7', screen: 'assign', label: '分配', changes: true },
  { key: '8', screen: 'transfer', label: '导入导出' },
  { key: '9', screen: 'settings', label: '设置' },
  { key: '0', screen: 'grid', label: '网格' },
];

export const COMMANDS = {
  // Anywhere but in a field or a y/n question.
  undo: cmd('u', '撤销', ['u'], 3),
  help: cmd('?', '帮助', ['?'], 1),
  quit: cmd('q', '退出', ['q'], 1),
  closeHelp: cmd('?/Esc', '关闭帮助', ['?', 'escape'], 1),
  helpScroll: cmd('j/k', '滚动', ['j', 'k', 'downArrow', 'upArrow'], 2),
  openScreen: cmd(
    '0-9',
    '打开',
    HOME_KEYS.map((k) => k.key),
    1,
  ),
  // Lists.
  down: cmd('j/↓', '下移', ['j', 'downArrow'], 3),
  up: cmd('k/↑', '上移', ['k', 'upArrow'], 3),
  move: cmd('j/k', '移动', [], 3),
  pageDown: cmd('PgDn', '下一页', ['pageDown'], 3),
  pageUp: cmd('PgUp', '上一页', ['pageUp'], 3),
  search: cmd('/', '搜索', ['/'], 2),
  open: cmd('Enter', '打开', ['return'], 2),
  back: cmd('Esc', '返回', ['escape'], 1),
  searchDone: cmd('Enter', '完成', ['return'], 1),
  searchClear: cmd('Esc', '清除', ['escape'], 1),
  // Records and screens of their own.
  add: cmd('a', '新增', ['a'], 2),
  edit: cmd('e', '编辑', ['e'], 2),
  markStatus: cmd('x', '标记状态', ['x'], 2),
  logFor: cmd('l', '记录联系', ['l'], 1),
  assignClass: cmd('p', '分配/移交', ['p'], 2),
  sortByLastContact: cmd('o', '按最近联系排序', ['o'], 3),
  // A detail pane (handlers read down/up and pageDown/pageUp).
  scrollDuties: cmd('j/k', '滚动职责', [], 2),
  pageContacts: cmd('PgDn/PgUp', '翻页记录', [], 2),
  byCollege: cmd('c', '学院', ['c'], 2),
  byDuty: cmd('t', '类型', ['t'], 2),
  byStatus: cmd('s', '状态', ['s'], 2),
  openCadre: cmd('Enter', '干部', ['return'], 2),
  openRemind: cmd('m', '催办', ['m'], 2),
  // 催办.
  copyMessage: cmd('y', '复制', ['y'], 1),
  sendMessage: cmd('s', '发到群机器人', ['s'], 1),
  assign: cmd('a', '分配干部', ['a'], 1),
  reassign: cmd('r', '移交', ['r'], 1),
  endAssignment: cmd('g', '结束', ['g'], 1),
  scheduleSuccessor: cmd('a/r', '安排接任', ['a', 'r'], 1),
  editRow: cmd('Enter', '编辑', ['return'], 1),
  addTerm: cmd('a', '新增学期', ['a'], 2),
  startYear: cmd('n', '新学年', ['n'], 2),
  // 网格 and 配对.
  closeHole: cmd('Enter', '分配/加入', ['return'], 1),
  openPairing: cmd('p', '配对新班级', ['p'], 1),
  pickCadre: cmd('Enter', '选干部', ['return'], 1),
  pickTargets: cmd('e', '寝室/困难生', ['e'], 2),
  savePairs: cmd('s', '保存配对', ['s'], 1),
  // Forms.
  nextField: cmd('Tab/↓', '下一项', ['tab', 'downArrow', 'return'], 2),
  prevField: cmd('Shift+Tab/↑', '上一项', ['shift+tab', 'upArrow'], 3),
  choose: cmd('←/→', '选择', ['leftArrow', 'rightArrow'], 2),
  toggle: cmd('空格', '勾选', [' '], 2),
  clearField: cmd('Ctrl+U', '清空输入框', ['ctrl+u'], 3),
  save: cmd('Enter', '保存（最后一项）', ['return'], 1),
  cancel: cmd('Esc', '取消', ['escape'], 1),
  // y/n questions.
  yes: cmd('y', '确认', ['y', 'Y'], 1),
  no: cmd('n', '取消', ['n', 'N', 'escape'], 1),
  confirmImport: cmd('y', '确认导入', ['y', 'Y'], 1),
  closePreview: cmd('n/Esc', '返回', ['n', 'N', 'escape'], 1),
} satisfies Record<string, Command>;

export type CommandName = keyof typeof COMMANDS;

/** The commands that change data (or open a form that does): a read-only user has none of them. */
export const CHANGING: ReadonlySet<CommandName> = new Set<CommandName>([
  'undo',
  'add',
  'edit',
  'markStatus',
  'logFor',
  'assignClass',
  'assign',
  'reassign',
  'endAssignment',
  'scheduleSuccessor',
  'editRow',
  'addTerm',
  'startYear',
  'closeHole',
  'openPairing',
  'pickCadre',
  'pickTargets',
  'savePairs',
  'confirmImport',
  'sendMessage',
]);

/** The commands offered to this user: for a read-only one, those that change nothing. */
export const offered = (names: readonly CommandName[], readOnly: boolean): CommandName[] =>
  names.filter((n) => !(readOnly && CHANGING.has(n)));

/** 首页's number keys offered to this user. */
export const homeKeys = (readOnly: boolean) => HOME_KEYS.filter((k) => !(readOnly && k.changes));

/** The keys of the frame itself, after each screen's own on the status bar. */
export const GLOBAL_COMMANDS: CommandName[] = ['undo', 'help', 'quit'];

function pressed(bind: string, input: string, key: Key): boolean {
  if (bind === 'shift+tab') return key.tab && key.shift;
  if (bind === 'tab') return key.tab && !key.shift;
  if (bind.startsWith('ctrl+')) return key.ctrl && input === bind.slice('ctrl+'.length);
  if (NAMED.has(bind)) return key[bind as Named];
  return input === bind && !key.ctrl && !key.meta;
}

/** Whether a key press is one of a command's keys: `const is = keyIs(input, key); if (is('down')) …`; never a changing one when `readOnly`. */
export function keyIs(input: string, key: Key, readOnly = false): (command: CommandName) => boolean {
  return (command) =>
    !(readOnly && CHANGING.has(command)) && COMMANDS[command].bind.some((b) => pressed(b, input, key));
}

/** The help: what each place offers, from the same table. */
export const HELP: Array<{ title: string; commands: CommandName[] }> = [
  { title: '列表', commands: ['move', 'pageDown', 'pageUp', 'search', 'open', 'back'] },
  { title: '搜索', commands: ['searchDone', 'searchClear'] },
  { title: '详情', commands: ['scrollDuties', 'pageContacts', 'back'] },
  { title: '干部', commands: ['add', 'edit', 'markStatus', 'logFor', 'sortByLastContact'] },
  { title: '班级 寝室 困难生', commands: ['add', 'edit', 'assignClass', 'sortByLastContact'] },
  { title: '逾期', commands: ['byCollege', 'byDuty', 'byStatus', 'openCadre', 'logFor', 'openRemind'] },
  { title: '催办', commands: ['copyMessage', 'sendMessage'] },
  { title: '分配', commands: ['assign', 'reassign', 'endAssignment', 'scheduleSuccessor'] },
  { title: '设置', commands: ['editRow', 'addTerm', 'startYear'] },
  { title: '网格', commands: ['closeHole', 'openPairing'] },
  { title: '配对', commands: ['pickCadre', 'pickTargets', 'savePairs'] },
  { title: '表单', commands: ['nextField', 'prevField', 'choose', 'toggle', 'clearField', 'save', 'cancel'] },
  { title: '确认', commands: ['yes', 'no'] },
  { title: '导入预览', commands: ['confirmImport', 'closePreview'] },
  { title: '随处', commands: ['undo', 'help', 'quit'] },
];

/** `changes`: a note about changing data (left out for a read-only user, who gets READ_ONLY_NOTE). */
export const HELP_NOTES: Array<{ text: string; changes?: true }> = [
  { text: '搜索可用 姓名、工号/学号 或 拼音首字母（zs 可找到 张三）' },
  { text: '按 o：最久未联系（及从未联系）的排在前面，再按 o 恢复原顺序' },
  { text: '导入先预览，按 y 确认后才写入；导出前选择是否覆盖已有文件', changes: true },
  { text: '撤销、标记状态、分配、移交、结束分配、导入前都会先问 y/n；输入时 q ? u 是文字', changes: true },
];

/** What the status bar says first for a read-only user. */
export const READ_ONLY_MARK = '只读';
export const READ_ONLY_NOTE = '只读用户：可以查看和导出，不能修改数据';

export const hint = (name: CommandName): string => `${COMMANDS[name].keys} ${COMMANDS[name].label}`;

/** What every form's status bar offers (空格 勾选 added where a field is multi-select). */
export const FORM_COMMANDS: CommandName[] = ['nextField', 'prevField', 'choose', 'save', 'cancel'];
