export function StartScreen() {
  return <div data-testid="start-screen" />;
}
