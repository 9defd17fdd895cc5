package io.minidrama.domain.error;

/**
 * The platform rules the domain enforces before any request leaves the process.
 *
 * <p>Each constant carries the rule id used in the project's rule table (API.md §3, §6.1 and §7),
 * so a violation can name the rule it broke. {@link #NONE} marks structural checks (a required
 * field that is missing) that are not tied to one numbered rule.
 */
public enum Rule {
    /** A structural requirement: the field must be present or well-formed. */
    NONE("-", "required field or well-formed value"),
    /** Text the platform shows has no control or bidirectional formatting characters ({@link io.minidrama.domain.ShownText}). */
    T1("T-1", "shown text: no control or bidirectional formatting characters"),
    R1("R-1", "media_name follows '<drama name> - 第N集'"),
    R2("R-2", "media_type is a supported video format"),
    R3("R-3", "cover_type is a supported image format"),
    R4("R-4", "single-file upload only for videos under 10 MB"),
    R5("R-5", "chunked upload: parts 1..100, 5 MB each but the last, video <= 500 MB, cover <= 10 MB"),
    R6("R-6", "a re-uploaded part replaces the earlier one"),
    R7("R-7", "commit lists are sorted, contiguous from 1, without duplicates; cover parts exactly when a cover type was applied"),
    R8("R-8", "pull-upload URLs are absolute http(s) URLs"),
    R9("R-9", "link expiry t is in the future and at most 2 hours away"),
    R10("R-10", "rlimit is 1..9"),
    R11("R-11", "whref/bkref: 1..10 domains without scheme"),
    R12("R-12", "expr (preview seconds) > 0 and <= the video's duration"),
    R13("R-13", "us (channel tag) is short and URL-safe"),
    R14("R-14", "first submission carries all required fields; media_id_list has media_count distinct ids"),
    R15("R-15", "exactly one of registration_number or publish_license (+ its material id)"),
    R16("R-16", "authorized_material_id unless the mini program's entity is the producer"),
    R17("R-17", "expedited is 0 or 1; at most 5 expedited first submissions a day"),
    R18("R-18", "resubmission: drama_id required, media_count unchanged, replacements valid"),
    R19("R-19", "only a drama sent back for changes (status 4) can be resubmitted; status 2 is final"),
    R20("R-20", "limit 1..100, offset >= 0"),
    R21("R-21", "listmedia time window; media_name exact, fuzzy search in media_name_fuzzy"),
    R22("R-22", "CDN usage window: last 365 days, span <= 90 days, interval 5/60/1440"),
    R23("R-23", "CDN log window: last 30 days, start < end, at most 48 hours"),
    R24("R-24", "authorization expiry is permanent or at least 7 days away"),
    R25("R-25", "list limits for packages, authorizations and copyright operations"),
    R26("R-26", "copyright authorization names exactly the grantee its type calls for"),
    R27("R-27", "episode replacement names an episode of the drama and a different new media"),
    R28("R-28", "drama info change follows the current schema's limits"),
    R29("R-29", "audit_type is 0..3"),
    R30("R-30", "a player drama reference has an appid-form src_appid and a decimal drama_id"),
    R31("R-31", "player list caps: flush <= 1000, recommendation <= 200, promotion join <= 100, monetization <= 100, event ids <= 50"),
    R32("R-32", "player codes: switch entry 1/2/3/2002, pool entry 1..3, iaa_type 1..3, vip_flag 1/2, action_type 1..3"),
    R33("R-33", "flush and recommendation settings replace the whole set (empty clears); publish_time is Unix seconds"),
    /** The current {@code auditdrama} schema (API.md §6.1). */
    S6_1("§6.1", "current auditdrama schema: qualification, drama type, actors, copyright");

    private final String id;
    private final String summary;

    Rule(String id, String summary) {
        this.id = id;
        this.summary = summary;
    }

    /** The rule id as written in the rule table, such as {@code R-5}. */
    public String id() {
        return id;
    }

    /** A one-line summary of the rule. */
    public String summary() {
        return summary;
    }
}
