import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  Alert, Anchor, Badge, Button, Checkbox, Group, Loader, Modal, MultiSelect, Select, Stack, Table, Text, Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowsExchange, IconPlus } from '@tabler/icons-react';
import { call } from '../../api';
import { useApi } from '../../useApi';
import { notifyError, notifyOk } from '../../notify';
import { zoneOptions } from '../../lib/options';
import { show } from '../../lib/format';
import type { School } from '../../../../shared/schemas/school';
import type { Zone } from '../../../../shared/schemas/zone';

/** Up to this many schools are shown for 未分区 (a county has at most a few hundred). */
const MAX_UNZONED = 500;

/** One zone's schools (or the schools in no zone, at /zones/none), and moving them between zones. */
export function ZoneDetail() {
  const param = useParams().id ?? 'none';
  return param === 'none' ? <Unzoned key="none" /> : <OneZone key={param} id={Number(param)} />;
}

function OneZone({ id }: { id: number }) {
  const res = useApi('zones.get', { id });
  return <ZoneSchools zoneId={id} zone={res.data?.zone} schools={res.data?.schools} error={res.error} reload={res.reload} />;
}

function Unzoned() {
  const res = useApi('schools.list', { noZone: true, limit: MAX_UNZONED });
  return <ZoneSchools zoneId={null} zone={null} schools={res.data?.rows} error={res.error} reload={res.reload} />;
}

function ZoneSchools({ zoneId, zone, schools, error, reload: reloadSchools }: {
  zoneId: number | null;
  zone: Zone | null | undefined;
  schools: School[] | undefined;
  error: string | null;
  reload: () => Promise<void>;
}) {
  const zones = useApi('zones.list', undefined);
  const [selected, setSelected] = useState<number[]>([]);
  const [target, setTarget] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);

  const reload = () => { void zones.reload(); void reloadSchools(); setSelected([]); };
  const targets = zoneOptions(zones.data, zoneId !== null).filter((o) => o.value !== String(zoneId));

  async function move(ids: number[], to: number | null) {
    setBusy(true);
    try {
      const { moved } = await call('zones.moveSchools', { schoolIds: ids, zoneId: to });
      const name = to === null ? '未分区' : `责任区「${zones.data?.find((z) => z.id === to)?.name ?? ''}」`;
      notifyOk(`已将 ${moved} 所学校移至${name}`);
      setTarget(null);
      reload();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  if (error) return <Stack><Anchor component={Link} to="/zones">← 返回责任区</Anchor><Alert color="red" title="无法打开">{error}</Alert></Stack>;
  if (!schools) return <Loader />;
  const all = schools.length > 0 && selected.length === schools.length;

  return (
    <Stack>
      <Anchor component={Link} to="/zones">← 返回责任区</Anchor>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={2}>{zoneId === null ? '未分区学校' : zone?.name}</Title>
          {zone && <Badge variant="light">组长：{zone.leaderName ?? '未指定'}</Badge>}
          <Badge variant="light" color="gray">{schools.length} 所学校</Badge>
        </Group>
        {zoneId !== null && <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>添加学校</Button>}
      </Group>
      {zone?.notes && <Text c="dimmed" size="sm">{zone.notes}</Text>}

      <Group align="flex-end" gap="sm">
        <Select label="将所选学校移至" placeholder="选择目标责任区" data={targets} value={target} onChange={setTarget} w={220} searchable />
        <Button
          leftSection={<IconArrowsExchange size={16} />} disabled={!selected.length || !target} loading={busy}
          onClick={() => move(selected, target === 'none' ? null : Number(target))}
        >
          移动所选学校{selected.length ? `（${selected.length}）` : ''}
        </Button>
      </Group>

      <Table striped withTableBorder aria-label="责任区学校">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox aria-label="全选" checked={all} indeterminate={selected.length > 0 && !all}
                onChange={() => setSelected(all ? [] : schools.map((s) => s.id))} />
            </Table.Th>
            <Table.Th>学校全称</Table.Th><Table.Th>学段/类型</Table.Th><Table.Th>城乡</Table.Th><Table.Th>学生数</Table.Th><Table.Th>挂牌督学</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {schools.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Checkbox aria-label={`选择 ${s.fullName}`} checked={selected.includes(s.id)}
                  onChange={(e) => { const on = e.currentTarget.checked; setSelected((old) => on ? [...old, s.id] : old.filter((x) => x !== s.id)); }} />
              </Table.Td>
              <Table.Td><Anchor component={Link} to={`/schools/${s.id}`}>{s.fullName}</Anchor></Table.Td>
              <Table.Td>{s.type}</Table.Td>
              <Table.Td>{show(s.urbanRural)}</Table.Td>
              <Table.Td>{show(s.students)}</Table.Td>
              <Table.Td>{s.supervisorCount}</Table.Td>
            </Table.Tr>
          ))}
          {schools.length === 0 && (
            <Table.Tr><Table.Td colSpan={6}><Text c="dimmed" ta="center" py="sm">
              {zoneId === null ? '所有学校都已分区。' : '这个责任区还没有学校，点击「添加学校」移入。'}
            </Text></Table.Td></Table.Tr>
          )}
        </Table.Tbody>
      </Table>

      {zoneId !== null && (
        <AddSchools opened={adding} zoneName={zone?.name ?? ''} exclude={schools.map((s) => s.id)}
          onClose={() => setAdding(false)} onAdd={async (ids) => { await move(ids, zoneId); setAdding(false); }} />
      )}
    </Stack>
  );
}

/** Choose schools from the whole register (searchable) to move into this zone. */
function AddSchools({ opened, zoneName, exclude, onClose, onAdd }: {
  opened: boolean; zoneName: string; exclude: number[]; onClose: () => void; onAdd: (ids: number[]) => Promise<void>;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [picked, setPicked] = useState<string[]>([]);
  const [known, setKnown] = useState<Record<string, string>>({});
  const found = useApi('schools.list', { q: q || undefined, limit: 50 });

  useEffect(() => { if (opened) { setPicked([]); setSearch(''); } }, [opened]);
  useEffect(() => {
    if (!found.data) return;
    setKnown((old) => ({
      ...old,
      ...Object.fromEntries(found.data!.rows.map((s) => [String(s.id), `${s.fullName}（${s.zoneName ?? '未分区'}）`])),
    }));
  }, [found.data]);

  const data = useMemo(() => {
    const ids = new Set([...picked, ...(found.data?.rows ?? []).map((s) => String(s.id))]);
    return [...ids].filter((id) => !exclude.includes(Number(id)) && known[id]).map((id) => ({ value: id, label: known[id] }));
  }, [picked, found.data, exclude, known]);

  return (
    <Modal opened={opened} onClose={onClose} title={`添加学校到「${zoneName}」`} centered size="lg">
      <Stack>
        <MultiSelect
          label="学校" placeholder="输入学校名称搜索，可多选" searchable data={data} value={picked} onChange={setPicked}
          searchValue={search} onSearchChange={setSearch} filter={({ options }) => options}
          nothingFoundMessage={found.error ?? '没有找到匹配的学校'}
        />
        <Text size="sm" c="dimmed">已在其他责任区的学校会被移到本责任区。</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>取消</Button>
          <Button disabled={!picked.length} onClick={() => onAdd(picked.map(Number))}>移入本责任区</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
