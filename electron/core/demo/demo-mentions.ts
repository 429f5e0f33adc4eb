/**
 * The demo crisis's monitoring export: a Brandwatch-style CSV written relative to `now`, so the spike always sits
 * where the demo incident says it was detected. Deterministic (seeded), multilingual, with two broken rows so
 * the quarantine has something to show.
 */
const HOUR = 3_600_000;

/**
 * What people add around the same complaint, so that no two accounts post quite the same words (the dashboard's
 * copies card would take a template repeated by chance for a copy-paste campaign; the demo has two real ones).
 */
const ASIDES: Record<string, { before: string[]; after: string[] }> = {
  en: { before: ['', 'Honestly, ', 'Ok so ', 'Just saw this. ', 'Hmm. ', 'Morning update: ', 'Well. '], after: ['', ' Anyone else?', ' Thoughts?', ' Still waiting.', ' Day two.', ' Will keep you posted.', ' Seen it on the news too.', ' My whole family drinks this.'] },
  ru: { before: ['', 'Так, ', 'Ну вот. ', 'Коротко: ', 'Внимание. ', 'Итак, '], after: ['', ' Кто ещё?', ' Ждём.', ' Что скажете?', ' Видел в новостях.', ' Второй день уже.', ' Держите в курсе.'] },
  uk: { before: ['', 'Отже, ', 'Коротко: ', 'Ну от. ', 'Увага. '], after: ['', ' Хто ще?', ' Чекаємо.', ' Що скажете?', ' Бачив у новинах.', ' Другий день уже.'] },
  el: { before: ['', 'Λοιπόν, ', 'Σύντομα: ', 'Προσοχή. '], after: ['', ' Ποιος άλλος;', ' Περιμένουμε.', ' Τι λέτε;', ' Το είδα στις ειδήσεις.', ' Δεύτερη μέρα.'] },
  fa: { before: ['', 'خب، ', 'خلاصه: ', 'توجه. '], after: ['', ' کس دیگری هم؟', ' منتظریم.', ' نظرتان چیست؟', ' در اخبار هم دیدم.', ' روز دوم است.'] },
};

/**
 * A copy-paste campaign: the same claim, word for word, from fresh accounts with few followers within two hours,
 * links and "RT @..." aside. The dashboard's copies card finds it, and "Same words" in a mention lists every copy.
 */
const CAMPAIGNS = [
  { lang: 'en', country: 'United States', accounts: 18, handle: 'truth_now_', text: 'BREAKING: Northwind knew about the contaminated batch for weeks and kept selling it. Children are in hospital. Share before they delete this! #poisonedbatch' },
  { lang: 'ru', country: 'Russia', accounts: 8, handle: 'pravda_24_', text: 'СРОЧНО: Northwind знала о заражённой партии и продолжала продавать. Дети в больнице. Распространите, пока не удалили! #poisonedbatch' },
];

