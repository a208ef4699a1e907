import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES as channels } from '../../shared/contract/names';

// Exactly one narrow function per channel of the contract; nothing else reaches the renderer.
const api = Object.fromEntries(channels.map((c) => [c, (input: unknown) => ipcRenderer.invoke(c, input)]));
contextBridge.exposeInMainWorld('api', api);
