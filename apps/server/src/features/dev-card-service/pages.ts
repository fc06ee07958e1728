import type { CardIdentity, IsoDate } from '@kumamoto/domain';
import { devCardServicePath } from './bundled-client.ts';
import type { SampleCard } from './sample-cards.ts';
import { fill, genderText, texts, type Bilingual } from './texts.ts';

/**
 * The development card service's pages: plain server-rendered HTML, every value escaped, no
 * inline script or style (the app's CSP applies here too), Japanese with English beside it.
 */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Japanese text, then its English on its own line, marked as English for screen readers. */
function bi(text: Bilingual): string {
  return `${escapeHtml(text.ja)}<span class="en" lang="en">${escapeHtml(text.en)}</span>`;
}

/** The same on one line, for short labels and values. */
function biInline(text: Bilingual): string {
  return `${escapeHtml(text.ja)} <span class="en-inline" lang="en">${escapeHtml(text.en)}</span>`;
}

function layout(title: Bilingual, body: string): string {
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title.ja)} – ${escapeHtml(texts.serviceName.ja)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${devCardServicePath}/assets/card.css">
</head>
<body>
<header class="banner"><p>${bi(texts.serviceName)}</p></header>
<main>
<p class="notice">${bi(texts.samplesOnly)}</p>
<h1>${bi(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

const interactionUrl = (uid: string, action = '') =>
  `${devCardServicePath}/interaction/${encodeURIComponent(uid)}${action ? `/${action}` : ''}`;

function dateText(date: IsoDate): Bilingual {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const english = new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  return { ja: `${year}年${month}月${day}日`, en: english };
}

function cancelForm(uid: string): string {
  return `<form method="post" action="${interactionUrl(uid, 'abort')}" class="actions">
<button type="submit" class="button tertiary">${bi(texts.cancel)}</button>
</form>`;
}

export function chooseCardPage(input: {
  uid: string;
  clientName: string;
  cards: { sample: SampleCard; card: CardIdentity; moved: boolean }[];
}): string {
  const items = input.cards.map(({ sample, card, moved }) => {
    const holder = sample.persona
      ? `<p class="meta">${biInline(texts.personaHolder)}: ${escapeHtml(sample.persona)}</p>`
      : '';
    const movedNote = moved ? `<p class="meta moved">${biInline(texts.moved)}</p>` : '';
    const useCard = fill(
      { ja: '{name} さんのカードを使う', en: 'Use the card of {name}' },
      { name: card.name },
    );
    const birth = dateText(card.birthDate);
    return `<li class="card">
<div class="card-head">
<h2>${escapeHtml(card.name)}</h2>
<p class="pin-box">${biInline(texts.samplePin)} <strong class="pin">${escapeHtml(sample.pin)}</strong></p>
</div>
<dl class="compact">
<div><dt>${biInline(texts.birthDate)}</dt><dd>${escapeHtml(birth.ja)} <span class="en-inline" lang="en">(${escapeHtml(birth.en)})</span></dd></div>
<div><dt>${biInline(texts.address)}</dt><dd>${escapeHtml(card.address)}</dd></div>
</dl>
${holder}${movedNote}
<a class="button primary" href="${interactionUrl(input.uid, 'pin')}?card=${encodeURIComponent(sample.key)}">${bi(useCard)}</a>
<form method="post" action="${interactionUrl(input.uid, 'move')}">
<input type="hidden" name="card" value="${escapeHtml(sample.key)}">
<button type="submit" class="button tertiary small">${biInline(moved ? texts.undoMove : texts.simulateMove)}</button>
</form>
</li>`;
  });
  return layout(
    texts.chooseTitle,
    `<p>${bi(fill(texts.chooseLead, { client: input.clientName }))}</p>
<ul class="cards">
${items.join('\n')}
</ul>
${cancelForm(input.uid)}`,
  );
}

export function pinPage(input: {
  uid: string;
  sample: SampleCard;
  card: CardIdentity;
  triesLeft?: number;
}): string {
  const error =
    input.triesLeft === undefined
      ? ''
      : `<p id="pin-error" class="error" role="alert">${bi(fill(texts.pinWrong, { left: input.triesLeft }))}</p>`;
  const describedBy = input.triesLeft === undefined ? 'pin-hint' : 'pin-hint pin-error';
  return layout(
    texts.pinTitle,
    `<p>${bi(fill(texts.pinLead, { name: input.card.name }))}</p>
<form method="post" action="${interactionUrl(input.uid, 'pin')}" class="pin-form">
<input type="hidden" name="card" value="${escapeHtml(input.sample.key)}">
<label for="pin">${bi(texts.pinLabel)}</label>
<p id="pin-hint" class="hint">${bi(fill(texts.pinHint, { pin: input.sample.pin }))}</p>
${error}
<input id="pin" name="pin" type="password" inputmode="numeric" autocomplete="off" pattern="[0-9]{4}" minlength="4" maxlength="4" required autofocus aria-describedby="${describedBy}"${input.triesLeft === undefined ? '' : ' aria-invalid="true"'}>
<button type="submit" class="button primary">${bi(texts.pinSubmit)}</button>
</form>
<p class="actions"><a class="button secondary" href="${interactionUrl(input.uid)}">${bi(texts.otherCard)}</a></p>
${cancelForm(input.uid)}`,
  );
}

export function consentPage(input: { uid: string; clientName: string; card: CardIdentity }): string {
  const { card } = input;
  return layout(
    texts.consentTitle,
    `<p>${bi(fill(texts.consentLead, { client: input.clientName }))}</p>
<dl class="items">
<div><dt>${bi(texts.name)}</dt><dd>${escapeHtml(card.name)}</dd></div>
<div><dt>${bi(texts.address)}</dt><dd>${escapeHtml(card.address)}</dd></div>
<div><dt>${bi(texts.birthDate)}</dt><dd>${bi(dateText(card.birthDate))}</dd></div>
<div><dt>${bi(texts.gender)}</dt><dd>${bi(genderText[card.gender])}</dd></div>
</dl>
<p class="notice-plain">${bi(texts.noIndividualNumber)}</p>
<form method="post" action="${interactionUrl(input.uid, 'consent')}" class="actions">
<button type="submit" class="button primary">${bi(texts.agree)}</button>
</form>
<form method="post" action="${interactionUrl(input.uid, 'abort')}" class="actions">
<button type="submit" class="button secondary">${bi(texts.disagree)}</button>
</form>`,
  );
}

/** A step that cannot go on (expired, finished, or an error from the service itself). */
export function errorPage(input: { appUrl: string; detail?: Record<string, string> }): string {
  const detail = input.detail
    ? `<h2>${bi(texts.errorDetail)}</h2><dl class="items">${Object.entries(input.detail)
        .map(([key, value]) => `<div><dt>${escapeHtml(key)}</dt><dd>${escapeHtml(value)}</dd></div>`)
        .join('')}</dl>`
    : '';
  return layout(
    texts.errorTitle,
    `<p>${bi(texts.expired)}</p>
${detail}
<p class="actions"><a class="button primary" href="${escapeHtml(input.appUrl)}">${bi(texts.backToApp)}</a></p>`,
  );
}
