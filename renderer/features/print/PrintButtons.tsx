import { PrinterOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useStrings } from '../../app/i18n';
import { navigate } from '../../app/router';
import { printStrings } from './printStrings';

/** The buttons other screens show to open a printed form (a link-sized one in the timeline). */

export function PrintVisitButton({ visitId }: { visitId: string }) {
  const p = useStrings(printStrings);
  return (
    <Button
      size="small"
      type="link"
      icon={<PrinterOutlined />}
      onClick={() => navigate(`/print/visit/${visitId}`)}
      data-testid="print-visit-open"
    >
      {p('openVisit')}
    </Button>
  );
}

export function PrintRequestButton({ requestId }: { requestId: string }) {
  const p = useStrings(printStrings);
  return (
    <Button
      size="small"
      type="link"
      icon={<PrinterOutlined />}
      onClick={() => navigate(`/print/request/${requestId}`)}
      data-testid="print-request-open"
    >
      {p('openRequest')}
    </Button>
  );
}

export function PrintRecipientButton({ recipientId }: { recipientId: string }) {
  const p = useStrings(printStrings);
  return (
    <Button icon={<PrinterOutlined />} onClick={() => navigate(`/print/recipient/${recipientId}`)} data-testid="print-recipient-open">
      {p('openRecipient')}
    </Button>
  );
}

/** Today's or this week's visit list of the station (the list page works the dates out). */
export function PrintVisitListButton({ station }: { station: string }) {
  const p = useStrings(printStrings);
  return (
    <Dropdown
      menu={{
        items: [
          { key: 'day', label: <span data-testid="print-list-day">{p('openDayList')}</span> },
          { key: 'week', label: <span data-testid="print-list-week">{p('openWeekList')}</span> },
        ],
        onClick: ({ key }) => navigate('/print/visits', { station, week: key === 'week' ? '1' : null }),
      }}
    >
      <Button icon={<PrinterOutlined />} data-testid="print-list-open">
        {p('openList')}
      </Button>
    </Dropdown>
  );
}
