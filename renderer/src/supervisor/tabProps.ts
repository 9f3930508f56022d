import type { ClientView, HubClient } from '../hubLink/client';
import type { ViewTicket } from '../hubLink/view';

/** What every tab of the supervisor's console is given: the link to the hub, its view, the live tickets and the clocks. */
export type TabProps = {
  client: HubClient;
  view: ClientView;
  tickets: readonly ViewTicket[];
  now: Date;
  hubNow: Date;
  onOpen: (id: string) => void;
};
