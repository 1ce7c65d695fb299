-- The decision log of issue 6: who asked through what, the question as asked, the first failing
-- link; reporting-service follows the table by id.
alter table decision_log
  add column source              text  not null default 'authzen',
  add column caller              text  not null default '',
  add column question            jsonb not null default '{}'::jsonb,
  add column failed_at           text,
  add column processing_activity text;

alter table decision_log alter column source drop default;
alter table decision_log alter column caller drop default;
alter table decision_log alter column question drop default;

create index decision_log_denies on decision_log (recorded_at) where not decision;
