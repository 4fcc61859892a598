// 导入 / 导出: a roster import is previewed (counts per sheet, or every bad row) and applied only
// after y; exports write 附件1, 附件2 or 评议考核 to the typed path through source/io/exports. Over SSH
// the file to import is on her own computer: the screen says how to send it (ssh … import -), and asks
// for no path on the server. A read-only user is offered exports only.
import { Box } from 'ink';
import { useState } from 'react';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isUserError } from '../../domain/errors.js';
import { isPlainFileName } from '../../domain/export-names.js';
import { ExportExistsError } from '../../io/export-exists-error.js';
import { safeText } from '../../domain/safe-text.js';
import { importSummaryLines, type ImportSummary } from '../../io/import-summary.js';
import { ImportError } from '../../io/import-error.js';
import { importRosterOperation } from '../../operations/import-roster.js';
import { Form, type FieldSpec } from '../components/form.js';
import { useHoldKeys } from '../components/one-key-at-a-time.js';
import { StatusBar } from '../components/status-bar.js';
import { WithKeys } from '../keyboard.js';
import { FORM_COMMANDS, type CommandName } from '../keys.js';
import { useUi } from '../ui-context.js';
import { Line, Paragraph } from '../components/layout.js';
import { useTerminalSize, type TerminalSize } from '../hooks/use-terminal-size.js';
import { textWidth } from '../text-width.js';

const ACTIONS = [
  { value: 'import', label: '导入花名册（XLSX）' },
  { value: 'form1', label: '导出附件1 登记表' },
  { value: 'form2', label: '导出附件2 汇总表' },
  { value: 'report', label: '导出评议考核' },
] as const;

type Action = (typeof ACTIONS)[number]['value'];

const defaultPath = (action: Action, today: string, term: string) =>
  action === 'import'
    ? '花名册.xlsx'
    : action === 'form1'
      ? `附件1-${today}.xlsx`
      : action === 'form2'
        ? `附件2-${today}.xlsx`
        : `评议考核-${term}.xlsx`;

// The XLSX modules (exceljs, ~150 ms to load) load on first use, not with the TUI.
const exports = () => import('../../io/exports.js');

type Preview = { file: string; summary: ImportSummary } | { file: string; errors: string[] };

/** The first bad rows, each wrapped whole (its reason says how to fix it), as many as the screen holds. */
function errorsThatFit(errors: string[], { rows, columns }: TerminalSize): string[] {
  // Beside them: the title, 导入预览, 共 N 处错误, ……另有, the status bar.
  let room = rows - 5;
  const shown: string[] = [];
  for (const line of errors) {
    room -= Math.ceil(textWidth(line) / columns);
    if (room < 0) break;
    shown.push(line);
  }
  return shown;
}

