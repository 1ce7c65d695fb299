-- Every answer of the decision point, for audit (API.md, AuthZEN): filled by a later issue.
create table decision_log (
  id            bigserial   primary key,
  recorded_at   timestamptz not null default now(),
  subject_type  text        not null,
  subject_id    text        not null,
  action        text        not null,
  resource_type text        not null,
  resource_id   text        not null,
  decision      boolean     not null,
  reason        text        not null,
  revision      bigint,
  traceparent   text
);

create index decision_log_recorded_at on decision_log (recorded_at);
