// The recipient profile (and creation) screen; its public entry.
export { RecipientProfilePage, type RecipientProfilePageProps } from './RecipientProfilePage';