const VOICES: { lang: string; country: string; neg: string[]; neu: string[]; pos: string[] }[] = [
  {
    lang: 'en', country: 'United Kingdom',
    neg: ['Found something floating in my Northwind Orange. Never again. #northwind', 'Is Northwind poisoning people?? Watch this video', 'Northwind customer service hung up on me. Disgusting.', 'Retailers should pull Northwind from the shelves until they explain'],
    neu: ['Switching to Southgate juice until Northwind explains', 'Has Northwind said anything about the bottle video yet?', 'Northwind batch numbers: how to check yours', 'Looking for the Northwind hotline number'],
    pos: ['Drank Northwind for years, never had a problem', 'Northwind replied quickly and refunded me, fair play'],
  },
  {
    lang: 'ru', country: 'Russia',
    neg: ['Сок Northwind с посторонним предметом, это просто ужас', 'Northwind молчит, а видео уже у всех в ленте', 'Больше никогда не куплю Northwind'],
    neu: ['Перехожу на Southgate, пока Northwind молчит', 'Кто-нибудь знает, какая партия Northwind под подозрением?', 'Northwind обещает проверку партии'],
    pos: ['Northwind быстро ответили и вернули деньги'],
  },
  {
    lang: 'uk', country: 'Ukraine',
    neg: ['Сік Northwind — жах, більше не куплю', 'Чому Northwind досі мовчить про це відео?'],
    neu: ['Northwind перевіряє партію, чекаємо результатів'],
    pos: ['Northwind відповіли на мій лист, дякую'],
  },
  {
    lang: 'el', country: 'Greece',
    neg: ['Απαράδεκτο, βρήκα ξένο σώμα στο χυμό Northwind', 'Η Northwind πρέπει να απαντήσει άμεσα'],
    neu: ['Ποια παρτίδα της Northwind αφορά το βίντεο;'],
    pos: ['Η Northwind μου απάντησε γρήγορα'],
  },
  {
    lang: 'fa', country: 'Iran',
    neg: ['آب‌میوه Northwind خراب بود، دیگر نمی‌خرم', 'چرا Northwind درباره این ویدیو چیزی نمی‌گوید؟'],
    neu: ['کسی می‌داند کدام سری Northwind مشکل دارد؟'],
    pos: ['پشتیبانی Northwind سریع پاسخ داد'],
  },
];
const PAGE_TYPES = ['X', 'X', 'X', 'Instagram', 'Facebook', 'Telegram', 'News', 'Reddit'];
const DOMAINS: Record<string, string> = { X: 'x.com', Instagram: 'instagram.com', Facebook: 'facebook.com', Telegram: 't.me', News: 'news.example.com', Reddit: 'reddit.com' };

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + '.0';

/** Mentions per hour: a quiet baseline, then the video goes viral 22 hours ago and slowly cools down. */
function perHour(hoursAgo: number): number {
  if (hoursAgo > 22) return 2;
  const sinceSpike = 22 - hoursAgo;
  return Math.round(4 + 46 * Math.exp(-((sinceSpike - 3) ** 2) / 8) + 10 * Math.exp(-sinceSpike / 10));
}

