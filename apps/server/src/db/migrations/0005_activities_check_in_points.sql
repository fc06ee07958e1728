CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"created_by_user_id" uuid,
	"visibility" text NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"title" text DEFAULT '' NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"belongings" text DEFAULT '' NOT NULL,
	"clothing" text DEFAULT '' NOT NULL,
	"meeting_point" text DEFAULT '' NOT NULL,
	"parking" text DEFAULT '' NOT NULL,
	"target_participants" text DEFAULT '' NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"place_name" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"category" text,
	"capacity" integer,
	"application_deadline" timestamp with time zone,
	"insurance" text,
	"school_district_code" text,
	"restrict_to_district" boolean DEFAULT false NOT NULL,
	"eligibility" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"thumbnail_image_id" uuid,
	"share_token" text NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"search_tokens" text[] DEFAULT '{}'::text[] NOT NULL,
	"applicant_count" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "activities_share_token_unique" UNIQUE("share_token"),
	CONSTRAINT "activities_visibility_check" CHECK ("activities"."visibility" in ('draft', 'public', 'unlisted')),
	CONSTRAINT "activities_capacity_check" CHECK ("activities"."capacity" is null or ("activities"."capacity" > 0 and "activities"."applicant_count" <= "activities"."capacity")),
	CONSTRAINT "activities_applicant_count_check" CHECK ("activities"."applicant_count" >= 0),
	CONSTRAINT "activities_dates_check" CHECK ("activities"."ends_at" is null or "activities"."starts_at" is null or "activities"."ends_at" > "activities"."starts_at"),
	CONSTRAINT "activities_published_complete_check" CHECK ("activities"."visibility" = 'draft' or ("activities"."starts_at" is not null and "activities"."ends_at" is not null and "activities"."published_at" is not null)),
	CONSTRAINT "activities_location_check" CHECK (("activities"."lat" is null) = ("activities"."lng" is null))
);
--> statement-breakpoint
CREATE TABLE "activity_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"activity_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "activity_applications_status_check" CHECK ("activity_applications"."status" in ('applied', 'waitlisted', 'cancelled')),
	CONSTRAINT "activity_applications_cancelled_check" CHECK (("activity_applications"."status" = 'cancelled') = ("activity_applications"."cancelled_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "activity_images" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"bytes" "bytea" NOT NULL,
	"content_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sender_user_id" uuid,
	"body" text DEFAULT '' NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recipient_count" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "activity_notices_kind_check" CHECK ("activity_notices"."kind" in ('message', 'rescheduled', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "attendances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"walk_in" boolean NOT NULL,
	"method" text NOT NULL,
	"checked_in_at" timestamp with time zone NOT NULL,
	"issued_by_user_id" uuid,
	"reason" text,
	CONSTRAINT "attendances_one_per_person" UNIQUE("activity_id","user_id"),
	CONSTRAINT "attendances_method_check" CHECK ("attendances"."method" in ('qr', 'code', 'city')),
	CONSTRAINT "attendances_city_reason_check" CHECK (("attendances"."method" = 'city') = ("attendances"."reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"serial" text NOT NULL,
	"attendance_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"user_id" uuid,
	"holder_name" text,
	"activity_title" text NOT NULL,
	"group_name" text NOT NULL,
	"place" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"signature" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoke_reason" text,
	"revoked_by_user_id" uuid,
	CONSTRAINT "certificates_serial_unique" UNIQUE("serial"),
	CONSTRAINT "certificates_attendance_id_unique" UNIQUE("attendance_id"),
	CONSTRAINT "certificates_revoked_check" CHECK (("certificates"."revoked_at" is null) = ("certificates"."revoke_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "check_in_refusals" (
	"activity_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"count" integer NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "check_in_refusals_activity_id_reason_pk" PRIMARY KEY("activity_id","reason"),
	CONSTRAINT "check_in_refusals_count_check" CHECK ("check_in_refusals"."count" > 0)
);
--> statement-breakpoint
CREATE TABLE "point_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"last_usable_day" date,
	"lot_id" uuid,
	"allocations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attendance_id" uuid,
	"actor_user_id" uuid,
	"reason" text,
	CONSTRAINT "point_entries_attendance_id_unique" UNIQUE("attendance_id"),
	CONSTRAINT "point_entries_kind_check" CHECK ("point_entries"."kind" in ('grant', 'spend', 'adjustment', 'expiry')),
	CONSTRAINT "point_entries_amount_check" CHECK ("point_entries"."amount" <> 0 and ("point_entries"."kind" = 'adjustment' or "point_entries"."amount" > 0)),
	CONSTRAINT "point_entries_lot_check" CHECK (("point_entries"."kind" = 'grant' or ("point_entries"."kind" = 'adjustment' and "point_entries"."amount" > 0)) = ("point_entries"."last_usable_day" is not null)),
	CONSTRAINT "point_entries_expiry_check" CHECK (("point_entries"."kind" = 'expiry') = ("point_entries"."lot_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "rank_announcements" (
	"user_id" uuid NOT NULL,
	"rank" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rank_announcements_user_id_rank_pk" PRIMARY KEY("user_id","rank")
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_group_id_organizer_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."organizer_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_thumbnail_image_id_activity_images_id_fk" FOREIGN KEY ("thumbnail_image_id") REFERENCES "public"."activity_images"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_applications" ADD CONSTRAINT "activity_applications_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_applications" ADD CONSTRAINT "activity_applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_images" ADD CONSTRAINT "activity_images_group_id_organizer_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."organizer_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_notices" ADD CONSTRAINT "activity_notices_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_notices" ADD CONSTRAINT "activity_notices_sender_user_id_users_id_fk" FOREIGN KEY ("sender_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_issued_by_user_id_users_id_fk" FOREIGN KEY ("issued_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_attendance_id_attendances_id_fk" FOREIGN KEY ("attendance_id") REFERENCES "public"."attendances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_revoked_by_user_id_users_id_fk" FOREIGN KEY ("revoked_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_refusals" ADD CONSTRAINT "check_in_refusals_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_attendance_id_attendances_id_fk" FOREIGN KEY ("attendance_id") REFERENCES "public"."attendances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_entries" ADD CONSTRAINT "point_entries_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rank_announcements" ADD CONSTRAINT "rank_announcements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_group_idx" ON "activities" USING btree ("group_id","starts_at");--> statement-breakpoint
CREATE INDEX "activities_listed_idx" ON "activities" USING btree ("starts_at") WHERE "activities"."visibility" = 'public' and "activities"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "activities_listed_ends_idx" ON "activities" USING btree ("ends_at","starts_at","id") WHERE "activities"."visibility" = 'public' and "activities"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "activities_search_tokens_idx" ON "activities" USING gin ("search_tokens");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_applications_one_live" ON "activity_applications" USING btree ("activity_id","user_id") WHERE "activity_applications"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "activity_applications_activity_idx" ON "activity_applications" USING btree ("activity_id","status","seq");--> statement-breakpoint
CREATE INDEX "activity_applications_user_idx" ON "activity_applications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "activity_notices_activity_idx" ON "activity_notices" USING btree ("activity_id","sent_at");--> statement-breakpoint
CREATE INDEX "attendances_activity_idx" ON "attendances" USING btree ("activity_id","checked_in_at");--> statement-breakpoint
CREATE INDEX "attendances_user_idx" ON "attendances" USING btree ("user_id","checked_in_at");--> statement-breakpoint
CREATE INDEX "certificates_user_idx" ON "certificates" USING btree ("user_id","issued_at");--> statement-breakpoint
CREATE INDEX "point_entries_user_idx" ON "point_entries" USING btree ("user_id","seq");--> statement-breakpoint
-- The points ledger is append-only (issue 6): every change is a new entry, never an edit.
CREATE FUNCTION point_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'point_entries is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER point_entries_append_only
  BEFORE UPDATE OR DELETE ON point_entries
  FOR EACH ROW EXECUTE FUNCTION point_entries_refuse_change();
