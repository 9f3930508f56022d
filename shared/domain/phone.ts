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

/**
 * Long-distance (STD) codes of two and three digits among the landline ranges (national
 * numbers starting 1 to 5). India's codes are a prefix code of two, three or four digits with
 * the subscriber number making ten digits in all, so a landline whose start is in neither list
 * has a four-digit code (the smaller towns: Rewari 1274, Palwal 1275, Nuh 1267…).
 */
const STD_2 = new Set(['11', '20', '22', '33', '40', '44']);
const STD_3 = new Set(
  (
    '120 121 124 129 130 131 132 135 141 144 145 151 154 160 161 164 171 172 175 177 180 181 183 184 191 194 ' +
    '217 231 233 240 241 251 253 257 260 261 265 268 278 281 285 288 291 294 ' +
    '326 341 342 343 353 361 364 381 385 389 ' +
    '413 416 421 422 424 427 431 435 451 452 461 462 471 474 477 481 484 487 491 495 497 ' +
    '512 522 532 542 551 562 565 571 581 591'
  ).split(' '),
);

/**
 * A number as the floor dials it, for display: Indian mobiles in two groups of five
 * ("98765 43210"), Indian landlines with the trunk 0 and their STD code ("0172-4567890",
 * "0124-2345678", "011-23456789", "01274-234567"); other numbers as stored (+ and digits).
 * Ten digits starting 6 to 9 are read as mobiles: that is what nearly every caller has, and
 * the few landline codes in those ranges (Ahmedabad 79, Bengaluru 80) cannot be told apart
 * from a mobile once the number is stored.
 */
export function formatPhone(phone: string): string {
  const m = /^\+91(\d{10})$/.exec(phone);
  if (!m) return phone;
  const ten = m[1]!;
  if (/^[6-9]/.test(ten)) return `${ten.slice(0, 5)} ${ten.slice(5)}`;
  const codeLength = STD_2.has(ten.slice(0, 2)) ? 2 : STD_3.has(ten.slice(0, 3)) ? 3 : 4;
  return `0${ten.slice(0, codeLength)}-${ten.slice(codeLength)}`;
}
