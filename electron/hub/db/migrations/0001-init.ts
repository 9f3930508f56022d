/**
 * Migration 1: the first schema. Migrations are TypeScript strings rather than .sql files so
 * that the hub bundles into one file for the desktop app without loose assets.
 *
 * Tickets keep their full JSON document in `doc` (what clients receive) beside the columns
 * that are searched and sorted; both are written in the same statement, so they never
 * disagree. `tickets_fts` is a contentless-delete FTS5 index with the trigram tokenizer,
 * which matches any 3+ character run, Hindi included, and digits of phone numbers.
 */
export default `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE changes (
  seq  INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  data TEXT NOT NULL,
  at   TEXT NOT NULL,
  op_id TEXT
);

-- The op log: one row per applied mutation, written in the transaction that applies it.
CREATE TABLE ops (
  client_id TEXT NOT NULL,
  op_id     TEXT NOT NULL,
  kind      TEXT NOT NULL,
  result    TEXT NOT NULL,
  at        TEXT NOT NULL,
  PRIMARY KEY (client_id, op_id)
) WITHOUT ROWID;
CREATE INDEX ops_at ON ops(at);

CREATE TABLE calls (
  id          TEXT PRIMARY KEY,
  seat        INTEGER NOT NULL,
  started_at  TEXT NOT NULL,
  ended_at    TEXT,
  disposition TEXT,
  phone       TEXT,
  ticket_id   TEXT
);
CREATE INDEX calls_started ON calls(started_at);
CREATE INDEX calls_phone ON calls(phone, started_at) WHERE phone IS NOT NULL;
CREATE INDEX calls_open ON calls(seat) WHERE ended_at IS NULL;
CREATE INDEX calls_disposition ON calls(disposition, started_at) WHERE disposition IS NOT NULL;

CREATE TABLE tickets (
  id          TEXT PRIMARY KEY,
  number      INTEGER NOT NULL UNIQUE,
  status      TEXT NOT NULL,
  category    TEXT NOT NULL,
  priority    TEXT NOT NULL,
  department  TEXT,
  phone       TEXT NOT NULL,
  seat        INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  due_at      TEXT,
  assigned_seat INTEGER,
  doc         TEXT NOT NULL
);
CREATE INDEX tickets_due ON tickets(due_at) WHERE status IN ('open', 'in_progress', 'forwarded');
CREATE INDEX tickets_assigned ON tickets(assigned_seat, number) WHERE assigned_seat IS NOT NULL;
CREATE INDEX tickets_phone ON tickets(phone, number);
CREATE INDEX tickets_status ON tickets(status, number);
CREATE INDEX tickets_category ON tickets(category, number);
CREATE INDEX tickets_updated ON tickets(updated_at);
CREATE INDEX tickets_created ON tickets(created_at);

CREATE VIRTUAL TABLE tickets_fts USING fts5(
  phone, body, content='', contentless_delete=1, tokenize='trigram'
);

-- The audit trail: every change to every ticket, who and when.
CREATE TABLE ticket_events (
  id        INTEGER PRIMARY KEY,
  ticket_id TEXT NOT NULL,
  at        TEXT NOT NULL,
  seat      INTEGER NOT NULL,
  author    TEXT NOT NULL,
  kind      TEXT NOT NULL,
  detail    TEXT NOT NULL
);
CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, id);

-- Every export of callers' data: who, when, what range, how many rows.
CREATE TABLE exports (
  id        TEXT PRIMARY KEY,
  at        TEXT NOT NULL,
  who       TEXT NOT NULL,
  kind      TEXT NOT NULL,
  from_day  TEXT NOT NULL,
  to_day    TEXT NOT NULL,
  rows      INTEGER,
  finished  TEXT
);

CREATE TABLE seats (
  seat         INTEGER PRIMARY KEY,
  name         TEXT,
  state        TEXT NOT NULL,
  since        TEXT NOT NULL,
  call_id      TEXT,
  resume_state TEXT
);
`;
