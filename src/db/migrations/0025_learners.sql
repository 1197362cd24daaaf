-- Citizen accounts (issue 12): phone-first sign-in with one-time codes, verified contacts, family profiles and
-- the consents minors need.
--
-- Phone-only accounts. users.email stays NOT NULL UNIQUE (better-auth's model and every staff flow rely on it).
-- An account created from a phone number gets a placeholder address under the reserved `.invalid` top-level
-- domain (RFC 2606: never resolvable, never delivered), `p<digits>@phone.invalid`; the number itself, verified,
-- lives in learner_contacts, which is what citizens sign in with. The learners module never mails a `.invalid`
-- address: notices to such an account go to its phone (src/modules/learners/notice.server.ts).
CREATE TABLE learner_contacts (
  -- E.164 (+84…) for phones, lower-case for e-mail addresses.
  address text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('phone', 'email')),
  user_id text NOT NULL,
  verified_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT learner_contacts_phone_e164 CHECK (kind <> 'phone' OR address ~ '^\+[1-9][0-9]{7,14}$'),
  CONSTRAINT learner_contacts_email_lower CHECK (kind <> 'email' OR address = lower(address))
);
CREATE INDEX learner_contacts_user_idx ON learner_contacts (user_id);

-- One-time codes. Neither the code nor the address is kept in clear: both are HMAC-SHA256 under the server
-- secret. A code is single-use (used_at), short-lived (expires_at) and dies after a few wrong tries (attempts).
CREATE TABLE learner_codes (
  id text PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('sign-in', 'verify')),
  address_hash text NOT NULL,
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX learner_codes_address_idx ON learner_codes (address_hash, created_at);
CREATE INDEX learner_codes_expires_idx ON learner_codes (expires_at);

-- Code requests and wrong codes, per address (hashed) and per client IP, for the rate limits. Pruned as new
-- rows arrive.
CREATE TABLE learner_code_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('send', 'fail')),
  address_hash text,
  ip text,
  at timestamptz NOT NULL
);
CREATE INDEX learner_code_events_address_idx ON learner_code_events (kind, address_hash, at);
CREATE INDEX learner_code_events_ip_idx ON learner_code_events (kind, ip, at);

-- Learner profiles. The account holder's own profile has the account's user id as its id; family members an
-- account manages (children, elderly parents) get ids of their own. No national ID numbers or ID images, ever.
CREATE TABLE learner_profiles (
  id text PRIMARY KEY,
  manager_user_id text NOT NULL,
  relation text NOT NULL CHECK (relation IN ('self', 'child', 'parent', 'other')),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
  birth_year integer CHECK (birth_year BETWEEN 1900 AND 2200),
  -- The latest year of birth ever recorded for the profile (the youngest age it ever claimed). The minors'
  -- consent rules use it, so editing the year of birth can make a profile younger but never older.
  youngest_birth_year integer CHECK (youngest_birth_year BETWEEN 1900 AND 2200),
  commune text CHECK (commune IS NULL OR length(commune) BETWEEN 1 AND 120),
  interests text[] NOT NULL DEFAULT '{}',
  preferred_language text NOT NULL DEFAULT 'vi' CHECK (preferred_language IN ('vi', 'en')),
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT learner_profiles_self CHECK ((relation = 'self') = (id = manager_user_id))
);
CREATE INDEX learner_profiles_manager_idx ON learner_profiles (manager_user_id);

-- Earlier versions of a profile (what it said before each edit), for the person's own history and proof.
CREATE TABLE learner_profile_versions (
  learner_id text NOT NULL REFERENCES learner_profiles(id) ON DELETE CASCADE,
  version integer NOT NULL,
  data jsonb NOT NULL,
  changed_by text,
  changed_at timestamptz NOT NULL,
  PRIMARY KEY (learner_id, version)
);

-- Consents for minors: the guardian's (under the age threshold) and, from the second threshold, the child's
-- own. Kept as proof: who gave it, through which verified contact, the exact wording, when; withdrawn, never
-- deleted while the profile exists.
CREATE TABLE learner_consents (
  id text PRIMARY KEY,
  learner_id text NOT NULL REFERENCES learner_profiles(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('guardian', 'child')),
  given_by_user_id text NOT NULL,
  verified_contact text NOT NULL,
  wording text NOT NULL,
  given_at timestamptz NOT NULL,
  withdrawn_at timestamptz
);
CREATE INDEX learner_consents_learner_idx ON learner_consents (learner_id) WHERE withdrawn_at IS NULL;
