-- Credentials (issue 14): achievements defined by units, the Ed25519 signing keys of each issuing unit
-- (private halves encrypted with CREDENTIALS_KEY, never stored in clear) and the awarded Open Badges 3.0
-- credentials, each with its index in its unit's revocation list (Bitstring Status List).

CREATE TABLE credential_issuer_keys (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  public_key_multibase text NOT NULL UNIQUE,
  -- AES-256-GCM under CREDENTIALS_KEY: base64url(iv).base64url(tag).base64url(ciphertext).
  private_key_encrypted text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz
);
CREATE UNIQUE INDEX credential_issuer_keys_one_active ON credential_issuer_keys (unit_id) WHERE status = 'active';

CREATE TABLE achievements (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  name_vi text NOT NULL CHECK (length(name_vi) BETWEEN 2 AND 200),
  name_en text NOT NULL DEFAULT '' CHECK (length(name_en) <= 200),
  criteria_vi text NOT NULL CHECK (length(criteria_vi) BETWEEN 2 AND 4000),
  criteria_en text NOT NULL DEFAULT '' CHECK (length(criteria_en) <= 4000),
  image_alt text NOT NULL CHECK (length(image_alt) BETWEEN 2 AND 300),
  -- Badge colour of the generated image (a stored image upload is a later step).
  image_color text NOT NULL DEFAULT '#0b5394' CHECK (image_color ~ '^#[0-9a-f]{6}$'),
  -- Automatic award rule, null = manual only: {kind, category?, count?, hours?, ref?}.
  award_rule jsonb,
  -- Months a credential stays valid; null = no expiry.
  validity_months integer CHECK (validity_months IS NULL OR validity_months BETWEEN 1 AND 600),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX achievements_unit_idx ON achievements (unit_id);

CREATE SEQUENCE credential_status_index_seq;

CREATE TABLE credential_awards (
  id text PRIMARY KEY,
  achievement_id text NOT NULL REFERENCES achievements(id),
  unit_id text NOT NULL REFERENCES units(id),
  -- The learners port's id (the account holder's user id, or a family member's id): no cross-module key.
  learner_id text NOT NULL,
  recipient_name text NOT NULL CHECK (length(recipient_name) BETWEEN 1 AND 200),
  source text NOT NULL CHECK (source IN ('manual', 'rule')),
  reason text CHECK (reason IS NULL OR length(reason) <= 2000),
  -- For rule awards, what the award is for (e.g. the year): one award per achievement, learner and period.
  period_key text NOT NULL DEFAULT '',
  -- Position in the unit's revocation list (bit index), unique across the platform.
  status_index integer NOT NULL UNIQUE DEFAULT nextval('credential_status_index_seq'),
  document jsonb NOT NULL,
  issued_at timestamptz NOT NULL,
  valid_until timestamptz,
  revoked_at timestamptz,
  revoked_reason text,
  revoked_by text,
  hidden boolean NOT NULL DEFAULT false,
  awarded_by text,
  CONSTRAINT credential_awards_once UNIQUE (achievement_id, learner_id, period_key)
);
CREATE INDEX credential_awards_learner_idx ON credential_awards (learner_id);
CREATE INDEX credential_awards_unit_idx ON credential_awards (unit_id);
