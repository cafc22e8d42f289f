import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Spin } from 'antd';
import { type CSSProperties, type KeyboardEvent, useRef } from 'react';
import { useLocale, useStrings } from '../i18n';
import { navigate } from '../router';
import { useStaffById } from '../useStaffById';
import { CASELOAD_COLUMNS, type CaseloadColumn, type CellContext } from './columns';
import { caseloadStrings } from './strings';
import type { CaseloadRow } from './useCaseload';

const ROW_HEIGHT = 48;
const MIN_WIDTH = 1200;

function cellStyle(c: CaseloadColumn): CSSProperties {
  return {
    flex: c.width ? `0 0 ${c.width}px` : '1 1 0',
    minWidth: c.width ?? 150,
    padding: '0 10px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    textAlign: c.align ?? 'left',
  };
}

function openRow(id: string): void {
  navigate(`/recipients/${id}`);
}

/**
 * Only the rows in view are in the DOM (about 20 of 50,000), so scrolling and typing stay
 * smooth whatever the caseload size. A div grid with table roles keeps it accessible.
 */
export function CaseloadTable({ rows, today, loading }: { rows: readonly CaseloadRow[]; today: string; loading: boolean }) {
  const t = useStrings(caseloadStrings);
  const locale = useLocale();
  const staff = useStaffById();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => rows[i]?.recipient.id ?? i,
  });
  const ctx: CellContext = { locale, today, staff };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, id: string): void => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      openRow(id);
    }
  };

  return (
    <div className="yf-caseload" role="table" aria-rowcount={rows.length} data-testid="caseload-table">
      <div
        ref={scrollRef}
        style={{ height: 'calc(100vh - 300px)', minHeight: 320, overflow: 'auto', border: '1px solid #f0f0f0', borderRadius: 8, background: '#fff', position: 'relative' }}
      >
        <div role="row" className="yf-caseload-head" style={{ display: 'flex', minWidth: MIN_WIDTH, height: 44, alignItems: 'center', position: 'sticky', top: 0, zIndex: 2, background: '#fafafa', borderBottom: '1px solid #f0f0f0', fontWeight: 600 }}>
          {CASELOAD_COLUMNS.map((c) => <div role="columnheader" key={c.key} style={cellStyle(c)}>{t(c.title)}</div>)}
        </div>
        {rows.length === 0 && !loading && <Empty style={{ padding: 48 }} description={t('empty')} />}
        {loading && rows.length === 0 && <Spin style={{ display: 'block', padding: 48 }} description={t('loading')} />}
        <div style={{ height: virtualizer.getTotalSize(), minWidth: MIN_WIDTH, position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = rows[v.index];
            if (!row) return null;
            return (
              <div
                role="row"
                key={v.key}
                tabIndex={0}
                className="yf-caseload-row"
                data-testid="caseload-row"
                data-recipient-id={row.recipient.id}
                onClick={() => openRow(row.recipient.id)}
                onKeyDown={(e) => onKeyDown(e, row.recipient.id)}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${v.start}px)`, display: 'flex', alignItems: 'center', borderBottom: '1px solid #f5f5f5', cursor: 'pointer' }}
              >
                {CASELOAD_COLUMNS.map((c) => <div role="cell" key={c.key} style={cellStyle(c)}>{c.render(row, ctx)}</div>)}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
