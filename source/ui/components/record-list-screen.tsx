// The screen shape 班级, 寝室 and 困难生 share: a searchable list; Enter opens a record's detail over it;
// a adds and e edits in a form over the list or the detail; Esc goes back one level. Each screen
// gives its columns, its detail and its form (and any keys of its own, like 班级's p).
import { Box, useInput } from 'ink';
import { useState, type ReactNode } from 'react';
import { useUi } from '../ui-context.js';
import { EntityList } from './entity-list.js';
import { ListWithOverlay } from './list-with-overlay.js';
import { StatusBar } from './status-bar.js';

interface Props<T extends { id: string }> {
  title: string;
  items: readonly T[];
  find: (id: string) => T | undefined;
  search: (item: T) => { names: string[]; codes?: string[] };
  row: (item: T) => Record<string, string | number>;
  detail: (item: T) => ReactNode;
  /** The add (null) or edit form; `done` closes it. */
  form: (item: T | null, done: () => void) => ReactNode;
  /** A key of the screen's own, acting on the selected or open record. */
  extra?: { key: string; label: string; run: (item: T) => void };
}

export function RecordListScreen<T extends { id: string }>({ title, items, find, search, row, detail, form, extra }: Props<T>) {
  const { back, active } = useUi();
  const [openId, setOpenId] = useState<string | null>(null);
  // The record being added (id null) or edited; the form covers the list or the detail.
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const open = openId ? find(openId) : undefined;
  const act = (input: string, item: T | undefined) => {
    if (input === 'a') setEditing({ id: null });
    else if (input === 'e' && item) setEditing({ id: item.id });
    else if (extra && input === extra.key && item) extra.run(item);
  };
  useInput(
    (input, key) => {
      if (key.escape) setOpenId(null);
      else act(input, open);
    },
    { isActive: active && open !== undefined && editing === null },
  );
  const extraKeys = extra ? `${extra.key} ${extra.label}  ` : '';
  const overlay = editing ? (
    form(editing.id ? (find(editing.id) ?? null) : null, () => setEditing(null))
  ) : open ? (
    <Box flexDirection="column">
      {detail(open)}
      <StatusBar keys={`${extraKeys}e 编辑  a 新增  Esc 返回列表`} />
    </Box>
  ) : null;
  return (
    <ListWithOverlay
      overlay={overlay}
      list={
        <EntityList
          title={title}
          items={items}
          search={search}
          row={row}
          onOpen={(item) => setOpenId(item.id)}
          onBack={back}
          keys={`a 新增  e 编辑${extra ? `  ${extra.key} ${extra.label}` : ''}`}
          onKey={(input, _key, item) => act(input, item)}
          active={active && overlay === null}
        />
      }
    />
  );
}
