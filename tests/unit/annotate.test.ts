// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { annotate } from '@/lib/content/annotate';
import { changedRoots } from '@/lib/content/mutation-roots';
import { slack } from '@/lib/tools/slack/adapter';

const message = (ts: string, sender: string | null, mention: string) => `
  <div data-qa="virtual-list-item" class="c-virtual_list__item" id="${ts}">
    <div data-qa="message_container" data-msg-ts="${ts}">
      ${sender ? `<button data-qa="message_sender_name" data-message-sender="${sender}">Name</button>` : ''}
      <div data-qa="message-text"><a class="c-member_slug" data-member-id="${mention}" href="https://acme.slack.com/team/${mention}">@x</a></div>
    </div>
  </div>`;

describe('annotate', () => {
  it('marks handles, posts and inherited authors, and is idempotent', () => {
    document.body.innerHTML = `<div class="list">${message('1.1', 'U0AAA', 'U0BBB')}${message('1.2', null, 'U0CCC')}</div>`;
    expect(annotate(slack, document)).toEqual({ mentions: 2, posts: 2 });
    const posts = [...document.querySelectorAll('[data-daylight-post]')];
    expect(posts.map((p) => [p.getAttribute('data-daylight-post'), p.getAttribute('data-daylight-author')])).toEqual([
      ['1.1', 'U0AAA'],
      ['1.2', 'U0AAA'],
    ]);
    const html = document.body.innerHTML;
    annotate(slack, document);
    expect(document.body.innerHTML).toBe(html);
  });

  it('moves markers with recycled list rows: a reused node gets the new message’s id and loses stale handles', () => {
    document.body.innerHTML = `<div class="list">${message('1.1', 'U0AAA', 'U0BBB')}</div>`;
    annotate(slack, document);
    const container = document.querySelector('[data-qa="message_container"]')!;
    container.setAttribute('data-msg-ts', '2.5');
    container.querySelector('[data-qa="message-text"]')!.textContent = 'no mention any more';
    annotate(slack, container);
    expect(container.getAttribute('data-daylight-post')).toBe('2.5');
    expect(document.querySelectorAll('[data-daylight-handle]')).toHaveLength(0);
  });
});

describe('changedRoots', () => {
  const observe = async (change: () => void) => {
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-daylight-handle'] });
    change();
    await Promise.resolve();
    observer.disconnect();
    return records;
  };

  it('widens a change inside a message to the whole message, and drops nested roots', async () => {
    document.body.innerHTML = `<div class="list">${message('1.1', 'U0AAA', 'U0BBB')}</div>`;
    const text = document.querySelector('[data-qa="message-text"]')!;
    const records = await observe(() => {
      text.append(document.createElement('span'));
      text.querySelector('a')!.append(document.createElement('b'));
    });
    expect(changedRoots(records, slack.postSelector, ['data-daylight-handle'])).toEqual([document.querySelector('[data-qa="message_container"]')]);
  });

  it('notices a marker the host dropped', async () => {
    document.body.innerHTML = `<a data-daylight-handle="U0AAA"></a>`;
    const records = await observe(() => document.querySelector('a')!.removeAttribute('data-daylight-handle'));
    expect(changedRoots(records, slack.postSelector, ['data-daylight-handle'])).toEqual([document.querySelector('a')]);
  });

  it('reads messages appended together as one pass over their list, and a single new message alone', async () => {
    document.body.innerHTML = `<div class="list">${message('1.1', 'U0AAA', 'U0BBB')}</div>`;
    const list = document.querySelector('.list')!;
    const appended = await observe(() => list.insertAdjacentHTML('beforeend', ['1.2', '1.3', '1.4', '1.5'].map((ts) => message(ts, 'U0AAA', 'U0BBB')).join('')));
    expect(changedRoots(appended, slack.postSelector, [])).toEqual([list]);
    const one = await observe(() => list.insertAdjacentHTML('beforeend', message('1.6', 'U0AAA', 'U0BBB')));
    expect(changedRoots(one, slack.postSelector, [])).toEqual([list.lastElementChild]);
  });

  it('gives up splitting a huge batch and asks for the whole document', async () => {
    document.body.innerHTML = '<div></div>';
    const records = await observe(() => {
      for (let i = 0; i < 300; i += 1) document.body.append(document.createElement('p'));
    });
    expect(changedRoots(records, slack.postSelector, [])).toBe('document');
  });
});
