import type { DutyRules, Settings } from './schema.js';

/** The rules that apply to a college: the school defaults with the college's overrides on top. */
export function rulesFor(settings: Settings, collegeId: string): DutyRules {
  const override = settings.rules.colleges[collegeId];
  if (!override) return settings.rules.defaults;
  const merged = { ...settings.rules.defaults };
  for (const [key, value] of Object.entries(override)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}
