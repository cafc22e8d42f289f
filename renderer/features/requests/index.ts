// The service requests screen; its public entry.
export { RequestsPage } from './RequestsPage';
export { NewRequestPage } from './NewRequestPage';
export { intakeStrings } from './intakeStrings';
export { NewRequestButton } from './NewRequestButton';
