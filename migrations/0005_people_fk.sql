-- A membership belongs to a body of the directory (0004 creates the table after 0003's memberships).
alter table memberships add constraint memberships_organization_fk
  foreign key (organization_id) references organizations(id) on delete cascade;
