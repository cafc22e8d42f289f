// Attachments on forms (issue 15): the picker and the preparation of a picked file; the screens wire it in.
export { AttachmentPicker, type AttachmentPickerProps } from './AttachmentPicker';
export { canAddMore, prepareFile, sniffMime, type PrepareError } from './prepareFile';
export { AttachmentGallery, AttachmentTile } from './AttachmentGallery';
export { SignaturePadDialog } from './SignaturePadDialog';
export { RecipientDocumentsCard } from './RecipientDocumentsCard';
export { AddAttachmentsDialog, type AddAttachmentsDialogProps } from './AddAttachmentsDialog';
export { useAttachmentImage, type AttachmentImage } from './useAttachmentImage';
