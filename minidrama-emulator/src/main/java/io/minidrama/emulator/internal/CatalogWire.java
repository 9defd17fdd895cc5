package io.minidrama.emulator.internal;

import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.drama.Actor;
import io.minidrama.domain.drama.DramaInfoChange;
import io.minidrama.domain.drama.LatestAuditQuery;
import io.minidrama.domain.drama.MediaReplacement;
import io.minidrama.domain.drama.ReplacementApplication;
import io.minidrama.domain.drama.ReplacementRequest;
import io.minidrama.domain.event.AuditType;
import io.minidrama.domain.traffic.PackageQuery;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.minidrama.emulator.internal.JsonBodies.has;
import static io.minidrama.emulator.internal.JsonBodies.optInt;
import static io.minidrama.emulator.internal.JsonBodies.optObject;
import static io.minidrama.emulator.internal.JsonBodies.optString;
import static io.minidrama.emulator.internal.JsonBodies.reqLong;

/**
 * The wire form of the maintenance operations and {@code listpackages} (API.md §7): requests into
 * domain values (whose own checks then apply, answered 47003), answers as the platform writes them.
 */
final class CatalogWire {
    private CatalogWire() {
    }

    static ReplacementRequest replacement(JsonObject o) {
        if (!has(o, "replace_media_list")) {
            throw WireError.badArgument("replace_media_list is required");
        }
        List<MediaReplacement> reps = new ArrayList<>();
        for (JsonValue v : JsonBodies.array(o, "replace_media_list")) {
            if (!(v instanceof JsonObject r)) {
                throw WireError.badArgument("replace_media_list must list objects");
            }
            reps.add(new MediaReplacement(MediaId.of(reqLong(r, "old")), MediaId.of(reqLong(r, "new"))));
        }
        return new ReplacementRequest(WireRequests.dramaId(o), reps);
    }

    static ReplacementApplication application(JsonObject o) {
        return new ReplacementApplication(WireRequests.dramaId(o), MediaId.of(reqLong(o, "old_media_id")), MediaId.of(reqLong(o, "new_media_id")));
    }

    static DramaInfoChange infoChange(JsonObject o) {
        DramaInfoChange.Builder b = DramaInfoChange.builder(WireRequests.dramaId(o));
        optString(o, "description").ifPresent(b::description);
        material(o, "cover_material_id").ifPresent(b::coverMaterialId);
        optString(o, "recommendations").ifPresent(b::recommendations);
        material(o, "promotion_poster_material_id").ifPresent(b::promotionPosterMaterialId);
        optString(o, "alternate_name").ifPresent(b::alternateName);
        List<Actor> actors = WireRequests.actors(o);
        if (has(o, "actor_list")) {
            b.actors(actors);
        }
        Optional.ofNullable(WireRequests.qualification(o)).ifPresent(b::qualification);
        material(o, "other_material_material_id").ifPresent(b::otherMaterialId);
        optString(o, "producer").ifPresent(b::producer);
        optObject(o, "copyright").ifPresent(c -> b.copyright(WireRequests.copyright(c)));
        return b.build();
    }

    private static Optional<MaterialId> material(JsonObject o, String f) {
        return Optional.ofNullable(WireRequests.material(o, f));
    }

    static LatestAuditQuery latestAudit(JsonObject o) {
        long type = reqLong(o, "audit_type");
        return new LatestAuditQuery(WireRequests.dramaId(o), AuditType.of((int) Math.max(-1, Math.min(99, type))));
    }

    /** {@code status}, {@code offset} and {@code limit} are all required. */
    static PackageQuery packages(JsonObject o) {
        int status = required(o, "status");
        int offset = required(o, "offset");
        int limit = required(o, "limit");
        int queryType = optInt(o, "query_type").orElse(0);
        if (status < 0 || status > 3) {
            throw WireError.badArgument("status is 0 (all), 1 (valid), 2 (invalid) or 3 (expired)");
        }
        if (queryType != 0 && queryType != 1) {
            throw WireError.badArgument("query_type is 0 (general) or 1 (directed)");
        }
        return new PackageQuery(PackageQuery.Status.values()[status], offset, limit, PackageQuery.QueryType.values()[queryType]);
    }

    private static int required(JsonObject o, String f) {
        return optInt(o, f).orElseThrow(() -> WireError.badArgument(f + " is required"));
    }
}
