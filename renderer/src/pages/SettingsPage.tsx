import { useState, type ReactNode } from 'react';
import {
  ActionIcon, Alert, Autocomplete, Badge, Button, Center, Group, Loader, NumberInput, Paper, SimpleGrid, Stack, Text,
  Textarea, TextInput, Title, Tooltip,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/schemas/settings';
import { ApiCallError, call } from '../api';
import { useApi } from '../useApi';
import { notifyError, notifyOk } from '../notify';
import { OperatorField } from '../components/Operator';

const FONT_CHOICES = ['方正小标宋简体', '华文中宋', '宋体', '仿宋_GB2312', '仿宋', '黑体', '楷体_GB2312', '楷体', '方正仿宋_GBK', '方正黑体_GBK', '方正楷体_GBK'];
const FONT_FIELDS: [keyof Settings['fonts'], string, string][] = [
  ['title', '标题字体', '简报和公文的大标题，常用方正小标宋简体'],
  ['body', '正文字体', '常用仿宋_GB2312'],
  ['heading1', '一级标题字体', '“一、”级标题，常用黑体'],
  ['heading2', '二级标题字体', '“（一）”级标题，常用楷体_GB2312'],
  ['pageNumber', '页码字体', '常用宋体'],
];
const DISTRIBUTION: [keyof Settings['distribution'], string][] = [
  ['bao', '报（上报单位）'], ['song', '送（抄送单位）'], ['fa', '发（印发单位）'],
];

/** The form keeps 报/送/发 as text, one unit a line, and the number as typed. */
interface Draft extends Omit<Settings, 'distribution' | 'printCopies' | 'officePhone'> {
  officePhone: string;
  distribution: Record<keyof Settings['distribution'], string>;
  printCopies: number | string;
}
type Errors = Record<string, string>;

function toDraft(s: Settings): Draft {
  return {
    ...s,
    officePhone: s.officePhone ?? '',
    distribution: { bao: s.distribution.bao.join('\n'), song: s.distribution.song.join('\n'), fa: s.distribution.fa.join('\n') },
  };
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
const firstDuplicate = (items: string[]) => items.find((x, i) => items.indexOf(x) !== i);

function fromDraft(d: Draft): Settings {
  return {
    ...d,
    officeName: d.officeName.trim(),
    officePhone: d.officePhone.trim() || null,
    briefingName: d.briefingName.trim(),
    distribution: { bao: lines(d.distribution.bao), song: lines(d.distribution.song), fa: lines(d.distribution.fa) },
    printCopies: typeof d.printCopies === 'number' ? d.printCopies : Number.NaN,
    supervisorCategories: d.supervisorCategories.map((x) => x.trim()),
    eightItems: d.eightItems.map((x) => x.trim()),
    complaintTopics: d.complaintTopics.map((x) => x.trim()),
  };
}

/** The same rules the archive applies, checked here first so every problem shows at its field. */
function validate(s: Settings): Errors {
  const e: Errors = {};
  if (!s.officeName) e.officeName = '请填写督导室名称';
  else if (s.officeName.length > 40) e.officeName = '督导室名称不能超过40个字';
  if (s.officePhone && s.officePhone.length > 30) e.officePhone = '联系电话不能超过30个字';
  if (!s.briefingName) e.briefingName = '请填写简报名称';
  else if (s.briefingName.length > 20) e.briefingName = '简报名称不能超过20个字';
  if (!Number.isInteger(s.printCopies) || s.printCopies < 1 || s.printCopies > 10000) e.printCopies = '印数应为1至10000之间的整数';
  for (const [key, label] of FONT_FIELDS) if (!s.fonts[key].trim()) e[`fonts.${key}`] = `请填写${label}`;
  for (const [key, label] of DISTRIBUTION) {
    const dup = firstDuplicate(s.distribution[key]);
    if (dup) e[`distribution.${key}`] = `${label}中「${dup}」重复了`;
  }
  for (const [key, label] of [['supervisorCategories', '督学类别'], ['eightItems', '八项督导事项'], ['complaintTopics', '来访来电主题']] as const) {
    const list = s[key];
    const dup = firstDuplicate(list);
    if (list.length === 0) e[key] = `${label}至少要有一项`;
    else if (list.some((x) => !x)) e[key] = `${label}中有空白项，请填写或删除`;
    else if (dup) e[key] = `${label}中「${dup}」重复了，请删除或修改其中一项`;
  }
  return e;
}

export function SettingsPage() {
  const { data, error, reload } = useApi('settings.get', {});
  if (error) return <Alert color="red" title="无法读取设置">{error}</Alert>;
  if (!data) return <Center h={200}><Loader /></Center>;
  return <SettingsForm key={JSON.stringify(data)} saved={data} onSaved={reload} />;
}

/** Who the log names: saved on its own (it is not part of the office's settings document). */
function OperatorSection() {
  const status = useApi('dataFolder.status', {});
  return (
    <Section title="操作人" description="记入操作日志的姓名。多人共用本机时，换人使用前请在此改为自己的姓名。">
      {status.data ? <OperatorField initial={status.data.operator} /> : <Loader size="sm" />}
    </Section>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb={description ? 2 : 'sm'}>{title}</Title>
      {description && <Text size="sm" c="dimmed" mb="sm">{description}</Text>}
      {children}
    </Paper>
  );
}

function SettingsForm({ saved, onSaved }: { saved: Settings; onSaved: () => void }) {
  const [draft, setDraftState] = useState<Draft>(() => toDraft(saved));
  // After the first save attempt the rules are checked live, so a message goes once it is fixed.
  const [tried, setTried] = useState(false);
  const [serverError, setServerError] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const dirty = JSON.stringify(fromDraft(draft)) !== JSON.stringify(saved);
  const errors: Errors = { ...serverError, ...(tried ? validate(fromDraft(draft)) : {}) };
  const setDraft = (update: (d: Draft) => Draft) => { setServerError({}); setDraftState(update); };
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  async function save() {
    const next = fromDraft(draft);
    const found = validate(next);
    setTried(true);
    setServerError({});
    if (Object.keys(found).length) {
      notifyError(new Error(`设置未保存：${Object.values(found)[0]}${Object.keys(found).length > 1 ? `（另有${Object.keys(found).length - 1}处需要修改）` : ''}`));
      return;
    }
    setBusy(true);
    try {
      await call('settings.save', next);
      notifyOk('设置已保存');
      onSaved();
    } catch (e) {
      if (e instanceof ApiCallError && e.error.field) setServerError({ [e.error.field]: e.error.message });
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack maw={980} gap="md" pb="xl">
      {/* Buttons stay on the left, clear of the notifications that appear top right. */}
      <Group gap="sm" pos="sticky" top={52} bg="var(--mantine-color-body)" py="xs" style={{ zIndex: 5 }}>
        <Title order={2} mr="md">设置</Title>
        <Button onClick={save} loading={busy}>保存设置</Button>
        <Button variant="default" disabled={!dirty || busy} onClick={() => { setDraft(() => toDraft(saved)); setTried(false); }}>撤销修改</Button>
        {dirty && <Badge color="orange" variant="light">有未保存的修改</Badge>}
      </Group>

      <OperatorSection />

      <Section title="督导室信息" description="显示在公示牌、简报和各类公文上。">
        <SimpleGrid cols={2}>
          <TextInput label="督导室名称" required value={draft.officeName} error={errors.officeName}
            onChange={(e) => set({ officeName: e.currentTarget.value })} placeholder="如：清河区人民政府教育督导室" />
          <TextInput label="联系电话" value={draft.officePhone} error={errors.officePhone}
            onChange={(e) => set({ officePhone: e.currentTarget.value })} placeholder="公示牌上的督导室电话" />
          <TextInput label="简报名称" required value={draft.briefingName} error={errors.briefingName}
            onChange={(e) => set({ briefingName: e.currentTarget.value })} placeholder="如：督导工作简报" />
          <NumberInput label="印数（份）" required min={1} max={10000} allowDecimal={false} value={draft.printCopies}
            error={errors.printCopies} onChange={(v) => set({ printCopies: v })} description="简报版记中的“共印N份”" />
        </SimpleGrid>
      </Section>

      <Section title="简报报送范围" description="简报版记中的“报、送、发”，每行一个单位；没有可留空。">
        <SimpleGrid cols={3}>
          {DISTRIBUTION.map(([key, label]) => (
            <Textarea key={key} label={label} autosize minRows={4} maxRows={10} value={draft.distribution[key]}
              error={errors[`distribution.${key}`]}
              onChange={(e) => { const v = e.currentTarget.value; setDraft((d) => ({ ...d, distribution: { ...d.distribution, [key]: v } })); }} />
          ))}
        </SimpleGrid>
      </Section>

      <Section title="公文字体" description="生成 Word 文档时使用的字体名称，应与本机已安装的字体一致。">
        <SimpleGrid cols={3}>
          {FONT_FIELDS.map(([key, label, hint]) => (
            <Autocomplete key={key} label={label} description={hint} required data={FONT_CHOICES} value={draft.fonts[key]}
              error={errors[`fonts.${key}`]}
              onChange={(v) => setDraft((d) => ({ ...d, fonts: { ...d.fonts, [key]: v } }))} />
          ))}
        </SimpleGrid>
      </Section>

      <Section title="督学类别" description="督学名册中“类别”的可选项。仍有督学使用的类别不能删除或改名。">
        <VocabularyEditor label="督学类别" items={draft.supervisorCategories} defaults={DEFAULT_SETTINGS.supervisorCategories}
          error={errors.supervisorCategories} onChange={(supervisorCategories) => set({ supervisorCategories })} />
      </Section>

      <Section title="八项督导事项" description="经常性督导记录和问题台账按这些事项分类，顺序即编号。">
        <VocabularyEditor label="督导事项" items={draft.eightItems} defaults={DEFAULT_SETTINGS.eightItems}
          error={errors.eightItems} onChange={(eightItems) => set({ eightItems })} />
      </Section>

      <Section title="来访来电主题" description="应访督导登记来访来电时“主题”的可选项，首页按此顺序统计。已登记的记录保留原主题。">
        <VocabularyEditor label="来访来电主题" items={draft.complaintTopics} defaults={DEFAULT_SETTINGS.complaintTopics}
          error={errors.complaintTopics} onChange={(complaintTopics) => set({ complaintTopics })} />
      </Section>
    </Stack>
  );
}

/** An ordered list of short texts: edit in place, add, remove, move up/down, back to the defaults. */
function VocabularyEditor({ label, items, defaults, error, onChange }: {
  label: string; items: string[]; defaults: readonly string[]; error?: string; onChange: (items: string[]) => void;
}) {
  const [adding, setAdding] = useState('');
  const trimmed = items.map((x) => x.trim());
  const isDefault = JSON.stringify(trimmed) === JSON.stringify(defaults);
  const move = (i: number, j: number) => {
    const next = [...items];
    [next[i], next[j]] = [next[j], next[i]];
    onChange(next);
  };
  const add = () => {
    const v = adding.trim();
    if (!v) return;
    onChange([...items, v]);
    setAdding('');
  };
  const addError = adding.trim() && trimmed.includes(adding.trim()) ? `「${adding.trim()}」已在列表中` : undefined;

  return (
    <Stack gap={6}>
      {items.map((item, i) => {
        const dup = item.trim() && trimmed.indexOf(item.trim()) !== i ? '与上面的项重复' : undefined;
        return (
          <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
            <Text w={28} ta="right" c="dimmed" size="sm" mt={7}>{i + 1}.</Text>
            <TextInput style={{ flex: 1 }} aria-label={`${label}第${i + 1}项`} value={item} error={dup ?? (!item.trim() ? '不能为空' : undefined)}
              onChange={(e) => { const next = [...items]; next[i] = e.currentTarget.value; onChange(next); }} />
            <Tooltip label="上移"><ActionIcon variant="subtle" color="gray" size="lg" aria-label={`上移${label}第${i + 1}项`}
              disabled={i === 0} onClick={() => move(i, i - 1)}><IconArrowUp size={16} /></ActionIcon></Tooltip>
            <Tooltip label="下移"><ActionIcon variant="subtle" color="gray" size="lg" aria-label={`下移${label}第${i + 1}项`}
              disabled={i === items.length - 1} onClick={() => move(i, i + 1)}><IconArrowDown size={16} /></ActionIcon></Tooltip>
            <Tooltip label="删除"><ActionIcon variant="subtle" color="red" size="lg" aria-label={`删除${label}第${i + 1}项`}
              onClick={() => onChange(items.filter((_, k) => k !== i))}><IconTrash size={16} /></ActionIcon></Tooltip>
          </Group>
        );
      })}
      {error && <Text c="red" size="sm" role="alert">{error}</Text>}
      <Group gap="xs" align="flex-start" mt={4}>
        <Text w={28} />
        <TextInput style={{ flex: 1 }} aria-label={`新增${label}`} placeholder={`输入新的${label}，按回车添加`} value={adding}
          error={addError} onChange={(e) => setAdding(e.currentTarget.value)}
          onKeyDown={(e) => { if (e.key === 'Enter' && !addError) { e.preventDefault(); add(); } }} />
        <Button variant="light" leftSection={<IconPlus size={16} />} disabled={!adding.trim() || !!addError} onClick={add}>添加</Button>
        <Button variant="default" disabled={isDefault} onClick={() => onChange([...defaults])}>恢复默认</Button>
      </Group>
    </Stack>
  );
}
