import { describe, expect, it } from 'vitest';
import { buildNotice, buildReferral, originText, receiptOrigins } from './notice';
import { CHAR, TYPE_WIDTH, bodyTextWidth, profileDocument, section, signatureBlock } from './profile';
import { attr, paragraphs, readDocx, styleOf, textOf } from '../testing/read-docx';
import { sampleContext, sampleNotice, sampleReferral } from '../testing/samples';

describe('buildNotice', () => {
  it('writes the numbered notice to the school, worded as the office words it', async () => {
    const d = await readDocx(buildNotice(sampleNotice(), sampleContext()));
    const texts = paragraphs(d.document).map(textOf).filter(Boolean);
    expect(texts.slice(0, 10)).toEqual([
      '整改通知书',
      '〔2025〕第12号',
      '××区实验小学：',
      '经挂牌督导，你单位存在以下问题：',
      '1.学校思政课专职教师配备不足，由其他学科教师兼任。',
      '2.食堂食品留样记录不完整，部分餐次缺少留样。',
      // The office's 整改要求 alone, then the deadline as a fact; no standard sentence after it.
      '整改报告应包括问题原因分析、整改措施、整改结果及佐证材料。',
      '整改期限：自本通知下发之日起15日内（2025年4月17日前）。',
      '××区人民政府教育督导室',
      '2025年4月2日',
    ]);
    const plain = await readDocx(buildNotice({ ...sampleNotice(), requirement: ' ' }, sampleContext()));
    expect(paragraphs(plain.document).map(textOf)).toContain('请高度重视，立即整改，并于本通知下发之日起15日内（2025年4月17日前）将整改报告书面报送责任督学。');
    expect(styleOf(paragraphs(d.document)[0])).toBe('Title');
  });

  it('adds a tear-off 回执 under a dashed line, or leaves it out', async () => {
    const d = await readDocx(buildNotice(sampleNotice(), sampleContext()));
    const ps = paragraphs(d.document);
    const cut = ps.find((p) => textOf(p) === '（沿此线剪开）') ?? '';
    expect(attr(cut, 'w:bottom', 'w:val')).toBe('dashed');
    const texts = ps.map(textOf);
    expect(texts).toContain('回　执');
    // What the school knows: the visit's date and kind, no internal label.
    expect(texts).toContain('我单位已收到〔2025〕第12号整改通知书，将对2025年3月18日经常性督导发现的问题按要求整改，并于2025年4月17日前将整改报告书面报送责任督学。');
    const without = await readDocx(buildNotice({ ...sampleNotice(), receipt: false }, sampleContext()));
    expect(paragraphs(without.document).map(textOf)).not.toContain('回　执');
  });

  it('places the signature from measured widths: name 右空二字, date two characters right of its first character', async () => {
    const [name, date] = paragraphs((await readDocx(buildNotice(sampleNotice(), sampleContext()))).document)
      .filter((p) => styleOf(p) === 'Signature');
    expect(textOf(name)).toBe('××区人民政府教育督导室');
    const nameLeft = Number(attr(name, 'w:ind', 'w:left'));
    expect(nameLeft + bodyTextWidth('××区人民政府教育督导室')).toBe(TYPE_WIDTH - 2 * CHAR);
    expect(textOf(date)).toBe('2025年4月2日');
    expect(Number(attr(date, 'w:ind', 'w:left')) - nameLeft).toBe(2 * CHAR);
    // A date longer than the name: the date 右空二字, the name moved left to keep the two characters.
    const [n2, d2] = signatureBlock('督导室', '2025-12-31');
    const xml = await readDocx(profileDocument(sampleContext().fonts, { title: 't', sections: [section({ children: [n2, d2] })] }));
    const [pn, pd] = paragraphs(xml.document);
    const dateLeft = Number(attr(pd, 'w:ind', 'w:left'));
    expect(dateLeft + bodyTextWidth('2025年12月31日')).toBe(TYPE_WIDTH - 2 * CHAR);
    expect(dateLeft - Number(attr(pn, 'w:ind', 'w:left'))).toBe(2 * CHAR);
  });
});

describe('origins', () => {
  it('dates each problem by its own record', () => {
    expect(originText({ kind: 'visit', date: '2026-10-19', visitType: '经常性' })).toBe('2026年10月19日责任督学经常性督导中发现');
    expect(originText({ kind: 'complaint', date: '2026-11-03', channel: '来电' })).toBe('2026年11月3日来电反映');
    expect(originText({ kind: 'entered', date: '2026-11-05' })).toBe('2026年11月5日督导室登记');
    expect(originText({ kind: 'visit', date: '2026-12-01', visitType: '经常性' }, true)).toBe('2026年12月1日经常性督导发现');
    expect(receiptOrigins([
      { description: 'a', origin: { kind: 'complaint', date: '2026-11-03', channel: '来电' } },
      { description: 'b', origin: { kind: 'visit', date: '2026-10-19', visitType: '专项', campaign: '课后服务专项督导' } },
      { description: 'c', origin: { kind: 'complaint', date: '2026-11-03', channel: '来电' } },
    ])).toBe('2026年10月19日“课后服务”专项督导发现和2026年11月3日来电反映的问题');
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
      '我室在督导工作中发现××区第二中学存在以下问题：',
      '1.学校教学楼东侧围墙出现裂缝，存在安全隐患，需安排专项资金维修（2025年3月18日责任督学经常性督导中发现）。',
      '2.学校门前道路缺少交通警示标志，上下学时段拥堵（2025年3月3日来电反映）。',
      '3.学校运动场塑胶跑道老化开裂（2025年3月10日督导室登记）。',
      '请贵科室予以支持、配合、协调解决。',
      '联系人：王某某，电话：0571-88888888。',
      '××区人民政府教育督导室',
      '2025年3月20日',
    ]);
  });
});
