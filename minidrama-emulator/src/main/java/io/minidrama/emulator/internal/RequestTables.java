package io.minidrama.emulator.internal;

import io.minidrama.emulator.internal.FieldSpec.Table;
import io.minidrama.port.CdnPort;
import io.minidrama.port.PlatformOperation;
import io.minidrama.port.DramaMaintenancePort;
import io.minidrama.port.TrafficPackagePort;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.minidrama.emulator.internal.FieldSpec.Type.BOOLEAN;
import static io.minidrama.emulator.internal.FieldSpec.Type.DIGITS;
import static io.minidrama.emulator.internal.FieldSpec.Type.FILE;
import static io.minidrama.emulator.internal.FieldSpec.Type.INTEGER;
import static io.minidrama.emulator.internal.FieldSpec.Type.INTEGER_OR_DIGITS;
import static io.minidrama.emulator.internal.FieldSpec.Type.STRING;
import static io.minidrama.emulator.internal.FieldSpec.Type.TEXT;
import static io.minidrama.emulator.internal.FieldSpec.object;
import static io.minidrama.emulator.internal.FieldSpec.each;
import static io.minidrama.emulator.internal.FieldSpec.opt;
import static io.minidrama.emulator.internal.FieldSpec.optArray;
import static io.minidrama.emulator.internal.FieldSpec.optObject;
import static io.minidrama.emulator.internal.FieldSpec.req;
import static io.minidrama.emulator.internal.FieldSpec.reqArray;

/**
 * The request table of every operation, as the official pages give it ("请求体 Request Payload":
 * 参数名 / 类型 / 必填), condensed in /work/shared/API.md §2, §6.1, §7 and §8 (API.md wins where a page
 * and its example disagree, and says why). Read it side by side with the page: one entry per
 * operation, the fields in the page's order, {@code req} for 必填 是, {@code opt} otherwise; the
 * page's {@code number} is {@link FieldSpec.Type#INTEGER}, {@code numarray} an array of integers,
 * {@code objarray} an array of objects.
 *
 * <p><b>What a request that does not fit is answered</b> ({@link RequestCheck}), and why:
 * <ul>
 *   <li>a body that is not a JSON object: 47001 "data format error" (the platform cannot read it);</li>
 *   <li>an unknown field, a value of the wrong JSON type, a missing required field: 47003
 *       "argument invalid!" naming the field. The body was read, and an argument is not what the
 *       page documents: that is the platform's "argument invalid" (API.md §4). The emulator is
 *       stricter than the platform about unknown fields on purpose: a misspelt optional field
 *       (the seeds' {@code expr} for {@code exper}) is silently ignored by a tolerant server and
 *       loses the caller's intent, so here it is an error and a recorded wire problem;</li>
 *   <li>the token endpoints keep their own codes for a missing field (40002 grant_type, 41002
 *       appid, 41004 secret), as the platform answers them.</li>
 * </ul>
 * The drama player's pages (§8) answer all three with errcode 2 (参数错误)
 * instead of 47003; their tables are in {@link PlayerHandler}, one entry per operation with its behaviour.
 * Whether the values are valid (R-rules) is the domain's and the fake's check, after this one.
 *
 * <p>{@code auditdrama} has two schemas and a first submission and a resubmission require
 * different fields (R-14, R-18, §6.1): every field is optional here and the domain's rules decide.
 */
final class RequestTables {
    private RequestTables() {
    }

    /** A part of an upload's commit list. */
    private static final FieldSpec PART_INFO = object(req("part_number", INTEGER), req("etag", STRING));

    /** An episode replacement ({@code old} → {@code new}). */
    private static final FieldSpec REPLACEMENT = object(req("old", INTEGER), req("new", INTEGER));

    /** {@code actor_list: {"actor": [...]}} (§6.1; 2..5 actors is the domain's rule). */
    private static final FieldSpec ACTOR_LIST = optObject("actor_list",
            reqArray("actor", object(req("name", STRING), req("photo_material_id", STRING), req("role", STRING), req("profile", STRING))));

    /** {@code copyright} (§6.1); which members a role and verification need is the domain's rule. */
    private static final FieldSpec COPYRIGHT = optObject("copyright",
            req("copyright_role", INTEGER),
            opt("apply_for_copyright_protection", INTEGER),
            opt("copyright_verification", STRING),
            optArray("proof_of_production", each(STRING)),
            optArray("purchase_or_broadcast_authorization_certificate", each(STRING)));

    private static final Map<PlatformOperation, Table> OPERATIONS = new HashMap<>();

    private static void table(PlatformOperation op, FieldSpec... fields) {
        OPERATIONS.put(op, new Table(List.of(fields), Map.of()));
    }

    private static void table(PlatformOperation op, Map<String, String> refused, FieldSpec... fields) {
        OPERATIONS.put(op, new Table(List.of(fields), refused));
    }

