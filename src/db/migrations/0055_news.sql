-- News and campaigns (issue 16): articles written by units and published by the Department's office, grouped
-- into campaigns (a theme such as "Tuần lễ hưởng ứng học tập suốt đời"), and media products (reports, online
-- talks) with their reach. Article bodies are stored already sanitised (and sanitised again on output).
-- Links to events, exhibitions and plan task instances are id lists: those rows belong to other modules.

CREATE TABLE news_campaigns (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  summary text NOT NULL DEFAULT '',
  starts_on date,
  ends_on date,
  material_links jsonb NOT NULL DEFAULT '[]',
  event_ids text[] NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT news_campaigns_dates CHECK (starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on)
);

CREATE TABLE news_articles (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  -- The staff account that wrote it (no foreign key: erasure forgets it through the personal-data handler).
  author_id text,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  summary text NOT NULL DEFAULT '',
  body_html text NOT NULL DEFAULT '',
  category text NOT NULL CHECK (category IN ('news', 'guidance', 'campaign', 'model', 'event_report', 'other')),
  tags text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'review', 'scheduled', 'published', 'withdrawn')),
  publish_at timestamptz,
  published_at timestamptz,
  image_file_id text REFERENCES stored_files(id),
  image_alt text,
  campaign_id text REFERENCES news_campaigns(id),
  event_ids text[] NOT NULL DEFAULT '{}',
  exhibition_ids text[] NOT NULL DEFAULT '{}',
  plan_instance_ids text[] NOT NULL DEFAULT '{}',
  -- fold(title + summary + tags), written by the repository with the same fold() the search uses.
  search_folded text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT news_articles_image_alt CHECK (image_file_id IS NULL OR length(coalesce(image_alt, '')) > 0),
  CONSTRAINT news_articles_scheduled CHECK (status <> 'scheduled' OR publish_at IS NOT NULL),
  CONSTRAINT news_articles_published CHECK (status <> 'published' OR published_at IS NOT NULL)
);
CREATE INDEX news_articles_public_idx ON news_articles (published_at DESC) WHERE status = 'published';
CREATE INDEX news_articles_due_idx ON news_articles (publish_at) WHERE status = 'scheduled';
CREATE INDEX news_articles_unit_idx ON news_articles (unit_id);
CREATE INDEX news_articles_campaign_idx ON news_articles (campaign_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX news_articles_plan_idx ON news_articles USING gin (plan_instance_ids);

CREATE TABLE news_media_products (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units(id),
  kind text NOT NULL CHECK (kind IN ('report', 'talk_show', 'online_talk', 'article_press', 'video', 'other')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  outlet text NOT NULL DEFAULT '',
  url text CHECK (url IS NULL OR url ~ '^https?://'),
  released_on date NOT NULL,
  reach integer NOT NULL DEFAULT 0 CHECK (reach >= 0),
  campaign_id text REFERENCES news_campaigns(id),
  plan_instance_ids text[] NOT NULL DEFAULT '{}',
  search_folded text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX news_media_unit_idx ON news_media_products (unit_id, released_on);
