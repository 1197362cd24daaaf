-- An offline transaction synced again answers what it answered the first time (issue 15): the flags, the
-- message's parameters and a registered reader's card number are kept with the recorded outcome.
ALTER TABLE circulation_offline_txns
  ADD COLUMN flags text[],
  ADD COLUMN params jsonb,
  ADD COLUMN card_number text;
