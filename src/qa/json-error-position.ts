/**
 * Where a JSON text first breaks, as line and column (1-based), for error messages: V8's own
 * JSON.parse message does not always say. A small recursive-descent reader of the JSON grammar;
 * it returns undefined for valid JSON.
 */
export function jsonErrorPosition(text: string): { line: number; column: number } | undefined {
  let at = 0;
  const fail = (): never => {
    throw new JsonSyntaxAt(at);
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at] ?? '')) at += 1;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, at)) at += word.length;
    else fail();
  };
  const string = () => {
    at += 1;
    while (at < text.length && text[at] !== '"') {
      const char = text[at] ?? '';
      if (char < ' ') fail();
      at += char === '\\' ? (text[at + 1] === 'u' ? 6 : 2) : 1;
    }
    if (text[at] !== '"') fail();
    at += 1;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match) fail();
    at += match?.[0].length ?? 0;
  };
  const list = (close: string, item: () => void) => {
    at += 1;
    space();
    if (text[at] === close) {
      at += 1;
      return;
    }
    for (;;) {
      item();
      space();
      if (text[at] === ',') {
        at += 1;
        continue;
      }
      if (text[at] === close) {
        at += 1;
        return;
      }
      fail();
    }
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === '{') {
      list('}', () => {
        space();
        if (text[at] !== '"') fail();
        string();
        space();
        if (text[at] !== ':') fail();
        at += 1;
        value();
      });
    } else if (char === '[') list(']', value);
    else if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else number();
  };
  try {
    value();
    space();
    if (at < text.length) fail();
    return undefined;
  } catch (error) {
    if (!(error instanceof JsonSyntaxAt)) throw error;
    const before = text.slice(0, error.offset);
    return { line: before.split('\n').length, column: error.offset - before.lastIndexOf('\n') };
  }
}

class JsonSyntaxAt extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at ${offset}`);
  }
}
