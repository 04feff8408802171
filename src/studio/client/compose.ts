import type { State } from './api.ts';
import { view } from './dom.ts';
export async function showCompose(_state: State): Promise<void> {
  view('编一期');
}
