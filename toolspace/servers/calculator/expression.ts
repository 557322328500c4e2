// A recursive-descent parser for arithmetic, so that a model's expression is computed without
// ever handing text to the JavaScript engine. Grammar, loosest first:
//   sum     := product (("+" | "-") product)*
//   product := unary (("*" | "/" | "%") unary)*
//   unary   := "-" unary | "+" unary | power
//   power   := primary ("^" unary)?          right-associative, so 2^3^2 = 2^9 and -2^2 = -4
//   primary := number | name | name "(" sum ("," sum)* ")" | "(" sum ")"
import { ToolError } from "../shared/serve";

const FUNCTIONS: Record<string, { arity: [number, number]; fn: (...a: number[]) => number }> = {
  sqrt: { arity: [1, 1], fn: Math.sqrt },
  abs: { arity: [1, 1], fn: Math.abs },
  round: { arity: [1, 2], fn: (x, d = 0) => Math.round(x * 10 ** d) / 10 ** d },
  floor: { arity: [1, 1], fn: Math.floor },
  ceil: { arity: [1, 1], fn: Math.ceil },
  min: { arity: [1, 99], fn: Math.min },
  max: { arity: [1, 99], fn: Math.max },
  log: { arity: [1, 1], fn: Math.log10 },
  ln: { arity: [1, 1], fn: Math.log },
  exp: { arity: [1, 1], fn: Math.exp },
  sin: { arity: [1, 1], fn: Math.sin },
  cos: { arity: [1, 1], fn: Math.cos },
  tan: { arity: [1, 1], fn: Math.tan },
};
const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E };

export const functionNames = Object.keys(FUNCTIONS);

type Token = { kind: "num" | "name" | "op"; text: string; pos: number };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  const re = /\s*(?:(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/%^(),]))/y;
  let i = 0;
  while (i < src.length) {
    if (/^\s*$/.test(src.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m) throw new ToolError(`Unexpected character "${src.slice(i).trim()[0]}" at position ${i + 1}`);
    const pos = m.index + m[0].length - (m[1] ?? m[2] ?? m[3]).length;
    if (m[1]) out.push({ kind: "num", text: m[1], pos });
    else if (m[2]) out.push({ kind: "name", text: m[2], pos });
    else out.push({ kind: "op", text: m[3], pos });
    i = re.lastIndex;
  }
  return out;
}

/** Evaluates `src`; `vars` are extra names (memory registers) usable like constants. */
export function evaluate(src: string, vars: Record<string, number> = {}): number {
  const toks = tokenize(src);
  if (toks.length === 0) throw new ToolError("Expression is empty");
  let k = 0;
  const peek = () => toks[k];
  const expect = (text: string) => {
    const t = toks[k];
    if (t?.text !== text) throw new ToolError(`Expected "${text}" ${t ? `at position ${t.pos + 1}` : "at the end"}`);
    k++;
  };
  const sum = (): number => {
    let v = product();
    while (peek()?.text === "+" || peek()?.text === "-") v = toks[k++].text === "+" ? v + product() : v - product();
    return v;
  };
  const product = (): number => {
    let v = unary();
    while (["*", "/", "%"].includes(peek()?.text ?? "")) {
      const op = toks[k++].text;
      const r = unary();
      if ((op === "/" || op === "%") && r === 0) throw new ToolError("Division by zero");
      v = op === "*" ? v * r : op === "/" ? v / r : v % r;
    }
    return v;
  };
  const unary = (): number => {
    const sign = peek()?.text;
    if (sign === "-" || sign === "+") {
      k++;
      return sign === "-" ? -unary() : unary();
    }
    return power();
  };
  const power = (): number => {
    const base = primary();
    if (peek()?.text !== "^") return base;
    k++;
    return base ** unary();
  };
  const primary = (): number => {
    const t = toks[k++];
    if (!t) throw new ToolError("Expression ends too early");
    if (t.kind === "num") return Number(t.text);
    if (t.text === "(") {
      const v = sum();
      expect(")");
      return v;
    }
    if (t.kind === "name") {
      const name = t.text.toLowerCase();
      if (peek()?.text === "(") {
        const f = FUNCTIONS[name];
        if (!f) throw new ToolError(`Unknown function "${t.text}"; known: ${functionNames.join(", ")}`);
        k++;
        const args = [sum()];
        while (peek()?.text === ",") {
          k++;
          args.push(sum());
        }
        expect(")");
        if (args.length < f.arity[0] || args.length > f.arity[1])
          throw new ToolError(`${name}() takes ${f.arity.join(" to ")} arguments, got ${args.length}`);
        if ((name === "sqrt" || name === "log" || name === "ln") && args[0] < (name === "sqrt" ? 0 : 1e-300))
          throw new ToolError(`${name}() of ${args[0]} is undefined for real numbers`);
        return f.fn(...args);
      }
      if (t.text in vars) return vars[t.text];
      if (name in CONSTANTS) return CONSTANTS[name];
      throw new ToolError(`Unknown name "${t.text}": use a number, pi, e, or a stored memory register`);
    }
    throw new ToolError(`Unexpected "${t.text}" at position ${t.pos + 1}`);
  };
  const v = sum();
  if (k < toks.length) throw new ToolError(`Unexpected "${toks[k].text}" at position ${toks[k].pos + 1}`);
  if (!Number.isFinite(v)) throw new ToolError("Result is not a finite number");
  return v;
}
