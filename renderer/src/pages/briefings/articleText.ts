import type { Block } from '../../../../shared/schemas/blocks';

/**
 * Plain-text editing of an article until the rich-text editor lands: blocks are shown as lines
 * (一、 and （一） headings, "1." numbered items), and typed lines are read back the same way.
 * Bold, images and tables do not survive a plain-text edit, so an article is converted only when edited.
 */
export function articleToText(blocks: Block[]): string {
  return blocks.flatMap((b): string[] => {
    switch (b.type) {
      case 'paragraph': return [b.runs.map((r) => r.text).join('')];
      case 'heading': return [b.text];
      case 'list': return b.items.map((it, i) => (b.ordered ? `${i + 1}. ${it}` : `· ${it}`));
      case 'image': return [`〔图片${b.caption ? `：${b.caption}` : ''}〕`];
      case 'table': return b.rows.map((r) => r.join('　'));
    }
  }).join('\n');
}

export function textToArticle(text: string): Block[] {
  const out: Block[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const numbered = /^\d+[.．、]\s*(.+)$/.exec(line);
    const bullet = /^[·•]\s*(.+)$/.exec(line);
    const item = numbered ?? bullet;
    const last = out[out.length - 1];
    if (item) {
      if (last?.type === 'list' && last.ordered === !!numbered) last.items.push(item[1]);
      else out.push({ type: 'list', ordered: !!numbered, items: [item[1]] });
    } else if (/^[一二三四五六七八九十]+、/.test(line) && [...line].length <= 40) {
      out.push({ type: 'heading', level: 1, text: line });
    } else if (/^（[一二三四五六七八九十]+）/.test(line) && [...line].length <= 40) {
      out.push({ type: 'heading', level: 2, text: line });
    } else {
      out.push({ type: 'paragraph', runs: [{ text: line }] });
    }
  }
  return out;
}
