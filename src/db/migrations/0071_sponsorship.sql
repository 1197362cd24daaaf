-- Sponsorship and donations (xã hội hóa, issue 16): sponsors (organisations or people) with their consent to
-- be thanked in public (and the day it was given), agreements/projects, and donations of money, books or
-- equipment valued in VND, received by a unit on a day for a purpose (a plan task instance or an event).
-- Donated books keep their list and, once catalogued, the catalogue records made from them.

CREATE TABLE sponsors (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  kind text NOT NULL CHECK (kind IN ('organisation', 'person')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  email text,
  phone text,
  address text NOT NULL DEFAULT '',
  public_consent boolean NOT NULL DEFAULT false,
  consent_on date,
  search_folded text NOT NULL DEFAULT '',
  created_by text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT sponsors_consent_day CHECK (NOT public_consent OR consent_on IS NOT NULL)
);

CREATE TABLE sponsorship_agreements (
  id text PRIMARY KEY,
  sponsor_id text NOT NULL REFERENCES sponsors(id),
  unit_id text NOT NULL REFERENCES units(id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  signed_on date NOT NULL,
  ends_on date,
  value_vnd bigint CHECK (value_vnd IS NULL OR value_vnd >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sponsorship_agreements_sponsor_idx ON sponsorship_agreements (sponsor_id);

CREATE TABLE donations (
  id text PRIMARY KEY,
  sponsor_id text NOT NULL REFERENCES sponsors(id),
  agreement_id text REFERENCES sponsorship_agreements(id),
  unit_id text NOT NULL REFERENCES units(id),
  kind text NOT NULL CHECK (kind IN ('money', 'books', 'equipment')),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  value_vnd bigint NOT NULL CHECK (value_vnd >= 0),
  received_on date NOT NULL,
  purpose text NOT NULL DEFAULT '',
  plan_instance_ids text[] NOT NULL DEFAULT '{}',
  event_id text,
  books jsonb NOT NULL DEFAULT '[]',
  catalogue_record_ids text[] NOT NULL DEFAULT '{}',
  catalogued_at timestamptz,
  search_folded text NOT NULL DEFAULT '',
  created_by text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX donations_received_idx ON donations (received_on DESC);
CREATE INDEX donations_sponsor_idx ON donations (sponsor_id);
CREATE INDEX donations_plan_idx ON donations USING gin (plan_instance_ids);
