-- Per-person console settings (language, default date); the register itself lives elsewhere.
create table console_preference (
  username   text        not null,
  name       text        not null,
  value      text        not null,
  updated_at timestamptz not null default now(),
  primary key (username, name)
);
