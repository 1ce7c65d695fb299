-- The transactional outbox (ARCHITECTURE.md, "How data flows"): every change commits together with
-- its event; events are immutable and each carries the hash of the one before it.
create table outbox_event (
  sequence    bigserial   primary key,
  type        text        not null,
  payload     jsonb       not null,
  recorded_at timestamptz not null default now(),
  prev_hash   text,
  hash        text        not null unique,
  constraint outbox_event_chained check (sequence = 1 or prev_hash is not null)
);
