// The visit log screen; its public entry, and the start-up cleanup of the old clear drafts.
export { LogVisitPage, type LogVisitPageProps } from './LogVisitPage';
export { removeLegacyVisitDrafts } from './visitDraft';
export { AidHandoutPage } from './AidHandoutPage';
export { handoutStrings } from './handoutStrings';
