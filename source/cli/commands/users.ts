import { readFileSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { UserError } from '../../domain/errors.js';
import { safeJson } from '../../domain/safe-text.js';
import { ROLE_LABELS } from '../../domain/vocabulary.js';
import { assertMayManageUsers } from '../../domain/scope.js';
import { keyLines, plainPath, syncAuthorizedKeys } from '../../io/authorized-keys.js';
import { addUserOperation, removeUserOperation, setUserOperation, type UserInput } from '../../operations/users.js';
import { openStore, operations, type GlobalArgs } from '../runtime.js';
import { splitList } from '../../domain/vocabulary.js';
import { renderTable } from '../text-table.js';

interface FieldArgs extends GlobalArgs {
  login: string;
  name?: string;
  role?: string;
  college?: string;
  key?: string[];
  'key-file'?: string[];
}

function keysOf(args: FieldArgs): string[] | undefined {
  if (args.key === undefined && args['key-file'] === undefined) return undefined;
  const fromFiles = (args['key-file'] ?? []).flatMap((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new UserError(`无法读取公钥文件 ${file}：请检查路径`);
    }
    return text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  });
  return [...(args.key ?? []), ...fromFiles];
}

function input(args: FieldArgs): UserInput {
  const keys = keysOf(args);
  return {
    login: args.login,
    ...(args.name === undefined ? {} : { name: args.name }),
    ...(args.role === undefined ? {} : { role: args.role }),
    ...(args.college === undefined ? {} : { colleges: splitList(args.college) }),
    ...(keys === undefined ? {} : { keys }),
  };
}

const fieldOptions = <T>(y: import('yargs').Argv<T>) =>
  y
    .positional('login', { type: 'string', demandOption: true, describe: '登录名（小写字母、数字、_ -）' })
    .option('name', { type: 'string', describe: '姓名' })
    .option('role', {
      type: 'string',
      describe: '角色：school（组织部/学工部，全校）、college（二级学院）、viewer（只读）',
    })
    .option('college', { type: 'string', describe: 'college 角色的学院（viewer 可选：只看这些学院），多个用逗号分隔' })
    .option('key', { type: 'string', array: true, describe: 'SSH 公钥（整行，可重复）；给出时替换原有公钥' })
    .option('key-file', { type: 'string', array: true, describe: '公钥文件（如 id_ed25519.pub，可重复）' });

const add: CommandModule<GlobalArgs, FieldArgs> = {
  command: 'add <login>',
  describe: '添加用户',
  builder: (y) => fieldOptions(y) as never,
  handler: async (args) => console.log((await operations(args).run(addUserOperation, input(args))).message),
};

const set: CommandModule<GlobalArgs, FieldArgs> = {
  command: 'set <login>',
  describe: '修改用户的姓名、角色、学院或公钥',
  builder: (y) => fieldOptions(y) as never,
  handler: async (args) => console.log((await operations(args).run(setUserOperation, input(args))).message),
};

const remove: CommandModule<GlobalArgs, { login: string } & GlobalArgs> = {
  command: 'remove <login>',
  describe: '删除用户',
  builder: (y) => y.positional('login', { type: 'string', demandOption: true }) as never,
  handler: async (args) =>
    console.log((await operations(args).run(removeUserOperation, { login: args.login })).message),
};

const list: CommandModule<GlobalArgs, { json: boolean } & GlobalArgs> = {
  command: 'list',
  describe: '列出用户',
  builder: (y) => y.option('json', { type: 'boolean', default: false, describe: '输出 JSON' }),
  handler: async (args) => {
    const data = await openStore(args).load('none');
    const college = new Map(data.colleges.map((c) => [c.id, c.name]));
    if (args.json) {
      console.log(
        safeJson(data.users.map((u) => ({ ...u, colleges: u.collegeIds.map((id) => college.get(id) ?? id) }))),
      );
      return;
    }
    if (data.users.length === 0) {
      console.log('还没有用户：用 sanlianxi users add 添加');
      return;
    }
    const rows = data.users.map((u) => [
      u.login,
      u.name,
      ROLE_LABELS[u.role],
      u.collegeIds.map((id) => college.get(id) ?? id).join('、'),
      String(u.keys.length),
    ]);
    console.log(await renderTable(['登录名', '姓名', '角色', '学院', '公钥'], rows));
  },
};

interface SyncArgs extends GlobalArgs {
  file?: string;
  program?: string;
}

const syncKeys: CommandModule<GlobalArgs, SyncArgs> = {
  command: 'sync-keys',
  describe: '把用户的公钥写入本账号 ~/.ssh/authorized_keys 中 sanlianxi 的块（块外的行保持不变）',
  builder: (y) =>
    y
      .option('file', { type: 'string', describe: 'authorized_keys 文件（默认 ~/.ssh/authorized_keys）' })
      .option('program', {
        type: 'string',
        describe: '强制命令运行的程序（绝对路径；默认本程序：node 与 dist/cli/main.js）',
      }),
  handler: async (args) => {
    const store = openStore(args);
    assertMayManageUsers(await store.actor());
    const data = await store.load('none');
    const script = realpathSync(process.argv[1] ?? '');
    if (args.program === undefined && !script.endsWith('.js')) {
      throw new UserError(
        '请用构建后的程序运行 sync-keys（npm run build 后 node dist/cli/main.js users sync-keys），或用 --program 指定程序的绝对路径',
      );
    }
    if (args.program !== undefined && !isAbsolute(args.program))
      throw new UserError(`--program 应为绝对路径：${args.program}`);
    const program =
      args.program === undefined
        ? [plainPath(process.execPath, 'node 程序'), plainPath(script, '程序')]
        : [plainPath(args.program, '程序')];
    const lines = keyLines(data.users, program, plainPath(store.layout.main, '数据文件'));
    const file = resolve(args.file ?? join(homedir(), '.ssh', 'authorized_keys'));
    await syncAuthorizedKeys(file, lines);
    console.log(
      `已写入 ${file}：${data.users.filter((u) => u.keys.length > 0).length} 位用户的 ${lines.length} 个公钥（块外的行未改动）`,
    );
  },
};

export const usersCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'users',
  describe: '用户：add、list、remove、set、sync-keys（多位秘书经 SSH 共用一个数据文件）',
  builder: (y) =>
    y
      .command(add)
      .command(set)
      .command(remove)
      .command(list)
      .command(syncKeys)
      .demandCommand(1, '请指定：add、list、remove、set 或 sync-keys'),
  handler: () => undefined,
};
