import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, List, Loader, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconInfoCircle } from '@tabler/icons-react';
import { call } from '../../api';
import { dateInWords } from '../../../../shared/dates';
import type { BriefingNumberPlan } from '../../../../shared/schemas/briefing';

interface Props {
  opened: boolean;
  id: number;
  name: string;
  issueDate: string;
  onClose(): void;
  /** Issue under the numbers shown (the caller saves, issues and reports). */
  onIssue(numbers: { issueNo: number; totalNo: number }): Promise<void>;
}

/**
 * 印发: the numbers the briefing will get (proposed in month order), which the user may change; numbers
 * already given are refused at once, and what the user should know (earlier months still drafts, an
 * order against the months, a first issue) is said before anything is issued.
 */
export function IssueDialog({ opened, id, name, issueDate, onClose, onIssue }: Props) {
  const [issueNo, setIssueNo] = useState<number | string>('');
  const [totalNo, setTotalNo] = useState<number | string>('');
  const [plan, setPlan] = useState<BriefingNumberPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  /** Ask for the plan; only the latest answer is shown. */
  const ask = (input: { issueNo?: number; totalNo?: number }, then?: (p: BriefingNumberPlan) => void) => {
    const mine = ++seq.current;
    call('briefings.numbers', { id, issueDate, ...input }).then((p) => {
      if (mine !== seq.current) return;
      then?.(p);
      setPlan(p);
    }, (e: unknown) => { if (mine === seq.current) setError(e instanceof Error ? e.message : String(e)); });
  };
  const [chosenIssue] = useDebouncedValue(issueNo, 250);
  const [chosenTotal] = useDebouncedValue(totalNo, 250);

  // On opening: the proposal fills the fields.
  useEffect(() => {
    if (!opened) return;
    setPlan(null);
    setError(null);
    ask({}, (p) => { setIssueNo(p.proposed.issueNo); setTotalNo(p.proposed.totalNo); });
  }, [opened, id, issueDate]);

  // After a change: the numbers chosen, checked.
  useEffect(() => {
    if (!opened || typeof chosenIssue !== 'number' || typeof chosenTotal !== 'number') return;
    ask({ issueNo: chosenIssue, totalNo: chosenTotal });
  }, [opened, id, issueDate, chosenIssue, chosenTotal]);

  const ready = plan && typeof issueNo === 'number' && typeof totalNo === 'number'
    && chosenIssue === issueNo && chosenTotal === totalNo;
  const blocked = !ready || !!plan.refused.issueNo || !!plan.refused.totalNo;
  const year = plan?.year ?? Number(issueDate.slice(0, 4));

  return (
    <Modal opened={opened} onClose={onClose} title="印发简报" size="lg">
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        {!plan && !error && <Loader size="sm" />}
        {plan && (
          <>
            <Text size="sm">
              {dateInWords(issueDate)}印发，编为《{name}》{year}年：
            </Text>
            <Group align="flex-start">
              <NumberInput label={`${year}年第几期`} leftSection="第" rightSection="期" w={150} min={1} max={9999} allowDecimal={false}
                value={issueNo} onChange={setIssueNo} error={plan.refused.issueNo} />
              <NumberInput label="总第几期" leftSection="总第" rightSection="期" w={170} min={1} max={9999} allowDecimal={false}
                leftSectionWidth={44} value={totalNo} onChange={setTotalNo} error={plan.refused.totalNo} />
            </Group>
            <Text size="xs" c="dimmed">
              建议期号（第{plan.proposed.issueNo}期、总第{plan.proposed.totalNo}期）按月份先后排定：接在之前月份已印发的简报之后，并为之前月份尚未印发的草稿留出期号。可以改为其他未用的期号。
            </Text>
            {plan.notes.length > 0 && (
              <Alert color="yellow" icon={<IconInfoCircle size={18} />} title="印发前请留意">
                <List size="sm" spacing={4}>{plan.notes.map((n) => <List.Item key={n}>{n}</List.Item>)}</List>
              </Alert>
            )}
            <Text size="sm">印发后不能再直接修改或删除；如有错误，可「更正」：期号和印发日期不变，原印发的文件保留。</Text>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button color="red" loading={busy} disabled={blocked} onClick={async () => {
            setBusy(true);
            try { await onIssue({ issueNo: issueNo as number, totalNo: totalNo as number }); } finally { setBusy(false); }
          }}>确定印发</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
