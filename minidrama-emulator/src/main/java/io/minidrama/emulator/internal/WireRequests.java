package io.minidrama.emulator.internal;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.Etag;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.PageRequest;
import io.minidrama.domain.TaskId;
import io.minidrama.domain.TimeWindow;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.cdn.CdnLogQuery;
import io.minidrama.domain.cdn.CdnQueryType;
import io.minidrama.domain.cdn.CdnUsageQuery;
import io.minidrama.domain.cdn.DataInterval;
import io.minidrama.domain.drama.Actor;
import io.minidrama.domain.drama.Copyright;
import io.minidrama.domain.drama.DramaSubmission;
import io.minidrama.domain.drama.DramaType;
import io.minidrama.domain.drama.FirstSubmission;
import io.minidrama.domain.drama.MediaReplacement;
import io.minidrama.domain.drama.Qualification;
import io.minidrama.domain.drama.Resubmission;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.error.RuleViolation;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.CommitUpload;
import io.minidrama.domain.media.CoverFormat;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.domain.media.PartInfo;
import io.minidrama.domain.media.PlayLinkRequest;
import io.minidrama.domain.media.PullUpload;
import io.minidrama.domain.media.VideoFormat;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.minidrama.emulator.internal.JsonBodies.has;
import static io.minidrama.emulator.internal.JsonBodies.longList;
import static io.minidrama.emulator.internal.JsonBodies.optInt;
import static io.minidrama.emulator.internal.JsonBodies.optLong;
import static io.minidrama.emulator.internal.JsonBodies.optObject;
import static io.minidrama.emulator.internal.JsonBodies.optString;
import static io.minidrama.emulator.internal.JsonBodies.reqLong;
import static io.minidrama.emulator.internal.JsonBodies.reqString;
import static io.minidrama.emulator.internal.JsonBodies.stringList;

/**
 * Turns request JSON into domain requests. The domain's own checks then apply; a broken rule is
 * answered with the errcode {@link #errcodeFor} picks, as the platform would.
 */
final class WireRequests {
    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

    private WireRequests() {
    }

    /** The platform's errcode for a request the domain refused: format errors have their own codes. */
    static int errcodeFor(String op, InvalidRequestException e) {
        for (RuleViolation v : e.violations()) {
            if (v.rule() == Rule.R2) {
                return 10090001;
            }
            if (v.rule() == Rule.R3) {
                return 10090002;
            }
            if (v.field().equals("resource_type")) {
                return 10090005;
            }
            if (v.rule() == Rule.R8 && v.field().equals("cover_url")) {
                return 10090003;
            }
            if (op.equals("commitupload") && v.rule() == Rule.R7) {
                return 10093014;
            }
        }
        return 47003;
    }

    static ApplyUpload applyUpload(JsonObject o) {
        ApplyUpload r = ApplyUpload.of(MediaName.parse(reqString(o, "media_name")), VideoFormat.parse(reqString(o, "media_type")));
        Optional<String> cover = optString(o, "cover_type");
        if (cover.isPresent()) {
            r = r.withCover(CoverFormat.parse(cover.get()));
        }
        Optional<String> ctx = optString(o, "source_context");
        return ctx.isPresent() ? r.withSourceContext(ctx.get()) : r;
    }

    static CommitUpload commit(JsonObject o) {
        return new CommitUpload(UploadId.of(reqString(o, "upload_id")), parts(o, "media_part_infos"), parts(o, "cover_part_infos"));
    }

