-- Optimistic locking of units: every window of a unit carries the unit's version, raised by one on
-- every change made through PUT /api/v1/org/units/{code}.
alter table unit add column version bigint not null default 0;
