import { createShadowHost, el, isDarkAround } from './shadow-host';
import { tn, tNodes } from '../i18n/t';

const CSS = `
:host { all: initial; display: block; margin: 4px 0; }
.hint { box-sizing: border-box; padding: 4px 10px; border-radius: 6px; border-left: 3px solid #8c959f;
  font: 12px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #424a53; background: #f6f8fa; }
.hint.dark { color: #c9d1d9; background: #1c2128; border-left-color: #6e7681; }
p { margin: 0; }
.who { font-weight: 600; unicode-bidi: isolate; }
`;

/** One person outside working hours, as the hint words them. */
export interface AwayPerson {
  name: string;
  /** "02:14 in Warsaw". */
  where: string;
  /** "about 7 hours", when working hours begin within a week. */
  wait?: string;
}

/**
 * The quiet `data-daylight="working-hours"` note beside a composer: who among the people a draft
 * mentions is outside working hours, and roughly when they will read it. It holds nothing back.
 */
export class WorkingHoursHint {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;

  constructor() {
    ({ host: this.host, root: this.root } = createShadowHost('working-hours', CSS));
    this.host.setAttribute('role', 'status');
  }

  show(people: readonly AwayPerson[], anchor: Element): void {
    this.root.querySelector('.hint')?.remove();
    const box = el('div', { class: isDarkAround(anchor) ? 'hint dark' : 'hint' });
    const shown = people.slice(0, 3);
    for (const person of shown) {
      const name = el('bdi', { class: 'who' }, person.name);
      box.append(el('p', {}, ...(person.wait ? tNodes('hintAway', name, person.where, person.wait) : tNodes('hintAwayNoWait', name, person.where))));
    }
    if (people.length > shown.length) box.append(el('p', {}, tn('hintMore', people.length - shown.length)));
    this.root.append(box);
  }

  remove(): void {
    this.host.remove();
  }
}
