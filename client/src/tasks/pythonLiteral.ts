// Reads a field default as written in Python (`"x"`, `5`, `True`, `None`, `[1, 2]`, `(0.5, 1)`, `{"a": 1}`,
// `field(default=3)`, `field(default_factory=list)`) into the JSON value a prompt prefills. Anything else (a call,
// a name, an expression) has no static value: undefined, and the prompt starts empty.

export function pythonDefault(text: string | undefined): { value: unknown } | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  const call = /^(?:dataclasses\.)?field\((.*)\)$/s.exec(t);
  if (call) {
    const factory = /\bdefault_factory\s*=\s*(list|dict|tuple|set)\b/.exec(call[1]);
    if (factory) return { value: factory[1] === 'dict' ? {} : [] };
    const plain = /\bdefault\s*=\s*(.*)$/s.exec(call[1]);
    return plain ? pythonDefault(plain[1].replace(/,\s*\w+\s*=.*$/s, '')) : undefined;
  }
  try {
    const p = new LiteralParser(t);
    const value = p.value();
    p.end();
    return { value };
  } catch {
    return undefined;
  }
}

class LiteralParser {
  private i = 0;
  constructor(private readonly s: string) {}

  private ws(): void {
    while (/\s/.test(this.s[this.i] ?? '')) this.i++;
  }

  end(): void {
    this.ws();
    if (this.i !== this.s.length) throw new Error('trailing text');
  }

  value(): unknown {
    this.ws();
    const c = this.s[this.i];
    if (c === '[' || c === '(') return this.seq(c === '[' ? ']' : ')');
    if (c === '{') return this.dict();
    if (c === '"' || c === "'") return this.str(c);
    const word = /^(True|False|None|-?(?:\d[\d_]*)(?:\.\d*)?(?:[eE][+-]?\d+)?)/.exec(this.s.slice(this.i));
    if (!word) throw new Error('not a literal');
    this.i += word[1].length;
    if (word[1] === 'True') return true;
    if (word[1] === 'False') return false;
    if (word[1] === 'None') return null;
    return Number(word[1].replace(/_/g, ''));
  }

  private str(q: string): string {
    let out = '';
    for (this.i++; this.i < this.s.length; this.i++) {
      const c = this.s[this.i];
      if (c === q) {
        this.i++;
        return out;
      }
      if (c === '\\') {
        const n = this.s[++this.i];
        out += n === 'n' ? '\n' : n === 't' ? '\t' : n;
      } else out += c;
    }
    throw new Error('unterminated string');
  }

  private items(close: string, item: () => void): void {
    this.i++;
    for (;;) {
      this.ws();
      if (this.s[this.i] === close) {
        this.i++;
        return;
      }
      item();
      this.ws();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== close) throw new Error(`expected , or ${close}`);
    }
  }

  private seq(close: string): unknown[] {
    const out: unknown[] = [];
    this.items(close, () => out.push(this.value()));
    return out;
  }

  private dict(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.items('}', () => {
      const key = this.value();
      this.ws();
      if (this.s[this.i++] !== ':') throw new Error('expected :');
      out[String(key)] = this.value();
    });
    return out;
  }
}
