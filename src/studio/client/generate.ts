import { view } from './dom.ts';
export async function showGenerate(_ref: string | undefined): Promise<void> {
  view('生成');
}
