// One-off refactoring tool (issue 11): rewrites hand-written field markup into the form kit's components
// (src/web/ui/Field.tsx). It only touches the exact shapes it understands and leaves everything else alone:
//
//   <div className="field">                          <TextField id="x" label={…} errors={errors}
//     <label htmlFor="x">…</label>                       hint={…} name="…" … />
//     [<p className="hint" id="x-hint">…</p>]     →    (SelectField with the options as children,
//     [<FieldError id="x" errors={E} />]                 TextArea for textareas)
//     <input|select|textarea id="x" … [{...fieldAria('x', E[, hint])}] [aria-describedby="x-hint"] />
//   </div>
//
// Usage: node scripts/codemods/field-kit.ts <file.tsx>… ; then `npx biome check --write --unsafe` on the
// files (drops the imports that became unused) and `npm run typecheck`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

type Child = ts.JsxElement | ts.JsxSelfClosingElement;

function tagName(n: Child): string {
  const t = ts.isJsxElement(n) ? n.openingElement.tagName : n.tagName;
  return t.getText();
}
function attrsOf(n: Child): ts.JsxAttributes {
  return ts.isJsxElement(n) ? n.openingElement.attributes : n.attributes;
}
function attr(n: Child, name: string): ts.JsxAttribute | undefined {
  return attrsOf(n).properties.find(
    (p): p is ts.JsxAttribute => ts.isJsxAttribute(p) && p.name.getText() === name,
  );
}
/** The attribute's value as source text usable in JSX (`"x"` or `{expr}`), or undefined. */
function attrValue(a: ts.JsxAttribute | undefined): string | undefined {
  if (!a?.initializer) return undefined;
  return a.initializer.getText();
}
/** Compares an id attribute value with another, both as source text, ignoring quote style. */
function sameText(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const norm = (s: string) => s.replace(/^\{(['"`])(.*)\1\}$/s, '"$2"').replace(/^'(.*)'$/s, '"$1"');
  return norm(a) === norm(b);
}
/** The hint's id for a control id, as source text: `"x-hint"` for `"x"`, a template for an expression. */
function hintIdFor(idVal: string): string {
  const plain = idText(idVal);
  if (plain !== undefined) return `"${plain}-hint"`;
  return `{\`\${${idVal.slice(1, -1)}}-hint\`}`;
}
function meaningful(children: ts.NodeArray<ts.JsxChild>): ts.JsxChild[] {
  return children.filter((c) => !(ts.isJsxText(c) && c.containsOnlyTriviaWhiteSpaces));
}
/** Children of an element as a prop value: one `{expr}` → `{expr}`; plain text → `"text"`; else a fragment. */
function childrenAsProp(el: ts.JsxElement): string | undefined {
  const kids = meaningful(el.children);
  if (kids.length === 1) {
    const k = kids[0] as ts.JsxChild;
    if (ts.isJsxExpression(k) && k.expression) return `{${k.expression.getText()}}`;
    if (ts.isJsxText(k)) {
      const text = k.getText().trim();
      if (!/[{}"<>]/.test(text)) return `"${text}"`;
    }
  }
  if (kids.length === 0) return undefined;
  return `{<>${el.children.map((c) => c.getText()).join('')}</>}`;
}

interface Edit {
  start: number;
  end: number;
  text: string;
  component: string;
}

function idText(v: string): string | undefined {
  // "x" or {'x'} or {`x`} or {expr}
  const m = /^"([^"]*)"$/.exec(v) ?? /^\{['`]([^'`$]*)['`]\}$/.exec(v);
  return m ? m[1] : undefined;
}

function rewrite(div: ts.JsxElement): Edit | undefined {
  const open = div.openingElement;
  if (open.tagName.getText() !== 'div') return undefined;
  const props = open.attributes.properties;
  if (props.length !== 1) return undefined;
  const cls = props[0];
  if (!cls || !ts.isJsxAttribute(cls) || cls.name.getText() !== 'className') return undefined;
  const clsText = cls.initializer?.getText();
  if (clsText !== '"field"') return undefined;

  const kids = meaningful(div.children);
  if (kids.some((k) => !(ts.isJsxElement(k) || ts.isJsxSelfClosingElement(k)))) return undefined;
  const els = kids as Child[];
  const [labelEl, ...rest] = els;
  if (!labelEl || !ts.isJsxElement(labelEl) || tagName(labelEl) !== 'label') return undefined;
  if (attrsOf(labelEl).properties.length !== 1) return undefined;
  const idVal = attrValue(attr(labelEl, 'htmlFor'));
  if (!idVal) return undefined;
  const label = childrenAsProp(labelEl);
  if (!label) return undefined;

  let hint: string | undefined;
  let errorsExpr: string | undefined;
  let control: Child | undefined;
  for (const el of rest) {
    const name = tagName(el);
    if (name === 'p' && ts.isJsxElement(el) && control === undefined) {
      if (attrValue(attr(el, 'className')) !== '"hint"') return undefined;
      if (attrsOf(el).properties.length !== 2) return undefined;
      const hid = attrValue(attr(el, 'id'));
      if (!sameText(hid, hintIdFor(idVal))) return undefined;
      hint = childrenAsProp(el);
      if (!hint) return undefined;
    } else if (name === 'FieldError' && control === undefined) {
      if (!sameText(attrValue(attr(el, 'id')), idVal)) return undefined;
      const ev = attrValue(attr(el, 'errors'));
      if (!ev?.startsWith('{')) return undefined;
      errorsExpr = ev.slice(1, -1);
    } else if ((name === 'input' || name === 'select' || name === 'textarea') && control === undefined) {
      control = el;
    } else {
      return undefined;
    }
  }
  if (!control) return undefined;
  const cname = tagName(control);
  if (!sameText(attrValue(attr(control, 'id')), idVal)) return undefined;
  if (cname === 'input') {
    const type = attrValue(attr(control, 'type'));
    if (type === '"checkbox"' || type === '"radio"' || type === '"hidden"') return undefined;
  }

  const kept: string[] = [];
  for (const p of attrsOf(control).properties) {
    if (ts.isJsxSpreadAttribute(p)) {
      const e = p.expression;
      if (
        ts.isCallExpression(e) &&
        e.expression.getText() === 'fieldAria' &&
        sameText(`{${e.arguments[0]?.getText()}}`, idVal)
      ) {
        const errs = e.arguments[1]?.getText();
        if (errorsExpr !== undefined && errs !== errorsExpr) return undefined;
        errorsExpr = errs;
        const h = e.arguments[2]?.getText();
        if (h !== undefined && !(hint && sameText(`{${h}}`, hintIdFor(idVal)))) return undefined;
        continue;
      }
      kept.push(p.getText());
      continue;
    }
    const n = p.name.getText();
    if (n === 'id') continue;
    if (n === 'aria-describedby') {
      if (hint && sameText(attrValue(p), hintIdFor(idVal))) continue;
      return undefined;
    }
    if (n === 'aria-invalid' || n === 'className' || n === 'key') return undefined;
    kept.push(p.getText());
  }

  const component = cname === 'select' ? 'SelectField' : cname === 'textarea' ? 'TextArea' : 'TextField';
  const head = [
    `id=${idVal}`,
    `label=${label}`,
    ...(errorsExpr !== undefined ? [`errors={${errorsExpr}}`] : []),
    ...(hint !== undefined ? [`hint=${hint}`] : []),
    ...kept,
  ].join(' ');
  let text: string;
  if (cname === 'select' && ts.isJsxElement(control)) {
    text = `<SelectField ${head}>${control.children.map((c) => c.getText()).join('')}</SelectField>`;
  } else if (ts.isJsxElement(control)) {
    if (meaningful(control.children).length > 0) return undefined;
    text = `<${component} ${head} />`;
  } else {
    text = `<${component} ${head} />`;
  }
  return { start: div.getStart(), end: div.getEnd(), text, component };
}

function addImport(src: string, file: string, names: Set<string>): string {
  if (names.size === 0) return src;
  const target = path.resolve('src/web/ui/Field.tsx');
  let rel = path.relative(path.dirname(path.resolve(file)), target);
  if (!rel.startsWith('.')) rel = `./${rel}`;
  const re = new RegExp(`import \\{([^}]*)\\} from '${rel.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}';`);
  const m = re.exec(src);
  if (m) {
    const have = new Set(
      (m[1] ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );
    for (const n of names) have.add(n);
    return src.replace(re, `import { ${[...have].sort().join(', ')} } from '${rel}';`);
  }
  const line = `import { ${[...names].sort().join(', ')} } from '${rel}';\n`;
  const lastImport = [...src.matchAll(/^import [^;]+;\n/gms)].at(-1);
  if (!lastImport || lastImport.index === undefined) return line + src;
  const at = lastImport.index + lastImport[0].length;
  return src.slice(0, at) + line + src.slice(at);
}

let total = 0;
for (const file of process.argv.slice(2)) {
  const src = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, src, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const edits: Edit[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isJsxElement(n)) {
      const e = rewrite(n);
      if (e) {
        edits.push(e);
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  if (edits.length === 0) continue;
  let out = src;
  for (const e of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  out = addImport(out, file, new Set(edits.map((e) => e.component)));
  writeFileSync(file, out);
  total += edits.length;
  console.log(`${file}: ${edits.length}`);
}
console.log(`fields rewritten: ${total}`);
