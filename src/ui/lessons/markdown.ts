/**
 * The small Markdown the lessons are written in: paragraphs, numbered and bulleted lists,
 * `code` and **bold**. Parsed into plain data that Markdown.tsx turns into React elements, so
 * lesson text is never injected as HTML.
 */

export type Inline = { type: 'text'; text: string } | { type: 'code'; text: string } | { type: 'strong'; children: Inline[] };

export type Block = { type: 'paragraph'; children: Inline[] } | { type: 'list'; ordered: boolean; start: number; items: Inline[][] };

const LIST_ITEM = /^\s*(?:(\d+)[.)]|[-*])\s+(.*)$/;

/** `code` spans first (nothing inside them is Markdown), then **bold** around the rest. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const pattern = /`([^`]+)`|\*\*(.+?)\*\*/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) out.push({ type: 'text', text: text.slice(last, match.index) });
    if (match[1] !== undefined) out.push({ type: 'code', text: match[1] });
    else out.push({ type: 'strong', children: parseInline(match[2]) });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; start: number; items: string[] } | undefined;

  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join(' ')) });
    if (list) blocks.push({ type: 'list', ordered: list.ordered, start: list.start, items: list.items.map(parseInline) });
    paragraph = [];
    list = undefined;
  };

  for (const raw of source.split('\n')) {
    const line = raw.trim();
    const item = LIST_ITEM.exec(raw);
    if (!line) {
      flush();
    } else if (item) {
      const ordered = item[1] !== undefined;
      if (!list || list.ordered !== ordered) {
        flush();
        list = { ordered, start: ordered ? Number(item[1]) : 1, items: [] };
      }
      list.items.push(item[2].trim());
    } else if (list) {
      // A line under a list item continues it, as in Markdown's lazy continuation.
      list.items[list.items.length - 1] += ` ${line}`;
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
