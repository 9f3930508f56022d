/**
 * What a new hub starts with: the helpline's categories as they stood in 2020, labelled in
 * English and Hindi, with the guidance operators read to callers, the departments complaints
 * went to, and service-level targets. Supervisors edit all of it while the floor runs.
 */
import type { FloorConfig } from '../protocol/config';

export const DEFAULT_CONFIG: FloorConfig = {
  version: 1,
  categories: [
    {
      id: 'food_ration',
      label: { en: 'Food and ration', hi: 'भोजन और राशन' },
      guidance: {
        en: 'Ask: name, family members, full address (sector / village), ration card if any. Tell: dry ration kits and cooked food are given through the ward and village committees; the food and supplies department calls back within a day. Give the ticket number.',
        hi: 'पूछें: नाम, परिवार के सदस्य, पूरा पता (सेक्टर / गाँव), राशन कार्ड हो तो उसका नंबर। बताएं: सूखा राशन और पका भोजन वार्ड व ग्राम समितियों से मिलता है; खाद्य एवं आपूर्ति विभाग एक दिन में फोन करेगा। शिकायत नंबर बताएं।',
      },
      active: true,
    },
    {
      id: 'migrant_worker',
      label: { en: 'Migrant worker registration / travel', hi: 'प्रवासी श्रमिक पंजीकरण / यात्रा' },
      guidance: {
        en: 'Ask: name, home state and district, where they stay now, how many travel with them, mobile number. Tell: registration is free; the travel date and place come by SMS; do not go to the station or bus stand without the SMS.',
        hi: 'पूछें: नाम, गृह राज्य और ज़िला, अभी कहाँ रह रहे हैं, साथ में कितने लोग, मोबाइल नंबर। बताएं: पंजीकरण निःशुल्क है; यात्रा की तारीख और जगह SMS से आएगी; SMS के बिना स्टेशन या बस अड्डे न जाएं।',
      },
      active: true,
    },
    {
      id: 'movement_pass',
      label: { en: 'Movement pass', hi: 'मूवमेंट पास' },
      guidance: {
        en: 'Ask: reason for travel, vehicle number, from and to, dates. Tell: apply online on the district portal with an ID proof and supporting papers; the pass comes by SMS or e-mail. A medical emergency needs no pass: carry the hospital papers.',
        hi: 'पूछें: यात्रा का कारण, वाहन नंबर, कहाँ से कहाँ, तारीखें। बताएं: ज़िले के पोर्टल पर पहचान पत्र और ज़रूरी कागज़ों के साथ ऑनलाइन आवेदन करें; पास SMS या ई-मेल से आएगा। मेडिकल इमरजेंसी में पास ज़रूरी नहीं: अस्पताल के कागज़ साथ रखें।',
      },
      active: true,
    },
    {
      id: 'covid_info',
      label: { en: 'COVID-19 protocol', hi: 'कोविड-19 प्रोटोकॉल' },
      guidance: {
        en: 'Tell: wear a mask, keep two metres apart, wash hands often. Fever, dry cough or breathlessness: visit the nearest flu clinic or call 1075. Home isolation: a separate room, no visitors, report daily.',
        hi: 'बताएं: मास्क पहनें, दो मीटर की दूरी रखें, बार-बार हाथ धोएं। बुखार, सूखी खांसी या सांस की तकलीफ़: नज़दीकी फ्लू क्लिनिक जाएं या 1075 पर फोन करें। होम आइसोलेशन: अलग कमरा, कोई मिलने न आए, रोज़ जानकारी दें।',
      },
      active: true,
    },
    {
      id: 'medical',
      label: { en: 'Medical help', hi: 'चिकित्सा सहायता' },
      guidance: {
        en: "Ask: the patient's condition, age, address. Trouble breathing or unconscious: tell them to call the ambulance on 108 now, and mark the ticket urgent.",
        hi: 'पूछें: मरीज़ की हालत, उम्र, पता। सांस लेने में तकलीफ़ या बेहोशी: तुरंत 108 पर एम्बुलेंस बुलाने को कहें और शिकायत को अति आवश्यक चिह्नित करें।',
      },
      active: true,
    },
    {
      id: 'aarogya_setu',
      label: { en: 'Aarogya Setu app', hi: 'आरोग्य सेतु ऐप' },
      guidance: {
        en: 'Tell: install Aarogya Setu from the Play Store or App Store; keep Bluetooth and location on. Help is available at the nearest Atal Seva Kendra.',
        hi: 'बताएं: प्ले स्टोर या ऐप स्टोर से आरोग्य सेतु इंस्टॉल करें; ब्लूटूथ और लोकेशन चालू रखें। नज़दीकी अटल सेवा केंद्र पर मदद मिलती है।',
      },
      active: true,
    },
    {
      id: 'grievance',
      label: { en: 'Complaint', hi: 'शिकायत' },
      guidance: {
        en: 'Ask: what happened, where, which office or person. Raise a ticket, forward it to the department and give the caller the ticket number.',
        hi: 'पूछें: क्या हुआ, कहाँ, किस कार्यालय या व्यक्ति से जुड़ा है। शिकायत दर्ज करें, विभाग को भेजें और कॉल करने वाले को शिकायत नंबर बताएं।',
      },
      active: true,
    },
    {
      id: 'other',
      label: { en: 'Other', hi: 'अन्य' },
      guidance: {
        en: 'Listen, note what is asked, and raise a ticket if someone has to act on it.',
        hi: 'ध्यान से सुनें, जो पूछा गया है उसे लिखें, और अगर किसी को कार्रवाई करनी है तो शिकायत दर्ज करें।',
      },
      active: true,
    },
  ],
  departments: [
    { id: 'municipal_corporation', label: { en: 'Municipal corporation', hi: 'नगर निगम' }, active: true },
    { id: 'food_supplies', label: { en: 'Food and supplies', hi: 'खाद्य एवं आपूर्ति विभाग' }, active: true },
    { id: 'police', label: { en: 'Police', hi: 'पुलिस' }, active: true },
    { id: 'health', label: { en: 'Health', hi: 'स्वास्थ्य विभाग' }, active: true },
    { id: 'transport', label: { en: 'Transport', hi: 'परिवहन विभाग' }, active: true },
    { id: 'labour', label: { en: 'Labour', hi: 'श्रम विभाग' }, active: true },
    { id: 'district_administration', label: { en: 'District administration', hi: 'ज़िला प्रशासन' }, active: true },
  ],
  sla: { normalHours: 24, urgentHours: 4, perCategory: { medical: { normalHours: 4, urgentHours: 1 }, food_ration: { normalHours: 12 } } },
  privacy: { maskClosedAfterDays: 365 },
};
