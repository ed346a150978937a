-- Idempotency-Key on POSTs that create: the first answer is stored and replayed for the same key.
-- Platform-level bookkeeping, read and written only by src/platform/http/idempotency.ts as the owner.
create table idempotency_keys (
  scope text not null,                -- the caller: user id, or the client address when anonymous
  key text not null,
  method text not null,
  path text not null,
  request_hash text not null,
  status_code int,                    -- null while the first request is still running
  response_body text,
  content_type text,
  created_at timestamptz not null default now(),
  primary key (scope, key)
);
create index idempotency_keys_created on idempotency_keys (created_at);
revoke all on idempotency_keys from agilepa_app;
