export function TodayPage() {
  return <div data-testid="page-stub" />;
}
