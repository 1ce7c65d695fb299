-- reporting-service follows decision_log. Following by id alone can skip a record: ids are handed
-- out when a row is inserted, not when its transaction commits, so a reader that has seen id 12
-- would never see id 11 committed a moment later (two gateway instances, or a batch retried).
-- Each row therefore carries the id of the transaction that wrote it, and a reader takes rows in
-- (txid, id) order up to the oldest transaction still running: every row that can still appear
-- sorts after everything it has been given.
alter table decision_log add column txid xid8 not null default pg_current_xact_id();

create index decision_log_follow on decision_log (txid, id);

-- The rows after the cursor (after_txid, after_id) that no later commit can precede, oldest
-- first; start with ('0', 0) and continue from the last row's (txid, id).
create function decision_log_after(after_txid xid8, after_id bigint, max_rows integer)
  returns setof decision_log
  language sql
  stable
  set search_path from current
as $$
  select *
    from decision_log
   where (txid, id) > (after_txid, after_id)
     and txid < pg_snapshot_xmin(pg_current_snapshot())
   order by txid, id
   limit max_rows
$$;
