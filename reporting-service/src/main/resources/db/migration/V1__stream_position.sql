-- How far the read models have followed each owner's event stream (ARCHITECTURE.md, step 5).
create table stream_position (
  stream        text        primary key,
  last_sequence bigint      not null default 0 check (last_sequence >= 0),
  last_hash     text,
  updated_at    timestamptz not null default now()
);
