// `import -`: the workbook on standard input is refused once it passes the limit, without reading the rest.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCappedStdin } from '../../source/cli/stdin-file.js';

const MB = 1024 * 1024;

/** A stream of `count` 1 MB chunks that counts how many were read from it. */
function chunks(count: number) {
  const source = { pulled: 0, stream: null as unknown as Readable };
  source.stream = Readable.from(
    (function* () {
      for (let i = 0; i < count; i++) {
        source.pulled += 1;
        yield Buffer.alloc(MB, i);
      }
    })(),
    { objectMode: false },
  );
  return source;
}

describe('a file on standard input', () => {
  it('is read whole when under the limit', async () => {
    const source = chunks(3);
    expect((await readCappedStdin(source.stream, 20 * MB, '太大', '用法')).length).toBe(3 * MB);
  });

  it('is refused as soon as it passes the limit, the rest never read', async () => {
    const source = chunks(200);
    await expect(readCappedStdin(source.stream, 20 * MB, '从标准输入读到的文件超过 20 MB', '用法')).rejects.toThrow(
      '从标准输入读到的文件超过 20 MB',
    );
    expect(source.pulled).toBeLessThan(25);
  });

  it('is refused when empty or when standard input is a terminal (nothing was redirected into it)', async () => {
    await expect(readCappedStdin(chunks(0).stream, MB, '太大', '请用 import - < 名单.xlsx')).rejects.toThrow(
      '标准输入为空：请用 import - < 名单.xlsx',
    );
    const terminal = Object.assign(chunks(1).stream, { isTTY: true });
    await expect(readCappedStdin(terminal, MB, '太大', '请用 import - < 名单.xlsx')).rejects.toThrow(
      /^请用 import - < 名单\.xlsx$/,
    );
  });
});
