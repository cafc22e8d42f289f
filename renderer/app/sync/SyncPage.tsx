export function SyncPage() {
  return <div data-testid="page-stub" />;
}
