// This term's duties of assignments, month by month, each cell a text mark (not colour alone).
import { Box, Text } from 'ink';
import { dutyGrid, type DutyGrid } from '../../domain/duty-grid.js';
import { safeText } from '../../domain/safe-text.js';
import { type Assignment } from '../../domain/schema.js';
import { DUTY_LABELS } from '../../domain/vocabulary.js';
import type { WindowStatus } from '../../domain/windows.js';
import { useMemo } from 'react';
import { Table } from '../table.js';
import { Line } from './layout.js';
import { useUi } from '../ui-context.js';
import type { Window } from '../hooks/use-detail-scroll.js';
import { hint } from '../keys.js';

const MARK: Record<WindowStatus, string> = { met: '完', overdue: '逾', due: '待', upcoming: '未' };

/** The grid of the reporting term, or null outside terms (or without assignments). */
export function useDutyGrid(assignments: readonly Assignment[]): DutyGrid | null {
  const { data, idx, report, today } = useUi();
  return useMemo(
    () => (assignments.length > 0 && report.term ? dutyGrid(data, idx, assignments, report.term, today) : null),
    [data, idx, report, today, assignments],
  );
}

/**
 * How many grid rows fit when `free` lines are left for the grid and what follows it (which keeps at
 * least 4): a class with many difficult students must not push the screen past the terminal's height.
 */
export const gridRowsFitting = (free: number) => Math.max(2, free - 3 - 1 - 4);

/** The screen lines the grid takes: its title, the table's border and header, a line per row shown, and the "more" line. */
export function gridLines(grid: DutyGrid | null, maxRows: number): number {
  if (!grid) return 0;
  const shown = Math.min(grid.rows.length, maxRows);
  return 3 + Math.max(1, shown) + (grid.rows.length > shown ? 1 : 0);
}

export function DutyGridView({ grid, window }: { grid: DutyGrid | null; window: Window }) {
  if (!grid) return null;
  const hidden = [...grid.rows.slice(0, window.from), ...grid.rows.slice(window.from + window.shown)];
  const rows = grid.rows.slice(window.from, window.from + window.shown).map((r) => {
    const row: Record<string, string> = {
      类型: DUTY_LABELS[r.duty],
      对象: safeText(r.target),
      学期: r.term ? MARK[r.term] : '',
    };
    for (const m of grid.months)
      row[`${Number(m.slice(5))}月`] = r.months[m] ? MARK[r.months[m]] : r.duty === 'class' ? '' : '-';
    return row;
  });
  const overdue = hidden.filter((r) => r.term === 'overdue' || Object.values(r.months).includes('overdue')).length;
  return (
    <Box flexDirection="column">
      <Line bold>本学期职责（完 已完成 · 逾 逾期 · 待 本期待完成 · 未 未开始 · - 不需）</Line>
      {rows.length > 0 ? <Table data={rows} maxWidth={18} /> : <Text>（该分配本学期无应办职责）</Text>}
      {hidden.length > 0 ? (
        <Line>
          ……第 {window.from + 1}–{window.from + rows.length}/{grid.rows.length} 项（未显示的逾期 {overdue} 项）
          {hint('scrollDuties')}
        </Line>
      ) : null}
    </Box>
  );
}
