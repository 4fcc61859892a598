// Contacts, newest first: the page of them that fits, from `window.from` (PgDn/PgUp turn pages).
import { Box, Text } from 'ink';
import { contactHistory, type ContactFilter } from '../../domain/contacts.js';
import { cadreNameById, targetLabel } from '../../domain/labels.js';
import { safeText } from '../../domain/safe-text.js';
import { type Contact } from '../../domain/schema.js';
import { DUTY_LABELS } from '../../domain/vocabulary.js';
import type { Window } from '../hooks/use-detail-scroll.js';
import { hint } from '../keys.js';
import { Table } from '../table.js';
import { Line } from './layout.js';
import { useUi } from '../ui-context.js';

/** The contacts matching `filter` (and `only`), newest first (a hook: it reads the UI's data). */
export function useContactHistory(filter: ContactFilter, only?: (c: Contact) => boolean): Contact[] {
  const { data, idx } = useUi();
  return contactHistory(data, idx, filter).filter((c) => !only || only(c));
}

/** `omit`: the column that would repeat the pane's own subject (干部 in a cadre's, 对象 in a student's). */
export function ContactHistoryView({
  contacts,
  window,
  omit,
}: {
  contacts: Contact[];
  window: Window;
  omit?: '干部' | '对象';
}) {
  const { idx } = useUi();
  const page = contacts.slice(window.from, window.from + Math.max(1, window.shown));
  const rows = page.map((c) => {
    const row: Record<string, string> = {
      日期: c.date,
      干部: safeText(cadreNameById(idx, c.cadreId)),
      类型: DUTY_LABELS[c.duty],
      对象: safeText(targetLabel(idx, c.duty, c.targetId)),
      形式: c.form,
      备注: safeText(c.note),
    };
    if (omit) delete row[omit];
    return row;
  });
  const paged = contacts.length > rows.length;
  return (
    <Box flexDirection="column">
      <Line bold>
        联系记录（共 {contacts.length} 条{paged ? `，第 ${window.from + 1}–${window.from + rows.length} 条` : ''}）
        {paged ? ` ${hint('pageContacts')}` : ''}
      </Line>
      {rows.length > 0 ? <Table data={rows} maxWidth={14} /> : <Text>（暂无联系记录）</Text>}
    </Box>
  );
}
