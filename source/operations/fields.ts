// Fields every operation reads the same way, whichever client typed them.
import { parseDateInput, type IsoDate } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';

/** The relative forms a date may be typed in, as placeholders and the error say them. */
const RELATIVE_FORMS = ['昨天', '-3', '11-20'];

/** The placeholder of a date field that defaults to `fallback` (today unless said). */
export function datePlaceholder(today: IsoDate, fallback = `今天 ${today}`): string {
  return `${fallback}（可写 ${RELATIVE_FORMS.join('、')}）`;
}

/**
 * A date as typed, relative to today (昨天, -3, 11-20, 2026-11-20…); empty gives `fallback`.
 * `label` names the field in the error: 日期, 开始日期, --date…; `past`: a contact's date (parseDateInput).
 */
export function dateField(
  text: string | undefined,
  label: string,
  today: IsoDate,
  fallback: IsoDate = today,
  past = false,
): IsoDate {
  if (text === undefined || text.trim() === '') return fallback;
  const date = parseDateInput(text, today, past);
  if (!date) throw new UserError(`${label}“${text}”无效：可写 2026-11-20、${RELATIVE_FORMS.join('、')}`);
  return date;
}
