/**
 * The shell's own pages, served under helpline-setup://app: the first-run setup form and the
 * page shown while the hub is being reached. They are rendered here as plain HTML with no
 * script (their CSP allows none) and forms that post back to the shell, so they need no API,
 * and every step, rendering and parsing, is a pure function with a unit test.
 */
import { DESKTOP_ROLES, type DesktopRole, type MachineConfigSource, normalizeHubAddress } from '../../shared/desktop/config';
import type { HubCandidate } from './discovery/select';
import type { SetupReason } from './mode';
import { SETUP_CSP } from './security';

export type SetupModel = {
  reason: SetupReason;
  appVersion: string;
  /** What is set now, to fill the form. */
  current: { role?: DesktopRole | undefined; hub?: string | undefined; seat?: number | undefined; hasKey: boolean; hasWallKey: boolean };
  discovery: { enabled: boolean; searching: boolean; hubs: HubCandidate[] };
  machineFile: string;
  userFile: string;
  token: string;
};

export type WaitingModel = { title: string; detail: string; appVersion: string };

export type FormValues = { role?: string; hubChoice?: string; hubAddress?: string; seat?: string };

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const REASONS: Record<SetupReason, string> = {
  'no-role': 'This PC has not been set up yet. Choose what it does on the floor.',
  'no-hub': 'No hub was found on the network. Type the hub’s address (IT has it; the hub PC shows it), or search again.',
  'no-wall-key': 'A wall display needs the wall key. Type it below.',
  'several-hubs': 'More than one hub answered on the network. Choose this floor’s hub.',
  asked: 'Change how this PC works.',
};

const ROLE_TEXT: Record<DesktopRole, [string, string]> = {
  seat: ['Operator seat', 'An operator’s workstation; connects to the hub.'],
  wall: ['Wall display', 'Full screen, no menus, starts with the PC and keeps the screen on.'],
  hub: ['Hub', 'This PC keeps the records and serves every seat. One per floor.'],
};

export const SETUP_STYLES = `
:root { font-family: system-ui, "Segoe UI", "Noto Sans", sans-serif; color: #1b1f24; background: #f4f6f8; }
body { margin: 0; }
main { max-width: 44rem; margin: 2rem auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.15); }
h1 { font-size: 1.5rem; margin-top: 0; }
fieldset { border: 1px solid #c9d1d9; border-radius: 6px; margin: 1rem 0; padding: .75rem 1rem; }
legend { font-weight: 600; padding: 0 .25rem; }
label { display: block; margin: .5rem 0; }
label small, p.hint { color: #57606a; display: block; }
input[type=text], input[type=password], input[type=number] { font: inherit; padding: .4rem; width: 100%; box-sizing: border-box; border: 1px solid #8c959f; border-radius: 4px; }
button { font: inherit; padding: .5rem 1.25rem; border-radius: 4px; border: 1px solid #1f6feb; background: #1f6feb; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #1f6feb; }
.notice { background: #ddf4ff; border-left: 4px solid #1f6feb; padding: .5rem .75rem; }
.errors { background: #ffebe9; border-left: 4px solid #cf222e; padding: .5rem .75rem; }
footer { color: #57606a; font-size: .85rem; margin-top: 1.5rem; }
code { font-size: .85em; }
body.waiting main { text-align: center; }
`;

function page(title: string, body: string, opts: { className?: string } = {}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(title)} — Helpline Control Room</title>
<link rel="stylesheet" href="/setup.css">
</head>
<body${opts.className ? ` class="${opts.className}"` : ''}>
<main>
${body}
</main>
</body>
</html>
`;
}

export function renderSetupPage(model: SetupModel, opts: { errors?: string[]; values?: FormValues } = {}): string {
  const v = opts.values ?? {};
  const role = v.role ?? model.current.role ?? '';
  const chosenHub = v.hubChoice ?? '';
  const roles = DESKTOP_ROLES.map((r) => {
    const [name, hint] = ROLE_TEXT[r];
    return `<label><input type="radio" name="role" value="${r}"${role === r ? ' checked' : ''} required> <strong>${name}</strong> <small>${hint}</small></label>`;
  }).join('\n');
  const hubs = model.discovery.hubs
    .map((h, i) => `<label><input type="radio" name="hubChoice" value="${esc(h.origin)}"${chosenHub === h.origin || (!chosenHub && i === 0 && model.discovery.hubs.length === 1) ? ' checked' : ''}> ${esc(h.name)} <small>${esc(h.origin)}</small></label>`)
    .join('\n');
  const searching = model.discovery.enabled
    ? model.discovery.searching
      ? '<p class="hint">Looking for hubs on the network…</p>'
      : model.discovery.hubs.length === 0
        ? '<p class="hint">No hub has answered on the network yet.</p>'
        : ''
    : '<p class="hint">Finding the hub on the network is turned off for this PC.</p>';
  const errors = opts.errors?.length ? `<div class="errors" role="alert"><p>Please check:</p><ul>${opts.errors.map((e) => `<li>${esc(e)}</li>`).join('')}</ul></div>` : '';
  const body = `
