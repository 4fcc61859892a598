// Month files hold most of a datastore's bytes: as pure ASCII (every other character a \uXXXX escape,
// which JSON.parse reads back to the same string) they decode several times faster.
const escapes = new Map<string, string>();

function escape(char: string): string {
  let e = escapes.get(char);
  if (e === undefined) escapes.set(char, (e = `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return e;
}

export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, escape);
}
