// The form kit's fields, rendered as the server renders them: the label names the control, the hint and the
// error are announced with it, and an invalid control says so.
import { renderToStaticMarkup } from 'react-dom/server';
import { createRoutesStub } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ServerCatalogue } from '../i18n.ts';
import { CheckboxField, SelectField, TextArea, TextField } from './Field.tsx';
import type { FormMessage } from './forms.ts';

const catalogue = {
  t: (_locale: string, key: string) => `«${key}»`,
  has: (k: unknown): k is never => typeof k === 'string',
};

let current: React.ReactNode = null;
function Current() {
  return current;
}
const Stub = createRoutesStub([
  { id: 'root', path: '/', Component: Current, loader: () => ({ locale: 'vi' }) },
]);

function render(node: React.ReactNode): string {
  current = node;
  return renderToStaticMarkup(
    <ServerCatalogue.Provider value={catalogue as never}>
      <Stub hydrationData={{ loaderData: { root: { locale: 'vi' } } }} />
    </ServerCatalogue.Provider>,
  );
}

const nameError: FormMessage[] = [{ field: 'x-name', key: 'common.required' as never }];

describe('TextField', () => {
  it('labels its input and keeps the attributes it is given', () => {
    const html = render(<TextField id="x-name" label="Tên" name="name" maxLength={10} defaultValue="An" />);
    expect(html).toContain('<label for="x-name">Tên</label>');
    expect(html).toMatch(/<input id="x-name" [^>]*name="name"/);
    expect(html).toMatch(/<input id="x-name" [^>]*maxLength="10"[^>]*value="An"/);
    expect(html).not.toContain('aria-invalid');
  });

  it('announces its hint, and an error after it, on the input', () => {
    const html = render(
      <TextField id="x-name" label="Tên" hint="Tối đa 10 ký tự" errors={nameError} name="n" />,
    );
    expect(html).toContain('<p class="hint" id="x-name-hint">Tối đa 10 ký tự</p>');
    expect(html).toContain('<p class="field-error" id="x-name-error">«common.required»</p>');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="x-name-hint x-name-error"');
  });

  it('ignores errors that belong to another field', () => {
    const html = render(<TextField id="x-other" label="Khác" errors={nameError} name="o" />);
    expect(html).not.toContain('field-error');
    expect(html).not.toContain('aria-describedby');
  });
});

describe('SelectField, TextArea and CheckboxField', () => {
  it('render their own control with the same wiring', () => {
    const select = render(
      <SelectField id="x-name" label="Chọn" errors={nameError} name="s" defaultValue="b">
        <option value="a">A</option>
        <option value="b">B</option>
      </SelectField>,
    );
    expect(select).toMatch(
      /<select id="x-name" name="s" aria-invalid="true" aria-describedby="x-name-error">/,
    );
    expect(select).toContain('<option value="b" selected="">B</option>');
    const area = render(<TextArea id="x-note" label="Ghi chú" name="note" rows={3} />);
    expect(area).toMatch(/<textarea id="x-note" name="note" rows="3"><\/textarea>/);
    const box = render(<CheckboxField id="x-ok" label="Đồng ý" name="ok" defaultChecked />);
    expect(box).toMatch(
      /<div class="field checkbox-field"><input id="x-ok" type="checkbox" name="ok" checked=""\/><label for="x-ok">Đồng ý<\/label><\/div>/,
    );
  });
});
