import { describe, expect, it } from 'vitest';
import { chineseToInt, pinyinInitials, pinyinKey, schoolInitials } from './pinyin';

const byKey = (names: string[], kind: 'person' | 'place') =>
  [...names].sort((x, y) => { const a = pinyinKey(x, kind); const b = pinyinKey(y, kind); return a < b ? -1 : a > b ? 1 : 0; });

describe('pinyin sort keys', () => {
  it('orders people as a pinyin dictionary does, polyphonic surnames read as surnames', () => {
    expect(byKey(['望月明', '柳青', '丰子恺', '单雄信', '曾国强', '解小东', '仇英', '朴志勇', '区家明', '查良镛'], 'person'))
      .toEqual(['丰子恺', '柳青', '区家明', '朴志勇', '仇英', '单雄信', '望月明', '解小东', '曾国强', '查良镛']);
    // Syllable, then tone, then the character: 黎 li2 < 李 li3 < 连 lian2; one surname stays together.
    expect(byKey(['李明', '连杰', '黎华', '李华'], 'person')).toEqual(['黎华', '李华', '李明', '连杰']);
    // ü after u: 路 lu < 栾 luan < 吕 lü.
    expect(byKey(['吕强', '路遥', '栾平'], 'person')).toEqual(['路遥', '栾平', '吕强']);
  });

  it('orders places with their ordinals as numbers: 第一 before 第二, 第十 after 第九', () => {
    expect(byKey(['清河区第二中学', '清河区第十小学', '清河区第一小学', '清河区第九小学', '清河区实验小学'], 'place'))
      .toEqual(['清河区第一小学', '清河区第二中学', '清河区第九小学', '清河区第十小学', '清河区实验小学']);
    expect(byKey(['第三责任区', '第一责任区', '第十二责任区', '第二责任区'], 'place')).toEqual(['第一责任区', '第二责任区', '第三责任区', '第十二责任区']);
    expect(byKey(['十里铺小学', '三里屯小学'], 'place')).toEqual(['三里屯小学', '十里铺小学']); // san < shi: place names keep their sound
    expect([chineseToInt('一'), chineseToInt('十'), chineseToInt('十二'), chineseToInt('二十一'), chineseToInt('一百零五')]).toEqual([1, 10, 12, 21, 105]);
  });

  it("gives initials of people (surname read as surname) and of a school's full and short names", () => {
    expect(pinyinInitials('单雄信', 'person')).toBe('sxx');
    expect(pinyinInitials('曾国强', 'person')).toBe('zgq');
    expect(schoolInitials('清河区第一小学', '清河一小')).toBe('qhqdyxx qhyx');
    expect(schoolInitials('丰乐中学', '丰乐中学')).toBe('flzx');
    expect(schoolInitials('A+培训中心', null)).toBe('a+pxzx');
  });
});
