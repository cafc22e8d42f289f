import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useStrings } from './i18n';
import { appStrings } from './appStrings';

function RouteErrorView({ onRetry }: { onRetry: () => void }) {
  const t = useStrings(appStrings);
  return (
    <Result
      status="warning"
      title={t('routeError')}
      subTitle={t('routeErrorHint')}
      extra={
        <Button type="primary" onClick={onRetry}>
          {t('retry')}
        </Button>
      }
      data-testid="route-error"
    />
  );
}

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * One boundary per route (keyed by the route path, so moving away resets it): a failing
 * useLiveQuery or a bug in one page never blanks the navigation or the other pages.
 */
export class RouteErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Route failed', error, info.componentStack);
  }

  private readonly retry = (): void => this.setState({ error: null });

  override render(): ReactNode {
    if (this.state.error) return <RouteErrorView onRetry={this.retry} />;
    return this.props.children;
  }
}
