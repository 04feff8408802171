/**
 * Shared by the authoring commands (new, publish): today's date in local
 * time and the content directory guard.
 */
import { format } from 'date-fns';

/** Today as `YYYY-MM-DD` in the clerk's local time zone. */
export function localToday(): string {
  return format(new Date(), 'yyyy-MM-dd');
}

export { requireContentDir } from '../command.ts';
