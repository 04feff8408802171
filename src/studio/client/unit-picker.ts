/**
 * 单位: a combobox over units.yaml. Typing filters with the server's matcher
 * (the CLI prompt's: id, name or alias contains the text, so 住建 finds
 * 区住房和城乡建设局); ↑↓ move, Enter or a click chooses, Esc closes.
 * A joint submission is typed 应急局、消防大队: the picker looks up and
 * replaces only the part after the last 、.
 */
import { get } from './api.ts';
import { debounce, h, newestOnly } from './dom.ts';

interface Unit {
  id: string;
  name: string;
  aliases: string[];
}

export function unitPicker(initial: string, changed: () => void): { input: HTMLInputElement; list: HTMLElement } {
  const list = h('ul', { role: 'listbox', id: 'f-unit-list', class: 'picker', hidden: true, 'aria-label': '单位候选' });
  const input = h('input', {
    type: 'text',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'f-unit-list',
    autocomplete: 'off',
    value: initial,
  });
  let options: Unit[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  /** The units typed before the one being typed, with their 、. */
  const before = () => /^(.*[、，,；;])\s*/.exec(input.value)?.[1] ?? '';
  const typing = () => input.value.slice(before().length).trim();
  const choose = (unit: Unit) => {
    input.value = `${before()}${unit.name}`;
    close();
    changed();
  };
  const highlight = (index: number) => {
    active = index;
    [...list.children].forEach((item, i) => item.setAttribute('aria-selected', String(i === index)));
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', `f-unit-option-${index}`);
      list.children[index]?.scrollIntoView({ block: 'nearest' });
    }
  };
  const searching = newestOnly();
  const search = debounce(async () => {
    const newest = searching();
    const found = await get<Unit[]>(`/api/units?q=${encodeURIComponent(typing())}`);
    if (!newest()) return; // typed on since: a newer search is on its way
    options = found;
    // Tabbed on past the field before the answer came: no list left open over the next fields.
    if (document.activeElement !== input) return;
    list.replaceChildren(
      ...options.slice(0, 30).map((unit, index) =>
        h(
          'li',
          {
            role: 'option',
            id: `f-unit-option-${index}`,
            'aria-selected': 'false',
            onmousedown: (event: Event) => (event.preventDefault(), choose(unit)),
          },
          unit.name,
          unit.aliases.length ? h('span', { class: 'muted' }, `（${unit.aliases.join('、')}）`) : null,
        ),
      ),
    );
    if (options.length === 0)
      list.append(
        h(
          'li',
          { class: 'muted', role: 'presentation' },
          '没有这个单位：换个字试试（名称、简称都可以），或先在 units.yaml 中添加',
        ),
      );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(options.length ? 0 : -1);
  }, 150);

  input.addEventListener('input', () => {
    search();
    changed();
  });
  input.addEventListener('focus', () => search());
  input.addEventListener('blur', () => window.setTimeout(close, 100));
  input.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    const shown = Math.min(options.length, 30);
    if (event.key === 'ArrowDown' && shown) highlight((active + 1) % shown);
    else if (event.key === 'ArrowUp' && shown) highlight((active - 1 + shown) % shown);
    else if (event.key === 'Enter' && active >= 0 && options[active]) choose(options[active]!);
    else if (event.key === 'Escape') close();
    else return;
    event.preventDefault();
  });
  return { input, list };
}
