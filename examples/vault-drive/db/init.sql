-- Schema bootstrap run by the postgres image on first start.
CREATE TABLE IF NOT EXISTS files (id uuid PRIMARY KEY, owner text NOT NULL, created_at timestamptz DEFAULT now());
