// A file sent on standard input (`ssh … import - < 名单.xlsx`): read whole, but refused as soon as it
// passes the size limit — the rest is never read.
import { UserError } from '../domain/errors.js';

/** `import -`: main.ts passes the "-" as this path; the commands read it as standard input. */
export const STDIN_PATH = '/dev/stdin';

export async function readCappedStdin(
  stream: NodeJS.ReadableStream & { isTTY?: boolean },
  maxBytes: number,
  tooBig: string,
  usage: string,
): Promise<Buffer> {
  if (stream.isTTY) throw new UserError(usage);
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    length += bytes.length;
    if (length > maxBytes) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      throw new UserError(tooBig);
    }
    chunks.push(bytes);
  }
  if (length === 0) throw new UserError(`标准输入为空：${usage}`);
  return Buffer.concat(chunks);
}
