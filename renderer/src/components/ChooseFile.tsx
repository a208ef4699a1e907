import { useRef, useState, type ReactNode } from 'react';
import { UPLOAD_KINDS, type UploadKind, type Uploaded } from '../../../shared/schemas/files';
import { chooseInMain, uploadChosen } from '../files';
import { notifyError } from '../notify';

/**
 * Choose file(s) to upload, in either shell: `children(open, busy)` draws the button. Electron: the main
 * process's open dialog (it reads the files itself). Browser: a hidden <input type=file> labelled
 * `label`, then each file streamed to the archive. `onChosen` gets what was received (never called
 * when the user canceled).
 */
export function ChooseFile({ kind, label, onChosen, children }: {
  kind: UploadKind;
  /** The hidden input's accessible name, e.g. 选择照片文件. */
  label: string;
  onChosen(files: Uploaded[]): void | Promise<void>;
  children(open: () => void, busy: boolean): ReactNode;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const spec = UPLOAD_KINDS[kind];

  async function run(get: () => Promise<Uploaded[]>) {
    setBusy(true);
    try {
      const files = await get();
      if (files.length > 0) await onChosen(files);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  const open = () => {
    if (window.files) void run(() => chooseInMain(kind));
    else input.current?.click();
  };
  const accept = spec.extensions.length ? spec.extensions.map((e) => `.${e}`).join(',') : undefined;
  return (
    <>
      {!window.files && (
        <input ref={input} type="file" hidden multiple={spec.multiple} accept={accept} aria-label={label}
          onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? []);
            if (files.length) void run(() => uploadChosen(kind, files));
          }} />
      )}
      {children(open, busy)}
    </>
  );
}
