// The screen shape 班级, 寝室 and 困难生 share: a searchable list; Enter opens a record's detail over it;
// a adds and e edits in a form over the list or the detail; Esc goes back one level. Each screen
// gives its columns, its detail and its form (and any command of its own, like 班级's p).
import { useState, type ReactNode } from 'react';
import type { Duty } from '../../domain/vocabulary.js';
import { WithKeys } from '../keyboard.js';
import type { CommandName } from '../keys.js';
import { useUi } from '../ui-context.js';
import { EntityList } from './entity-list.js';
import { ListWithOverlay } from './list-with-overlay.js';

interface Props<T extends { id: string }> {
  title: string;
  items: readonly T[];
  find: (id: string) => T | undefined;
  search: (item: T) => { names: string[]; codes?: string[] };
  row: (item: T) => Record<string, string | number>;
  /** The duty whose contacts fill the 最近联系 column. */
  lastContact: Duty;
  /** The record's detail, with the status bar offering `commands` (and its own scrolling keys). */
  detail: (item: T, commands: CommandName[]) => ReactNode;
  /** The add (null) or edit form; `done` closes it. */
  form: (item: T | null, done: () => void) => ReactNode;
  /** A command of the screen's own, acting on the selected or open record. */
  extra?: { command: CommandName; run: (item: T) => void };
}

export function RecordListScreen<T extends { id: string }>({
  title,
  items,
  find,
  search,
  row,
  lastContact,
  detail,
  form,
  extra,
}: Props<T>) {
  const { back } = useUi();
  const [openId, setOpenId] = useState<string | null>(null);
  // The record being added (id null) or edited; the form covers the list or the detail.
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const open = openId ? find(openId) : undefined;
  const act = (is: (command: CommandName) => boolean, item: T | undefined) => {
    if (is('add')) setEditing({ id: null });
    else if (is('edit') && item) setEditing({ id: item.id });
    else if (extra && is(extra.command) && item) extra.run(item);
  };
  const extraCommands: CommandName[] = extra ? [extra.command] : [];
  const overlay = editing ? (
    form(editing.id ? (find(editing.id) ?? null) : null, () => setEditing(null))
  ) : open ? (
    <WithKeys onKey={(_input, _key, is) => (is('back') ? setOpenId(null) : act(is, open))}>
      {detail(open, [...extraCommands, 'edit', 'add', 'back'])}
    </WithKeys>
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
          lastContact={lastContact}
          onOpen={(item) => setOpenId(item.id)}
          onBack={back}
          commands={['add', 'edit', ...extraCommands]}
          onKey={(_input, _key, is, item) => act(is, item)}
        />
      }
    />
  );
}