export function demoMentionsCsv(now: number): string {
  const random = seeded(2026);
  const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  // Each use of a sentence takes the next pair of asides, so it repeats only after every pair was used.
  const uses = new Map<string, number>();
  const vary = (lang: string, text: string) => {
    const { before, after } = ASIDES[lang];
    const i = uses.get(text) ?? 0;
    uses.set(text, i + 1);
    return before[i % before.length] + text + after[Math.floor(i / before.length) % after.length];
  };
  // Its own sequence, so the campaigns leave every other pick (times, accounts, tones) as it was.
  const aside = seeded(7);
  const header = 'Query Id,Query Name,Date,Title,Snippet,Full Text,Url,Domain,Sentiment,Page Type,Language,Country,Author,Full Name,Resource Id,Likes,Comments,Shares,X Followers,Engagement Score,Reach (new)';
  const lines = ['Report:,Northwind crisis monitoring', 'Brand:,Northwind Juice Co.', `Exported:,${stamp(now)}`, '', header];
  let n = 0;
  for (let hoursAgo = 48; hoursAgo >= 1; hoursAgo--) {
    for (let k = 0; k < perHour(hoursAgo); k++) {
      n++;
      const at = now - hoursAgo * HOUR + Math.floor(random() * HOUR);
      const voice = pick(VOICES);
      const inSpike = hoursAgo <= 22;
      const roll = random();
      const sentiment = inSpike ? (roll < 0.62 ? 'negative' : roll < 0.9 ? 'neutral' : 'positive') : roll < 0.2 ? 'negative' : roll < 0.75 ? 'neutral' : 'positive';
      // A hashtag born with the video: the new-term alert should catch it taking over the negative mentions.
      const tag = inSpike && sentiment === 'negative' && random() < 0.6 ? ' #poisonedbatch' : '';
      const text = vary(voice.lang, pick(sentiment === 'negative' ? voice.neg : sentiment === 'neutral' ? voice.neu : voice.pos) + tag);
      const page = pick(PAGE_TYPES);
      const handle = `${voice.lang}_user${Math.floor(random() * 400)}`;
      const influencer = random() < 0.03;
      const followers = influencer ? 150_000 + Math.floor(random() * 400_000) : Math.floor(random() * 3000);
      const id = `18590${String(n).padStart(14, '0')}`;
      const url = page === 'News' ? `https://news.example.com/${voice.lang}/northwind-${n}` : `https://${DOMAINS[page]}/${handle}/status/${id}`;
      const likes = Math.floor(random() * (influencer ? 5000 : 80));
      lines.push([
        // Brandwatch does not rate Telegram posts here: Firebreak's engine fills those in.
        2001, 'Northwind', stamp(at), '', '', quote(text), url, DOMAINS[page], page === 'Telegram' ? '' : sentiment, page,
        voice.lang, voice.country, handle, quote(handle.replace('_', ' ')), page === 'News' ? '' : id, likes, Math.floor(likes / 6),
        Math.floor(likes / 4), followers, likes * 2, followers * 3,
      ].join(','));
    }
  }
  for (const [c, campaign] of CAMPAIGNS.entries()) {
    for (let k = 0; k < campaign.accounts; k++) {
      const at = now - 3.5 * HOUR + Math.floor(aside() * 2 * HOUR);
      const handle = `${campaign.handle}${100 + k * 7 + c}`;
      const id = `18591${String(c * 100 + k).padStart(14, '0')}`;
      // Some retweet the first account rather than paste: the same words, still one campaign.
      const text = k > 0 && k % 4 === 0 ? `RT @${campaign.handle}100: ${campaign.text}` : `${campaign.text} https://t.co/${id.slice(-8)}`;
      const followers = Math.floor(aside() * 60);
      lines.push([2001, 'Northwind', stamp(at), '', '', quote(text), `https://x.com/${handle}/status/${id}`, 'x.com', 'negative', 'X', campaign.lang, campaign.country, handle, quote(handle), id, 0, 0, k % 3, followers, 1, followers].join(','));
    }
  }
  // Written as people write under stress: Greek in capitals (no tonos), Persian typed on an Arabic keyboard (ي, ك),
  // a batch number in Persian digits. Search folds them, so "ζητάμε επιστροφή", "کیفیت" and "2211" find them.
  lines.push(`2001,Northwind,${stamp(now - 5 * HOUR)},,,"ΖΗΤΑΜΕ ΕΠΙΣΤΡΟΦΗ ΧΡΗΜΑΤΩΝ ΑΠΟ ΤΗ NORTHWIND ΤΩΡΑ",https://x.com/el_angry/status/1859099999999999990,x.com,negative,X,el,Greece,el_angry,El Angry,1859099999999999990,40,6,10,900,80,2700`);
  lines.push(`2001,Northwind,${stamp(now - 4 * HOUR)},,,"كيفيت آب‌ميوه Northwind خيلي بد بود",https://x.com/fa_user_kb/status/1859099999999999991,x.com,negative,X,fa,Iran,fa_user_kb,Fa User,1859099999999999991,12,2,3,300,24,900`);
  lines.push(`2001,Northwind,${stamp(now - 3 * HOUR)},,,"سری ۲۲۱۱ آب‌میوه Northwind را نخرید، بطری ما هم همین بود",https://x.com/fa_parents/status/1859099999999999992,x.com,negative,X,fa,Iran,fa_parents,Fa Parents,1859099999999999992,8,1,2,2400,16,7200`);
  // Two rows the monitoring tool exported badly: they wait in the quarantine to be fixed.
  lines.push(`2001,Northwind,yesterday evening,,,"Northwind bottle video is everywhere",https://x.com/late_post/status/1859099999999999998,x.com,negative,X,en,United Kingdom,late_post,Late Post,,3,0,1,120,4,360`);
  lines.push(`2001,Northwind,${stamp(now - 2 * HOUR)},,,"Northwind statement when?"`);
  return lines.join('\r\n') + '\r\n';
}
