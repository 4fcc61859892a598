// The key table: what a key press matches, the status bar cut to the terminal's width, the help complete.
import type { Key } from 'ink';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { flow } from '../../source/ui/components/layout.js';
import { fitHints } from '../../source/ui/components/status-bar.js';
import { COMMANDS, HELP, keyIs, offered, type CommandName } from '../../source/ui/keys.js';

const none: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

describe('key table', () => {
  it('matches typed keys and ink key names; Shift+Tab is the previous field, not the next', () => {
    expect(keyIs('j', none)('down')).toBe(true);
    expect(keyIs('', { ...none, downArrow: true })('down')).toBe(true);
    expect(keyIs('k', none)('down')).toBe(false);
    expect(keyIs('', { ...none, tab: true })('nextField')).toBe(true);
    expect(keyIs('', { ...none, tab: true, shift: true })('nextField')).toBe(false);
    expect(keyIs('', { ...none, tab: true, shift: true })('prevField')).toBe(true);
    expect(keyIs('Y', { ...none, shift: true })('yes')).toBe(true);
    expect(keyIs('q', { ...none, ctrl: true })('quit')).toBe(false);
    expect(keyIs('', { ...none, escape: true })('back')).toBe(true);
  });

  it('a read-only user is offered, and obeyed, no key that changes data: 催办 copies but does not send', () => {
    expect(offered(['copyMessage', 'sendMessage', 'back', 'undo'], true)).toEqual(['copyMessage', 'back']);
    expect(keyIs('s', none, true)('sendMessage')).toBe(false);
    expect(keyIs('s', none)('sendMessage')).toBe(true);
  });

  it('the status bar keeps every hint when it fits, and drops rank 3, then rank 2 from the end, never the way back, l, help or q', () => {
    const list: CommandName[] = [
      'move',
      'search',
      'open',
      'back',
      'add',
      'edit',
      'markStatus',
      'logFor',
      'undo',
      'help',
      'quit',
    ];
    const wide = fitHints(list, 200);
    expect(wide).toBe(
      'j/k 移动  / 搜索  Enter 打开  Esc 返回  a 新增  e 编辑  x 标记状态  l 记录联系  u 撤销  ? 帮助  q 退出',
    );
    for (const width of [80, 60, 40, 20]) {
      const cut = fitHints(list, width);
      expect(stringWidth(cut)).toBeLessThanOrEqual(
        Math.max(width, stringWidth('Esc 返回  l 记录联系  ? 帮助  q 退出')),
      );
      for (const kept of ['Esc 返回', 'l 记录联系', '? 帮助', 'q 退出']) expect(cut).toContain(kept);
    }
    expect(fitHints(list, 60)).not.toContain('j/k 移动');
    expect(fitHints(list, 60)).not.toContain('u 撤销');
  });

  it('the help names every command a screen offers, in lines that fit', () => {
    const inHelp = new Set(HELP.flatMap((g) => g.commands));
    // Shown elsewhere: the number keys on 首页 and in the help's first line; the help's own keys in its footer; j/k as 移动.
    const elsewhere = new Set<CommandName>(['openScreen', 'closeHelp', 'helpScroll', 'down', 'up']);
    const missing = (Object.keys(COMMANDS) as CommandName[]).filter((c) => !inHelp.has(c) && !elsewhere.has(c));
    expect(missing).toEqual([]);
    for (const line of flow(
      '表单',
      ['Tab/↓ 下一项', 'Shift+Tab/↑ 上一项', '←/→ 选择', '空格 勾选', 'Enter 保存（最后一项）', 'Esc 取消'],
      40,
    )) {
      expect(stringWidth(line)).toBeLessThanOrEqual(40);
    }
  });
});