export function TransferScreen() {
  const {
    data,
    idx,
    report,
    today,
    exportsDir,
    readOnly,
    run: runOperation,
    preview: previewOperation,
    say,
    back,
  } = useUi();
  const actions = ACTIONS.filter((a) => !(readOnly && a.value === 'import'));
  const [values, setValues] = useState<Record<string, string>>({ action: actions[0]!.value, path: '', force: 'no' });
  const [busy, setBusy] = useState(false);
  const hold = useHoldKeys();
  const size = useTerminalSize();
  const [preview, setPreview] = useState<Preview | null>(null);
  const action = values['action'] as Action;
  const typed = values['path']!.trim() || defaultPath(action, today, report.term?.name ?? '');
  // Over SSH only a file name, in her own folder: no path she types reaches another file on the server.
  const refusedPath = exportsDir !== undefined && !isPlainFileName(typed);
  const path = exportsDir === undefined ? typed : join(exportsDir, typed);
  const sendByStdin = exportsDir !== undefined && action === 'import';
  const sendHint = `经 SSH 导入：在你自己的电脑上运行 ssh … import - < ${defaultPath('import', today, '')}（全部无误才写入）`;

  const run = async () => {
    if (sendByStdin) return say(sendHint);
    if (refusedPath) {
      say(
        `经 SSH 只能使用你的文件夹 ${exportsDir ?? ''} 中的文件：请只输入文件名，如 ${defaultPath(action, today, report.term?.name ?? '')}`,
        true,
      );
      return;
    }
    setBusy(true);
    try {
      if (exportsDir !== undefined) await mkdir(exportsDir, { recursive: true, mode: 0o700 });
      if (action === 'import') {
        // The import itself on the file as it is now, saved nowhere: the datastore is written only after y.
        const previewed = await previewOperation(importRosterOperation, { file: path });
        // A message from before (an earlier file's error) is not about this preview.
        say('');
        if (previewed.ok) setPreview({ file: path, summary: previewed.result.summary });
        else if (previewed.error instanceof ImportError) setPreview({ file: path, errors: previewed.error.lines });
        else throw previewed.error;
        return;
      }
      // Said as a full path: over SSH the secretary must know where to fetch the file from.
      const out = resolve(path);
      say(`正在导出 ${out}……`);
      const o = { out, asOf: today, force: values['force'] === 'yes' };
      const { exportAssessment, exportForm1, exportForm2 } = await exports();
      // Over SSH, how to bring the file home: the exports command reads her folder.
      const fetch = exportsDir === undefined ? '' : `；取回：ssh … exports get ${typed} --out - > ${typed}`;
      if (action === 'form1')
        say(`已导出 ${out}（附件1，${(await exportForm1(data, idx, o)).sheets} 张工作表）${fetch}`);
      else if (action === 'form2') say(`已导出 ${out}（附件2，${await exportForm2(data, idx, o)} 位干部）${fetch}`);
      else {
        if (!report.term) throw new Error('尚未配置学期，无法导出评议考核');
        say(`已导出 ${out}（评议考核，${await exportAssessment(data, idx, report.term, o)} 名干部）${fetch}`);
      }
    } catch (error) {
      if (error instanceof ExportExistsError)
        say(
          `文件 ${error.file} 已存在：如需覆盖，请把“覆盖已有文件”选为“是”后再导出（请先在 Excel/WPS 中关闭该文件）`,
          true,
        );
      else say(isUserError(error) ? error.message : `失败：${(error as Error).message}`, true);
    } finally {
      setBusy(false);
    }
  };

  if (preview) {
    const shownErrors = 'errors' in preview ? errorsThatFit(preview.errors.map(safeText), size) : [];
    const onKey = (_input: string, _key: unknown, is: (command: CommandName) => boolean) => {
      if ('summary' in preview && is('confirmImport')) {
        setPreview(null);
        hold(runOperation(importRosterOperation, { file: preview.file }));
      } else if (is('closePreview')) setPreview(null);
    };
    return (
      <WithKeys onKey={onKey} claim>
        <Box flexDirection="column">
          <Line bold>导入预览：{safeText(preview.file)}</Line>
          {'summary' in preview ? (
            importSummaryLines(preview.summary).map((line) => <Line key={line}>{line}</Line>)
          ) : (
            <>
              <Line>共 {preview.errors.length} 处错误，不能导入（数据未改动）：</Line>
              {shownErrors.map((line) => (
                <Paragraph key={line}>{line}</Paragraph>
              ))}
              {preview.errors.length > shownErrors.length && (
                <Line>……另有 {preview.errors.length - shownErrors.length} 处</Line>
              )}
            </>
          )}
          <StatusBar commands={'summary' in preview ? ['confirmImport', 'no'] : ['closePreview']} typing />
        </Box>
      </WithKeys>
    );
  }
  const fields: FieldSpec[] = [
    { key: 'action', label: '操作', kind: 'choice', options: actions.map((a) => ({ ...a })) },
    ...(sendByStdin ? [] : [{ key: 'path', label: '文件路径', kind: 'text' as const, placeholder: path }]),
    ...(action === 'import'
      ? []
      : [
          {
            key: 'force',
            label: '覆盖已有文件',
            kind: 'choice' as const,
            options: [
              { value: 'no', label: '否' },
              { value: 'yes', label: '是' },
            ],
          },
        ]),
  ];
  return (
    <Box flexDirection="column">
      <Form
        title="导入 / 导出"
        fields={fields}
        values={values}
        onChange={(key, value) => setValues((v) => ({ ...v, [key]: String(value) }))}
        onSubmit={run}
        onCancel={back}
      />
      {sendByStdin ? <Paragraph>{sendHint}</Paragraph> : null}
      <StatusBar commands={FORM_COMMANDS} typing note={busy ? '请稍候……' : undefined} />
    </Box>
  );
}
