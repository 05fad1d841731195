import { countLineBreaks } from './lines';

export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

class SyntaxAt extends Error {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {
    super(expected);
  }
}

const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/**
 * Where and why `text` is not JSON. JSON.parse reports this differently in every engine, and V8
 * gives neither line nor column, which an admin fixing a hand-edited file needs; so when
 * JSON.parse has failed, this walks the grammar (RFC 8259) to the first offending character.
 */
export function locateJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (expected: string): never => {
    throw new SyntaxAt(i, expected);
  };
  const skipSpace = () => {
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i++;
  };
  const string = () => {
    i++;
    for (;;) {
      const char = text[i];
      if (char === undefined) fail('the closing quote of the text');
      if (char === '"') return void i++;
      if (char === '\\') {
        const escaped = text[i + 1];
        if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (escaped !== undefined && '"\\/bfnrt'.includes(escaped)) i += 2;
        else fail('a valid escape after \\');
      } else if ((char as string).charCodeAt(0) < 0x20) fail('the closing quote (text cannot span lines)');
      else i++;
    }
  };
  const value = (): void => {
    skipSpace();
    const char = text[i];
    if (char === '{') return members('}', () => {
      skipSpace();
      if (text[i] !== '"') fail('a quoted property name');
      string();
      skipSpace();
      if (text[i] !== ':') fail('":" after the property name');
      i++;
      value();
    });
    if (char === '[') return members(']', value);
    if (char === '"') return string();
    LITERAL.lastIndex = i;
    if (LITERAL.exec(text)) return void (i = LITERAL.lastIndex);
    fail('a value');
  };
  const members = (close: string, member: () => void) => {
    i++;
    skipSpace();
    if (text[i] === close) return void i++;
    for (;;) {
      member();
      skipSpace();
      if (text[i] === ',') i++;
      else if (text[i] === close) return void i++;
      else fail(`"," or "${close}"`);
    }
  };
  try {
    value();
    skipSpace();
    if (i < text.length) fail('the end of the file');
    return undefined;
  } catch (error) {
    // Nesting deep enough to exhaust the stack: JSON.parse's own message will have to do.
    if (!(error instanceof SyntaxAt)) return undefined;
    const found = text[error.offset];
    const lineStart = Math.max(text.lastIndexOf('\n', error.offset - 1), text.lastIndexOf('\r', error.offset - 1)) + 1;
    return {
      line: 1 + countLineBreaks(text, 0, error.offset),
      column: error.offset - lineStart + 1,
      message: `expected ${error.expected}, found ${found === undefined ? 'the end of the file' : JSON.stringify(found)}`,
    };
  }
}
