import { UserError } from '../domain/errors.js';

/** A datastore file that cannot be used as it is; it is never overwritten. Its message gains backup advice. */
export class DatastoreFileError extends UserError {}
