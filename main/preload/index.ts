import { contextBridge, ipcRenderer } from 'electron';
import { createAppApi } from './appApi';

// The only thing the page receives from the preload: no ipcRenderer, no generic invoke.
contextBridge.exposeInMainWorld('app', createAppApi(ipcRenderer));
