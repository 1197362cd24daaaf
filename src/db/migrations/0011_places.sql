-- Places: the registry of service points (provincial library and museum, cultural centres, commune cultural
-- centres, community learning centres, post-office cultural points, private/community libraries, non-public
-- museums, mobile-library stops), their weekly opening hours with dated exceptions, and mobile-library routes
-- with scheduled stops (weekly or on explicit dates) and per-date cancellations.

CREATE TABLE places (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  kind text NOT NULL CHECK (kind IN (
    'provincial_library', 'provincial_museum', 'cultural_centre', 'mobile_library_stop',
    'commune_cultural_centre', 'community_learning_centre', 'post_office_cultural_point',
    'private_library', 'community_library', 'non_public_museum', 'other')),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 300),
  district text,
  commune text,
  address text,
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lng double precision CHECK (lng BETWEEN -180 AND 180),
  phone text,
  email text,
  website text,
  description text,
  accessibility text,
  -- Service codes (lending, reading_room, children_corner, internet, exhibitions, classes, …).
  services text[] NOT NULL DEFAULT '{}',
  -- Photos in display order: [{"fileId": stored_files id (public image), "alt": text alternative}].
  photos jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(photos) = 'array'),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  -- Folded (no diacritics, lower-case) name and address for search: `cam lam` finds "Cam Lâm".
  search_folded text GENERATED ALWAYS AS (
    vn_fold(name || ' ' || coalesce(district, '') || ' ' || coalesce(commune, '') || ' ' || coalesce(address, ''))
  ) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT places_coordinates_pair CHECK ((lat IS NULL) = (lng IS NULL))
);
CREATE INDEX places_unit_idx ON places (unit_id);
CREATE INDEX places_kind_idx ON places (kind) WHERE status = 'active';

-- Weekly pattern: one row per opening interval; ISO weekday (1 = Monday … 7 = Sunday), local time.
CREATE TABLE place_hours (
  place_id text NOT NULL REFERENCES places(id) ON DELETE CASCADE,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens time NOT NULL,
  closes time NOT NULL,
  PRIMARY KEY (place_id, weekday, opens),
  CONSTRAINT place_hours_order CHECK (closes > opens)
);

-- A dated exception (holiday, event, repair): closed all day, or open with special hours.
CREATE TABLE place_hours_exceptions (
  place_id text NOT NULL REFERENCES places(id) ON DELETE CASCADE,
  day date NOT NULL,
  closed boolean NOT NULL,
  opens time,
  closes time,
  note text,
  PRIMARY KEY (place_id, day),
  CONSTRAINT place_hours_exceptions_shape CHECK (
    (closed AND opens IS NULL AND closes IS NULL)
    OR (NOT closed AND opens IS NOT NULL AND closes IS NOT NULL AND closes > opens)
  )
);

CREATE TABLE mobile_library_routes (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 300),
  vehicle text,
  description text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mobile_library_routes_unit_idx ON mobile_library_routes (unit_id);

-- A scheduled stop: every week on `weekday`, or on the explicit `dates`; local time window.
CREATE TABLE mobile_library_stops (
  id text PRIMARY KEY,
  route_id text NOT NULL REFERENCES mobile_library_routes(id) ON DELETE CASCADE,
  place_id text NOT NULL REFERENCES places(id),
  weekday smallint CHECK (weekday BETWEEN 1 AND 7),
  dates date[] NOT NULL DEFAULT '{}',
  starts time NOT NULL,
  ends time NOT NULL,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT mobile_library_stops_when CHECK ((weekday IS NULL) <> (cardinality(dates) = 0)),
  CONSTRAINT mobile_library_stops_order CHECK (ends > starts)
);
CREATE INDEX mobile_library_stops_route_idx ON mobile_library_stops (route_id);
CREATE INDEX mobile_library_stops_place_idx ON mobile_library_stops (place_id);

-- One stop skipped on one day, with the reason shown to the public.
CREATE TABLE mobile_library_stop_cancellations (
  stop_id text NOT NULL REFERENCES mobile_library_stops(id) ON DELETE CASCADE,
  day date NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 2 AND 500),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (stop_id, day)
);
