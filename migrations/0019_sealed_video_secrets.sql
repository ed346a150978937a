-- The video systems' secrets are stored sealed (AES-256-GCM, src/platform/secret-box.ts): the
-- stored text is longer than the secret, so the length checks apply to the sealed form.
alter table conference_platform_video drop constraint if exists conference_platform_video_jitsi_app_secret_check;
alter table conference_platform_video drop constraint if exists conference_platform_video_bbb_secret_check;
alter table conference_platform_video add constraint conference_platform_video_jitsi_app_secret_check check (length(jitsi_app_secret) between 16 and 1024);
alter table conference_platform_video add constraint conference_platform_video_bbb_secret_check check (length(bbb_secret) between 16 and 1024);
