create table probe (
  id bigserial primary key,
  note text not null
);
