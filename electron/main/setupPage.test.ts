import { describe, expect, it, vi } from 'vitest';
import type { HubCandidate } from './discovery/select';
import { SETUP_CSP } from './security';
import { handleSetupRequest, parseSetupForm, renderSetupPage, renderWaitingPage, type SetupHandlerContext, type SetupModel } from './setupPage';

const hubA: HubCandidate = { name: 'Floor A', origin: 'http://10.0.0.5:4950', address: '10.0.0.5', port: 4950 };
const hubB: HubCandidate = { name: 'Floor <B>', origin: 'http://10.0.0.6:4950', address: '10.0.0.6', port: 4950 };

function model(over: Partial<SetupModel> = {}): SetupModel {
  return {
    reason: 'no-role',
    appVersion: '0.1.0',
    current: { hasKey: false, hasWallKey: false },
    discovery: { enabled: true, searching: false, hubs: [] },
    machineFile: '/etc/helpline-control-room/config.json',
    userFile: '/home/op/.config/Helpline Control Room/config.json',
    token: 'tok123',
    ...over,
  };
}

const form = (fields: Record<string, string>) => new URLSearchParams({ token: 'tok123', ...fields }).toString();
const ctx = { token: 'tok123', hubs: [hubA, hubB], discovery: true, hasWallKey: false };

describe('renderSetupPage', () => {
  it('a form with no script, posting back to the shell with its token', () => {
    const html = renderSetupPage(model());
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son\w+=/i); // no inline event handlers
    expect(html).toContain('<form method="post" action="/save">');
    expect(html).toContain('name="token" value="tok123"');
    expect(html).toContain('This PC has not been set up yet');
    expect(html).toContain('/etc/helpline-control-room/config.json');
  });

  it('lists the hubs found, escaped', () => {
    const html = renderSetupPage(model({ reason: 'several-hubs', discovery: { enabled: true, searching: false, hubs: [hubA, hubB] } }));
    expect(html).toContain('value="http://10.0.0.5:4950"');
    expect(html).toContain('Floor &lt;B&gt;');
    expect(html).not.toContain('Floor <B>');
    expect(html).toContain('More than one hub answered');
  });

  it('shows the errors and keeps what was typed, but never a key', () => {
    const html = renderSetupPage(model(), { errors: ['Hub address: bad <x>.'], values: { role: 'seat', hubAddress: '10.0.0.5:99999', seat: '12' } });
    expect(html).toContain('Hub address: bad &lt;x&gt;.');
    expect(html).toContain('value="10.0.0.5:99999"');
    expect(html).toMatch(/value="seat" checked/);
    expect(html).toMatch(/name="key" value=""/);
  });

  it('offers a way back only when opened from the menu', () => {
    expect(renderSetupPage(model())).not.toContain('action="/back"');
    expect(renderSetupPage(model({ reason: 'asked' }))).toContain('action="/back"');
  });
});

describe('renderWaitingPage', () => {
  it('links to the settings and does not refresh itself on a timer (the shell reloads it when it changes)', () => {
    const html = renderWaitingPage({ title: 'Cannot reach the hub at http://10.0.0.5:4950', detail: 'Trying again in 4 s.', appVersion: '0.1.0' });
    expect(html).not.toContain('http-equiv="refresh"');
    expect(html).toContain('href="/"');
    expect(html).not.toMatch(/<script/i);
  });
});

describe('parseSetupForm', () => {
  it('a seat with a typed address', () => {
    const r = parseSetupForm(form({ role: 'seat', hubAddress: '10.0.0.9', seat: '12', key: 'op-key' }), ctx);
    expect(r).toEqual({ ok: true, value: { changes: { role: 'seat', hub: 'http://10.0.0.9:4950', seat: 12, key: 'op-key' }, discovered: null } });
  });

  it('a seat with a hub chosen from the list: remembered by name, no fixed address', () => {
    const r = parseSetupForm(form({ role: 'seat', hubChoice: hubA.origin }), ctx);
    expect(r.ok && r.value).toEqual({ changes: { role: 'seat', hub: undefined, seat: undefined }, discovered: hubA });
  });

  it('a wall needs its key', () => {
    expect(parseSetupForm(form({ role: 'wall' }), ctx)).toMatchObject({ ok: false, errors: ['Wall key: a wall display needs it.'] });
    expect(parseSetupForm(form({ role: 'wall' }), { ...ctx, hasWallKey: true }).ok).toBe(true);
    const r = parseSetupForm(form({ role: 'wall', wallKey: 'w-key', hubAddress: '10.0.0.5' }), ctx);
    expect(r.ok && r.value.changes).toEqual({ role: 'wall', hub: 'http://10.0.0.5:4950', seat: undefined, wallKey: 'w-key' });
  });

  it('the hub clears what belongs to seats', () => {
    const r = parseSetupForm(form({ role: 'hub', hubAddress: '10.0.0.5', seat: '4' }), ctx);
    expect(r.ok && r.value.changes).toEqual({ role: 'hub', hub: undefined, seat: undefined });
  });

  it('says what is wrong', () => {
    const r = parseSetupForm(form({ role: 'seat', hubAddress: 'http://10.0.0.5/wall', seat: '0', key: 'a b' }), ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual(['Hub address: the hub address is only its host and port, without a path (got "http://10.0.0.5/wall").', 'Seat number: a whole number from 1 to 1000.', 'A key has no spaces in it.']);
      expect(r.values).toMatchObject({ role: 'seat', seat: '0' });
    }
    expect(parseSetupForm(form({}), ctx)).toMatchObject({ ok: false, errors: ['Choose what this PC is: operator seat, wall display or hub.'] });
    expect(parseSetupForm(form({ role: 'seat', hubChoice: 'http://10.9.9.9:4950' }), ctx)).toMatchObject({ ok: false });
    expect(parseSetupForm(form({ role: 'seat' }), { ...ctx, discovery: false })).toMatchObject({ ok: false });
  });

  it('refuses a form without the token of this run', () => {
    const r = parseSetupForm(new URLSearchParams({ token: 'old', role: 'seat' }).toString(), ctx);
    expect(r.ok).toBe(false);
  });
});

