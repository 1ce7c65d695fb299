-- Organisational units, effective-dated: a change is a new validity window, never an overwrite.
create table unit (
  code        text not null,
  name        text not null,
  parent_code text,
  kind        text not null
              check (kind in ('MUNICIPALITY', 'DIRECTORATE', 'DEPARTMENT', 'TEAM')),
  valid_from  date not null,
  valid_to    date,
  primary key (code, valid_from),
  constraint unit_window check (valid_to is null or valid_to >= valid_from),
  constraint unit_not_own_parent check (parent_code is null or parent_code <> code)
);

create index unit_parent_code on unit (parent_code);