<h1>Set up this PC</h1>
<p class="notice">${esc(REASONS[model.reason])}</p>
${errors}
<form method="post" action="/save">
<input type="hidden" name="token" value="${esc(model.token)}">
<fieldset><legend>This PC is</legend>
${roles}
</fieldset>
<fieldset><legend>The hub <small>(seat and wall)</small></legend>
${searching}
${hubs}
${model.discovery.hubs.length ? `<label><input type="radio" name="hubChoice" value="typed"${chosenHub === 'typed' ? ' checked' : ''}> Another address:</label>` : ''}
<label>Hub address <small>For example 10.0.0.5:4950. Leave empty to find it on the network.</small>
<input type="text" name="hubAddress" value="${esc(v.hubAddress ?? model.current.hub ?? '')}" autocomplete="off" spellcheck="false"></label>
</fieldset>
<fieldset><legend>Seat <small>(operator seat)</small></legend>
<label>Seat number <small>Filled in on the sign-in form; the operator can change it.</small>
<input type="number" name="seat" min="1" max="1000" value="${esc(v.seat ?? (model.current.seat ? String(model.current.seat) : ''))}"></label>
<label>Operator key <small>Optional: filled in on the sign-in form.${model.current.hasKey ? ' A key is set; leave empty to keep it.' : ''}</small>
<input type="password" name="key" value="" autocomplete="off"></label>
</fieldset>
<fieldset><legend>Wall key <small>(wall display)</small></legend>
<label>Wall key <small>${model.current.hasWallKey ? 'A wall key is set; leave empty to keep it.' : 'Printed by the hub when it first started; kept in hub.json on the hub PC.'}</small>
<input type="password" name="wallKey" value="" autocomplete="off"></label>
</fieldset>
<button type="submit">Save and start</button>
</form>
<form method="post" action="/search">
<input type="hidden" name="token" value="${esc(model.token)}">
<p><button type="submit" class="secondary">Search the network again</button></p>
</form>
${
  model.reason === 'asked'
    ? `<form method="post" action="/back">
<input type="hidden" name="token" value="${esc(model.token)}">
<p><button type="submit" class="secondary">Back without changes</button></p>
</form>`
    : ''
}
<footer>
<p>Saved for this user in <code>${esc(model.userFile)}</code>. IT can set every PC at once in <code>${esc(model.machineFile)}</code>, which this screen never changes.</p>
<p>Helpline Control Room ${esc(model.appVersion)}</p>
</footer>`;
  return page('Set up this PC', body);
}

export function renderWaitingPage(model: WaitingModel): string {
  const body = `
<h1>${esc(model.title)}</h1>
<p>${esc(model.detail)}</p>
<p class="hint"><a href="/">Change this PC’s settings</a></p>
<footer><p>Helpline Control Room ${esc(model.appVersion)}</p></footer>`;
  // No timed refresh: a page that reloads itself every few seconds sends a screen reader back to
  // its top each time. The shell loads it again when what it says changes (Shell.showWaiting), and
  // moves the window to the hub when it answers.
  return page(model.title, body, { className: 'waiting' });
}

/** Shown when the configuration is wrong: on a wall nobody reads a terminal, so it goes on screen. */
export function renderConfigErrorPage(message: string): string {
  const [first, ...rest] = message.split('\n');
  const body = `
<h1>${esc(first ?? 'The configuration is not valid.')}</h1>
<pre>${esc(rest.join('\n'))}</pre>
<p class="hint">Close this window after fixing the configuration, then start the app again.</p>`;
  // Inline style: this page is shown from a data: URL, where /setup.css does not exist.
  const policy = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`;
  return page('Configuration problem', body).replace('<link rel="stylesheet" href="/setup.css">', `${policy}\n<style>${SETUP_STYLES} pre { white-space: pre-wrap; }</style>`);
}

export type SetupSubmission = {
  changes: MachineConfigSource;
  /** A hub chosen from those found on the network, to remember by name. */
  discovered: HubCandidate | null;
};

/**
 * Reads the setup form. Fields that do not apply to the chosen role are cleared, so a PC
 * re-set from seat to wall does not keep a stale seat number; empty key fields keep the key set.
 */
