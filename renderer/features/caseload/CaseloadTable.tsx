import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Spin } from 'antd';
import { type CSSProperties, type KeyboardEvent, memo, useMemo, useRef } from 'react';
import { useLocale, useStrings } from '../../app/i18n';
import { navigate } from '../../app/router';
import { useStaffById } from '../../app/useStaffById';
import { CASELOAD_COLUMNS, type CaseloadColumn, type CellContext } from './columns';
import { caseloadStrings } from './strings';
import { type CaseloadRow, useCaseloadRows } from './useCaseload';

const ROW_HEIGHT = 48;
/** Rows are read in aligned blocks of this many lines: scrolling within a block reads nothing. */
const BLOCK = 50;
const MIN_WIDTH = 1150;

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

const CELL_STYLES: Record<string, CSSProperties> = Object.fromEntries(CASELOAD_COLUMNS.map((c) => [c.key, cellStyle(c)]));

function openRow(id: string): void {
  navigate(`/recipients/${id}`);
}

function onRowKeyDown(e: KeyboardEvent<HTMLDivElement>, id: string): void {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    openRow(id);
  }
}

/** Where a line of the virtualised list sits, loaded or not. */
function linePlace(start: number): CSSProperties {
  return {
    position: 'absolute',
    top: 0,
    left: 0,
    right: 0,
    height: ROW_HEIGHT,
    transform: `translateY(${start}px)`,
    borderBottom: '1px solid #f5f5f5',
  };
}

/** Memoised: while scrolling, only rows that come into view render. */
const RowView = memo(function RowView({ row, start, ctx }: { row: CaseloadRow; start: number; ctx: CellContext }) {
  return (
    <div
      role="row"
      tabIndex={0}
      className="yf-caseload-row"
      data-testid="caseload-row"
      data-recipient-id={row.recipient.id}
      data-categories={row.recipient.categories.map((c) => c.code).join(' ')}
      onClick={() => openRow(row.recipient.id)}
      onKeyDown={(e) => onRowKeyDown(e, row.recipient.id)}
      style={{ ...linePlace(start), display: 'flex', alignItems: 'center', cursor: 'pointer' }}
    >
      {CASELOAD_COLUMNS.map((c) => (
        <div role="cell" key={c.key} style={CELL_STYLES[c.key]}>
          {c.render(row, ctx)}
        </div>
      ))}
    </div>
  );
});

/** A line whose row is still being read: the same height, nothing to click yet. */
function PendingRow({ start }: { start: number }) {
  return <div role="row" aria-busy="true" className="yf-caseload-row yf-caseload-pending" style={linePlace(start)} />;
}

/**
 * Only the rows in view are in the DOM (about 20 of 200,000), and only their rows are read from
 * IndexedDB (in blocks of BLOCK lines): the list itself is ids. Scrolling and typing stay smooth
 * whatever the caseload size. A div grid with table roles keeps it accessible.
 */
export function CaseloadTable({ ids, today, loading }: { ids: readonly string[]; today: string; loading: boolean }) {
  const t = useStrings(caseloadStrings);
  const locale = useLocale();
  const staff = useStaffById();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The note is for the React Compiler (it would skip memoizing this component): the app is not
  // compiled with it, and the virtualizer re-renders the table itself when it scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => ids[i] ?? i,
  });
  const ctx = useMemo<CellContext>(() => ({ locale, today, staff }), [locale, today, staff]);
  const items = virtualizer.getVirtualItems();
  const from = items.length ? Math.floor(items[0]!.index / BLOCK) * BLOCK : 0;
  const to = items.length ? Math.ceil((items.at(-1)!.index + 1) / BLOCK) * BLOCK : BLOCK;
  const rows = useCaseloadRows(ids.slice(from, to));

  return (
    <div className="yf-caseload" role="table" aria-rowcount={ids.length} data-testid="caseload-table">
      <div
        ref={scrollRef}
        style={{
          height: 'calc(100vh - 300px)',
          minHeight: 320,
          overflow: 'auto',
          border: '1px solid #f0f0f0',
          borderRadius: 8,
          background: '#fff',
          position: 'relative',
        }}
      >
        <div
          role="row"
          className="yf-caseload-head"
          style={{
            display: 'flex',
            minWidth: MIN_WIDTH,
            height: 44,
            alignItems: 'center',
            position: 'sticky',
            top: 0,
            zIndex: 2,
            background: '#fafafa',
            borderBottom: '1px solid #f0f0f0',
            fontWeight: 600,
          }}
        >
          {CASELOAD_COLUMNS.map((c) => (
            <div role="columnheader" key={c.key} style={CELL_STYLES[c.key]}>
              {t(c.title)}
            </div>
          ))}
        </div>
        {ids.length === 0 && !loading && <Empty style={{ padding: 48 }} description={t('empty')} />}
        {loading && ids.length === 0 && <Spin style={{ display: 'block', padding: 48 }} description={t('loading')} />}
        <div style={{ height: virtualizer.getTotalSize(), minWidth: MIN_WIDTH, position: 'relative' }}>
          {items.map((v) => {
            const row = rows.get(ids[v.index] ?? '');
            return row ? <RowView key={v.key} row={row} start={v.start} ctx={ctx} /> : <PendingRow key={v.key} start={v.start} />;
          })}
        </div>
      </div>
    </div>
  );
}
