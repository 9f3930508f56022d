/**
 * Migration 2: personal accounts (contract v2). Everyone on the floor signs in as themselves;
 * what they do is recorded under their username.
 *
 * - `accounts`: a PIN is kept only as its scrypt hash, with its salt and parameters beside it.
 * - `sessions`: a session is known by the SHA-256 of its token (the token itself is only ever
 *   with the console), ends at sign-out, by a supervisor's hand or at `expires_at`.
 * - `security_log`: sign-ins, refusals, lockouts and every change to an account, with who made
 *   it: what supervisors read as the sign-in log, and what rebuilds the lockouts after a restart.
 * - `seat_states`: each stretch of a seat in one state (never offline) with its person, so that
 *   time on break is summed in SQL for the floor's figures and the daily report.
 * - The username beside the name on the records made from now on: calls, tickets, their audit
 *   trail, seats and exports. Records from before keep the name that was typed; nothing is
 *   rewritten.
 */
export default `
CREATE TABLE accounts (
  username        TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  role            TEXT NOT NULL,
  pin_hash        TEXT NOT NULL,
  pin_salt        TEXT NOT NULL,
  pin_params      TEXT NOT NULL,
  must_change_pin INTEGER NOT NULL DEFAULT 0,
  disabled        INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL,
  created_by      TEXT,
  updated_at      TEXT NOT NULL,
  last_sign_in_at TEXT
) WITHOUT ROWID;

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  username   TEXT NOT NULL,
  role       TEXT NOT NULL,
  seat       INTEGER,
  client_id  TEXT,
  address    TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ended_at   TEXT,
  end_reason TEXT
) WITHOUT ROWID;
CREATE INDEX sessions_open ON sessions(username) WHERE ended_at IS NULL;
CREATE INDEX sessions_created ON sessions(created_at);

CREATE TABLE security_log (
  id       INTEGER PRIMARY KEY,
  at       TEXT NOT NULL,
  kind     TEXT NOT NULL,
  username TEXT,
  by_user  TEXT,
  address  TEXT,
  seat     INTEGER,
  detail   TEXT
);
-- Failed sign-ins of the last minutes, read back at start to restore the lockouts.
CREATE INDEX security_log_failures ON security_log(at) WHERE kind IN ('refused', 'locked', 'throttled');

CREATE TABLE seat_states (
  id         INTEGER PRIMARY KEY,
  seat       INTEGER NOT NULL,
  username   TEXT,
  state      TEXT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at   TEXT
);
CREATE INDEX seat_states_open ON seat_states(seat) WHERE ended_at IS NULL;
CREATE INDEX seat_states_started ON seat_states(started_at);

ALTER TABLE calls ADD COLUMN username TEXT;
ALTER TABLE tickets ADD COLUMN created_by_user TEXT;
ALTER TABLE ticket_events ADD COLUMN username TEXT;
ALTER TABLE seats ADD COLUMN username TEXT;
ALTER TABLE exports ADD COLUMN username TEXT;
`;
