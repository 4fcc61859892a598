// 用户管理: who may use the datastore through the service account, with which role, for which
// colleges and with which SSH keys. Only the school and the administrator pass the scope check
// (scoped-store.ts): users belong to no college.
import { UserError } from '../domain/errors.js';
import { buildIndexes } from '../domain/indexes.js';
import { findCollege } from '../domain/lookup.js';
import { type Datastore, type User } from '../domain/schema.js';
import { LOGIN_PATTERN, ROLE_LABELS, ROLES, SSH_KEY_PATTERN, type Role } from '../domain/vocabulary.js';
import { changeOperation } from './operation.js';

export interface UserFields {
  name?: string;
  role?: string;
  /** College names (or ids): required for a `college` user; a `viewer`'s limit (none: all); ignored for `school`. */
  colleges?: string[];
  /** OpenSSH public keys, one per entry ("ssh-ed25519 AAAA… comment"); replaces the user's keys. */
  keys?: string[];
}

export interface UserInput extends UserFields {
  login: string;
}

/** The key's type and base64; a comment is dropped (authorized_keys lines are written from these alone). */
export function normalizeKey(text: string, where: string): string {
  const parts = text.trim().split(/\s+/);
  const key = parts.slice(0, 2).join(' ');
  if (!SSH_KEY_PATTERN.test(key)) {
    throw new UserError(
      `${where}不是 OpenSSH 公钥（应为一行“ssh-ed25519 AAAA… 注释”，如 ~/.ssh/id_ed25519.pub 的内容）`,
    );
  }
  return key;
}

function userRecord(data: Datastore, login: string): User {
  const user = data.users.find((u) => u.login === login);
  if (!user) throw new UserError(`没有登录名为 ${login} 的用户：用 sanlianxi users list 查看`);
  return user;
}

function role(value: string): Role {
  if ((ROLES as readonly string[]).includes(value)) return value as Role;
  throw new UserError(
    `角色“${value}”无效：应为 school（${ROLE_LABELS.school}）、college（${ROLE_LABELS.college}）或 viewer（${ROLE_LABELS.viewer}）`,
  );
}

/** Applies the given fields to a user and checks the whole: role and colleges agree, keys unique across users. */
function applyFields(data: Datastore, user: User, fields: UserFields): void {
  if (fields.name !== undefined) {
    const name = fields.name.trim();
    if (name === '' || name.length > 100) throw new UserError('--name（姓名）不能为空，最多 100 个字符');
    user.name = name;
  }
  if (fields.role !== undefined) user.role = role(fields.role);
  if (fields.colleges !== undefined) {
    const idx = buildIndexes(data);
    user.collegeIds = [...new Set(fields.colleges.map((c) => (idx.collegeById.has(c) ? c : findCollege(idx, c).id)))];
  }
  if (user.role === 'college' && user.collegeIds.length === 0) {
    throw new UserError(`用户 ${user.login} 的角色是 college（二级学院）：请用 --college 指定其学院`);
  }
  if (user.role === 'school') user.collegeIds = [];
  if (fields.keys !== undefined)
    user.keys = [...new Set(fields.keys.map((k, i) => normalizeKey(k, `第 ${i + 1} 个公钥`)))];
  for (const other of data.users) {
    if (other === user) continue;
    const shared = other.keys.find((k) => user.keys.includes(k));
    if (shared) throw new UserError(`公钥已属于用户 ${other.login}：一把钥匙只能对应一位用户（否则登录后分不清是谁）`);
  }
}

export const addUserOperation = changeOperation<UserInput, User>({
  name: '添加用户',
  hints: () => ({ contacts: 'none' }),
  apply(data, input, ctx) {
    if (!LOGIN_PATTERN.test(input.login)) {
      throw new UserError(`登录名“${input.login}”无效：应为小写字母、数字、_ 或 -，以字母或 _ 开头，最多 32 个字符`);
    }
    if (data.users.some((u) => u.login === input.login))
      throw new UserError(`用户 ${input.login} 已存在：要修改请用 sanlianxi users set`);
    if (input.name === undefined || input.role === undefined)
      throw new UserError('添加用户需要 --name（姓名）和 --role（school、college 或 viewer）');
    const user: User = { id: ctx.newId('u'), login: input.login, name: '', role: 'viewer', collegeIds: [], keys: [] };
    applyFields(data, user, input);
    data.users.push(user);
    return user;
  },
  done: (u) =>
    `已添加用户 ${u.name}（${u.login}，${ROLE_LABELS[u.role]}），公钥 ${u.keys.length} 个；请运行 sanlianxi users sync-keys 使 SSH 登录生效`,
});

export const setUserOperation = changeOperation<UserInput, User>({
  name: '修改用户',
  hints: () => ({ contacts: 'none' }),
  apply(data, input) {
    const user = userRecord(data, input.login);
    applyFields(data, user, input);
    return user;
  },
  done: (u) =>
    `已修改用户 ${u.name}（${u.login}，${ROLE_LABELS[u.role]}），公钥 ${u.keys.length} 个；请运行 sanlianxi users sync-keys 使改动对 SSH 登录生效`,
});

export const removeUserOperation = changeOperation<{ login: string }, User>({
  name: '删除用户',
  hints: () => ({ contacts: 'none' }),
  apply(data, { login }) {
    const user = userRecord(data, login);
    data.users = data.users.filter((u) => u !== user);
    return user;
  },
  done: (u) =>
    `已删除用户 ${u.name}（${u.login}）；她的 SSH 登录已被拒绝（强制命令只认已登记的用户），运行 sanlianxi users sync-keys 从 authorized_keys 中移除她的公钥`,
});