    static {
        // ---------------------------------------------------------------- media (API.md §2)
        table(PlatformOperation.SINGLE_FILE_UPLOAD, // multipart/form-data
                req("media_name", TEXT), req("media_type", TEXT), req("media_data", FILE),
                opt("cover_type", TEXT), opt("cover_data", FILE), opt("source_context", TEXT));
        table(PlatformOperation.PULL_UPLOAD,
                req("media_name", STRING), req("media_url", STRING), opt("cover_url", STRING), opt("source_context", STRING));
        table(PlatformOperation.GET_TASK, req("task_id", INTEGER));
        table(PlatformOperation.APPLY_UPLOAD,
                req("media_name", STRING), req("media_type", STRING), opt("cover_type", STRING), opt("source_context", STRING));
        table(PlatformOperation.UPLOAD_PART, // multipart/form-data
                req("upload_id", TEXT), req("part_number", DIGITS), req("resource_type", DIGITS), req("data", FILE));
        table(PlatformOperation.COMMIT_UPLOAD,
                req("upload_id", STRING), reqArray("media_part_infos", PART_INFO), optArray("cover_part_infos", PART_INFO));
        table(PlatformOperation.LIST_MEDIA,
                opt("drama_id", INTEGER), opt("media_name", STRING), opt("media_name_fuzzy", STRING), // §9.2
                opt("start_time", INTEGER), opt("end_time", INTEGER), opt("limit", INTEGER), opt("offset", INTEGER));
        table(PlatformOperation.GET_MEDIA, req("media_id", INTEGER));
        table(PlatformOperation.GET_MEDIA_LINK,
                Map.of("expr", "expr is not a getmedialink field: the preview length is exper (API.md §9.1)"),
                req("media_id", INTEGER), req("t", INTEGER), opt("us", STRING), opt("exper", INTEGER),
                opt("rlimit", INTEGER), opt("whref", STRING), opt("bkref", STRING));
        table(PlatformOperation.DELETE_MEDIA, req("media_id", INTEGER));

        // ---------------------------------------------------------------- dramas (API.md §2, §3, §6.1, §9.7)
        table(PlatformOperation.AUDIT_DRAMA,
                opt("drama_id", INTEGER), opt("name", STRING), opt("media_count", INTEGER), optArray("media_id_list", each(INTEGER)),
                opt("producer", STRING), opt("description", STRING), opt("cover_material_id", STRING),
                // the older schema
                opt("registration_number", STRING), opt("publish_license", STRING), opt("publish_license_material_id", STRING),
                opt("authorized_material_id", STRING), opt("expedited", INTEGER), optArray("replace_media_list", REPLACEMENT),
                // the current schema (§6.1)
                opt("qualification_type", INTEGER), opt("qualification_certificate_material_id", STRING),
                opt("cost_of_production", INTEGER), opt("cost_commitment_letter_material_id", STRING),
                opt("drama_type", INTEGER), ACTOR_LIST, COPYRIGHT, opt("content_declared", INTEGER),
                opt("recommendations", STRING), opt("promotion_poster_material_id", STRING), opt("other_material_material_id", STRING),
                // announced for 2026-07-28 (§9.7)
                opt("ai_software_ownership_proof", STRING), optArray("other_platform_publication_proof", each(STRING)));
        table(PlatformOperation.LIST_DRAMAS, opt("limit", INTEGER), opt("offset", INTEGER));
        table(PlatformOperation.GET_DRAMA, req("drama_id", INTEGER));

        // ---------------------------------------------------------------- CDN (API.md §2, §9.3, §9.4)
        // data_interval: the table types it string, the example sends a number (§9.4): both are read.
        table(PlatformOperation.GET_CDN_USAGE_DATA,
                req("start_time", INTEGER), req("end_time", INTEGER), opt("data_interval", INTEGER_OR_DIGITS), opt("query_type", INTEGER));
        table(CdnPort.GET_CDN_LOGS,
                Map.of("limit", "limit is no longer a getcdnlogs field (retired 2024-03-29): every file of the window is answered",
                        "offset", "offset is no longer a getcdnlogs field (retired 2024-03-29): every file of the window is answered"),
                req("start_time", INTEGER), req("end_time", INTEGER), opt("query_type", INTEGER));

        // ---------------------------------------------------------------- maintenance and packages (API.md §7)
        table(PlatformOperation.SUBMIT_REPLACE_DRAMA_MEDIAS, req("drama_id", INTEGER), reqArray("replace_media_list", REPLACEMENT));
        table(PlatformOperation.REPLACE_DRAMA_MEDIA, req("drama_id", INTEGER), req("old_media_id", INTEGER), req("new_media_id", INTEGER));
        table(PlatformOperation.MODIFY_DRAMA_BASIC_INFO,
                req("drama_id", INTEGER), opt("description", STRING), opt("cover_material_id", STRING), opt("recommendations", STRING),
                opt("promotion_poster_material_id", STRING), opt("alternate_name", STRING), ACTOR_LIST,
                opt("qualification_type", INTEGER), opt("registration_number", STRING), opt("qualification_certificate_material_id", STRING),
                opt("cost_of_production", INTEGER), opt("cost_commitment_letter_material_id", STRING),
                // the older qualification, for dramas first submitted with it (§7: qualification fields as §6.1 or R-15)
                opt("publish_license", STRING), opt("publish_license_material_id", STRING),
                opt("other_material_material_id", STRING), opt("producer", STRING), COPYRIGHT);
        table(DramaMaintenancePort.GET_DRAMA_LATEST_AUDIT_INFO, req("drama_id", INTEGER), req("audit_type", INTEGER));
        table(TrafficPackagePort.LIST_PACKAGES, req("status", INTEGER), req("offset", INTEGER), req("limit", INTEGER), opt("query_type", INTEGER));

        // ---------------------------------------------------------------- authorizations (API.md §7, §9.8)
        Map<String, String> authorized = Map.of("authorized",
                "authorized is the name in the page's table; its example and every peer send authorized_appid (API.md §9.8)");
        table(PlatformOperation.AUTHORIZE_DRAMA, authorized,
                reqArray("drama_id", each(INTEGER)), req("authorized_appid", STRING), opt("authz_expire_time", INTEGER));
        table(PlatformOperation.DEAUTHORIZE_DRAMA, authorized, reqArray("drama_id", each(INTEGER)), req("authorized_appid", STRING));
        table(PlatformOperation.GET_AUTHORIZE_OBJECTS,
                opt("drama_id", INTEGER), opt("authorized_appid", STRING), opt("offset", INTEGER), opt("limit", INTEGER));
        table(PlatformOperation.GET_AUTHORIZED_OBJECTS, opt("authorizer_appid", STRING), opt("offset", INTEGER), opt("limit", INTEGER));
        table(PlatformOperation.AUTHORIZE_APP, req("authorized_appid", STRING), opt("authz_expire_time", INTEGER));
        table(PlatformOperation.DEAUTHORIZE_APP, req("authorized_appid", STRING));
        table(PlatformOperation.GET_AUTHORIZE_APPS); // {}
        table(PlatformOperation.GET_AUTHORIZED_APPS); // {}
        // Which of authorized_appid / authorized_subject_cert_no the type calls for is R-26, the domain's rule.
        table(PlatformOperation.AUTHORIZE_COPYRIGHT,
                req("authorization_type", INTEGER), opt("authorized_appid", STRING), opt("authorized_subject_cert_no", STRING),
                optArray("drama_ids", each(INTEGER)), opt("expire_time", INTEGER));
        table(PlatformOperation.DEAUTHORIZE_COPYRIGHT,
                req("authorization_type", INTEGER), opt("authorized_appid", STRING), opt("authorized_subject_cert_no", STRING),
                optArray("drama_ids", each(INTEGER)));
        table(PlatformOperation.GET_COPYRIGHT_AUTHORIZATION_LIST,
                opt("authorization_type", INTEGER), opt("authorized_appid", STRING), opt("authorized_subject_cert_no", STRING),
                opt("drama_id", INTEGER), opt("offset", INTEGER), opt("limit", INTEGER));
        table(PlatformOperation.GET_COPYRIGHT_AUTHORIZED_LIST, opt("authorizer_appid", STRING), opt("offset", INTEGER), opt("limit", INTEGER));

        // ---------------------------------------------------------------- drama player (API.md §8; errcode 2)
        // Their tables are PlayerHandler's, with each operation's behaviour.

        if (OPERATIONS.size() != Arrays.stream(PlatformOperation.values()).filter(op -> !op.isPlayer()).count()) {
            throw new IllegalStateException("an operation has no request table");
        }
    }

    /** {@code POST /cgi-bin/stable_token} (API.md §1): a missing field keeps the platform's own errcode. */
    static final Table STABLE_TOKEN = new Table(List.of(
            req("grant_type", STRING, 40002), req("appid", STRING, 41002), req("secret", STRING, 41004),
            opt("force_refresh", BOOLEAN)), Map.of());

    /** {@code GET /cgi-bin/token}'s query parameters (API.md §1), all text. */
    static final Table CLASSIC_TOKEN = new Table(List.of(
            req("grant_type", TEXT, 40002), req("appid", TEXT, 41002), req("secret", TEXT, 41004)), Map.of());

    /** The request table of {@code op} (a drama player operation's is {@link PlayerHandler}'s). */
    static Table of(PlatformOperation op) {
        return op.isPlayer() ? PlayerHandler.table(op) : OPERATIONS.get(op);
    }
}
