import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import {
  Alert, Anchor, Badge, Button, Checkbox, Group, LoadingOverlay, Modal, NumberInput, Paper, Stack, Text, TextInput, Title,
} from '@mantine/core';
import { IconArrowBackUp, IconArrowLeft, IconDeviceFloppy, IconDownload, IconEdit, IconPlus, IconSend, IconTrash } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyError, notifyOk } from '../../notify';
import type { Briefing, BriefingFields } from '../../../../shared/schemas/briefing';
import { ArticleCard, type EditArticle } from './ArticleCard';
import { downloadBriefing, numberLabel, statusColor } from './exportBriefing';
import { IssueDialog } from './IssueDialog';
import { CorrectionHistory, ReopenDialog } from './Corrections';
import { dateInWords, monthLabel, todayText } from '../../../../shared/dates';
import { DateField } from '../../components/DateFields';

/** The drafting workspace of one briefing: articles to edit, reorder, drop or add; save, export, issue. */
export function BriefingEditor() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const got = useApi('briefings.get', { id });
  const settings = useApi('settings.get', {});
  const [articles, setArticles] = useState<EditArticle[]>([]);
  const [issuingUnit, setIssuingUnit] = useState('');
  const [copies, setCopies] = useState<number | string>('');
  const [showToc, setShowToc] = useState(true);
  const [issueDate, setIssueDate] = useState(todayText());
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<'issue' | 'reopen' | 'reissue' | 'cancel' | null>(null);
  const keys = useRef(0);

  const load = (b: Briefing) => {
    setArticles(b.articles.map((x) => ({ ...x, key: ++keys.current })));
    setIssuingUnit(b.issuingUnit ?? '');
    setCopies(b.copies ?? '');
    setShowToc(b.showToc);
    if (b.issueDate) setIssueDate(b.issueDate);
    setDirty(false);
  };
  useEffect(() => { if (got.data) load(got.data); }, [got.data]);

  const b = got.data;
  const issued = b?.status === '已印发';
  const correcting = b?.status === '更正中';
  const name = settings.data?.briefingName ?? '简报';
  const change = (next: EditArticle[]) => { setArticles(next); setDirty(true); };

  const fields = (): BriefingFields => ({
    month: b!.month, title: b!.title, issuingUnit: issuingUnit.trim() || null, issueDate: issueDate || null,
    copies: typeof copies === 'number' ? copies : null, showToc,
    articles: articles.map((x) => ({ kind: x.kind, title: x.title, blocks: x.blocks })),
  });
  const save = async (quiet = false) => {
    const saved = await call('briefings.save', { id, fields: fields() });
    load(saved);
    if (!quiet) notifyOk(correcting ? '更正内容已保存（尚未重新印发）。' : '简报草稿已保存。');
    return saved;
  };
  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    try { await f(); } catch (e) { notifyError(e); } finally { setBusy(false); }
  };

  const move = (i: number, d: -1 | 1) => {
    const next = [...articles];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    change(next);
  };
  const add = () => change([...articles, { key: ++keys.current, kind: '其他', title: '', blocks: [] }]);

  if (got.error) return <Alert color="red" title="无法打开这期简报">{got.error}</Alert>;
  return (
    <Stack gap="md" pos="relative">
      <LoadingOverlay visible={got.loading && !b} />
      <Group justify="space-between">
        <Group gap="sm">
          <Anchor component="button" onClick={() => navigate('/briefings')}><Group gap={4}><IconArrowLeft size={16} />简报列表</Group></Anchor>
          <Title order={2}>{b ? `${monthLabel(b.month)}简报` : '简报'}</Title>
          {b && <Badge variant="light" color={statusColor(b.status)}>{b.status}</Badge>}
          {b && b.status !== '草稿' && <Text fw={500}>{name}{numberLabel(b)}</Text>}
          {dirty && <Text size="sm" c="orange">有未保存的修改</Text>}
        </Group>
        <Group gap="xs">
          {!issued && (
            <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} loading={busy} onClick={() => run(async () => { await save(); })}>
              {correcting ? '保存修改' : '保存草稿'}
            </Button>
          )}
          <Button variant="light" leftSection={<IconDownload size={16} />} loading={busy}
            onClick={() => run(async () => { if (!issued && dirty) await save(true); await downloadBriefing(id); })}>{correcting ? '导出更正稿' : '导出Word'}</Button>
          {issued && <Button variant="light" color="orange" leftSection={<IconEdit size={16} />} onClick={() => setConfirming('reopen')}>更正</Button>}
          {b?.status === '草稿' && (
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} loading={busy}
              onClick={() => run(async () => { await call('briefings.delete', { id }); notifyOk('草稿已移入回收站。'); navigate('/briefings'); })}>删除草稿</Button>
          )}
        </Group>
      </Group>

      {issued && <Alert color="green" title="本期已印发">已印发的简报不能直接修改或删除；导出的 Word 文件与印发时完全相同。如有错误，请点击「更正」。</Alert>}
      {correcting && b && (
        <Alert color="orange" title={`正在更正：${b.corrections.at(-1)?.reason ?? ''}`}>
          <Stack gap="xs">
            <Text size="sm">期号（{numberLabel(b)}）和印发日期（{dateInWords(b.issueDate!)}）保持不变。改好后点击「重新印发」生成更正后的文件；原印发的文件保留在「更正记录」中。</Text>
            <Group gap="xs">
              <Button size="xs" color="red" leftSection={<IconSend size={14} />} loading={busy} disabled={articles.length === 0}
                onClick={() => setConfirming('reissue')}>重新印发</Button>
              <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={14} />} loading={busy} onClick={() => setConfirming('cancel')}>放弃更正</Button>
            </Group>
          </Stack>
        </Alert>
      )}

      {b && (
        <Paper withBorder p="md">
          <Group align="flex-end" gap="md">
            <TextInput label="编印单位" w={260} placeholder={settings.data?.officeName} value={issuingUnit} readOnly={issued}
              onChange={(e) => { setIssuingUnit(e.currentTarget.value); setDirty(true); }} />
            <NumberInput label="印数（份）" w={120} min={1} max={10000} placeholder={String(settings.data?.printCopies ?? '')} value={copies}
              readOnly={issued} onChange={(v) => { setCopies(v); setDirty(true); }} />
            <Checkbox label="印本期要目" checked={showToc} disabled={issued} onChange={(e) => { setShowToc(e.currentTarget.checked); setDirty(true); }} />
            {b.status === '草稿' && (
              <>
                <DateField label="印发日期" w={170} value={issueDate} onChange={setIssueDate} />
                <Button color="red" leftSection={<IconSend size={16} />} disabled={!issueDate || articles.length === 0} onClick={() => setConfirming('issue')}>印发</Button>
              </>
            )}
          </Group>
        </Paper>
      )}

      {articles.map((a, i) => (
        <ArticleCard key={a.key} article={a} index={i} count={articles.length} readOnly={issued}
          onChange={(x) => change(articles.map((y) => (y.key === x.key ? x : y)))}
          onMove={(d) => move(i, d)} onDrop={() => change(articles.filter((y) => y.key !== a.key))} />
      ))}
      {b && articles.length === 0 && <Text c="dimmed" ta="center">这期还没有文章。点击「添加文章」撰写。</Text>}
      {!issued && b && <Group><Button variant="light" leftSection={<IconPlus size={16} />} onClick={add}>添加文章</Button></Group>}

      {b && <CorrectionHistory corrections={b.corrections} />}

      {b?.status === '草稿' && (
        <IssueDialog opened={confirming === 'issue'} id={id} name={name} issueDate={issueDate} onClose={() => setConfirming(null)}
          onIssue={(numbers) => run(async () => {
            await save(true);
            const done = await call('briefings.issue', { id, issueDate, ...numbers });
            setConfirming(null);
            notifyOk(`已印发${name}${numberLabel(done)}。`);
            await got.reload();
          })} />
      )}
      {b && (
        <ReopenDialog opened={confirming === 'reopen'} label={`${name}${numberLabel(b)}`} onClose={() => setConfirming(null)}
          onReopen={(reason) => run(async () => {
            await call('briefings.reopen', { id, reason });
            setConfirming(null);
            notifyOk('已开始更正：修改后点击「重新印发」。');
            await got.reload();
          })} />
      )}
      <Modal opened={confirming === 'reissue' || confirming === 'cancel'} onClose={() => setConfirming(null)}
        title={confirming === 'reissue' ? '重新印发更正后的简报' : '放弃更正'}>
        <Stack>
          <Text size="sm">
            {confirming === 'reissue'
              ? `将按原期号（${b ? numberLabel(b) : ''}）和原印发日期重新生成并保存 Word 文件；更正前的文件仍保留在「更正记录」中。`
              : '将撤销这次更正中的所有修改，恢复为原印发的版本。'}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>取消</Button>
            <Button color={confirming === 'reissue' ? 'red' : 'orange'} loading={busy} onClick={() => run(async () => {
              if (confirming === 'reissue') {
                await save(true);
                const done = await call('briefings.reissue', { id });
                notifyOk(`已重新印发更正后的${name}${numberLabel(done)}。`);
              } else {
                await call('briefings.cancelCorrection', { id });
                notifyOk('已放弃更正，恢复为原印发的版本。');
              }
              setConfirming(null);
              await got.reload();
            })}>{confirming === 'reissue' ? '确定重新印发' : '确定放弃'}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
