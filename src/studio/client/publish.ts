import type { State } from './api.ts';
import { view } from './dom.ts';
export async function showPublish(_state: State, _ref: string | undefined): Promise<void> {
  view('发布');
}
