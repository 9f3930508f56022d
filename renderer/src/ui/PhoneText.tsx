import { formatPhone } from '../../../shared/domain/phone';

/**
 * A phone number as people read it ("98765 43210"), with the stored form beside it for
 * screen readers and for finding it by any spelling on the page.
 */
export function PhoneText({ phone }: { phone: string }) {
  if (!phone) return null;
  const shown = formatPhone(phone);
  return (
    <span className="phone">
      <span aria-hidden="true">{shown}</span>
      <span className="sr-only">{phone}</span>
    </span>
  );
}
