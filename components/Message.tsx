import { Fragment, type ReactNode } from 'react';
import { tSlots, type MessageKey } from '@/lib/i18n/t';

/**
 * A message from the locale files with React parts in its placeholders (`values[0]` for `$1`…), in
 * the language's own word order: a name in <bdi>, a link, a badge.
 */
export function Message({ id, values }: { id: MessageKey; values: readonly ReactNode[] }) {
  return (
    <>
      {tSlots(id, values.length).map((part, i) => (
        <Fragment key={i}>{typeof part === 'number' ? values[part] : part}</Fragment>
      ))}
    </>
  );
}