export function parseSetupForm(
  body: string,
  ctx: { token: string; hubs: readonly HubCandidate[]; discovery: boolean; hasWallKey: boolean },
): { ok: true; value: SetupSubmission } | { ok: false; errors: string[]; values: FormValues } {
  const form = new URLSearchParams(body);
  const get = (k: string) => (form.get(k) ?? '').trim();
  const values: FormValues = { role: get('role'), hubChoice: get('hubChoice'), hubAddress: get('hubAddress'), seat: get('seat') };
  if (get('token') !== ctx.token) return { ok: false, errors: ['This form has expired; it was shown before the app restarted. Please fill it in again.'], values };
  const errors: string[] = [];
  const role = values.role as DesktopRole;
  if (!DESKTOP_ROLES.includes(role)) errors.push('Choose what this PC is: operator seat, wall display or hub.');
  const changes: MachineConfigSource = { role };
  let discovered: HubCandidate | null = null;
  if (role === 'seat' || role === 'wall') {
    const picked = values.hubChoice && values.hubChoice !== 'typed' ? ctx.hubs.find((h) => h.origin === values.hubChoice) : undefined;
    if (values.hubChoice && values.hubChoice !== 'typed' && !picked) errors.push('That hub is no longer on the network; search again or type its address.');
    if (picked) {
      discovered = picked;
      changes.hub = undefined;
    } else if (values.hubAddress) {
      const r = normalizeHubAddress(values.hubAddress);
      if (r.ok) changes.hub = r.origin;
      else errors.push(`Hub address: ${r.reason}.`);
    } else if (!ctx.discovery) {
      errors.push('Type the hub’s address: finding it on the network is turned off for this PC.');
    } else {
      changes.hub = undefined;
    }
  } else {
    changes.hub = undefined;
  }
  if (role === 'seat') {
    if (values.seat) {
      const n = Number(values.seat);
      if (!/^\d+$/.test(values.seat) || n < 1 || n > 1000) errors.push('Seat number: a whole number from 1 to 1000.');
      else changes.seat = n;
    } else changes.seat = undefined;
    if (get('key')) changes.key = get('key');
  } else {
    changes.seat = undefined;
  }
  if (role === 'wall') {
    if (get('wallKey')) changes.wallKey = get('wallKey');
    else if (!ctx.hasWallKey) errors.push('Wall key: a wall display needs it.');
  }
  if (/\s/.test(get('key')) || /\s/.test(get('wallKey'))) errors.push('A key has no spaces in it.');
  if (errors.length) return { ok: false, errors, values };
  return { ok: true, value: { changes, discovered } };
}

export type SetupResponse = { status: number; headers: Record<string, string>; body: string };

export type SetupHandlerContext = {
  model: () => SetupModel;
  waiting: () => WaitingModel;
  /** Saves and applies a submission; problems are shown on the form. */
  save: (submission: SetupSubmission) => Promise<{ ok: true } | { ok: false; errors: string[] }>;
  search: () => void;
  /** Leaves the setup screen unchanged (only offered when it was opened from the menu). */
  back: () => void;
  hasWallKey: () => boolean;
};

const HTML_HEADERS = { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': SETUP_CSP, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

/** Every request to helpline-setup://app. No redirects: each answer is the page to show next. */
export async function handleSetupRequest(req: { method: string; url: string; body: string }, ctx: SetupHandlerContext): Promise<SetupResponse> {
  let path: string;
  try {
    path = new URL(req.url).pathname;
  } catch {
    path = '';
  }
  const html = (status: number, body: string): SetupResponse => ({ status, headers: HTML_HEADERS, body });
  if (req.method === 'GET' && path === '/setup.css') return { status: 200, headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-store' }, body: SETUP_STYLES };
  if (req.method === 'GET' && (path === '/' || path === '')) return html(200, renderSetupPage(ctx.model()));
  if (req.method === 'GET' && path === '/waiting') return html(200, renderWaitingPage(ctx.waiting()));
  if (req.method === 'POST' && (path === '/save' || path === '/search' || path === '/back')) {
    const model = ctx.model();
    if (new URLSearchParams(req.body).get('token') !== model.token) return html(403, renderSetupPage(model, { errors: ['This form has expired; please fill it in again.'] }));
    if (path === '/back') {
      ctx.back();
      return html(200, renderWaitingPage(ctx.waiting()));
    }
    if (path === '/search') {
      ctx.search();
      return html(200, renderSetupPage(ctx.model()));
    }
    const parsed = parseSetupForm(req.body, { token: model.token, hubs: model.discovery.hubs, discovery: model.discovery.enabled, hasWallKey: ctx.hasWallKey() });
    if (!parsed.ok) return html(400, renderSetupPage(model, { errors: parsed.errors, values: parsed.values }));
    const saved = await ctx.save(parsed.value);
    if (!saved.ok) return html(400, renderSetupPage(model, { errors: saved.errors, values: { role: parsed.value.changes.role ?? '' } }));
    return html(200, renderWaitingPage(ctx.waiting()));
  }
  return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': SETUP_CSP }, body: 'Not found' };
}
