// The datastore's fixed words and values: the lists a field may take and their Chinese labels, the
// login and key patterns, the schema version and the default duty rules. Kept apart from schema.ts so
// that code which only shows or checks these (overdue, log, reading sealed files) does not load zod.
import type { DutyRules } from './schema.js';

export const SCHEMA_VERSION = 4;

/** How several values are typed in one field or cell (寝室's 班级, 困难生's 类别, 困难生学号): any of , ， 、 ; ； or spaces. */
export const LIST_SEPARATORS = /[,，、;；\s]+/;

export function splitList(text: string): string[] {
  return text
    .split(LIST_SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean);
}

export const CADRE_CATEGORIES = ['科职以上干部', '普通党员'] as const;
export const CADRE_STATUSES = ['在岗', '离职', '长期请假'] as const;
export const STUDENT_CATEGORIES = ['学业困难', '经济困难', '心理困惑'] as const;
export const END_REASONS = ['离职', '长期请假', '班级毕业', '调整'] as const;
/** Why a class passes to another cadre: the end reasons but graduation (a graduated class has no successor). */
export const TRANSFER_REASONS = ['调整', '离职', '长期请假'] as const satisfies ReadonlyArray<
  (typeof END_REASONS)[number]
>;
export const CONTACT_FORMS = [
  '座谈会',
  '谈心谈话',
  '深入课堂',
  '寝室走访',
  '电话',
  '邮箱',
  'QQ',
  '微信',
  '其他',
] as const;
export const DUTIES = ['class', 'dorm', 'student'] as const;
export const DORM_SCOPES = ['any', 'each'] as const;

export type CadreCategory = (typeof CADRE_CATEGORIES)[number];
export type CadreStatus = (typeof CADRE_STATUSES)[number];
export type StudentCategory = (typeof STUDENT_CATEGORIES)[number];
export type EndReason = (typeof END_REASONS)[number];
export type TransferReason = (typeof TRANSFER_REASONS)[number];
export type ContactForm = (typeof CONTACT_FORMS)[number];
export type Duty = (typeof DUTIES)[number];
export type DormScope = (typeof DORM_SCOPES)[number];

/** Chinese names of the duties, as the forms and the UI say them. */
export const DUTY_LABELS: Record<Duty, string> = { class: '班级', dorm: '寝室', student: '困难生' };
export const DORM_SCOPE_LABELS: Record<DormScope, string> = { any: '任一', each: '每个' };

export const ROLES = ['school', 'college', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
/** Who may do what (SPEC 三、1–5): 组织部/学工部 every college; a 党总支 its own; 院领导 read only. */
export const ROLE_LABELS: Record<Role, string> = {
  school: '学校（组织部/学工部）',
  college: '二级学院',
  viewer: '只读',
};
/** A login as Unix and `--user` accept it: the forced command puts it on a command line. */
export const LOGIN_PATTERN = /^[a-z_][a-z0-9_-]{0,31}$/;
/** An OpenSSH public key: type and base64 only (a comment or options could change an authorized_keys line). */
export const SSH_KEY_PATTERN =
  /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com) [A-Za-z0-9+/]{16,8192}={0,3}$/;

export const DEFAULT_RULES: DutyRules = {
  classPerTerm: 1,
  dormPerMonth: 1,
  dormScope: 'any',
  studentPerMonth: 1,
  minWindowDays: 7,
};
