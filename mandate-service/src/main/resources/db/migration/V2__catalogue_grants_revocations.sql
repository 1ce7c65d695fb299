-- The payload is kept as the exact text that was hashed (docs/events.md): jsonb would reformat it.
alter table outbox_event alter column payload type text using payload::text;
alter table outbox_event add column actor text not null default 'system';
alter table outbox_event alter column actor drop default;

-- The decision-type catalogue: ZGW Catalogi BesluitType plus who may take it by law (DOMAIN.md).
create table decision_type (
  code                  text    primary key,
  omschrijving          text    not null,
  besluitcategorie      text,
  reactietermijn        text,
  publicatie_indicatie  boolean not null default false,
  begin_geldigheid      date    not null,
  einde_geldigheid      date,
  competent_body        text    not null,
  legal_basis           text,
  mandatable            boolean not null,
  not_mandatable_reason text,
  delegable             boolean not null,
  reserved_to_raad      boolean not null,
  default_route         text,
  sequence              bigint  not null
);

-- Grants of every kind. In force and expired follow from the window and the revocations; only the
-- concept state is stored.
create table grant_record (
  id                        text        primary key,
  kind                      text        not null,
  parent_grant_id           text        references grant_record (id),
  grantor                   text        not null,
  holder                    text        not null,
  decision_types            text[]      not null,
  org_units                 text[]      not null,
  ceiling                   numeric(17, 2),
  valid_from                date        not null,
  valid_to                  date,
  conditions                text[]      not null,
  instructions              text[]      not null,
  co_signs                  text        not null,
  sub_mandate_allowed       boolean     not null,
  excludes_higher_positions boolean     not null,
  escalation_target         text,
  grant_decision_ref        text,
  legal_basis               text,
  mandatary_consent_ref     text,
  employer_consent_ref      text,
  publication_ref           text,
  concept                   boolean     not null default false,
  recorded_at               timestamptz not null,
  recorded_by               text        not null,
  sequence                  bigint      not null
);

create index grant_record_parent on grant_record (parent_grant_id);
create index grant_record_holder on grant_record (holder);

-- Direct revocations only: the cascade to sub-grants follows from the parent chain (Awb 10:9(2)).
create table revocation (
  grant_id        text        primary key references grant_record (id),
  revoked_at      timestamptz not null,
  reason          text,
  decision_ref    text,
  publication_ref text,
  revoked_by      text        not null,
  sequence        bigint      not null
);
