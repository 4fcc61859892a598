// What a failed file operation means for the secretary, in one Chinese phrase: the disk is full, the
// storage is read-only, she may not write there… Callers add whether the change was saved.
import { dirname } from 'node:path';
import { osUserName } from './os-user.js';

const CODES = [
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'EACCES',
  'EPERM',
  'EEXIST',
  'EISDIR',
  'ENOTDIR',
  'EIO',
  'EMFILE',
  'ENFILE',
  'ENAMETOOLONG',
  'ELOOP',
] as const;

export function isStorageError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && (CODES as readonly string[]).includes(code);
}

/** The problem and what to do about it, or null when `error` is not a file-system error we know. */
export function storageProblem(error: unknown, fallbackPath: string, doing: '读取' | '写入' = '写入'): string | null {
  if (!isStorageError(error)) return null;
  // A replaced file is written as its temp file `<file>.<number>` (private-files.ts): name the file itself.
  const path =
    error.path === undefined || (fallbackPath !== '' && error.path.startsWith(`${fallbackPath}.`))
      ? fallbackPath || (error.path ?? '')
      : error.path;
  switch (error.code) {
    case 'EROFS':
      return `${dirname(path)} 所在的存储是只读的（如 U 盘写保护或只读挂载），无法写入：请换到可写的位置，或请管理员重新挂载为可写`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `${dirname(path)} 所在的磁盘已满（或超出配额），无法写入 ${path}：请腾出空间后重试`;
    case 'EACCES':
    case 'EPERM':
      return `当前用户 ${osUserName()} 没有${doing} ${path} 的权限：请用有权限的用户运行，或请管理员修改权限`;
    case 'EEXIST':
      return `${path} 已存在，且不是 sanlianxi 需要的目录或文件：请移走它后重试`;
    case 'EISDIR':
      return `${path} 是一个目录，不是文件：请指定文件本身`;
    case 'ENOTDIR':
      return `${path} 的路径中有一项是文件而不是目录：请检查路径`;
    case 'EIO':
      return `读写 ${path} 时磁盘报告 I/O 错误：请检查磁盘，并用 sanlianxi check 校验数据`;
    case 'EMFILE':
    case 'ENFILE':
      return `打开的文件过多，无法打开 ${path}：请关闭其他程序后重试`;
    case 'ENAMETOOLONG':
      return `路径 ${path} 过长：请换一个较短的路径`;
    default:
      return `${path} 是过多层的符号链接：请检查路径`;
  }
}
