CREATE TABLE "identity_bindings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"adapter" text NOT NULL,
	"binding_key" text NOT NULL,
	"person_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_verified_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identity_bindings_adapter_key_unique" UNIQUE("adapter","binding_key")
);
--> statement-breakpoint
CREATE TABLE "verification_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"adapter" text NOT NULL,
	"changed_fields" text[] NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "card_name" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "card_address" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "card_birth_date" date;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "card_gender" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "identity_bindings" ADD CONSTRAINT "identity_bindings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verification_events" ADD CONSTRAINT "verification_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "identity_bindings_person_key_idx" ON "identity_bindings" USING btree ("person_key");--> statement-breakpoint
CREATE INDEX "identity_bindings_user_idx" ON "identity_bindings" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "verification_events_user_idx" ON "verification_events" USING btree ("user_id","occurred_at");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_verified_has_card_items_check" CHECK (("users"."identity_level" = 'verified') = ("users"."verified_at" is not null) and ("users"."verified_at" is null or ("users"."card_name" is not null and "users"."card_address" is not null and "users"."card_birth_date" is not null and "users"."card_gender" is not null)));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_card_gender_check" CHECK ("users"."card_gender" in ('male', 'female', 'unspecified'));