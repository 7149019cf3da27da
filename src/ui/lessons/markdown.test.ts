import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../scenarios';
import { Markdown } from './Markdown';
import { parseInline, parseMarkdown } from './markdown';

const html = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe('parseInline', () => {
  it('splits `code` and **bold**, with code inside bold', () => {
    expect(parseInline('Set `replicas: 3` and watch **`kubectl get rs`** now')).toEqual([
      { type: 'text', text: 'Set ' },
      { type: 'code', text: 'replicas: 3' },
      { type: 'text', text: ' and watch ' },
      { type: 'strong', children: [{ type: 'code', text: 'kubectl get rs' }] },
      { type: 'text', text: ' now' },
    ]);
  });

  it('keeps Markdown inside code as it is, and unmatched markers as text', () => {
    expect(parseInline('`**not bold**` and 2 * 3 ** 4')).toEqual([
      { type: 'code', text: '**not bold**' },
      { type: 'text', text: ' and 2 * 3 ** 4' },
    ]);
  });
});

describe('parseMarkdown', () => {
  it('reads paragraphs, a numbered list and the paragraph after it', () => {
    const blocks = parseMarkdown(['Three mistakes:', '1. a key;', '2. a `value`;', '', 'Then apply', 'this one.'].join('\n'));
    expect(blocks).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'Three mistakes:' }] },
      {
        type: 'list',
        ordered: true,
        start: 1,
        items: [[{ type: 'text', text: 'a key;' }], [{ type: 'text', text: 'a ' }, { type: 'code', text: 'value' }, { type: 'text', text: ';' }]],
      },
      { type: 'paragraph', children: [{ type: 'text', text: 'Then apply this one.' }] },
    ]);
  });

  it('reads a bulleted list and keeps a numbered list’s start', () => {
    expect(parseMarkdown('- one\n- two').map((b) => (b.type === 'list' ? [b.ordered, b.items.length] : b.type))).toEqual([[false, 2]]);
    const [list] = parseMarkdown('3. three\n4. four');
    expect(list).toMatchObject({ type: 'list', ordered: true, start: 3 });
  });
});

describe('Markdown', () => {
  it('renders elements, never the text as HTML', () => {
    expect(html('Run **kubectl** with `<b>-w</b>`\n\n- <img src=x onerror=alert(1)>')).toBe(
      '<div class="flex flex-col gap-2 "><p>Run <strong class="font-semibold text-slate-50">kubectl</strong> with ' +
        '<code class="rounded bg-slate-800 px-1 py-px font-mono text-[0.85em] text-sky-200">&lt;b&gt;-w&lt;/b&gt;</code></p>' +
        '<ul class="flex list-disc flex-col gap-1 pl-5"><li>&lt;img src=x onerror=alert(1)&gt;</li></ul></div>',
    );
  });

  it('renders every lesson text in both languages without a stray ** or backtick', () => {
    for (const lesson of LESSONS) {
      for (const text of [lesson.summary, ...lesson.steps.map((s) => s.text)]) {
        for (const source of [text.en, text.ko]) {
          const visible = html(source).replace(/<[^>]+>/g, '');
          expect(visible, source).not.toMatch(/\*\*|`/);
        }
      }
    }
  });
});
