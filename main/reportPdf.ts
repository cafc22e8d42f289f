import { type IpcResult, ipcErr, ipcOk } from '../shared/ipc/errors';
import type { IpcResponse } from '../shared/ipc/contract';
import type { IpcHandlers } from './ipc';
import type { Log } from './logTypes';

/**
 * What Electron's `webContents.printToPDF` is given: A4, landscape for the weekly report and
 * portrait for the printed forms; the page's own @page size and margins where it sets them.
 */
export interface PdfOptions {
  landscape: boolean;
  pageSize: 'A4';
  printBackground: boolean;
  preferCSSPageSize: boolean;
}

export interface ReportPdfDeps {
  /** `webContents.printToPDF` of the main window (the page shows #/review/print). */
  printToPdf: (options: PdfOptions) => Promise<Uint8Array>;
  /** `dialog.showSaveDialog`: the chosen path, or null when cancelled. */
  chooseFile: (suggestedName: string) => Promise<string | null>;
  writeFile: (path: string, data: Uint8Array) => Promise<void>;
  log: Log;
}

/** A file name the save dialog can propose: no folders, no odd characters, ending in .pdf. */
export function pdfFileName(suggested: string): string {
  const base =
    [...suggested]
      .map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '_' : c))
      .join('')
      .replace(/^\.+/, '')
      .trim()
      .slice(0, 100) || 'report';
  return /\.pdf$/i.test(base) ? base : `${base}.pdf`;
}

/** `report:printToPdf`: prints the window to PDF (A4, landscape unless asked for portrait) and writes it where the person chose. */
export function reportPdfHandlers(deps: ReportPdfDeps): Pick<IpcHandlers, 'report:printToPdf'> {
  return {
    'report:printToPdf': async ({ suggestedName, orientation }): Promise<IpcResult<IpcResponse<'report:printToPdf'>>> => {
      const target = await deps.chooseFile(pdfFileName(suggestedName));
      if (target === null) return ipcOk({ path: null });
      let pdf: Uint8Array;
      try {
        pdf = await deps.printToPdf({
          landscape: orientation !== 'portrait',
          pageSize: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
        });
      } catch (e) {
        deps.log.warn('printToPDF failed', e);
        return ipcErr('internal', 'The report could not be printed to PDF');
      }
      try {
        await deps.writeFile(target, pdf);
      } catch (e) {
        deps.log.warn('could not write the PDF', e);
        return ipcErr('folder_unwritable', 'The PDF could not be written there');
      }
      deps.log.info('page exported as PDF', { bytes: pdf.byteLength, orientation: orientation ?? 'landscape' });
      return ipcOk({ path: target });
    },
  };
}
