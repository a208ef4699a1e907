import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES as channels, FILE_TRANSPORT } from '../../shared/contract/names';

// Exactly one narrow function per channel of the contract; nothing else reaches the renderer.
const api = Object.fromEntries(channels.map((c) => [c, (input: unknown) => ipcRenderer.invoke(c, input)]));
contextBridge.exposeInMainWorld('api', api);

// And one per way a file travels (electron/main/files.ts): save an offered file, choose files to upload.
// None takes a path.
const files = Object.fromEntries(Object.entries(FILE_TRANSPORT).map(([name, c]) => [name, (input: unknown) => ipcRenderer.invoke(c, input)]));
contextBridge.exposeInMainWorld('files', files);
