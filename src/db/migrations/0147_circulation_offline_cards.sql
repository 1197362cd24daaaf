-- Card numbers reserved for a van's device (issue 15, conflict rule "reader registered offline"): the device
-- draws one when it registers a reader at a stop with no network, so the card written or printed there stays
-- valid after sync. A number is used once (reader_id set when the registration syncs).
CREATE TABLE circulation_offline_cards (
  card_number text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  device_id text NOT NULL,
  reserved_at timestamptz NOT NULL DEFAULT now(),
  reader_id text REFERENCES circulation_readers(id)
);
CREATE INDEX circulation_offline_cards_device_idx ON circulation_offline_cards (unit_id, device_id)
  WHERE reader_id IS NULL;
