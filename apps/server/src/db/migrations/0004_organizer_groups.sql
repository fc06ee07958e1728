CREATE TABLE "organizer_announcements" (
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"rights_end" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "organizer_announcements_group_id_user_id_kind_rights_end_pk" PRIMARY KEY("group_id","user_id","kind","rights_end"),
	CONSTRAINT "organizer_announcements_kind_check" CHECK ("organizer_announcements"."kind" in ('renewal_window', 'lapsed'))
);
--> statement-breakpoint
CREATE TABLE "organizer_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"applicant_user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"details" jsonb NOT NULL,
	"normalized_name" text DEFAULT '' NOT NULL,
	"category" text,
	"round" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "organizer_applications_status_check" CHECK ("organizer_applications"."status" in ('draft', 'submitted', 'returned', 'resubmitted', 'approved', 'withdrawn')),
	CONSTRAINT "organizer_applications_round_check" CHECK ("organizer_applications"."round" >= 0),
	CONSTRAINT "organizer_applications_submitted_check" CHECK ("organizer_applications"."status" = 'draft' or "organizer_applications"."submitted_at" is not null or "organizer_applications"."status" = 'withdrawn')
);
--> statement-breakpoint
CREATE TABLE "organizer_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "organizer_documents_media_type_check" CHECK ("organizer_documents"."media_type" in ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')),
	CONSTRAINT "organizer_documents_size_check" CHECK ("organizer_documents"."size" between 1 and 10485760),
	CONSTRAINT "organizer_documents_size_matches_check" CHECK (octet_length("organizer_documents"."content") = "organizer_documents"."size"),
	CONSTRAINT "organizer_documents_sha256_check" CHECK ("organizer_documents"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "organizer_documents_file_name_check" CHECK (length("organizer_documents"."file_name") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "organizer_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid,
	"group_id" uuid,
	"request_id" uuid,
	"event" text NOT NULL,
	"round" integer,
	"actor_user_id" uuid,
	"reason" text,
	"reason_visible_to_group" boolean DEFAULT true NOT NULL,
	"details" jsonb,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "organizer_events_subject_check" CHECK ("organizer_events"."application_id" is not null or "organizer_events"."group_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "organizer_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"details" jsonb NOT NULL,
	"status" text NOT NULL,
	"rights_end" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "organizer_groups_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "organizer_groups_status_check" CHECK ("organizer_groups"."status" in ('active', 'suspended', 'ended')),
	CONSTRAINT "organizer_groups_rights_end_check" CHECK (extract(month from "organizer_groups"."rights_end") = 3 and extract(day from "organizer_groups"."rights_end") = 31)
);
--> statement-breakpoint
CREATE TABLE "organizer_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by_user_id" uuid,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "organizer_invitations_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "organizer_invitations_expiry_check" CHECK ("organizer_invitations"."expires_at" > "organizer_invitations"."created_at"),
	CONSTRAINT "organizer_invitations_used_or_revoked_check" CHECK ("organizer_invitations"."used_at" is null or "organizer_invitations"."revoked_at" is null)
);
--> statement-breakpoint
CREATE TABLE "organizer_members" (
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	CONSTRAINT "organizer_members_group_id_user_id_pk" PRIMARY KEY("group_id","user_id"),
	CONSTRAINT "organizer_members_role_check" CHECK ("organizer_members"."role" in ('admin', 'member'))
);
--> statement-breakpoint
CREATE TABLE "organizer_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"details" jsonb,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "organizer_requests_kind_check" CHECK ("organizer_requests"."kind" in ('change', 'renewal', 'termination')),
	CONSTRAINT "organizer_requests_status_check" CHECK (("organizer_requests"."kind" in ('change', 'renewal') and "organizer_requests"."status" in ('pending', 'returned', 'approved', 'withdrawn', 'cancelled')) or ("organizer_requests"."kind" = 'termination' and "organizer_requests"."status" in ('requested', 'completed', 'withdrawn', 'cancelled'))),
	CONSTRAINT "organizer_requests_details_check" CHECK (("organizer_requests"."kind" = 'change') = ("organizer_requests"."details" is not null))
);
--> statement-breakpoint
ALTER TABLE "organizer_announcements" ADD CONSTRAINT "organizer_announcements_group_id_organizer_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."organizer_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizer_announcements" ADD CONSTRAINT "organizer_announcements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizer_applications" ADD CONSTRAINT "organizer_applications_applicant_user_id_users_id_fk" FOREIGN KEY ("applicant_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizer_documents" ADD CONSTRAINT "organizer_documents_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizer_events" ADD CONSTRAINT "organizer_events_application_id_organizer_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."organizer_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizer_events" ADD CONSTRAINT "organizer_events_group_id_organizer_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."organizer_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizer_events" ADD CONSTRAINT "organizer_events_request_id_organizer_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."organizer_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizer_events" ADD CONSTRAINT "organizer_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizer_groups" ADD CONSTRAINT "organizer_groups_application_id_organizer_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."organizer_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizer_invitations" ADD CONSTRAINT "organizer_invitations_group_id_organizer_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."organizer_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizer_invitations" ADD CONSTRAINT "organizer_invitations_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizer_invitations" ADD CONSTRAINT "organizer_invitations_used_by_user_id_users_id_fk" FOREIGN KEY ("used_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizer_members" ADD CONSTRAINT "organizer_members_group_id_organizer_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."organizer_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizer_members" ADD CONSTRAINT "organizer_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizer_requests" ADD CONSTRAINT "organizer_requests_group_id_organizer_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."organizer_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizer_requests" ADD CONSTRAINT "organizer_requests_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organizer_applications_one_open_per_name" ON "organizer_applications" USING btree ("applicant_user_id","normalized_name") WHERE "organizer_applications"."status" in ('draft', 'submitted', 'returned', 'resubmitted') and "organizer_applications"."normalized_name" <> '';--> statement-breakpoint
CREATE INDEX "organizer_applications_queue_idx" ON "organizer_applications" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "organizer_applications_applicant_idx" ON "organizer_applications" USING btree ("applicant_user_id");--> statement-breakpoint
CREATE INDEX "organizer_documents_owner_idx" ON "organizer_documents" USING btree ("owner_user_id");--> statement-breakpoint
CREATE INDEX "organizer_events_application_idx" ON "organizer_events" USING btree ("application_id","occurred_at");--> statement-breakpoint
CREATE INDEX "organizer_events_group_idx" ON "organizer_events" USING btree ("group_id","occurred_at");--> statement-breakpoint
CREATE INDEX "organizer_invitations_group_idx" ON "organizer_invitations" USING btree ("group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizer_members_one_admin" ON "organizer_members" USING btree ("group_id") WHERE "organizer_members"."role" = 'admin';--> statement-breakpoint
CREATE INDEX "organizer_members_user_idx" ON "organizer_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizer_requests_one_open_per_kind" ON "organizer_requests" USING btree ("group_id","kind") WHERE "organizer_requests"."status" in ('pending', 'returned', 'requested');--> statement-breakpoint
CREATE INDEX "organizer_requests_group_idx" ON "organizer_requests" USING btree ("group_id","kind","created_at");