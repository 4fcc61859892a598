// `?`: every key of the UI, from the key table, over the current screen (which keeps its state
// underneath). Lines are flowed to the terminal's width; when they are more than its height, j/k scroll.
import { useState } from 'react';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { useKeys } from '../keyboard.js';
import { HELP, HELP_NOTES, hint, homeKeys, offered, READ_ONLY_NOTE } from '../keys.js';
import { useUi } from '../ui-context.js';
import { flow, Line, Panel } from './layout.js';
import { fitHints } from './status-bar.js';

export function HelpOverlay() {
  const { readOnly } = useUi();
  const { columns, rows } = useTerminalSize();
  // Inside the border and padding; less the frame's title, the help's own title and footer, the border.
  const width = columns - 4;
  const height = Math.max(3, rows - 5);
  const lines = [
    ...flow(
      '首页',
      homeKeys(readOnly).map((k) => `${k.key} ${k.label}`),
      width,
    ),
    ...HELP.flatMap((group) => {
      const commands = offered(group.commands, readOnly);
      return commands.length > 0 ? flow(group.title, commands.map(hint), width) : [];
    }),
    ...[
      ...(readOnly ? [READ_ONLY_NOTE] : []),
      ...HELP_NOTES.filter((n) => !(readOnly && n.changes)).map((n) => n.text),
    ].flatMap((note) => flow('注', note.split(/(?<=[，；])/), width, '')),
  ];
  const [top, setTop] = useState(0);
  const last = Math.max(0, lines.length - height);
  useKeys((_input, _key, is) => {
    if (is('down')) setTop((t) => Math.min(last, t + 1));
    else if (is('up')) setTop((t) => Math.max(0, t - 1));
  });
  const shown = lines.slice(Math.min(top, last), Math.min(top, last) + height);
  return (
    <Panel>
      <Line bold>
        帮助
        {lines.length > height
          ? `（第 ${Math.min(top, last) + 1}-${Math.min(top, last) + shown.length}/${lines.length} 行）`
          : ''}
      </Line>
      {shown.map((line, i) => (
        <Line key={i}>{line}</Line>
      ))}
      <Line inverse>
        {fitHints(lines.length > height ? ['closeHelp', 'helpScroll', 'quit'] : ['closeHelp', 'quit'], width)}
      </Line>
    </Panel>
  );
}
