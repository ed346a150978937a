-- The directory of public bodies: regions, provinces, metropolitan cities and municipalities loaded
-- from the official list at start-up (source 'istat'), plus unions, mountain communities,
-- ministries, other public bodies, providers and associations created by operators ('operator').
-- The directory is public-sector public data: everyone signed in reads it; writes go through the
-- module's use cases, and row-level security keeps the application role from touching the
-- official list (only platform scope) or other bodies' records.

create table organizations (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('region', 'province', 'metropolitan_city', 'municipality',
    'union_of_municipalities', 'mountain_community', 'ministry', 'other_public_body', 'provider', 'association')),
  name text not null check (length(name) between 1 and 200),
  -- lower case, accents stripped, computed by the application (no dependency on unaccent)
  search_name text not null,
  istat_code text check (istat_code ~ '^[0-9]{2,6}$'),
  ipa_code text check (ipa_code ~ '^[a-z0-9_]{2,20}$'),
  tax_code text check (tax_code ~ '^[0-9]{11}$'),
  region_code text check (region_code ~ '^[0-9]{2}$'),       -- ISTAT code of the region
  province_code text check (province_code ~ '^[A-Z]{2}$'),   -- sigla of the province
  patron_day text check (patron_day ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'),
  website text check (length(website) <= 300),
  pec text check (length(pec) <= 254),
  population integer check (population >= 0),
  source text not null default 'operator' check (source in ('istat', 'operator')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create unique index organizations_istat_code on organizations (istat_code) where istat_code is not null;
create unique index organizations_ipa_code on organizations (ipa_code) where ipa_code is not null;
-- one province-level body per sigla (the key of the official loader)
create unique index organizations_province_sigla on organizations (province_code)
  where kind in ('province', 'metropolitan_city');
create index organizations_kind on organizations (kind);
create index organizations_region on organizations (region_code);
create index organizations_province on organizations (province_code);
create index organizations_tax_code on organizations (tax_code) where tax_code is not null;
create index organizations_search_trgm on organizations using gin (search_name gin_trgm_ops);

-- A body's parent bodies: a municipality is part of its province and its region ('part_of'),
-- a municipality is a member of a union or a mountain community ('member_of').
create table organization_links (
  organization_id uuid not null references organizations(id) on delete cascade,
  parent_id uuid not null references organizations(id) on delete cascade,
  relation text not null check (relation in ('part_of', 'member_of')),
  primary key (organization_id, parent_id),
  check (organization_id <> parent_id)
);
create index organization_links_parent on organization_links (parent_id, relation);

alter table organizations enable row level security;
create policy organizations_read on organizations for select using (true);
-- the application role may only add bodies created by operators; the official list is loaded by the owner
create policy organizations_insert on organizations for insert
  with check (app_is_platform() or (source = 'operator'
    and kind not in ('region', 'province', 'metropolitan_city', 'municipality')));
-- a body's own administrators may change their body (the use case limits which fields)
create policy organizations_update on organizations for update
  using (app_is_platform() or id = app_organization_id())
  with check (app_is_platform() or id = app_organization_id());
create policy organizations_delete on organizations for delete using (app_is_platform());

alter table organization_links enable row level security;
create policy organization_links_read on organization_links for select using (true);
create policy organization_links_write on organization_links for all
  using (app_is_platform() or exists (select 1 from organizations o
    where o.id in (organization_links.organization_id, organization_links.parent_id) and o.source = 'operator'))
  with check (app_is_platform() or exists (select 1 from organizations o
    where o.id in (organization_links.organization_id, organization_links.parent_id) and o.source = 'operator'));
