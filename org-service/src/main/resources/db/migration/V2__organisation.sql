-- The rest of the organisation, effective-dated, and the outbox of docs/events.md.
alter table unit add column headcount integer not null default 0;

create table bodies (
  code      text primary key,
  name      text not null,
  full_name text not null
);

create table positions (
  code          text primary key,
  name          text not null,
  unit_code     text not null,
  reports_to    text,
  single_holder boolean not null,
  external      boolean not null default false,
  valid_from    date not null,
  valid_to      date,
  version       bigint not null default 0,
  constraint position_lifetime check (valid_to is null or valid_to >= valid_from)
);

create table persons (
  username     text primary key,
  sub          text,
  display_name text not null
);

create table assignments (
  id          text primary key,
  person      text not null references persons (username),
  position    text not null references positions (code),
  valid_from  date not null,
  valid_to    date,
  recorded_at timestamptz not null,
  constraint assignment_window check (valid_to is null or valid_to >= valid_from)
);

create index assignments_person on assignments (person);
create index assignments_position on assignments (position);

create table substitutions (
  id          text primary key,
  substitute  text not null references persons (username),
  position    text not null references positions (code),
  valid_from  date not null,
  valid_to    date,
  recorded_at timestamptz not null,
  constraint substitution_window check (valid_to is null or valid_to >= valid_from)
);

create index substitutions_substitute on substitutions (substitute);
create index substitutions_position on substitutions (position);

-- The stream: recorded_at and payload are kept as the exact text the hash covers.
create table events (
  sequence    bigint primary key,
  type        text not null,
  recorded_at text not null,
  actor       text not null,
  payload     text not null,
  prev_hash   text not null,
  hash        text not null
);

-- One row, locked by every append so that sequences are gap-free and the chain is linear.
create table event_head (
  id       integer primary key check (id = 1),
  sequence bigint not null,
  hash     text not null
);

insert into event_head (id, sequence, hash) values (1, 0, repeat('0', 64));
