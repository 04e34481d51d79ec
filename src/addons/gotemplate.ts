/**
 * The subset of Go's text/template that kops's add-on templates use: actions with trim markers, comments,
 * if / else if / else, range (over lists and maps, with variables), with, pipelines, parenthesised commands,
 * fields, variables and the builtins and, or, not, eq, ne, len, index. Functions come from the caller.
 */

export type TemplateFunc = (...args: unknown[]) => unknown;

type Operand =
  | { k: 'field'; base: string; path: string[] }
  | { k: 'ident'; name: string; path: string[] }
  | { k: 'lit'; value: unknown }
  | { k: 'pipe'; pipe: Pipeline };

interface Pipeline {
  decl: string[];
  cmds: Operand[][];
}

type Node =
  | { t: 'text'; text: string }
  | { t: 'action'; pipe: Pipeline }
  | { t: 'if' | 'with'; pipe: Pipeline; then: Node[]; else: Node[] }
  | { t: 'range'; pipe: Pipeline; body: Node[]; else: Node[] };

const SPACE = /[ \t\r\n]/;

/** Splits the source into text and the bodies of `{{ }}` actions, applying the `{{-` and `-}}` trim markers. */
function lex(src: string): ({ text: string } | { action: string })[] {
  const out: ({ text: string } | { action: string })[] = [];
  let pos = 0;
  let trimNext = false;
  while (pos < src.length) {
    const open = src.indexOf('{{', pos);
    let text = src.slice(pos, open < 0 ? src.length : open);
    if (trimNext) text = text.replace(/^[ \t\r\n]+/, '');
    if (open < 0) {
      out.push({ text });
      break;
    }
    let start = open + 2;
    if (src[start] === '-' && SPACE.test(src[start + 1] ?? '')) {
      text = text.replace(/[ \t\r\n]+$/, '');
      start += 2;
    }
    out.push({ text });
    const close = findClose(src, start);
    let end = close;
    trimNext = false;
    if (src[close - 1] === '-' && SPACE.test(src[close - 2] ?? '')) {
      trimNext = true;
      end = close - 2;
    }
    out.push({ action: src.slice(start, end).trim() });
    pos = close + 2;
  }
  return out;
}

function findClose(src: string, from: number): number {
  let quote = '';
  for (let i = from; i < src.length; i++) {
    const c = src[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === '`') quote = c;
    else if (c === '}' && src[i + 1] === '}') return i;
  }
  throw new Error(`template: unclosed action at offset ${from}`);
}

