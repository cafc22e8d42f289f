import { describe, expect, it } from 'vitest';
import { type PdfOptions, pdfFileName, reportPdfHandlers } from './reportPdf';
import { MemoryLog } from './testing/fakes';

const PDF = new TextEncoder().encode('%PDF-1.7 weekly report');

function setup(over: { chosen?: string | null; printFails?: boolean; writeFails?: boolean } = {}) {
  const written: { path: string; data: Uint8Array }[] = [];
  const printed: PdfOptions[] = [];
  const proposed: string[] = [];
  const handlers = reportPdfHandlers({
    printToPdf: (options) => {
      printed.push(options);
      return over.printFails ? Promise.reject(new Error('renderer gone')) : Promise.resolve(PDF);
    },
    chooseFile: (name) => {
      proposed.push(name);
      return Promise.resolve(over.chosen === undefined ? '/home/me/周报.pdf' : over.chosen);
    },
    writeFile: (path, data) => {
      if (over.writeFails) return Promise.reject(new Error('EACCES'));
      written.push({ path, data });
      return Promise.resolve();
    },
    log: new MemoryLog(),
  });
  const call = (suggestedName: string, orientation?: 'landscape' | 'portrait') =>
    handlers['report:printToPdf'](orientation ? { suggestedName, orientation } : { suggestedName }, { senderUrl: 'app://desk/index.html' });
  return { call, written, printed, proposed };
}

describe('report:printToPdf', () => {
  it('prints the window as A4 landscape and writes the PDF to the chosen path', async () => {
    const s = setup();
    expect(await s.call('周报-2026-11-23.pdf')).toEqual({ ok: true, value: { path: '/home/me/周报.pdf' } });
    expect(s.proposed).toEqual(['周报-2026-11-23.pdf']);
    expect(s.printed).toEqual([{ landscape: true, pageSize: 'A4', printBackground: true, preferCSSPageSize: true }]);
    expect(s.written).toEqual([{ path: '/home/me/周报.pdf', data: PDF }]);
  });

  it('prints a form in A4 portrait when asked, and landscape when asked so', async () => {
    const s = setup({ chosen: '/home/me/走访记录表.pdf' });
    expect(await s.call('走访记录表-张三-2026-11-28.pdf', 'portrait')).toEqual({ ok: true, value: { path: '/home/me/走访记录表.pdf' } });
    expect(await s.call('周报.pdf', 'landscape')).toMatchObject({ ok: true });
    expect(s.printed.map((o) => o.landscape)).toEqual([false, true]);
    expect(s.printed.every((o) => o.pageSize === 'A4' && o.preferCSSPageSize)).toBe(true);
  });

  it('does nothing when the save dialog is cancelled', async () => {
    const s = setup({ chosen: null });
    expect(await s.call('report')).toEqual({ ok: true, value: { path: null } });
    expect(s.printed).toEqual([]);
    expect(s.written).toEqual([]);
  });

  it('answers errors as values when printing or writing fails', async () => {
    expect(await setup({ printFails: true }).call('r.pdf')).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await setup({ writeFails: true }).call('r.pdf')).toMatchObject({ ok: false, error: { code: 'folder_unwritable' } });
  });

  it('proposes a plain file name ending in .pdf', () => {
    expect(pdfFileName('../../etc/passwd')).toBe('_.._etc_passwd.pdf');
    expect(pdfFileName('周报 2026-11-23')).toBe('周报 2026-11-23.pdf');
    expect(pdfFileName('...')).toBe('report.pdf');
  });
});
