-- Learning content: learning paths made by unit staff (ordered steps: rich-text pages, images, video links,
-- catalogue records, exhibitions, events, quizzes), each learner's per-step progress, quiz attempts and path
-- completions; and reading challenges (a window, a goal in books or minutes, participants with a group and a
-- leaderboard opt-in, logged or credited entries). Learners are keyed by `learner_id text` (the learners
-- module's id), never by a foreign key across modules.

CREATE TABLE learning_paths (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
  summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 4000),
  -- all_steps: every step done; required_steps: every step marked required; quizzes_passed: every quiz passed.
  completion_rule text NOT NULL DEFAULT 'all_steps'
    CHECK (completion_rule IN ('all_steps', 'required_steps', 'quizzes_passed')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  published_at timestamptz,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX learning_paths_unit_idx ON learning_paths (unit_id);
CREATE INDEX learning_paths_published_idx ON learning_paths (published_at DESC) WHERE status = 'published';

CREATE TABLE learning_path_steps (
  id text PRIMARY KEY,
  path_id text NOT NULL REFERENCES learning_paths(id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  kind text NOT NULL CHECK (kind IN ('page', 'image', 'video', 'record', 'exhibition', 'event', 'quiz')),
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
  -- Sanitised HTML (pages) or a short note (other kinds).
  body text NOT NULL DEFAULT '' CHECK (length(body) <= 100000),
  file_id text REFERENCES stored_files(id),
  alt text CHECK (alt IS NULL OR length(alt) <= 500),
  url text CHECK (url IS NULL OR url ~ '^https://'),
  -- A catalogue record, exhibition or event id (checked through that module's port when the step is saved).
  ref_id text,
  required boolean NOT NULL DEFAULT true,
  -- Quizzes: {questions:[{id, prompt, multiple, options:[{id, label, correct}]}], passMark (percent), maxAttempts}.
  quiz jsonb,
  CHECK (kind <> 'image' OR (file_id IS NOT NULL AND length(btrim(coalesce(alt, ''))) > 0)),
  CHECK (kind <> 'quiz' OR quiz IS NOT NULL)
);
CREATE INDEX learning_path_steps_path_idx ON learning_path_steps (path_id, position);

CREATE TABLE learning_step_progress (
  learner_id text NOT NULL,
  path_id text NOT NULL REFERENCES learning_paths(id) ON DELETE CASCADE,
  step_id text NOT NULL REFERENCES learning_path_steps(id) ON DELETE CASCADE,
  completed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (learner_id, step_id)
);
CREATE INDEX learning_step_progress_path_idx ON learning_step_progress (path_id, learner_id);

CREATE TABLE learning_quiz_attempts (
  id text PRIMARY KEY,
  learner_id text NOT NULL,
  path_id text NOT NULL REFERENCES learning_paths(id) ON DELETE CASCADE,
  step_id text NOT NULL REFERENCES learning_path_steps(id) ON DELETE CASCADE,
  attempt_no integer NOT NULL CHECK (attempt_no >= 1),
  score_percent integer NOT NULL CHECK (score_percent BETWEEN 0 AND 100),
  passed boolean NOT NULL,
  answers jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Two concurrent submissions cannot both be attempt n: the attempt limit holds under double submits.
  UNIQUE (learner_id, step_id, attempt_no)
);

CREATE TABLE learning_path_completions (
  learner_id text NOT NULL,
  path_id text NOT NULL REFERENCES learning_paths(id) ON DELETE CASCADE,
  unit_id text NOT NULL,
  completed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (learner_id, path_id)
);
CREATE INDEX learning_path_completions_at_idx ON learning_path_completions (completed_at);

CREATE TABLE reading_challenges (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
  -- Inclusive days in Asia/Ho_Chi_Minh.
  starts_on date NOT NULL,
  ends_on date NOT NULL CHECK (ends_on >= starts_on),
  goal_kind text NOT NULL CHECK (goal_kind IN ('books', 'minutes')),
  goal integer NOT NULL CHECK (goal BETWEEN 1 AND 100000),
  group_kind text CHECK (group_kind IS NULL OR group_kind IN ('team', 'class', 'school', 'commune')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX reading_challenges_window_idx ON reading_challenges (ends_on) WHERE status = 'published';

CREATE TABLE reading_challenge_participants (
  challenge_id text NOT NULL REFERENCES reading_challenges(id) ON DELETE CASCADE,
  learner_id text NOT NULL,
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
  group_name text CHECK (group_name IS NULL OR length(group_name) <= 120),
  leaderboard_opt_in boolean NOT NULL DEFAULT false,
  joined_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (challenge_id, learner_id)
);

CREATE TABLE reading_challenge_entries (
  id text PRIMARY KEY,
  challenge_id text NOT NULL REFERENCES reading_challenges(id) ON DELETE CASCADE,
  learner_id text NOT NULL,
  -- self: logged by the learner; the others are verified activity the platform saw.
  source text NOT NULL CHECK (source IN ('self', 'path', 'event', 'loan')),
  -- What was verified (a path id, an attendance id, a loan id), unique so a credit is applied once.
  source_ref text,
  record_id text,
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
  books integer NOT NULL DEFAULT 1 CHECK (books BETWEEN 0 AND 100),
  minutes integer NOT NULL DEFAULT 0 CHECK (minutes BETWEEN 0 AND 1440),
  read_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (challenge_id, learner_id) REFERENCES reading_challenge_participants (challenge_id, learner_id)
    ON DELETE CASCADE
);
CREATE INDEX reading_challenge_entries_learner_idx ON reading_challenge_entries (challenge_id, learner_id);
CREATE UNIQUE INDEX reading_challenge_entries_source_uq
  ON reading_challenge_entries (challenge_id, learner_id, source, source_ref) WHERE source_ref IS NOT NULL;
