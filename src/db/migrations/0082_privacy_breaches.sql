-- Breach register (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): what happened, when it was discovered, which data and
-- how many people, when the authority (A05, Ministry of Public Security) was notified — within 72 hours of
-- discovery — and what was done. Kept by administrators; every change audited.
CREATE TABLE privacy_breaches (
  id text PRIMARY KEY,
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 2 AND 300),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 8000),
  discovered_at timestamptz NOT NULL,
  data_affected text NOT NULL DEFAULT '' CHECK (length(data_affected) <= 4000),
  people_affected integer CHECK (people_affected IS NULL OR people_affected >= 0),
  authority_notified_at timestamptz,
  subjects_notified_at timestamptz,
  actions text NOT NULL DEFAULT '' CHECK (length(actions) <= 8000),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX privacy_breaches_discovered_idx ON privacy_breaches (discovered_at DESC);
