import { lanUrl } from './env';
/**
 * The supervisor's console against a hub of its own (it changes the floor configuration, which
 * every other test's consoles would see on the shared hub).
 */
import { expect, test } from '@playwright/test';
import { cspViolations, fillSignIn, signIn, signInSupervisor, Supervisor, ticketList, uniquePhone } from './helpers';
import { E2E_PIN, usernameOf } from './people';
import { ownHub, removeDataDir, tempDataDir } from './hubs';
import type { Hub } from '../../electron/hub/index';

let hub: Hub;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = tempDataDir();
  hub = await ownHub(dataDir);
});

test.afterAll(async () => {
  await hub.close();
  removeDataDir(dataDir);
});

test('a supervisor sees every seat, changes the floor’s words live, and follows a complaint to the end', async ({ browser }) => {
  test.setTimeout(150_000);
  const supCtx = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const sup = await supCtx.newPage();
  await signInSupervisor(sup, 'Meenakshi', lanUrl(hub.url));
  const opCtx = await browser.newContext();
  const op = await opCtx.newPage();
  await signIn(op, 3, 'Kavita', 'en', lanUrl(hub.url));

  // Every seat with its state, and the call timer of a seat on a call: the staffed seat first,
  // the 39 empty ones folded into one line after it.
  const seatList = sup.getByRole('list', { name: 'Seats', exact: true });
  await expect(seatList.getByRole('listitem')).toHaveCount(2);
  await expect(seatList.getByRole('listitem').last()).toContainText('Offline: 39');
  const seat3 = seatList.getByRole('listitem').first();
  await expect(seat3).toContainText('3');
  await expect(seat3).toContainText('Kavita');
  await expect(seat3).toContainText('Ready');
  await op.getByRole('button', { name: 'Start call', exact: true }).click();
  await expect(seat3).toContainText(/On call/);
  await expect(seat3).toContainText(/Call \d+:\d\d/);
  // The caller's number is typed after pick-up.
  const phone = uniquePhone();
  await op.getByLabel('Caller phone', { exact: true }).fill(phone);

  // Live configuration: a category renamed, with new guidance, reaches the operator's form at once.
  await sup.getByRole('button', { name: 'Configuration', exact: true }).click();
  // A box is named by its label (it keeps the saved name, and says "not saved", while being
  // edited), never by its code.
  const category = sup.getByRole('group', { name: /^Movement pass/ });
  await category.getByLabel('English label', { exact: true }).fill('Movement pass (e-pass)');
  await category.getByText('Guidance for operators').click();
  await category.getByLabel('Guidance (English)', { exact: true }).fill('Tell: apply on the district e-pass portal; the pass comes by SMS.');
  await sup.getByRole('button', { name: 'Save categories', exact: true }).click();
  // The Hindi script now says something else: it is out of date until it is edited too.
  const renamed = sup.getByRole('group', { name: 'Movement pass (e-pass)', exact: true });
  await expect(renamed.getByText('Hindi out of date', { exact: true })).toBeVisible();
  await expect(renamed.getByLabel('Guidance (Hindi)', { exact: true })).toHaveAccessibleDescription(/Out of date: the English guidance was changed since/);
  const opCategory = op.getByLabel('Category', { exact: true });
  await expect(opCategory.getByRole('option', { name: 'Movement pass (e-pass)', exact: true })).toHaveCount(1);
  await opCategory.selectOption('movement_pass');
  await expect(op.getByRole('region', { name: 'Guidance' })).toContainText('district e-pass portal');

  // A message to every seat.
  // The hub's limits are on the supervisor's fields too: a message takes no more than 500 characters.
  await expect(sup.getByRole('textbox', { name: 'Message to all seats' })).toHaveAttribute('maxlength', '500');
  await sup.getByRole('textbox', { name: 'Message to all seats' }).fill('Ration kits for Sector 14 arrive at 4 pm at the ward office.');
  await sup.getByRole('button', { name: 'Send to all seats', exact: true }).click();
  await expect(op.getByRole('region', { name: 'Message to all seats' })).toContainText('Ration kits for Sector 14 arrive at 4 pm');

  // A service level so short that the next complaint is past it at once.
  await sup.getByLabel('Normal hours for Complaint', { exact: true }).fill('0.0003');
  await sup.getByRole('button', { name: 'Save service levels', exact: true }).click();
  await expect(sup.getByText('Service levels saved.')).toBeVisible();

  const description = `Ration depot in Sector 14 shut for a week ${phone.slice(-4)}`;
  await opCategory.selectOption('grievance');
  await op.getByLabel('Description', { exact: true }).fill(description);
  await op.getByRole('button', { name: 'Create ticket', exact: true }).click();
  await op.getByLabel('Disposition', { exact: true }).selectOption('ticket_raised');
  await op.getByRole('button', { name: 'End call', exact: true }).click();
  await sup.getByRole('button', { name: 'Floor', exact: true }).click();
  await expect(seat3).toContainText('Wrap-up');

  // The breach is listed; the supervisor forwards it, assigns the seat, escalates and sets a callback.
  await sup.getByRole('button', { name: /^Follow-up/ }).click();
  const breaches = sup.getByRole('table', { name: 'Past their service-level target' });
  await expect(breaches).toContainText('Complaint', { timeout: 20_000 });
  await breaches.getByRole('button', { name: /^#\d+$/ }).first().click();
  const dialog = sup.getByRole('dialog');
  await expect(dialog).toContainText(description);
  await expect(dialog).toContainText('Overdue');
  await dialog.getByLabel('Status', { exact: true }).selectOption('forwarded');
  await dialog.getByLabel('Department', { exact: true }).selectOption('municipal_corporation');
  await dialog.getByLabel('Seat that follows it up', { exact: true }).selectOption('3');
  await dialog.getByLabel('Escalate', { exact: true }).check();
  // The callback's day and time in the page's words (day, month, year, hour, minute), not the browser's.
  const callback = dialog.getByRole('group', { name: 'Call the citizen back by (IST)', exact: true });
  await callback.getByRole('button', { name: 'Set a time', exact: true }).click();
  await callback.getByLabel('Minute', { exact: true }).selectOption('35');
  await dialog.getByRole('button', { name: 'Save changes', exact: true }).click();

  // The operator sees it assigned to their seat and escalated, in the list.
  const opRow = ticketList(op).getByRole('listitem').filter({ hasText: description });
  await expect(opRow).toContainText('Escalated');
  await expect(opRow).toContainText('→ Seat 3');
  await expect(opRow).toContainText('Municipal corporation');

  // The department says it has it, with its own reference (a second change, straight after the first).
  await dialog.getByLabel('Department acknowledged it', { exact: true }).check();
  await dialog.getByLabel('Department’s reference', { exact: true }).fill('MCG/2020/1432');
  await dialog.getByRole('button', { name: 'Save changes', exact: true }).click();
  await expect(dialog).toContainText('ref. MCG/2020/1432');
  await expect(dialog).toContainText(/acknowledged \d\d:\d\d/);
  await expect(sup.getByRole('alertdialog')).toHaveCount(0);
  await sup.keyboard.press('Escape');
  await expect(sup.getByRole('table', { name: 'Callbacks to citizens' })).toContainText('Complaint');

  // The operator calls the citizen back and says so.
  await opRow.click();
  const opDialog = op.getByRole('dialog');
  await expect(opDialog).toContainText('Assigned to');
  await opDialog.getByLabel('Citizen called back', { exact: true }).check();
  await opDialog.getByRole('button', { name: 'Save changes', exact: true }).click();
  await expect(opDialog).toContainText(/called back \d\d:\d\d/);
  await op.keyboard.press('Escape');
  await expect(sup.getByRole('table', { name: 'Callbacks to citizens' })).toHaveCount(0);

  // The hub has the whole follow-up, and the call has the number typed after pick-up.
  const checker = await Supervisor.connect(hub.url);
  const [ticket] = await checker.ticketsOf(phone);
  expect(ticket).toMatchObject({ status: 'forwarded', department: 'municipal_corporation', assignedSeat: 3, escalated: true, departmentRef: 'MCG/2020/1432' });
  expect(ticket!.departmentAckAt).toBeTruthy();
  // 35 minutes past an IST hour (IST is a whole hour and a half from UTC).
  expect(new Date(ticket!.callbackDueAt!).getUTCMinutes()).toBe(5);
  expect(ticket!.callbackDoneAt).toBeTruthy();
  const calls = await checker.callsOf(phone);
  expect(calls).toHaveLength(1);
  expect(calls[0]).toMatchObject({ seat: 3, disposition: 'ticket_raised', ticketId: ticket!.id });
  checker.close();
  // The supervisor's page runs under the hub's strict Content-Security-Policy without tripping it.
  expect(await cspViolations(sup)).toEqual([]);
  await supCtx.close();
  await opCtx.close();
});

test('a supervisor needs the supervisor key', async ({ page }) => {
  await page.goto(`${lanUrl(hub.url)}/supervisor?lang=en`);
  await fillSignIn(page, usernameOf('Meenakshi', 'supervisor'), E2E_PIN, 'e2e-wall-key');
  await expect(page.getByRole('alert')).toContainText('This is not the supervisor’s key');
  await expect(page.getByLabel('User', { exact: true })).toHaveValue(usernameOf('Meenakshi', 'supervisor'));
});

test('in Hindi the configuration speaks Hindi, and guidance edited in one language is flagged in the other, everywhere', async ({ browser }) => {
  test.setTimeout(90_000);
  const aCtx = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const a = await aCtx.newPage();
  await signInSupervisor(a, 'Meenakshi', lanUrl(hub.url));
  const bCtx = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const b = await bCtx.newPage();
  await signInSupervisor(b, 'Sunita', lanUrl(hub.url));
  await b.getByRole('button', { name: /हिन्दी/ }).click();
  await b.getByRole('button', { name: 'सेटिंग', exact: true }).click();
  const opCtx = await browser.newContext();
  const op = await opCtx.newPage();
  await signIn(op, 7, 'Pooja', 'en', lanUrl(hub.url));
  await op.getByRole('button', { name: /हिन्दी/ }).click();

  // In Hindi, each box is titled by its Hindi label; codes are not shown for saved entries.
  const categories = b.getByRole('region', { name: 'श्रेणियाँ', exact: true });
  const food = categories.getByRole('group', { name: 'भोजन और राशन', exact: true });
  await expect(food).toBeVisible();
  await expect(food.getByLabel('अंग्रेज़ी नाम', { exact: true })).toHaveValue('Food and ration');
  await expect(categories).not.toContainText('food_ration');
  await expect(b.getByRole('region', { name: 'विभाग', exact: true }).getByRole('group', { name: 'नगर निगम', exact: true })).toBeVisible();
  // A new entry shows the code it will get, small, beside its name.
  await categories.getByLabel('अंग्रेज़ी नाम', { exact: true }).last().fill('Biomedical waste');
  await categories.getByLabel('हिन्दी नाम', { exact: true }).last().fill('बायोमेडिकल कचरा');
  await categories.getByRole('button', { name: 'श्रेणी जोड़ें', exact: true }).click();
  await expect(categories.getByRole('group', { name: /^बायोमेडिकल कचरा/ })).toContainText('कोड: biomedical_waste');
  await b.getByRole('button', { name: 'बदलाव वापस लें', exact: true }).first().click();

  // One supervisor edits the English script of Food and ration.
  await a.getByRole('button', { name: 'Configuration', exact: true }).click();
  const aFood = a.getByRole('group', { name: 'Food and ration', exact: true });
  await aFood.getByText('Guidance for operators').click();
  await aFood.getByLabel('Guidance (English)', { exact: true }).fill('Tell: dry ration kits are now given only at the ward office, 9 am to 5 pm.');
  await a.getByRole('button', { name: 'Save categories', exact: true }).click();
  await expect(aFood.getByText('Hindi out of date', { exact: true })).toBeVisible();

  // Every other console sees the Hindi flagged, and still does after a reload.
  await expect(food.getByText('हिन्दी पुराना', { exact: true })).toBeVisible();
  await b.reload();
  await expect(food.getByText('हिन्दी पुराना', { exact: true })).toBeVisible();
  // An operator reading the Hindi script is told it may be out of date.
  await op.getByLabel('श्रेणी', { exact: true }).selectOption('food_ration');
  const guidance = op.getByRole('region', { name: 'मार्गदर्शन', exact: true });
  await expect(guidance).toContainText('यह पुराना हो सकता है: सुपरवाइज़र ने इसके बाद अंग्रेज़ी मार्गदर्शन बदला है।');
  await food.getByText('ऑपरेटरों के लिए मार्गदर्शन').click();

  // The Hindi brought up to date: the flag goes, on every console.
  await food.getByLabel('मार्गदर्शन (हिन्दी)', { exact: true }).fill('बताएं: सूखा राशन किट अब केवल वार्ड कार्यालय पर, सुबह 9 से शाम 5 बजे तक।');
  await b.getByRole('button', { name: 'श्रेणियाँ सहेजें', exact: true }).click();
  await expect(aFood.getByText('Hindi out of date', { exact: true })).toHaveCount(0);
  await expect(guidance).not.toContainText('यह पुराना हो सकता है');
  await aCtx.close();
  await bCtx.close();
  await opCtx.close();
});
