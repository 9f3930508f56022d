/** Phone numbers for people to read: masked for the wall, grouped for display, digits for search. */

/** What the wall and other read-only views show: only the last four digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 4) return '••••';
  return '••••••' + digits.slice(-4);
}

/** Digits only, for partial matching while an operator is still typing. */
export function phoneDigits(input: string): string {
  return input.replace(/\D/g, '');
}

/** "+919876543210" → "98765 43210" for display; other numbers unchanged. */
export function formatPhone(phone: string): string {
  const m = /^\+91(\d{5})(\d{5})$/.exec(phone);
  return m ? `${m[1]} ${m[2]}` : phone;
}
