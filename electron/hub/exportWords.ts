/**
 * The words of CSV exports in the two languages of the floor: the header row, and the labels
 * of the contract's fixed vocabulary (statuses, priorities, dispositions, callers' languages).
 * Category and department labels come from the floor configuration instead, where supervisors
 * set them. The labels are the consoles' own (renderer/src/i18n), which a test holds them to:
 * a sheet says what the screens say.
 */
import type { Disposition, Priority, TicketStatus } from '../../shared/protocol/vocabulary';

export type ExportLang = 'en' | 'hi';
type Words<K extends string> = Record<ExportLang, Record<K, string>>;

export const STATUS_WORDS: Words<TicketStatus> = {
  en: { open: 'Open', in_progress: 'In progress', forwarded: 'Forwarded', resolved: 'Resolved', closed: 'Closed' },
  hi: { open: 'खुली', in_progress: 'कार्रवाई जारी', forwarded: 'आगे भेजी गई', resolved: 'समाधान हुआ', closed: 'बंद' },
};

export const PRIORITY_WORDS: Words<Priority> = {
  en: { normal: 'Normal', urgent: 'Urgent' },
  hi: { normal: 'सामान्य', urgent: 'अत्यावश्यक' },
};

/** The operators' six, and `disconnected`, which the hub records for a call its seat left open. */
export const DISPOSITION_WORDS: Words<Disposition | 'disconnected'> = {
  en: { info_given: 'Information given', ticket_raised: 'Ticket raised', forwarded: 'Forwarded', callback: 'Call back', dropped: 'Dropped', prank: 'Prank / silent', disconnected: 'Disconnected (closed by the hub)' },
  hi: { info_given: 'जानकारी दी गई', ticket_raised: 'शिकायत दर्ज की गई', forwarded: 'आगे भेजी गई', callback: 'वापस कॉल करनी है', dropped: 'कॉल कट गई', prank: 'फ़र्ज़ी / चुप कॉल', disconnected: 'डिस्कनेक्ट (हब ने बंद की)' },
};

export const LANGUAGE_WORDS: Words<'hi' | 'en' | 'haryanvi' | 'punjabi' | 'bengali' | 'bhojpuri' | 'other'> = {
  en: { hi: 'Hindi', en: 'English', haryanvi: 'Haryanvi', punjabi: 'Punjabi', bengali: 'Bengali', bhojpuri: 'Bhojpuri', other: 'Other' },
  hi: { hi: 'हिन्दी', en: 'अंग्रेज़ी', haryanvi: 'हरियाणवी', punjabi: 'पंजाबी', bengali: 'बांग्ला', bhojpuri: 'भोजपुरी', other: 'अन्य' },
};

export const YES: Record<ExportLang, string> = { en: 'yes', hi: 'हाँ' };

/**
 * Column headers. English keeps the names exports have always had (what scripts read); Hindi
 * names them in words. A `_code` column holds the id beside its label.
 */
export const HEADERS_HI: Record<string, string> = {
  number: 'शिकायत नंबर',
  created_at: 'दर्ज होने का समय',
  status: 'स्थिति',
  status_code: 'स्थिति कोड',
  category: 'श्रेणी',
  category_code: 'श्रेणी कोड',
  priority: 'प्राथमिकता',
  priority_code: 'प्राथमिकता कोड',
  department: 'विभाग',
  department_code: 'विभाग कोड',
  phone: 'फ़ोन',
  caller_name: 'कॉलर का नाम',
  locality: 'इलाका',
  language: 'भाषा',
  language_code: 'भाषा कोड',
  description: 'विवरण',
  seat: 'सीट',
  created_by: 'दर्ज करने वाले',
  created_by_user: 'दर्ज करने वाले का यूज़रनेम',
  operator_user: 'ऑपरेटर का यूज़रनेम',
  assigned_seat: 'सौंपी गई सीट',
  escalated: 'ऊपर भेजी गई',
  due_at: 'निपटाने की समय-सीमा',
  forwarded_at: 'विभाग को भेजने का समय',
  department_ack_at: 'विभाग की पुष्टि का समय',
  department_ref: 'विभाग का संदर्भ नंबर',
  callback_due_at: 'वापस कॉल की समय-सीमा',
  callback_done_at: 'वापस कॉल का समय',
  resolved_at: 'समाधान का समय',
  updated_at: 'आख़िरी बदलाव',
  notes: 'नोट',
  started_at: 'कॉल शुरू',
  ended_at: 'कॉल ख़त्म',
  seconds: 'अवधि (सेकंड)',
  disposition: 'कॉल का नतीजा',
  disposition_code: 'नतीजा कोड',
  ticket_id: 'शिकायत आईडी',
  id: 'आईडी',
};
