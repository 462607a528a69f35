export { TaxIdSchema, TAX_ID_HINT, formatTaxId, hasValidTaxIdPrefix } from "./tax-id";
export { NpiSchema, hasValidNpiCheckDigit, npiCheckDigit } from "./npi";
export { CheckNumberSchema, VendorNumberSchema, NoticeNumberSchema, lacksNoticePrefix } from "./payment";
export { EmailSchema, FirstNameSchema, LastNameSchema, PhoneSchema, formatPhone, NAME_MAX } from "./person";
export { PasswordSchema, PASSWORD_MIN, PASSWORD_MAX, normalizePassword } from "./password";
export { PinSchema, PIN_ALPHABET, PIN_LENGTH, normalizePin, formatPin } from "./pin";
