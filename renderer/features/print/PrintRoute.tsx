import type { ReactNode } from 'react';
import type { Route } from '../../app/router';
import { RecipientFileSheet } from './RecipientFileSheet';
import { RequestSheet } from './RequestSheet';
import { VisitListSheet } from './VisitListSheet';
import { VisitRecordSheet } from './VisitRecordSheet';

/**
 * `#/print/visit/:id`, `#/print/recipient/:id`, `#/print/request/:id`,
 * `#/print/visits?station=&from=&to=`: the form of the route, or null (not found) for anything else.
 */
export function printPageFor(route: Route): ReactNode | null {
  const [, form, id] = route.segments;
  const q = route.query;
  if (form === 'visits') return <VisitListSheet station={q.get('station')} from={q.get('from')} to={q.get('to')} week={q.get('week')} />;
  if (!id) return null;
  if (form === 'visit') return <VisitRecordSheet key={id} visitId={id} />;
  if (form === 'recipient') return <RecipientFileSheet key={id} recipientId={id} />;
  if (form === 'request') return <RequestSheet key={id} requestId={id} />;
  return null;
}
