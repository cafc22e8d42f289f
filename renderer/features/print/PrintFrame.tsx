import { Alert, Button, Flex, Spin } from 'antd';
import { type ReactNode, useState } from 'react';
import { useLocale, useStrings } from '../../app/i18n';
import { useToday } from '../../app/useToday';
import { desktopApi } from '../../platform/desktop';
import { useErrorText } from '../common/featureErrors';
import { paperDate } from './printFormat';
import { printStrings } from './printStrings';
import './print.css';

/**
 * A printed form's page: a toolbar (back; 导出 PDF in Electron, through main's
 * report.printToPdf in A4 portrait; the print dialog in the browser) and the A4 sheet, which
 * alone reaches the paper (print.css).
 */
export function PrintFrame({
  fileName,
  ready,
  missing,
  children,
  testId,
}: {
  /** The file name the save dialog proposes. */
  fileName: string;
  /** False while the record (and its photos) are being read. */
  ready: boolean;
  /** True when the record is not in this database. */
  missing?: boolean;
  children: ReactNode;
  testId: string;
}) {
  const p = useStrings(printStrings);
  const locale = useLocale();
  const today = useToday();
  const errorText = useErrorText();
  const [notice, setNotice] = useState<{ type: 'success' | 'error' | 'info'; text: string } | null>(null);
  const api = desktopApi();

  const exportPdf = async () => {
    if (!api) {
      window.print();
      return;
    }
    const r = await api.report.printToPdf({ suggestedName: fileName, orientation: 'portrait' });
    if (!r.ok) setNotice({ type: 'error', text: p('pdfFailed', { error: errorText(r.error.code) }) });
    else if (r.value.path === null) setNotice({ type: 'info', text: p('pdfCancelled') });
    else setNotice({ type: 'success', text: p('pdfSaved', { path: r.value.path }) });
  };

  return (
    <div className="yf-print-page">
      <Flex justify="space-between" align="center" className="yf-no-print" style={{ marginBottom: 12 }}>
        <Button onClick={() => window.history.back()} data-testid="print-back">
          {p('back')}
        </Button>
        <Button type="primary" disabled={!ready || missing} onClick={() => void exportPdf()} data-testid="print-export">
          {api ? p('exportPdf') : p('printNow')}
        </Button>
      </Flex>
      {notice ? <Alert className="yf-no-print" type={notice.type} showIcon title={notice.text} style={{ marginBottom: 12 }} /> : null}
      {missing ? (
        <Alert type="error" showIcon title={p('notFound')} data-testid="print-not-found" />
      ) : !ready ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin description={p('loading')} />
        </Flex>
      ) : (
        <article className="yf-print-form" data-testid={testId}>
          {children}
          <footer className="yf-print-footer">{p('printedOn', { date: paperDate(today, locale) })}</footer>
        </article>
      )}
    </div>
  );
}

/** A form's title block: the title, and the station (and what else) under it. */
export function FormTitle({ title, sub }: { title: string; sub?: ReactNode }) {
  return (
    <header className="yf-print-title">
      <h1>{title}</h1>
      {sub ? <div className="yf-print-sub">{sub}</div> : null}
    </header>
  );
}

/** Label / value pairs, two to a row, as a ruled table (the form's boxes). */
export function FieldGrid({ fields }: { fields: readonly (readonly [label: string, value: ReactNode, wide?: boolean])[] }) {
  const rows: (readonly [string, ReactNode, boolean?])[][] = [];
  for (const f of fields) {
    const last = rows[rows.length - 1];
    if (f[2] || !last || last.length === 2 || last[0]?.[2]) rows.push([f]);
    else last.push(f);
  }
  return (
    <table className="yf-print-grid">
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map(([label, value, wide]) => (
              <FieldCells key={label} label={label} value={value} span={wide || row.length === 1 ? 3 : 1} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FieldCells({ label, value, span }: { label: string; value: ReactNode; span: number }) {
  return (
    <>
      <th scope="row">{label}</th>
      <td colSpan={span}>{value === '' || value === null || value === undefined ? '—' : value}</td>
    </>
  );
}

/** A section heading of a form. */
export function SectionTitle({ children }: { children: ReactNode }) {
  return <h2 className="yf-print-section">{children}</h2>;
}

/** A labelled blank line to fill in by hand. */
export function BlankLine({ label, wide = false }: { label: string; wide?: boolean }) {
  return (
    <div className={wide ? 'yf-print-blank yf-print-blank-wide' : 'yf-print-blank'}>
      <span>{label}</span>
      <span className="yf-print-rule" />
    </div>
  );
}
