-- Staff training (tập huấn, issue 16): courses organised by the Ministry, the Department or a unit, their
-- sessions (day, hours), the staff who take part (accounts with a grant), attendance per session, and the
-- certificate each participant received (a file checked by content in the files module).

CREATE TABLE training_courses (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  organiser_level text NOT NULL CHECK (organiser_level IN ('ministry', 'department', 'unit')),
  organiser text NOT NULL CHECK (length(organiser) BETWEEN 1 AND 300),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  topic text NOT NULL DEFAULT '',
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  place_id text,
  online_url text CHECK (online_url IS NULL OR online_url ~ '^https?://'),
  plan_instance_ids text[] NOT NULL DEFAULT '{}',
  search_folded text NOT NULL DEFAULT '',
  created_by text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT training_courses_dates CHECK (ends_on >= starts_on)
);
CREATE INDEX training_courses_starts_idx ON training_courses (starts_on DESC);
CREATE INDEX training_courses_plan_idx ON training_courses USING gin (plan_instance_ids);

CREATE TABLE training_sessions (
  id text PRIMARY KEY,
  course_id text NOT NULL REFERENCES training_courses(id) ON DELETE CASCADE,
  held_on date NOT NULL,
  title text NOT NULL DEFAULT '',
  hours numeric(4, 1) NOT NULL CHECK (hours > 0 AND hours <= 24),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX training_sessions_course_idx ON training_sessions (course_id, held_on);

CREATE TABLE training_participants (
  course_id text NOT NULL REFERENCES training_courses(id) ON DELETE CASCADE,
  user_id text NOT NULL,
  unit_id text NOT NULL REFERENCES units(id),
  certificate_file_id text REFERENCES stored_files(id),
  certificate_no text,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (course_id, user_id)
);
CREATE INDEX training_participants_user_idx ON training_participants (user_id);

CREATE TABLE training_attendance (
  session_id text NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
  course_id text NOT NULL,
  user_id text NOT NULL,
  PRIMARY KEY (session_id, user_id),
  FOREIGN KEY (course_id, user_id) REFERENCES training_participants(course_id, user_id)
    ON DELETE CASCADE ON UPDATE CASCADE
);
