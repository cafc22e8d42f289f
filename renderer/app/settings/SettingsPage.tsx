export function SettingsPage() {
  return <div data-testid="page-stub" />;
}
