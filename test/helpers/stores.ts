// A client's store for the tests: as the command line opens it for an OS account no user is registered
// under (the service account's administrator), who sees and may change the whole school.
import { osUserName } from '../../source/files/os-user.js';
import { ScopedStore, type StoreOptions } from '../../source/operations/scoped-store.js';

export function wholeSchool(file: string, options?: Omit<StoreOptions, 'guard'>): ScopedStore {
  return new ScopedStore(file, options, { login: osUserName(), forced: false });
}
