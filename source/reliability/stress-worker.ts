// One stress writer: logs `count` contacts, each its own locked save, and prints the id it saved and how
// long the save took (ms, lock wait included). Worker `probe` pauses 100 ms between saves: a secretary
// logging now and then among busy writers. With `roster`, every other save also adds a college named
// after the contact (the roster file written anew), printed with a third column `roster`.
import { randomId } from '../domain/context.js';
import { DatastoreFile } from '../store/datastore-file.js';
import type { Contact } from '../domain/schema.js';

const [file, worker, count, cadreId, targetId, date, roster] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string?,
];
const store = new DatastoreFile(file, { contacts: 'none' });
let saved = 0;
for (let i = 0; i < Number(count); i++) {
  const contact: Contact = {
    id: `stress-${worker}-${i}-${randomId('x')}`,
    cadreId,
    duty: 'class',
    targetId,
    date,
    form: '座谈会',
    note: `stress ${worker}/${i}`,
    enteredAt: new Date().toISOString(),
    enteredBy: 'stress',
  };
  if (worker === 'probe') await new Promise((r) => setTimeout(r, 100));
  const started = performance.now();
  const withRoster = roster === 'roster' && i % 2 === 1;
  await store.update(
    (data) => {
      data.contacts.push(contact);
      if (withRoster) data.colleges.push({ id: contact.id, name: contact.note });
    },
    { action: `stress ${worker}`, contacts: date },
  );
  process.stdout.write(`${contact.id}\t${(performance.now() - started).toFixed(1)}${withRoster ? '\troster' : ''}\n`);
  saved++;
}
process.stderr.write(`worker ${worker}: ${saved}\n`);
