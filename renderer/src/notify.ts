import { notifications } from '@mantine/notifications';

export function notifyOk(message: string): void {
  notifications.show({ color: 'green', title: '完成', message });
}

export function notifyError(e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  notifications.show({ color: 'red', title: '操作未完成', message, autoClose: 8000 });
}

/** A long operation the user stopped: nothing was made or changed. */
export function notifyCanceled(message: string): void {
  notifications.show({ color: 'gray', title: '已取消', message });
}

const latest = new Map<string, string>();

/**
 * One notice for a kind of action on a page: a new one replaces the last instead of stacking over the
 * page's buttons (a list worked through click after click).
 */
export function notifyLatest(kind: string, message: string): void {
  const previous = latest.get(kind);
  if (previous) notifications.hide(previous);
  latest.set(kind, notifications.show({ color: 'green', title: '完成', message }));
}
