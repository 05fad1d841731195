import { IdleQueue } from '../../dom/idle-queue';
import type { ToolFacts } from '../../tools/facts';
import { ThankButton } from '../../ui/thank-button';
import type { Feature } from '../feature';
import { FEATURE_DESCRIPTIONS } from '../catalog';
import { ReceivedThanks } from './received-thanks';
import { ThankActions } from './thank-actions';
import { ThankHosts } from './thank-hosts';
import { PostAddresses, ThankedPosts } from './thanked-posts';

/**
 * Whether a handle is the viewer's: asked of every mention on the page, so the viewer's is folded
 * once, and lengths are compared first (handles are ASCII where case folds: lengths never change).
 */
function viewerMatcher(facts: ToolFacts, viewer: string | null): (handle: string) => boolean {
  const fold = facts.handleCase === 'insensitive' ? (handle: string) => handle.toLowerCase() : (handle: string) => handle;
  const viewerKey = viewer === null ? null : fold(viewer);
  return (handle) => viewerKey !== null && handle.length === viewerKey.length && fold(handle) === viewerKey;
}

/**
 * thank-buttons: a Thank control in every post written by someone else (where it goes:
 * ./thank-hosts.ts), whose choices (./thank-actions.ts) write a thank-you, react or only record it,
 * every one in the kudos ledger (./thanked-posts.ts). Posts by others that mention the user and
 * thank them are recorded as thanks received (./received-thanks.ts).
 */
export const thankButtons: Feature = {
  id: 'thank-buttons',
  description: FEATURE_DESCRIPTIONS['thank-buttons'],
  init(page, signal) {
    const viewer = page.adapter.viewer(page.doc);
    const isViewer = viewerMatcher(page.adapter.facts, viewer);
    const addresses = new PostAddresses(page.url);
    // Ledger lookups and received-thanks reading wait for idle time, a post at a time.
    const idle = new IdleQueue(signal);
    const thanked = new ThankedPosts(idle, () => hosts.items());
    const actions = new ThankActions(page, viewer, addresses, thanked, signal);
    const received = new ReceivedThanks(page, addresses, idle, isViewer);
    const hosts = new ThankHosts(
      page,
      (item, dark) => {
        const button: ThankButton = new ThankButton(
          item.host,
          {
            name: item.name,
            canReact: () => actions.canReact(item.post),
            onChoose: (choice, note) => void actions.choose(item, button, choice, note),
            onUndo: (id) => void thanked.undo(item.key, id),
          },
          dark,
        );
        // Only a built button shows whether the post was thanked: the ledger is asked about the
        // few posts in view, in idle time, not about every post on the page.
        thanked.show(item.key, button);
        return button;
      },
      signal,
    );

    page.onContent((batch) => {
      hosts.begin(batch);
      const authors = new Set<string>();
      const aboutViewer = received.mentioningViewer(batch);
      for (const post of batch.posts) {
        if (post.author === null || isViewer(post.author)) {
          hosts.remove(post.element);
          continue;
        }
        const key = addresses.keyOf(post);
        authors.add(post.author);
        hosts.ensure(post, key);
        if (aboutViewer.has(post.element)) received.check(post, key);
      }
      if (aboutViewer.size > 0) received.reportSoon();
      // Names arrive from the directory after the buttons: label them "Thank <name>" then.
      void page.people.resolve(authors).then(() => {
        if (!signal.aborted) hosts.rename();
      });
    }, signal);
  },
};