/** Tokens of one action body. */
function tokenize(body: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (SPACE.test(c)) {
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (body[j] !== '"') j += body[j] === '\\' ? 2 : 1;
      tokens.push(body.slice(i, j + 1));
      i = j + 1;
    } else if (c === '`') {
      const j = body.indexOf('`', i + 1);
      tokens.push(body.slice(i, j + 1));
      i = j + 1;
    } else if (c === ':' && body[i + 1] === '=') {
      tokens.push(':=');
      i += 2;
    } else if ('|(),='.includes(c)) {
      tokens.push(c);
      i++;
    } else {
      let j = i;
      while (j < body.length && !SPACE.test(body[j]) && !'|(),'.includes(body[j]) && !(body[j] === ':' && body[j + 1] === '=')) j++;
      tokens.push(body.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

function parsePipeline(tokens: string[], pos = 0, closing?: string): { pipe: Pipeline; pos: number } {
  const decl: string[] = [];
  // `$a, $b :=` or `$a :=` declares variables.
  let look = pos;
  const names: string[] = [];
  while (tokens[look]?.startsWith('$')) {
    names.push(tokens[look]);
    if (tokens[look + 1] === ',') look += 2;
    else break;
  }
  if (names.length > 0 && (tokens[look + 1] === ':=' || tokens[look + 1] === '=')) {
    decl.push(...names);
    pos = look + 2;
  }
  const cmds: Operand[][] = [[]];
  while (pos < tokens.length && tokens[pos] !== closing) {
    const tok = tokens[pos];
    if (tok === '|') {
      cmds.push([]);
      pos++;
      continue;
    }
    if (tok === '(') {
      const inner = parsePipeline(tokens, pos + 1, ')');
      cmds[cmds.length - 1].push({ k: 'pipe', pipe: inner.pipe });
      pos = inner.pos + 1;
      continue;
    }
    cmds[cmds.length - 1].push(operand(tok));
    pos++;
  }
  return { pipe: { decl, cmds }, pos };
}

function operand(tok: string): Operand {
  if (tok.startsWith('"')) return { k: 'lit', value: JSON.parse(tok) as string };
  if (tok.startsWith('`')) return { k: 'lit', value: tok.slice(1, -1) };
  if (tok === 'true' || tok === 'false') return { k: 'lit', value: tok === 'true' };
  if (tok === 'nil') return { k: 'lit', value: undefined };
  if (/^-?\d+(\.\d+)?$/.test(tok)) return { k: 'lit', value: Number(tok) };
  if (tok === '.') return { k: 'field', base: '.', path: [] };
  if (tok.startsWith('.')) return { k: 'field', base: '.', path: tok.slice(1).split('.') };
  if (tok.startsWith('$')) {
    const [base, ...path] = tok.split('.');
    return { k: 'field', base, path };
  }
  // `Func.Field` calls the function and reads a field of its result.
  const [name, ...path] = tok.split('.');
  return { k: 'ident', name, path };
}

/** Builds the node tree of a template. */
export function parseTemplate(src: string): Node[] {
  const root: Node[] = [];
  // Each open block: the node, and whether we are in its else branch.
  // `chained` marks the if that an `else if` opened: the block's one `end` closes it with its parent.
  const stack: { node: Extract<Node, { else: Node[] }>; inElse: boolean; chained: boolean }[] = [];
  const current = (): Node[] => {
    const top = stack[stack.length - 1];
    if (!top) return root;
    return top.inElse ? top.node.else : top.node.t === 'range' ? top.node.body : top.node.then;
  };
  for (const piece of lex(src)) {
    if ('text' in piece) {
      if (piece.text) current().push({ t: 'text', text: piece.text });
      continue;
    }
    const body = piece.action;
    if (body.startsWith('/*')) continue;
    const tokens = tokenize(body);
    const [keyword] = tokens;
    if (keyword === 'if' || keyword === 'with') {
      const node = { t: keyword, pipe: parsePipeline(tokens, 1).pipe, then: [], else: [] } as Extract<Node, { t: 'if' | 'with' }>;
      current().push(node);
      stack.push({ node, inElse: false, chained: false });
    } else if (keyword === 'range') {
      const node: Extract<Node, { t: 'range' }> = { t: 'range', pipe: parsePipeline(tokens, 1).pipe, body: [], else: [] };
      current().push(node);
      stack.push({ node, inElse: false, chained: false });
    } else if (keyword === 'else') {
      const top = stack[stack.length - 1];
      if (!top) throw new Error('template: else outside a block');
      top.inElse = true;
      if (tokens[1] === 'if') {
        // `else if` opens a nested if that the block's single `end` closes.
        const node = { t: 'if', pipe: parsePipeline(tokens, 2).pipe, then: [], else: [] } as Extract<Node, { t: 'if' }>;
        top.node.else.push(node);
        stack.push({ node, inElse: false, chained: true });
      }
    } else if (keyword === 'end') {
      let top = stack.pop();
      while (top?.chained) top = stack.pop();
    } else {
      current().push({ t: 'action', pipe: parsePipeline(tokens).pipe });
    }
  }
  if (stack.length > 0) throw new Error('template: unclosed block');
  return root;
}

/** Go's notion of a value being "true" in if, and, or, not. */
export function truth(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

/** How Go prints a value into the output. */
function print(v: unknown): string {
  if (v === undefined || v === null) return '<no value>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(print).join(' ')}]`;
  return `map[${sortedKeys(v as Record<string, unknown>)
    .map((k) => `${k}:${print((v as Record<string, unknown>)[k])}`)
    .join(' ')}]`;
}

function sortedKeys(map: Record<string, unknown>): string[] {
  return Object.keys(map).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const GO_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '"': '\\"', '\\': '\\\\' };

/** strconv.Quote for the printable text kops's templates quote: Go's short escapes, `\xNN` for other control bytes. */
function goQuote(s: string): string {
  const body = [...s]
    .map((ch) => GO_ESCAPES[ch] ?? (ch < ' ' || ch === '\x7f' ? `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}` : ch))
    .join('');
  return `"${body}"`;
}

/** fmt.Sprintf for the verbs the templates use: %s and %v print as the template does, %d an integer, %q quotes. */
function goPrintf(format: unknown, ...args: unknown[]): string {
  let next = 0;
  return String(format).replace(/%([%sdvq])/g, (_, verb: string) => {
    if (verb === '%') return '%';
    if (next >= args.length) return `%!${verb}(MISSING)`;
    const arg = args[next++];
    if (verb === 'q') return goQuote(typeof arg === 'string' ? arg : print(arg));
    if (verb === 'd') return typeof arg === 'number' && Number.isInteger(arg) ? String(arg) : `%!d(${print(arg)})`;
    return print(arg);
  });
}

const BUILTINS: Record<string, TemplateFunc> = {
  not: (v) => !truth(v),
  printf: goPrintf,
  eq: (a, ...rest) => rest.some((b) => a === b),
  ne: (a, b) => a !== b,
  len: (v) => (Array.isArray(v) || typeof v === 'string' ? v.length : Object.keys(v as object).length),
  index: (v, ...keys) => keys.reduce((o: unknown, k) => (o as Record<string, unknown> | undefined)?.[k as string], v),
};

interface Scope {
  dot: unknown;
  vars: Map<string, unknown>;
}

class Renderer {
  constructor(private readonly funcs: Record<string, TemplateFunc>) {}

  render(nodes: Node[], scope: Scope, out: string[]): void {
    for (const node of nodes) {
      switch (node.t) {
        case 'text':
          out.push(node.text);
          break;
        case 'action': {
          const value = this.pipeline(node.pipe, scope);
          if (node.pipe.decl.length === 0) out.push(print(value));
          break;
        }
        case 'if':
        case 'with': {
          const value = this.pipeline(node.pipe, scope);
          const inner = { dot: node.t === 'with' ? value : scope.dot, vars: new Map(scope.vars) };
          this.render(truth(value) ? node.then : node.else, truth(value) ? inner : scope, out);
          break;
        }
        case 'range':
          this.range(node, scope, out);
          break;
      }
    }
  }

  private range(node: Extract<Node, { t: 'range' }>, scope: Scope, out: string[]): void {
    const value = this.pipeline({ decl: [], cmds: node.pipe.cmds }, scope);
    const entries: [unknown, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : value && typeof value === 'object'
        ? sortedKeys(value as Record<string, unknown>).map((k) => [k, (value as Record<string, unknown>)[k]])
        : [];
    if (entries.length === 0) {
      this.render(node.else, scope, out);
      return;
    }
    for (const [key, item] of entries) {
      const vars = new Map(scope.vars);
      const decl = node.pipe.decl;
      if (decl.length === 1) vars.set(decl[0], item);
      if (decl.length === 2) {
        vars.set(decl[0], key);
        vars.set(decl[1], item);
      }
      this.render(node.body, { dot: item, vars }, out);
    }
  }

  private pipeline(pipe: Pipeline, scope: Scope): unknown {
    let value: unknown;
    let piped = false;
    for (const cmd of pipe.cmds) {
      value = this.command(cmd, scope, piped ? [value] : []);
      piped = true;
    }
    if (pipe.decl.length === 1) scope.vars.set(pipe.decl[0], value);
    return value;
  }

  private command(cmd: Operand[], scope: Scope, piped: unknown[]): unknown {
    const [head, ...rest] = cmd;
    if (head.k === 'ident' && head.path.length > 0 && rest.length === 0 && piped.length === 0) return this.operand(head, scope);
    if (head.k === 'ident') {
      if (head.name === 'and' || head.name === 'or') return this.logic(head.name, [...rest.map((o) => () => this.operand(o, scope)), ...piped.map((p) => () => p)]);
      return this.call(head.name, [...rest.map((o) => this.operand(o, scope)), ...piped]);
    }
    if (rest.length > 0 || piped.length > 0) throw new Error('template: arguments given to a non-function');
    return this.operand(head, scope);
  }

  private logic(op: 'and' | 'or', args: (() => unknown)[]): unknown {
    let value: unknown;
    for (const arg of args) {
      value = arg();
      if (op === 'or' ? truth(value) : !truth(value)) return value;
    }
    return value;
  }

  private call(name: string, args: unknown[]): unknown {
    const fn = this.funcs[name] ?? BUILTINS[name];
    if (!fn) throw new Error(`template: function "${name}" not defined`);
    return fn(...args);
  }

  private operand(op: Operand, scope: Scope): unknown {
    switch (op.k) {
      case 'lit':
        return op.value;
      case 'ident':
        return op.path.reduce((v: unknown, name) => (v === undefined || v === null ? undefined : (v as Record<string, unknown>)[name]), this.call(op.name, []));
      case 'pipe':
        return this.pipeline(op.pipe, scope);
      case 'field': {
        let value = op.base === '.' ? scope.dot : op.base === '$' ? scope.vars.get('$') : scope.vars.get(op.base);
        for (const name of op.path) value = value === undefined || value === null ? undefined : (value as Record<string, unknown>)[name];
        return value;
      }
    }
  }
}

/** A parsed template, rendered against data with the given functions. */
export class GoTemplate {
  private readonly nodes: Node[];

  constructor(source: string) {
    this.nodes = parseTemplate(source);
  }

  execute(data: unknown, funcs: Record<string, TemplateFunc>): string {
    const out: string[] = [];
    new Renderer(funcs).render(this.nodes, { dot: data, vars: new Map([['$', data]]) }, out);
    return out.join('');
  }
}
