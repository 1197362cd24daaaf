-- Circulation for the small libraries (issue 15): readers and their cards, lendable copies of catalogue
-- holdings, loan rules as data per unit and item kind, loans, holds, and the ILS statistics of big libraries.
-- Learner, holding, place, route and stop ids are text without foreign keys (other modules own them).

CREATE TABLE circulation_readers (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  learner_id text,
  card_number text NOT NULL UNIQUE,
  name text NOT NULL,
  phone text,
  email text,
  birth_year integer,
  category text NOT NULL DEFAULT 'adult',
  guardian_name text,
  consent_text text,
  consent_at timestamptz,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'blocked')),
  block_reason text,
  keep_history boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
-- One card per learner per unit.
CREATE UNIQUE INDEX circulation_readers_learner_idx ON circulation_readers (learner_id, unit_id)
  WHERE learner_id IS NOT NULL;

CREATE TABLE circulation_items (
  id text PRIMARY KEY,
  holding_id text UNIQUE,
  record_id text NOT NULL,
  unit_id text NOT NULL REFERENCES units(id),
  barcode text NOT NULL UNIQUE,
  item_kind text NOT NULL DEFAULT 'book',
  status text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'on_loan', 'on_hold_shelf',
    'in_transit', 'lost', 'withdrawn')),
  home_place_id text,
  home_route_id text,
  current_place_id text,
  current_route_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX circulation_items_record_idx ON circulation_items (record_id);
CREATE INDEX circulation_items_unit_idx ON circulation_items (unit_id);

-- item_kind '*' is the unit's default rule; a rule for a kind overrides it.
CREATE TABLE circulation_loan_rules (
  unit_id text NOT NULL REFERENCES units(id),
  item_kind text NOT NULL,
  loan_days integer NOT NULL CHECK (loan_days BETWEEN 1 AND 365),
  max_items integer NOT NULL CHECK (max_items BETWEEN 0 AND 200),
  max_renewals integer NOT NULL CHECK (max_renewals BETWEEN 0 AND 20),
  holds_allowed boolean NOT NULL DEFAULT true,
  hold_shelf_days integer NOT NULL DEFAULT 7 CHECK (hold_shelf_days BETWEEN 1 AND 60),
  remind_days_before integer NOT NULL DEFAULT 2 CHECK (remind_days_before BETWEEN 0 AND 30),
  block_when_overdue_days integer CHECK (block_when_overdue_days BETWEEN 0 AND 365),
  fines_enabled boolean NOT NULL DEFAULT false,
  fine_per_day_vnd integer NOT NULL DEFAULT 0 CHECK (fine_per_day_vnd >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (unit_id, item_kind)
);

CREATE TABLE circulation_loans (
  id text PRIMARY KEY,
  txn_id text NOT NULL UNIQUE,
  item_id text NOT NULL REFERENCES circulation_items(id),
  -- NULL once returned when the reader keeps no history; reader_key stays (a one-way digest) so the count
  -- of active readers is unchanged.
  reader_id text REFERENCES circulation_readers(id),
  reader_key text NOT NULL,
  reader_category text NOT NULL,
  unit_id text NOT NULL REFERENCES units(id),
  item_kind text NOT NULL,
  record_id text NOT NULL,
  loaned_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  renewals integer NOT NULL DEFAULT 0,
  returned_at timestamptz,
  returned_unit_id text,
  return_txn_id text UNIQUE,
  lost_at timestamptz,
  reminded_before_at timestamptz,
  reminded_overdue_at timestamptz,
  source text NOT NULL DEFAULT 'desk' CHECK (source IN ('desk', 'offline', 'self'))
);
-- A copy is on at most one open loan: two desks lending it at once end with one loan.
CREATE UNIQUE INDEX circulation_loans_open_item_idx ON circulation_loans (item_id)
  WHERE returned_at IS NULL AND lost_at IS NULL;
CREATE INDEX circulation_loans_reader_idx ON circulation_loans (reader_id, returned_at);
CREATE INDEX circulation_loans_due_idx ON circulation_loans (due_at) WHERE returned_at IS NULL;
CREATE INDEX circulation_loans_unit_time_idx ON circulation_loans (unit_id, loaned_at);

CREATE TABLE circulation_holds (
  id text PRIMARY KEY,
  txn_id text NOT NULL UNIQUE,
  record_id text NOT NULL,
  reader_id text REFERENCES circulation_readers(id),
  unit_id text NOT NULL REFERENCES units(id),
  pickup_place_id text,
  pickup_route_id text,
  pickup_stop_id text,
  status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'in_transit', 'ready', 'fulfilled',
    'cancelled', 'expired')),
  item_id text REFERENCES circulation_items(id),
  seq bigserial NOT NULL,
  placed_at timestamptz NOT NULL,
  ready_at timestamptz,
  expires_at timestamptz,
  closed_at timestamptz
);
CREATE INDEX circulation_holds_queue_idx ON circulation_holds (record_id, unit_id, seq) WHERE status = 'waiting';
CREATE INDEX circulation_holds_reader_idx ON circulation_holds (reader_id);
CREATE INDEX circulation_holds_ready_idx ON circulation_holds (expires_at) WHERE status = 'ready';
CREATE UNIQUE INDEX circulation_holds_item_idx ON circulation_holds (item_id)
  WHERE status IN ('in_transit', 'ready');

-- Offline transactions from a mobile-library van, applied once each (the device's transaction id).
CREATE TABLE circulation_offline_txns (
  txn_id text PRIMARY KEY,
  device_id text NOT NULL,
  unit_id text NOT NULL REFERENCES units(id),
  kind text NOT NULL,
  payload jsonb NOT NULL,
  outcome text NOT NULL,
  message_key text,
  happened_at timestamptz NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);

-- Statistics from a big library's own system, one import per unit and period (re-importing replaces it).
CREATE TABLE circulation_ils_imports (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  period_from date NOT NULL,
  period_to date NOT NULL,
  file_name text NOT NULL,
  row_count integer NOT NULL,
  imported_by text,
  imported_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, period_from, period_to)
);
CREATE TABLE circulation_ils_stats (
  import_id text NOT NULL REFERENCES circulation_ils_imports(id) ON DELETE CASCADE,
  unit_id text NOT NULL REFERENCES units(id),
  day date NOT NULL,
  collection text NOT NULL DEFAULT '',
  reader_category text NOT NULL DEFAULT '',
  loans integer NOT NULL DEFAULT 0 CHECK (loans >= 0),
  active_readers integer NOT NULL DEFAULT 0 CHECK (active_readers >= 0),
  visits integer NOT NULL DEFAULT 0 CHECK (visits >= 0)
);
CREATE INDEX circulation_ils_stats_unit_day_idx ON circulation_ils_stats (unit_id, day);
