import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { MyHeroesPage } from '../features/heroes';
import { LedgerPage } from '../features/ledger';
import { printPageFor } from '../features/print';
import { RecipientProfilePage } from '../features/recipient';
import { NewRequestPage, RequestsPage } from '../features/requests';
import { AidHandoutPage, LogVisitPage } from '../features/visit';
import { QualityPage } from '../features/quality';
import { ReviewPage, ReviewPrintPage, StationDrillPage } from '../features/review';
import { appStrings } from './appStrings';
import { CaseloadPage } from '../features/caseload';
import { useStrings } from './i18n';
import { RouteErrorBoundary } from './RouteErrorBoundary';
import { type Route, navigate, useRoute } from './router';
import { SettingsPage } from '../features/settings';
import { SyncPage } from '../features/sync';
import { TodayPage } from '../features/today';

function NotFound() {
  const t = useStrings(appStrings);
  return (
    <Result
      status="404"
      title={t('notFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/today')}>
          {t('backToToday')}
        </Button>
      }
    />
  );
}

function optional(value: string | null): string | undefined {
  return value === null || value === '' ? undefined : value;
}

export function pageFor(route: Route): ReactNode {
  const [first, second] = route.segments;
  switch (first) {
    case undefined:
    case 'today':
      return <TodayPage />;
    case 'caseload':
      return <CaseloadPage />;
    case 'recipients':
      return second ? <RecipientProfilePage key={second} recipientId={second} /> : <CaseloadPage />;
    case 'visit':
      return second === 'new' ? (
        <LogVisitPage recipientId={optional(route.query.get('recipient'))} occurrenceId={optional(route.query.get('occurrence'))} />
      ) : (
        <NotFound />
      );
    case 'aid':
      return second === 'new' && route.query.get('recipient') ? (
        <AidHandoutPage key={route.query.get('recipient')} recipientId={route.query.get('recipient')!} />
      ) : (
        <NotFound />
      );
    case 'heroes':
      return <MyHeroesPage />;
    case 'requests':
      return second === 'new' ? (
        <NewRequestPage key={route.query.get('recipient') ?? ''} recipientId={optional(route.query.get('recipient'))} />
      ) : (
        <RequestsPage />
      );
    case 'ledger':
      return <LedgerPage />;
    case 'sync':
      return <SyncPage />;
    case 'settings':
      return <SettingsPage />;
    case 'review':
      if (second === 'print') return <ReviewPrintPage week={route.query.get('week')} />;
      if (second === 'station' && route.segments[2])
        return <StationDrillPage key={route.segments[2]} code={route.segments[2]} week={route.query.get('week')} />;
      return <ReviewPage week={route.query.get('week')} />;
    case 'quality':
      return <QualityPage />;
    case 'print':
      return printPageFor(route) ?? <NotFound />;
    default:
      return <NotFound />;
  }
}

/** The page of the current hash route, inside its own error boundary. */
export function RouteView() {
  const route = useRoute();
  const key = `${route.path}?${route.query.toString()}`;
  return <RouteErrorBoundary key={key}>{pageFor(route)}</RouteErrorBoundary>;
}