    private static List<PartInfo> parts(JsonObject o, String f) {
        if (!has(o, f)) {
            return List.of();
        }
        List<PartInfo> out = new ArrayList<>();
        for (JsonValue v : JsonBodies.array(o, f)) {
            if (!(v instanceof JsonObject p)) {
                throw WireError.badArgument(f + " must list objects");
            }
            long n = reqLong(p, "part_number");
            out.add(new PartInfo((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n)), Etag.of(reqString(p, "etag"))));
        }
        return out;
    }

    static PullUpload pull(JsonObject o) {
        PullUpload.Builder b = PullUpload.builder()
                .name(MediaName.parse(reqString(o, "media_name")))
                .mediaUrl(reqString(o, "media_url"));
        optString(o, "cover_url").ifPresent(b::coverUrl);
        optString(o, "source_context").ifPresent(b::sourceContext);
        return b.build();
    }

    static TaskId taskId(JsonObject o) {
        return TaskId.of(reqLong(o, "task_id"));
    }

    static MediaId mediaId(JsonObject o) {
        return MediaId.of(reqLong(o, "media_id"));
    }

    static DramaId dramaId(JsonObject o) {
        return DramaId.of(reqLong(o, "drama_id"));
    }

    static PageRequest page(JsonObject o) {
        return PageRequest.of(optInt(o, "offset").orElse(0), optInt(o, "limit").orElse(PageRequest.MAX_LIMIT));
    }

    static MediaQuery mediaQuery(JsonObject o) {
        MediaQuery.Builder b = MediaQuery.builder().page(page(o));
        optLong(o, "drama_id").filter(id -> id != 0).ifPresent(id -> b.dramaId(DramaId.of(id)));
        // media_name is an exact match; a % at its ends is refused by R-21 (the page no longer documents it).
        optString(o, "media_name").filter(n -> !n.isEmpty()).ifPresent(b::name);
        optString(o, "media_name_fuzzy").filter(n -> !n.isEmpty()).ifPresent(b::nameFuzzy);
        Optional<Long> start = optLong(o, "start_time").filter(t -> t != 0);
        Optional<Long> end = optLong(o, "end_time").filter(t -> t != 0);
        if (start.isPresent() || end.isPresent()) {
            b.uploadedWithin(TimeWindow.of(start.map(Instant::ofEpochSecond).orElse(Instant.EPOCH),
                    end.map(Instant::ofEpochSecond).orElse(FAR_FUTURE)));
        }
        return b.build();
    }

    static PlayLinkRequest link(JsonObject o, Clock clock) {
        PlayLinkRequest.Builder b = PlayLinkRequest.builder(mediaId(o)).expiresAt(Instant.ofEpochSecond(reqLong(o, "t")));
        optString(o, "us").filter(s -> !s.isEmpty()).ifPresent(b::us);
        optInt(o, "exper").filter(x -> x != 0).ifPresent(b::previewSeconds);
        optInt(o, "rlimit").filter(x -> x != 0).ifPresent(b::rlimit);
        optString(o, "whref").filter(s -> !s.isEmpty()).ifPresent(s -> b.whref(domains(s)));
        optString(o, "bkref").filter(s -> !s.isEmpty()).ifPresent(s -> b.bkref(domains(s)));
        return b.build(clock);
    }

    private static List<String> domains(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",", -1)).map(String::strip).toList();
    }

    /** {@code data_interval}: a string in the page's table, a number in its example; both are read. */
    static CdnUsageQuery usage(JsonObject o, Clock clock) {
        TimeWindow w = TimeWindow.of(Instant.ofEpochSecond(reqLong(o, "start_time")), Instant.ofEpochSecond(reqLong(o, "end_time")));
        return CdnUsageQuery.of(w, DataInterval.ofMinutes(optInt(o, "data_interval").orElse(1440)),
                CdnQueryType.of(optInt(o, "query_type").orElse(0), Rule.R22), clock);
    }

    /** {@code limit}/{@code offset} were retired on 2024-03-29 (API.md §9.3): {@link RequestTables} refuses them. */
    static CdnLogQuery logs(JsonObject o, Clock clock) {
        TimeWindow w = TimeWindow.of(Instant.ofEpochSecond(reqLong(o, "start_time")), Instant.ofEpochSecond(reqLong(o, "end_time")));
        return CdnLogQuery.of(w, CdnQueryType.of(optInt(o, "query_type").orElse(0), Rule.R23), clock);
    }

    // ------------------------------------------------------------ auditdrama

    static DramaSubmission submission(JsonObject o) {
        return has(o, "drama_id") && reqLong(o, "drama_id") != 0 ? resubmission(o) : first(o);
    }

    private static FirstSubmission first(JsonObject o) {
        FirstSubmission.Builder b = FirstSubmission.builder()
                .name(optString(o, "name").orElse(null))
                .producer(optString(o, "producer").orElse(null))
                .description(optString(o, "description").orElse(null))
                .coverMaterialId(material(o, "cover_material_id"));
        if (has(o, "media_id_list")) {
            b.mediaIds(longList(o, "media_id_list").stream().map(MediaId::of).toList());
        }
        optInt(o, "media_count").ifPresent(b::mediaCount);
        Qualification q = qualification(o);
        b.qualification(q);
        MaterialId authorised = material(o, "authorized_material_id");
        if (authorised != null) {
            b.authorizedMaterialId(authorised);
        } else if (q == null || !q.currentSchema()) {
            // The older schema waives the letter when the mini program's entity is the producer;
            // the platform knows the entity, the emulator takes the caller's word for it.
            b.producerIsMiniProgramEntity();
        }
        int expedited = optInt(o, "expedited").orElse(0);
        if (expedited != 0 && expedited != 1) {
            throw InvalidRequestException.of("expedited", Rule.R17, expedited, "expedited is 0 or 1");
        }
        b.expedited(expedited == 1);
        optString(o, "recommendations").ifPresent(b::recommendations);
        Optional.ofNullable(material(o, "promotion_poster_material_id")).ifPresent(b::promotionPosterMaterialId);
        optInt(o, "drama_type").ifPresent(t -> b.dramaType(DramaType.of(t)));
        List<Actor> actors = actors(o);
        if (!actors.isEmpty()) {
            b.actors(actors);
        }
        optObject(o, "copyright").ifPresent(c -> b.copyright(copyright(c)));
        b.containsAiContent(optInt(o, "content_declared").orElse(0) == 1);
        Optional.ofNullable(material(o, "other_material_material_id")).ifPresent(b::otherMaterialId);
        // Announced for 2026-07-28 (API.md §9.7): a material id (a JSON string) and a list of them.
        Optional.ofNullable(material(o, "ai_software_ownership_proof")).ifPresent(b::aiSoftwareOwnershipProof);
        if (has(o, "other_platform_publication_proof")) {
            b.otherPlatformPublicationProof(stringList(o, "other_platform_publication_proof").stream().map(MaterialId::of).toList());
        }
        return b.build();
    }

    private static Resubmission resubmission(JsonObject o) {
        Resubmission.Builder b = Resubmission.builder(dramaId(o));
        optString(o, "name").ifPresent(b::name);
        optInt(o, "media_count").ifPresent(b::mediaCount);
        if (has(o, "media_id_list")) {
            b.mediaIds(longList(o, "media_id_list").stream().map(MediaId::of).toList());
        }
        optString(o, "producer").ifPresent(b::producer);
        optString(o, "description").ifPresent(b::description);
        Optional.ofNullable(material(o, "cover_material_id")).ifPresent(b::coverMaterialId);
        Optional.ofNullable(qualification(o)).ifPresent(b::qualification);
        Optional.ofNullable(material(o, "authorized_material_id")).ifPresent(b::authorizedMaterialId);
        if (has(o, "replace_media_list")) {
            List<MediaReplacement> reps = new ArrayList<>();
            for (JsonValue v : JsonBodies.array(o, "replace_media_list")) {
                if (!(v instanceof JsonObject r)) {
                    throw WireError.badArgument("replace_media_list must list objects");
                }
                reps.add(new MediaReplacement(MediaId.of(reqLong(r, "old")), MediaId.of(reqLong(r, "new"))));
            }
            b.replacements(reps);
        }
        return b.build();
    }

    static Qualification qualification(JsonObject o) {
        Optional<Integer> type = optInt(o, "qualification_type");
        if (type.isPresent()) {
            return switch (type.get()) {
                case 1 -> new Qualification.Licensed(optString(o, "registration_number").orElse(null),
                        material(o, "qualification_certificate_material_id"));
                case 2 -> new Qualification.LowCost(optInt(o, "cost_of_production").orElse(0),
                        material(o, "cost_commitment_letter_material_id"));
                default -> throw InvalidRequestException.of("qualification_type", Rule.S6_1, type.get(), "qualification_type is 1 or 2");
            };
        }
        if (has(o, "publish_license")) {
            return new Qualification.PublishLicense(reqString(o, "publish_license"), material(o, "publish_license_material_id"));
        }
        if (has(o, "registration_number")) {
            return new Qualification.RegistrationNumber(reqString(o, "registration_number"));
        }
        return null;
    }

    static List<Actor> actors(JsonObject o) {
        if (!has(o, "actor_list")) {
            return List.of();
        }
        // {"actor": [{...}]}: the shape is RequestTables' check.
        List<Actor> out = new ArrayList<>();
        for (JsonValue a : JsonBodies.array(o.getJsonObject("actor_list"), "actor")) {
            JsonObject x = a.asJsonObject();
            out.add(new Actor(optString(x, "name").orElse(null), material(x, "photo_material_id"),
                    optString(x, "role").orElse(null), optString(x, "profile").orElse(null)));
        }
        return out;
    }

    static Copyright copyright(JsonObject c) {
        int roleCode = optInt(c, "copyright_role").orElse(0);
        Copyright.Role role = switch (roleCode) {
            case 1 -> Copyright.Role.PRODUCER;
            case 2 -> Copyright.Role.LICENSEE;
            default -> throw InvalidRequestException.of("copyright.copyright_role", Rule.S6_1, roleCode, "copyright_role is 1 or 2");
        };
        if (optInt(c, "apply_for_copyright_protection").orElse(0) != 1) {
            return Copyright.withoutProtection(role);
        }
        String ver = optString(c, "copyright_verification").orElse("");
        Copyright.Verification verification = switch (ver) {
            case "1" -> Copyright.Verification.PROOF_MATERIALS;
            case "2" -> Copyright.Verification.AUTHORIZATION_RELATION;
            default -> throw InvalidRequestException.of("copyright.copyright_verification", Rule.S6_1, ver,
                    "copyright_verification is \"1\" or \"2\" when applying for protection");
        };
        return Copyright.withProtection(role, verification,
                stringList(c, "proof_of_production").stream().map(MaterialId::of).toList(),
                stringList(c, "purchase_or_broadcast_authorization_certificate").stream().map(MaterialId::of).toList());
    }

    static MaterialId material(JsonObject o, String f) {
        return optString(o, f).filter(s -> !s.isEmpty()).map(MaterialId::of).orElse(null);
    }
}
