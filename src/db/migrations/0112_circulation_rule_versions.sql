-- Loan rules become versioned editable entities: the rules page names the version it was loaded with and a
-- save based on an older one is refused (409) instead of overwriting another manager's change.
ALTER TABLE circulation_loan_rules ADD COLUMN version integer NOT NULL DEFAULT 1;
