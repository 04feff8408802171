/** Every schema of the content directory, one file per kind. */
export * from './fields.ts';
export * from './sections.ts';
export * from './site.ts';
export * from './units.ts';
export * from './people.ts';
export * from './recipients.ts';
export * from './entry.ts';
export * from './issue.ts';
