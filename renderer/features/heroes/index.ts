// The hero's own cards screen; its public entry.
export { MyHeroesPage } from './MyHeroesPage';
