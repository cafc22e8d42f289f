// The printed forms (issue 16): one page per form, A4 portrait; the router shows them under #/print/….
export { printPageFor } from './PrintRoute';
export { PrintRecipientButton, PrintRequestButton, PrintVisitButton, PrintVisitListButton } from './PrintButtons';
