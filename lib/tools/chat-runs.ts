/** How far above a message to look for the first message of its run. */
const MAX_RUN = 100;

export interface ChatMarkup {
  /** The list row that holds a message (its siblings are the messages above and below). */
  row(message: Element): Element;
  /** The message in a row, if the row holds one that can carry an author (not a day divider or system post). */
  message(row: Element): Element | null;
  /**
   * The author a message names itself (only the first message of a run does); `false` when it names
   * one that is not a person (a bot or an app), whose run then has no author.
   */
  own(message: Element): string | null | false;
}

/**
 * Authors of chat messages read in document order. Slack and Mattermost show the author only on
 * the first message of a run; follow-on messages inherit it. Within one list the author carries
 * forward; the first message read (or the first in another list) looks at the rows above it.
 */
export class AuthorRuns {
  private list: Element | null | undefined;
  private author: string | null = null;

  constructor(private readonly markup: ChatMarkup) {}

  next(message: Element): string | null {
    const row = this.markup.row(message);
    const list = row.parentElement;
    const own = this.markup.own(message);
    const author = own === false ? null : (own ?? (this.list === list ? this.author : this.above(row)));
    this.list = list;
    this.author = author;
    return author;
  }

  private above(row: Element): string | null {
    let previous: Element | null = row;
    for (let steps = 0; previous && steps < MAX_RUN; steps += 1) {
      previous = previous.previousElementSibling;
      const message = previous ? this.markup.message(previous) : null;
      const author = message ? this.markup.own(message) : null;
      if (author === false) return null;
      if (author) return author;
    }
    return null;
  }
}
