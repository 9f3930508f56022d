/**
 * What to say and ask, per category: the defaults this console ships with. Kept as data (not
 * in the dictionaries) because supervisors will edit it while the floor runs; a category with
 * no entry shows none.
 */
import type { Language } from '../i18n';

export interface Guidance {
  say: string[];
  ask: string[];
}

export const DEFAULT_GUIDANCE: Record<string, Record<Language, Guidance>> = {
  food_ration: {
    en: {
      say: [
        'Dry ration is given at the ward office and at the nearest ration depot; no ration card is needed during the lockdown.',
        'Cooked food is served twice a day at community kitchens; we will send the nearest one by SMS if the caller wants.',
        'If the family has no food today, raise an urgent ticket: the food and supplies team calls back within 2 hours.',
      ],
      ask: ['How many people in the family, children and elderly?', 'Exact address or landmark, sector or village?', 'Do they have a ration card? (not required, but note it)'],
    },
    hi: {
      say: [
        'सूखा राशन वार्ड कार्यालय और नज़दीकी राशन डिपो पर मिलता है; लॉकडाउन में राशन कार्ड ज़रूरी नहीं है।',
        'सामुदायिक रसोई में दिन में दो बार पका भोजन मिलता है; कॉलर चाहें तो नज़दीकी रसोई SMS से भेजेंगे।',
        'अगर परिवार के पास आज खाना नहीं है, तो अत्यावश्यक शिकायत दर्ज करें: खाद्य एवं आपूर्ति टीम 2 घंटे में कॉल करेगी।',
      ],
      ask: ['परिवार में कितने लोग हैं, बच्चे और बुज़ुर्ग?', 'पूरा पता या पहचान की जगह, सेक्टर या गाँव?', 'क्या राशन कार्ड है? (ज़रूरी नहीं, पर नोट करें)'],
    },
  },
  migrant_worker: {
    en: {
      say: [
        'Migrant workers who want to go home register online on the state portal, or at the nearest Atal Seva Kendra; registration is free.',
        'After registration, the worker gets an SMS with the date, time and place of the bus or train. Nobody should pay an agent.',
        'Until departure, food is available at the shelter homes and community kitchens.',
      ],
      ask: ['Name, home state and district?', 'Mobile number that will receive the SMS?', 'Where do they stay now, and how many travel together?'],
    },
    hi: {
      say: [
        'घर जाने वाले प्रवासी श्रमिक राज्य पोर्टल पर या नज़दीकी अटल सेवा केंद्र पर प्रवासी श्रमिक पंजीकरण करवाएँ; पंजीकरण मुफ़्त है।',
        'पंजीकरण के बाद बस या ट्रेन की तारीख, समय और जगह SMS से आएगी। किसी एजेंट को पैसे न दें।',
        'रवाना होने तक आश्रय स्थलों और सामुदायिक रसोई में भोजन मिलता है।',
      ],
      ask: ['नाम, गृह राज्य और ज़िला?', 'वह मोबाइल नंबर जिस पर SMS आएगा?', 'अभी कहाँ रह रहे हैं, और कितने लोग साथ जाएँगे?'],
    },
  },
  movement_pass: {
    en: {
      say: [
        'Movement passes are applied for online on the district website; a pass is given for essential work, medical need or a death in the family.',
        'Keep an ID proof and a reason document ready (doctor’s letter, employer’s letter).',
        'The pass comes by SMS and e-mail; a printout is not needed, the phone copy is enough at the check-post.',
      ],
      ask: ['From where to where, and on which date?', 'How many people and which vehicle?', 'Has the caller already applied? Note the application number.'],
    },
    hi: {
      say: [
        'मूवमेंट पास के लिए ज़िले की वेबसाइट पर ऑनलाइन आवेदन करें; पास ज़रूरी काम, इलाज या परिवार में मृत्यु के लिए मिलता है।',
        'पहचान पत्र और कारण का कागज़ (डॉक्टर का पत्र, नियोक्ता का पत्र) तैयार रखें।',
        'पास SMS और ई-मेल से आता है; प्रिंट ज़रूरी नहीं, नाके पर फ़ोन में दिखाना काफ़ी है।',
      ],
      ask: ['कहाँ से कहाँ, किस तारीख को?', 'कितने लोग और कौन सी गाड़ी?', 'क्या पहले आवेदन किया है? आवेदन नंबर नोट करें।'],
    },
  },
  covid_info: {
    en: {
      say: [
        'Wear a mask outside, keep two metres away from others, wash hands often with soap.',
        'With fever, cough or difficulty breathing: call 1075 or go to the nearest flu clinic; do not go to the hospital without calling.',
        'Testing is free at government centres for people with symptoms or contact with a patient.',
      ],
      ask: ['Does anyone at home have symptoms? Since when?', 'Age of the person and other illnesses?', 'Contact with a COVID-19 patient or travel in the last 14 days?'],
    },
    hi: {
      say: [
        'बाहर मास्क पहनें, दूसरों से दो मीटर दूर रहें, बार-बार साबुन से हाथ धोएँ।',
        'बुखार, खाँसी या साँस लेने में तकलीफ़ हो तो 1075 पर कॉल करें या नज़दीकी फ़्लू क्लिनिक जाएँ; बिना कॉल किए अस्पताल न जाएँ।',
        'लक्षण वाले या मरीज़ के संपर्क में आए लोगों की जाँच सरकारी केंद्रों पर मुफ़्त है।',
      ],
      ask: ['क्या घर में किसी को लक्षण हैं? कब से?', 'व्यक्ति की उम्र और कोई दूसरी बीमारी?', 'पिछले 14 दिन में किसी कोविड-19 मरीज़ से संपर्क या यात्रा?'],
    },
  },
  medical: {
    en: {
      say: [
        'In an emergency, call the ambulance on 108 at once; stay on the line if the caller needs help to call.',
        'Medicine shops and clinics stay open; a prescription is enough to travel to them.',
      ],
      ask: ['What is the emergency, and how is the patient now?', 'Exact address and a landmark for the ambulance?', 'A second phone number of a family member?'],
    },
    hi: {
      say: ['आपात स्थिति में तुरंत 108 पर एम्बुलेंस बुलाएँ; कॉलर को मदद चाहिए तो लाइन पर बने रहें।', 'दवा की दुकानें और क्लिनिक खुले हैं; वहाँ जाने के लिए पर्ची काफ़ी है।'],
      ask: ['क्या आपात स्थिति है, मरीज़ अभी कैसा है?', 'एम्बुलेंस के लिए पूरा पता और पहचान की जगह?', 'परिवार के किसी सदस्य का दूसरा फ़ोन नंबर?'],
    },
  },
  aarogya_setu: {
    en: {
      say: [
        'Aarogya Setu is free on the Play Store and the App Store; it needs the mobile number, Bluetooth and location on.',
        'Help with installing it is given at every Atal Seva Kendra.',
        'A phone without internet can use the IVRS: a missed call to 1921.',
      ],
      ask: ['Android phone, iPhone or a basic phone?', 'Where does the installation stop: download, OTP or permissions?'],
    },
    hi: {
      say: [
        'आरोग्य सेतु ऐप Play Store और App Store पर मुफ़्त है; इसके लिए मोबाइल नंबर, ब्लूटूथ और लोकेशन चालू चाहिए।',
        'हर अटल सेवा केंद्र पर ऐप डाउनलोड करवाने में मदद मिलती है।',
        'बिना इंटरनेट वाले फ़ोन से 1921 पर मिस्ड कॉल देकर IVRS का उपयोग करें।',
      ],
      ask: ['एंड्रॉयड, आईफ़ोन या साधारण फ़ोन?', 'इंस्टॉल कहाँ रुकता है: डाउनलोड, OTP या अनुमति?'],
    },
  },
  grievance: {
    en: {
      say: [
        'The complaint is registered now and forwarded to the department; tell the caller the ticket number.',
        'The department or this control room calls back; the caller can call 1950 again with the ticket number.',
      ],
      ask: ['What happened, where and when?', 'Which office or person is it about?', 'Has it been reported before? Ticket number?'],
    },
    hi: {
      say: ['शिकायत अभी दर्ज की गई है और विभाग को भेजी जाएगी; कॉलर को शिकायत नंबर बताएँ।', 'विभाग या यह कंट्रोल रूम वापस कॉल करेगा; कॉलर शिकायत नंबर के साथ 1950 पर फिर कॉल कर सकते हैं।'],
      ask: ['क्या हुआ, कहाँ और कब?', 'किस कार्यालय या व्यक्ति के बारे में है?', 'क्या पहले शिकायत की थी? शिकायत नंबर?'],
    },
  },
  other: {
    en: {
      say: ['Listen fully, then repeat the request in one sentence to check you understood.', 'If it belongs to another helpline, give its number: 1075 (COVID-19), 108 (ambulance), 112 (police).'],
      ask: ['What does the caller need today?', 'A number to call back?'],
    },
    hi: {
      say: ['पूरी बात सुनें, फिर एक वाक्य में दोहराकर जाँचें कि आप सही समझे।', 'अगर यह किसी दूसरी हेल्पलाइन का काम है तो उसका नंबर बताएँ: 1075 (कोविड-19), 108 (एम्बुलेंस), 112 (पुलिस)।'],
      ask: ['कॉलर को आज क्या चाहिए?', 'वापस कॉल करने के लिए नंबर?'],
    },
  },
};

export function guidanceFor(category: string, lang: Language): Guidance | null {
  return DEFAULT_GUIDANCE[category]?.[lang] ?? null;
}