describe('handleSetupRequest', () => {
  function handler(over: Partial<SetupHandlerContext> = {}): SetupHandlerContext {
    return {
      model: () => model({ discovery: { enabled: true, searching: false, hubs: [hubA] } }),
      waiting: () => ({ title: 'Starting…', detail: '', appVersion: '0.1.0' }),
      save: vi.fn(async () => ({ ok: true as const })),
      search: vi.fn(),
      back: vi.fn(),
      hasWallKey: () => false,
      ...over,
    };
  }

  it('serves the pages and the style sheet, each with the strict policy', async () => {
    const h = handler();
    const page = await handleSetupRequest({ method: 'GET', url: 'helpline-setup://app/', body: '' }, h);
    expect(page.status).toBe(200);
    expect(page.headers['Content-Security-Policy']).toBe(SETUP_CSP);
    expect((await handleSetupRequest({ method: 'GET', url: 'helpline-setup://app/setup.css', body: '' }, h)).headers['Content-Type']).toMatch(/text\/css/);
    expect((await handleSetupRequest({ method: 'GET', url: 'helpline-setup://app/waiting', body: '' }, h)).body).toContain('Starting…');
    expect((await handleSetupRequest({ method: 'GET', url: 'helpline-setup://app/../../etc/passwd', body: '' }, h)).status).toBe(404);
    expect((await handleSetupRequest({ method: 'DELETE', url: 'helpline-setup://app/', body: '' }, h)).status).toBe(404);
  });

  it('saves a valid form and answers with the waiting page', async () => {
    const h = handler();
    const r = await handleSetupRequest({ method: 'POST', url: 'helpline-setup://app/save', body: form({ role: 'seat', hubChoice: hubA.origin }) }, h);
    expect(r.status).toBe(200);
    expect(r.body).toContain('Starting…');
    expect(h.save).toHaveBeenCalledWith({ changes: { role: 'seat', hub: undefined, seat: undefined }, discovered: hubA });
  });

  it('a post without the token is refused and changes nothing', async () => {
    const h = handler();
    const r = await handleSetupRequest({ method: 'POST', url: 'helpline-setup://app/save', body: 'role=hub' }, h);
    expect(r.status).toBe(403);
    expect(h.save).not.toHaveBeenCalled();
  });

  it('a save the shell refuses is shown on the form', async () => {
    const h = handler({ save: async () => ({ ok: false, errors: ['IT has locked this PC'] }) });
    const r = await handleSetupRequest({ method: 'POST', url: 'helpline-setup://app/save', body: form({ role: 'hub' }) }, h);
    expect(r.status).toBe(400);
    expect(r.body).toContain('IT has locked this PC');
  });

  it('search again and back', async () => {
    const h = handler();
    await handleSetupRequest({ method: 'POST', url: 'helpline-setup://app/search', body: form({}) }, h);
    expect(h.search).toHaveBeenCalled();
    await handleSetupRequest({ method: 'POST', url: 'helpline-setup://app/back', body: form({}) }, h);
    expect(h.back).toHaveBeenCalled();
  });
});

describe('renderConfigErrorPage', () => {
  it('shows the whole message, escaped, with no script', async () => {
    const { renderConfigErrorPage } = await import('./setupPage');
    const html = renderConfigErrorPage('Helpline Control Room cannot start: its configuration is not valid.\n  • /etc/x.json: role: role must be one of hub, seat, wall <b>');
    expect(html).toContain('<h1>Helpline Control Room cannot start: its configuration is not valid.</h1>');
    expect(html).toContain('role must be one of hub, seat, wall &lt;b&gt;');
    expect(html).not.toMatch(/<script/i);
  });
});
