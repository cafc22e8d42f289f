// The caseload screen's public entry: what the shell and other features may use.
export { CaseloadPage } from './CaseloadPage';
