/** Bounds keep one page from filling the index (in a module of their own: content scripts carry no schemas). */
export const MAX_PAGE_TEXT = 20_000;
export const MAX_POST_TEXT = 4_000;
