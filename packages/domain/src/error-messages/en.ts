import type { ErrorCode } from '../errors.ts';

/** What a person reads for each code, in English: the web app loads it only for those who use English. */
export const errorMessagesEn: Record<ErrorCode, string> = {
  validation_failed: 'Some of the information is not valid. Please check the highlighted fields.',
  malformed_body: 'We could not read the data that was sent. Please try again.',
  payload_too_large: 'The data sent is too large.',
  unsupported_media_type: 'This kind of data is not accepted.',
  not_found: 'The page or information you are looking for was not found.',
  method_not_allowed: 'This action is not possible.',
  unauthenticated: 'Please sign in.',
  forbidden: 'You do not have permission to do this.',
  csrf_failed: 'This screen has expired. Please reload the page and try again.',
  rate_limited: 'Too many requests. Please wait a moment and try again.',
  conflict: 'This clashed with another change. Please refresh and try again.',
  demo_disabled: 'Demo sign-in is not available here.',
  unknown_persona: 'That demo user does not exist.',
  unknown_scan_code: 'This code cannot be used in the Kumamoto App. Please check the code.',
  unknown_miniapp: 'That mini-app does not exist.',
  miniapp_not_installable: 'This mini-app does not need to be added.',
  identity_already_bound:
    'This My Number Card holder is already verified on another account. Sign in to that account, or contact the Kumamoto App office.',
  individual_number_refused:
    'Please do not enter a My Number (12-digit individual number). The Kumamoto App never accepts it.',
  // — sign-in: passkeys and sessions —
  passkey_challenge_invalid:
    'This passkey step has expired (it lasts 5 minutes) or was already used. Please start again.',
  passkey_unknown:
    'This passkey is not registered with the Kumamoto App. Choose another passkey, or sign in with e-mail.',
  passkey_verification_failed:
    'We could not check your passkey. Please try again. If it keeps failing, sign in with e-mail.',
  passkey_already_registered:
    'This passkey is already registered. Create one on another device or in another password manager.',
  passkey_last_one:
    'You cannot remove your last passkey: you would not be able to sign in. Add an e-mail address or another passkey first.',
  // — sign-in: e-mail codes and mail —
  email_code_wrong: 'That code is not right. Check the 6 digits in the e-mail and enter them again.',
  email_code_expired:
    'The code has expired (codes last 10 minutes). Choose “Send a new code” to get a new one.',
  email_code_attempts_exceeded:
    'Too many wrong tries: this code no longer works. Choose “Send a new code” to get a new one.',
  email_code_unavailable:
    'This code cannot be used: it was already used, or a newer code replaced it. Enter the code from the newest e-mail, or ask for a new code.',
  email_code_too_many:
    'We have sent many codes to this address in a short time. Please wait about an hour and try again.',
  email_in_use:
    'This e-mail address is used by another account. Enter a different address, or sign in with that address.',
  mail_send_failed: 'We could not send the e-mail. Check the address and try again in a little while.',
  dev_mail_disabled: 'The development mailbox is not available here: mail is really being sent.',
  // — identity: OIDC card service —
  identity_not_bound: 'This account is not verified with a My Number Card.',
  card_service_not_configured:
    'Identity verification with the My Number Card is not available here yet. Please contact the Kumamoto App office.',
  card_service_unavailable:
    'We could not reach the card authentication service. Please try again in a little while.',
  card_service_denied:
    'Verification was not completed: it was cancelled, or the PIN could not be confirmed. Please start again.',
  card_response_invalid:
    'We could not check the answer from the card authentication service, so nothing was changed. Please start again.',
  card_claims_incomplete:
    'We did not receive all four card items (name, address, date of birth, gender), so nothing was changed. Please try again; if it keeps happening, contact the Kumamoto App office.',
  oidc_state_invalid:
    'This verification step is not valid or was already used. Stay signed in to the account you started with and start again.',
  oidc_state_expired: 'This verification step has expired (it lasts 10 minutes). Please start again.',
  declared_profile_locked:
    'You are verified, so your name, date of birth and gender come from your My Number Card and cannot be changed here. To update them, verify again.',
  // — identity: JPKI and school districts —
  jpki_not_offered:
    'Verification with the signature certificate is not offered here. Please verify another way.',
  jpki_malformed: 'We could not read the data sent from your card. Please read your card again.',
  jpki_challenge_used: 'This check has already been used or belongs to another account. Please start again.',
  jpki_challenge_expired: 'This check has expired (it lasts 5 minutes). Please start again.',
  jpki_signature_invalid:
    'We could not confirm the signature from your card. Please start again and read your card once more.',
  jpki_certificate_untrusted:
    'This certificate could not be confirmed as a My Number Card signature certificate. Please check that you are using your My Number Card.',
  jpki_wrong_certificate:
    'The certificate that was read is not the signature certificate. Please use the signature certificate (the one with the 6–16 character alphanumeric PIN).',
  jpki_certificate_not_yet_valid: 'This certificate is not valid yet. Please try again later.',
  jpki_certificate_expired:
    'Your signature certificate has expired. Please renew it at your ward office, then try again.',
  jpki_certificate_revoked:
    'This signature certificate has been revoked (this happens after a move, a change of name or a card renewal). Please use your new certificate, or ask at your ward office.',
  jpki_card_data_invalid:
    'We could not read your name, address, date of birth and gender from the card’s certificate. Please contact the Kumamoto App office.',
  jpki_individual_number_suspected:
    'The card’s data held a number that looks like a My Number (individual number), so it was not accepted. Please contact the Kumamoto App office.',
  jpki_revocation_unavailable:
    'We cannot check right now whether your certificate is still valid. Please try again later.',
  school_district_from_address:
    'Your school district comes from your verified address and cannot be changed here. If you have moved, please verify again with your My Number Card.',
  school_district_unknown: 'That school district is not on the list. Please choose one from the list.',
  // — organizer groups —
  organizer_application_invalid:
    'Some items of the application are missing or not valid. Please check the highlighted items.',
  organizer_duplicate_application:
    'You already have an open application for a group with this name. Please open that application from the list and continue it.',
  organizer_wrong_state:
    'This cannot be done in the current state of the application or group. Please reload the page.',
  organizer_reason_required: 'Please write the reason. Be specific: the applicant will read it.',
  organizer_reason_too_long: 'The reason is too long. Please keep it to 2,000 characters.',
  organizer_document_type: 'Please choose a PDF or an image (JPEG, PNG or WebP).',
  organizer_document_empty: 'The file is empty. Please choose another.',
  organizer_document_too_large: 'The file is too large. Please keep it to 10 MB or less.',
  organizer_invitation_invalid:
    'This invitation was not found. Please ask the group administrator for a new one.',
  organizer_invitation_used:
    'This invitation has already been used. Please ask the group administrator for a new one.',
  organizer_invitation_expired:
    'This invitation has expired. Please ask the group administrator for a new one.',
  organizer_invitation_revoked: 'This invitation was withdrawn. Please contact the group administrator.',
  organizer_member_limit:
    'This group already has the most members allowed. Remove a member first to add another.',
  organizer_already_member: 'You are already a member of this group.',
  organizer_not_a_member: 'That person is not a member of this group.',
  organizer_cannot_remove_admin:
    'The administrator cannot be removed. Hand the administrator role to another member first.',
  organizer_group_lapsed: "The group's rights have lapsed. Please apply for renewal.",
  organizer_group_suspended:
    'The group is suspended, so this cannot be done. Please wait to hear from the city.',
  organizer_group_ended: "The group's use of the app has ended.",
  organizer_renewal_window_not_open:
    'Renewal cannot be applied for yet. Please apply once the renewal period opens.',
  organizer_termination_requested: 'An end of use has been requested, so this cannot be done.',
  organizer_no_changes: 'Nothing has changed. Please edit the details you want to change.',
  // — activities: organizer side (create, publish, notices, participants) —
  activity_group_change_pending:
    'The group has a change application under review, so it cannot create or publish activities yet. Please try again once the review is finished.',
  activity_not_a_draft:
    'This can only be done with a draft. A published activity cannot be deleted; please cancel it instead.',
  activity_not_published: 'This activity has not been published yet. Please publish it first.',
  activity_already_cancelled: 'This activity has already been cancelled, so it can no longer be changed.',
  activity_already_ended: 'This activity has already ended, so it can no longer be changed.',
  activity_image_type: 'Please choose an image file (JPEG, PNG or WebP).',
  activity_image_too_large: 'The image is too large. Please choose an image of 10 MB or less.',
  activity_image_not_found: 'The chosen thumbnail image could not be found. Please upload the image again.',
  activity_notice_empty: 'Please write the text of the notice.',
  activity_notice_too_long: 'The notice is too long. Please keep it to 2,000 characters or fewer.',
  activity_cancel_reason_required:
    'Please give the reason for cancelling. It is included in the notice to participants.',
  activity_cancel_reason_too_long: 'The reason is too long. Please keep it to 500 characters or fewer.',
  activity_text_forbidden_characters:
    'The text contains characters that cannot be used (such as control characters). Please type it again.',
  // — activities: discover and apply —
  application_not_open: 'This activity is not taking applications. Please check the activity page.',
  application_activity_cancelled:
    'This activity has been cancelled, so there is nothing to apply for or withdraw.',
  application_activity_ended: 'This activity has already ended. Please look for another activity.',
  application_closed: 'Applications for this activity have closed. Please look for another activity.',
  application_already_applied:
    'You have already applied for this activity. You can see it under "My activities".',
  application_already_waitlisted:
    'You are already on the waiting list for this activity. We will let you know when a place opens up.',
  application_district_needs_verification:
    'This activity is only for residents of its school district. Please verify your identity with your My Number Card to apply.',
  application_district_unknown:
    'This activity is only for residents of its school district, and your school district cannot be told from your registered address. Please contact the organizer.',
  application_wrong_district:
    'This activity is only for residents of its school district, so you cannot apply. Please look for activities in your own school district.',
  application_not_found: 'You have not applied for this activity.',
  application_activity_started:
    'The activity has started, so the application can no longer be withdrawn. If you cannot take part, please contact the organizer.',
  // — check-in and points —
  check_in_token_malformed:
    "The QR code could not be read. Please scan the code on the organizer's screen again, or type the 6 characters shown below it.",
  check_in_token_invalid:
    "This QR code was not issued by the Kumamoto App. Please scan the code shown on the organizer's screen, there and then.",
  check_in_token_expired: "This QR code has expired. Please scan the code the organizer's screen shows now.",
  check_in_token_not_yet_valid:
    "This QR code is not valid yet. Please scan the code the organizer's screen shows now.",
  check_in_token_other_activity:
    'This QR code is for a different activity. Please scan the code on the screen of the organizer of your activity.',
  check_in_code_not_recognised:
    "That code was not found. Please check the 6 characters on the organizer's screen and type them again (the code changes about every 30 seconds).",
  check_in_group_inactive:
    'This group cannot give points at the moment. Please ask the organizer for details.',
  check_in_activity_cancelled: 'This activity was cancelled, so no points or certificate are given for it.',
  check_in_wrong_day:
    'Points and the activity certificate can only be received on the day of the activity (Japan time).',
  check_in_not_applied:
    'This activity has a limited number of places, so only people who applied in advance receive points. Please ask the organizer if you have questions.',
  check_in_already_checked_in:
    'This resident has already received the points and certificate for this activity. Nothing more needs to be issued.',
  check_in_reason_required:
    'Please write the reason: which app fault prevented the points from being given on the day.',
  check_in_not_held_yet:
    'This activity has not taken place yet. Points can be issued afterwards only once the activity day has passed.',
  check_in_not_verified_by_activity_day:
    'This resident had not verified their identity with the My Number Card by the activity day, so points and a certificate cannot be issued afterwards.',
  // — city late issue: finding activity and resident —
  late_issue_search_dates_invalid:
    'The dates are not valid. Please choose the dates again, with the end date not before the start date.',
  late_issue_search_page_out_of_range: 'That page does not exist. Please search again from the first page.',
  late_issue_search_keyword_too_long:
    'The keyword is too long. Please enter part of the activity title, in 100 characters or fewer.',
  late_issue_lookup_name_required: "Please enter the name as written on the resident's My Number Card.",
  late_issue_lookup_birth_date_invalid:
    "The date of birth is not valid. Please enter the date of birth on the resident's My Number Card again (year, month, day).",
  late_issue_activity_not_eligible:
    'Points cannot be issued afterwards for this activity (it has not taken place yet, was cancelled, or is a draft). Please choose another activity.',
  // — certificates —
  certificate_not_found: 'No activity certificate with this number was found. Please check the number again.',
  certificate_revoked:
    'This activity certificate was revoked by the Kumamoto App office and can no longer be downloaded. Please see your notices for details.',
  certificate_already_revoked: 'This activity certificate has already been revoked.',
  certificate_serial_invalid:
    'This is not a certificate number. Please type the number starting with "KMA-" at the top right of the certificate, as printed.',
  certificate_reason_required:
    'Please enter the reason for revoking. It is recorded and explained to the certificate holder.',
  certificate_reason_too_long: 'Please keep the reason for revoking to 500 characters or fewer.',
  certificate_font_unavailable:
    'The certificate PDF cannot be made right now (the server has no Japanese font). Please try again later, and contact the Kumamoto App office if it continues.',
  // — account deletion and access policy —
  verification_required:
    'This needs identity verification with your My Number Card. Please verify on My page first.',
  account_deletion_unconfirmed:
    'Your account was not deleted. To delete it, tick the confirmation box and press "Delete my account" again.',
  account_is_group_administrator:
    'You are the administrator of an organizer group. Before deleting your account, hand the administrator role to a member in the organizer mini-app, or ask to end the group’s use.',
  account_deleted: 'This account has already been deleted. Please go back to Home.',
  service_unavailable: 'The service is unavailable right now. Please try again later.',
  internal: 'Sorry, something went wrong. Please try again later.',
};
