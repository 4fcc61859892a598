// The command line in this process: run(argv) as `sanlianxi …` would, its stdout, stderr and exit code.
import { format } from 'node:util';
import { vi } from 'vitest';
import { run } from '../../source/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `columns`: the COLUMNS a shell would pass (none: as through a pipe, without COLUMNS). */
export async function runCli(args: string[], dataFile?: string, columns?: number): Promise<CliResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const spies = [
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void stdout.push(`${format(...a)}\n`)),
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void stderr.push(`${format(...a)}\n`)),
    vi
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk: string | Uint8Array) => stderr.push(String(chunk)) > 0),
  ];
  const outerColumns = process.env['COLUMNS'];
  if (columns === undefined) delete process.env['COLUMNS'];
  else process.env['COLUMNS'] = String(columns);
  try {
    const code = await run(dataFile === undefined ? args : [...args, '--data', dataFile]);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    for (const spy of spies) spy.mockRestore();
    if (outerColumns === undefined) delete process.env['COLUMNS'];
    else process.env['COLUMNS'] = outerColumns;
  }
}
