-- Guidance documents (issue 16): the library of official documents (văn bản) the Department and the Ministry
-- issue — công văn, hướng dẫn, kế hoạch, quyết định — with their issuer, number/symbol, date, summary, related
-- plan task instances and the units they target. Targeted units' staff get a "new guidance" notice; opening
-- the document records a read receipt (one per person).

CREATE TABLE guidance_documents (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  doc_type text NOT NULL CHECK (doc_type IN ('cong_van', 'huong_dan', 'ke_hoach', 'quyet_dinh')),
  issuer text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 300),
  number_symbol text NOT NULL CHECK (length(number_symbol) BETWEEN 1 AND 100),
  issued_on date NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  summary text NOT NULL DEFAULT '',
  url text CHECK (url IS NULL OR url ~ '^https?://'),
  file_id text REFERENCES stored_files(id),
  plan_instance_ids text[] NOT NULL DEFAULT '{}',
  target_unit_ids text[] NOT NULL DEFAULT '{}',
  search_folded text NOT NULL DEFAULT '',
  created_by text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT guidance_documents_number UNIQUE (issuer, number_symbol, issued_on)
);
CREATE INDEX guidance_documents_issued_idx ON guidance_documents (issued_on DESC);
CREATE INDEX guidance_documents_plan_idx ON guidance_documents USING gin (plan_instance_ids);

CREATE TABLE guidance_receipts (
  document_id text NOT NULL REFERENCES guidance_documents(id) ON DELETE CASCADE,
  user_id text NOT NULL,
  unit_id text NOT NULL,
  read_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (document_id, user_id)
);
