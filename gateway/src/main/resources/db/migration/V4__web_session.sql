-- Browser login sessions (the tokens of an authorization-code login, the CSRF token, the page to
-- return to), shared by every gateway replica: ARCHITECTURE.md has the services stateless, and a
-- session kept in one replica's memory would send the browser back to the login whenever the load
-- balancer picks another.
create table web_session (
  id                   text        primary key,
  created_at           timestamptz not null,
  last_accessed_at     timestamptz not null,
  max_inactive_seconds integer     not null,
  expires_at           timestamptz not null,
  attributes           bytea       not null
);

create index web_session_expires_at on web_session (expires_at);
