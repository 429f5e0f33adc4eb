/**
 * The statement library shipped with migration 0008 (frozen with it). Good practice per crisis type: acknowledge
 * fast, show empathy, be transparent, apologise when at fault, give facts and evidence against false information,
 * tell users how to protect their accounts after a breach. `{placeholders}` are filled from the incident when a
 * template becomes a draft (brand, date, spokesperson, contact, next update); the others are for the writer.
 */
export const STATEMENT_TEMPLATES: { id: string; kind: string; crisisType: string | null; lang: string; title: string; body: string }[] = [
  {
    id: 'holding-en', kind: 'holding', crisisType: null, lang: 'en', title: 'Holding statement',
    body: `We are aware of {issue} being shared about {brand}. We take it seriously and are looking into it now.

We will share what we know by {next_update}, and keep updating this page as we learn more.

Questions: {contact}.`,
  },
  {
    id: 'holding-ru', kind: 'holding', crisisType: null, lang: 'ru', title: 'Предварительное заявление',
    body: `Мы знаем о {issue}, что распространяется о {brand}. Мы относимся к этому серьёзно и уже разбираемся.

Мы расскажем, что известно, до {next_update} и будем обновлять эту страницу по мере выяснения.

Вопросы: {contact}.`,
  },
  {
    id: 'holding-uk', kind: 'holding', crisisType: null, lang: 'uk', title: 'Попередня заява',
    body: `Ми знаємо про {issue}, що поширюється про {brand}. Ми ставимося до цього серйозно й уже з’ясовуємо.

Ми розповімо, що відомо, до {next_update} і оновлюватимемо цю сторінку в міру з’ясування.

Запитання: {contact}.`,
  },
  {
    id: 'holding-fa', kind: 'holding', crisisType: null, lang: 'fa', title: 'بیانیهٔ اولیه',
    body: `ما از {issue} که دربارهٔ {brand} منتشر می‌شود آگاهیم. این موضوع را جدی می‌گیریم و هم‌اکنون در حال بررسی آن هستیم.

تا {next_update} آنچه را می‌دانیم اعلام می‌کنیم و این صفحه را با روشن شدن موضوع به‌روز می‌کنیم.

پرسش‌ها: {contact}.`,
  },
  {
    id: 'holding-el', kind: 'holding', crisisType: null, lang: 'el', title: 'Προσωρινή δήλωση',
    body: `Γνωρίζουμε για {issue} που κυκλοφορεί σχετικά με {brand}. Το παίρνουμε σοβαρά και το εξετάζουμε ήδη.

Θα ενημερώσουμε για όσα γνωρίζουμε έως {next_update} και θα ενημερώνουμε αυτή τη σελίδα καθώς μαθαίνουμε περισσότερα.

Ερωτήσεις: {contact}.`,
  },
  {
    id: 'reviews-reply-en', kind: 'social_reply', crisisType: 'negative_reviews', lang: 'en', title: 'Reply to a negative review',
    body: `We're sorry — this is not the experience we want anyone to have with {brand}. Please send us a direct message with your order number so we can put it right today.`,
  },
  {
    id: 'reviews-public-en', kind: 'public', crisisType: 'negative_reviews', lang: 'en', title: 'Apology and what we are doing',
    body: `Over the past days many of you told us about {problem}. You were right to, and we apologise.

What went wrong: {cause}.
What we are doing: we are contacting every customer affected, and {compensation}.
What changes: {change}.

If you were affected, contact us at {contact} and we will help you first.`,
  },
  {
    id: 'viral-holding-en', kind: 'holding', crisisType: 'viral_activity', lang: 'en', title: 'Viral post: acknowledgement and advice',
    body: `We have seen the {post} shared widely today, and we understand the concern.

We are checking the facts with {team} now and will report back by {next_update}. Until then: {advice}.

Please rely on our official channels for updates; posts claiming to speak for {brand} elsewhere are not ours.`,
  },
  {
    id: 'breach-public-en', kind: 'public', crisisType: 'confidential_information', lang: 'en', title: 'Notice of a data incident',
    body: `On {date} we found that {what_happened}. We are sorry: protecting your information is our responsibility.

What was affected: {data}.
What was not affected: {not_affected}.
What we did: we stopped the affected service at once, {measures}, and informed {authority}.

What you should do now:
- change your password, and anywhere you used the same password;
- turn on two-step verification;
- be careful with e-mails or messages asking for your details: we will never ask for your password.

We will write to everyone affected. Questions: {contact}.`,
  },
  {
    id: 'account-public-en', kind: 'public', crisisType: 'unauthorised_access', lang: 'en', title: 'Our account was accessed without permission',
    body: `On {date} someone outside our team got into our {platform} account. The posts published between {from} and {to} were not ours; please do not open their links.

We have regained control, changed our passwords, turned on two-step verification and are reviewing the security of all our accounts.

If you shared your details after one of those posts, change your password now. Questions: {contact}.`,
  },
  {
    id: 'false-info-public-en', kind: 'public', crisisType: 'false_information', lang: 'en', title: 'The facts about a false claim',
    body: `Claims that {claim} are false.

The facts: {facts}.
The evidence: {evidence}.

We understand why this worried people. If you have questions, ask us at {contact}: we will answer every one.`,
  },
  {
    id: 'conflict-reply-en', kind: 'social_reply', crisisType: 'user_conflicts', lang: 'en', title: 'Community rules reminder',
    body: `We want this to stay a place where everyone can speak. Insults and provocation break our community rules ({rules_link}), so we have hidden those posts. Disagree as much as you like — respectfully.`,
  },
  {
    id: 'faq-en', kind: 'faq', crisisType: null, lang: 'en', title: 'Frequent questions',
    body: `What happened?
{what_happened}

Is it safe to {action}?
{safety_answer}

What are you doing about it?
{measures}

What should I do?
{advice}

When will you tell us more?
By {next_update}.

Who can I contact?
{contact}`,
  },
  {
    id: 'internal-en', kind: 'internal', crisisType: null, lang: 'en', title: 'Internal briefing',
    body: `Situation ({date}): {situation}

What we say: use only the approved statements; key messages: {key_messages}.
What we do not say: no speculation about causes, people or figures not confirmed.
Who speaks: {spokesperson} only. Send every media or partner request to {contact}.
Next update to staff: {next_update}.`,
  },
];
