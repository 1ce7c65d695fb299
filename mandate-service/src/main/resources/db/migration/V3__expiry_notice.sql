-- Expiry notices issued (docs/events.md, ExpiryNoticeDue): each one beside its event, as a
-- revocation is. The key is what makes a notice happen once per grant, end date and period, whichever
-- instance writes it and however often the job runs: a second writer's statement fails as a whole.
-- The end date is part of it so that a grant whose end date changes is noticed again for the new one.
create table expiry_notice (
  grant_id text    not null references grant_record (id),
  valid_to date    not null,
  notice   integer not null check (notice in (14, 60)),
  sequence bigint  not null unique references outbox_event (sequence),
  primary key (grant_id, valid_to, notice)
);
