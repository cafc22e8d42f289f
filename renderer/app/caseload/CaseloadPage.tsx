export function CaseloadPage() {
  return <div data-testid="page-stub" />;
}
