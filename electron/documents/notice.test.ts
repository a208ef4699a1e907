import { describe, expect, it } from 'vitest';
import { buildNotice, buildReferral, signature } from './notice';
import { profileDocument, section } from './profile';
import { attr, paragraphs, readDocx, styleOf, textOf } from '../testing/read-docx';
import { sampleContext, sampleNotice, sampleReferral } from '../testing/samples';

describe('buildNotice', () => {
  it('writes the numbered notice to the school, worded as the office words it', async () => {
    const d = await readDocx(buildNotice(sampleNotice(), sampleContext()));
    const texts = paragraphs(d.document).map(textOf).filter(Boolean);
    expect(texts.slice(0, 9)).toEqual([
      '整改通知书',
      '〔2025〕第12号',
      '××区实验小学：',
      '经挂牌督导，你单位存在以下问题：',
      '1.学校思政课专职教师配备不足，由其他学科教师兼任。',
      '2.食堂食品留样记录不完整，部分餐次缺少留样。',
      '整改报告应包括问题原因分析、整改措施、整改结果及佐证材料。',
      '请高度重视，立即整改，并于本通知下发之日起15日内将整改报告书面报送责任督学。',
      '××区人民政府教育督导室',
    ]);
    expect(texts[9]).toBe('2025年4月2日');
    expect(styleOf(paragraphs(d.document)[0])).toBe('Title');
  });

  it('adds a tear-off 回执 under a dashed line, or leaves it out', async () => {
    const d = await readDocx(buildNotice(sampleNotice(), sampleContext()));
    const ps = paragraphs(d.document);
    const cut = ps.find((p) => textOf(p) === '（沿此线剪开）') ?? '';
    expect(attr(cut, 'w:bottom', 'w:val')).toBe('dashed');
    const texts = ps.map(textOf);
    expect(texts).toContain('回　执');
    expect(texts.some((t) => t.startsWith('我单位已收到〔2025〕第12号整改通知书'))).toBe(true);
    const without = await readDocx(buildNotice({ ...sampleNotice(), receipt: false }, sampleContext()));
    expect(paragraphs(without.document).map(textOf)).not.toContain('回　执');
  });

  it('places the signature two characters in and the date two characters right of its start', async () => {
    // 12 characters of name (×× included), 6 of date (digits count half): name 2 in, date 12 − 6 = 6 in,
    // so the date starts 14 − 12 = 2 characters right of the name's first character.
    const [name, date] = paragraphs((await readDocx(buildNotice(sampleNotice(), sampleContext()))).document)
      .filter((p) => styleOf(p) === 'Signature');
    expect(textOf(name)).toBe('××区人民政府教育督导室');
    expect(attr(name, 'w:ind', 'w:right')).toBe(String(2 * 320));
    expect(textOf(date)).toBe('2025年4月2日');
    expect(attr(date, 'w:ind', 'w:right')).toBe(String(6 * 320));
    // A date longer than the name: the date 2 in, the name moved left to start 2 characters before it.
    const [n2, d2] = signature('督导室', '2025-12-31');
    const xml = await readDocx(profileDocument(sampleContext().fonts, { title: 't', sections: [section({ children: [n2, d2] })] }));
    const [pn, pd] = paragraphs(xml.document);
    expect(attr(pd, 'w:ind', 'w:right')).toBe(String(2 * 320));
    expect(attr(pn, 'w:ind', 'w:right')).toBe(String((7 + 4 - 3) * 320));
  });
});

describe('buildReferral', () => {
  it('writes the 协商函 to the bureau section, worded as the office words it', async () => {
    const d = await readDocx(buildReferral(sampleReferral(), sampleContext()));
    const texts = paragraphs(d.document).map(textOf).filter(Boolean);
    expect(texts).toEqual([
      '协商函',
      '〔2025〕第3号',
      '区教育局计划财务科：',
      '我室责任督学于2025年3月18日对××区第二中学进行了督导，发现以下问题：',
      '1.学校教学楼东侧围墙出现裂缝，存在安全隐患，需安排专项资金维修。',
      '请贵科室予以支持、配合、协调解决。',
      '联系人：王某某，电话：0571-88888888。',
      '××区人民政府教育督导室',
      '2025年3月20日',
    ]);
  });
});
