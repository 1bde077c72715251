import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../publish/report/render-markdown.ts';

describe('the report as Markdown', () => {
  it('keeps a writer’s text inside its table cell, as text: no pipe, line break or raw HTML escapes it', () => {
    const md = renderMarkdown({
      title: 't',
      meta: [],
      sections: [
        {
          heading: 'Clusters',
          paragraphs: [],
          charts: [],
          tables: [{ id: 'clusters', title: 'Clusters', columns: ['name', 'target'], rows: [['A | B\n<img src=x onerror=alert(1)></b>', '< 1.3 (2025)']] }],
        },
      ],
    });
    const row = md.split('\n').find((line) => line.startsWith('| A'));
    // One row of two cells; `<img` and `</b` cannot open HTML, a comparator keeps its look.
    expect(row).toBe('| A \\| B \\<img src=x onerror=alert(1)>\\</b> | < 1.3 (2025) |');
  });
});
