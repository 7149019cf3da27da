import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_SIMPLIFICATIONS, findSimplification, SIMPLIFICATIONS } from './simplifications';

const DOC = readFileSync(new URL('../../../docs/SIMPLIFICATIONS.md', import.meta.url), 'utf8');

/** Each "## heading" of the doc with the number of top-level bullets under it. */
function docSections(markdown: string): { heading: string; bullets: number }[] {
  const sections: { heading: string; bullets: number }[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) sections.push({ heading: line.slice(3).trim(), bullets: 0 });
    else if (line.startsWith('- ') && sections.length > 0) sections[sections.length - 1].bullets++;
  }
  return sections;
}

describe('the About panel’s simplifications', () => {
  it('mirror docs/SIMPLIFICATIONS.md section by section (update simplifications.ts with the doc)', () => {
    expect(SIMPLIFICATIONS.map((g) => ({ heading: g.heading, bullets: g.items.length }))).toEqual(docSections(DOC));
  });

  it('have unique ids that hints can point at', () => {
    const ids = [...SIMPLIFICATIONS, APP_SIMPLIFICATIONS].flatMap((g) => g.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(findSimplification('scheduling-delay')?.title).toBe('Scheduling takes one virtual second');
  });
});
