// The service requests screen; its public entry.
export { RequestsPage } from './RequestsPage';
