package io.minidrama.protocol;

import io.minidrama.domain.authz.AppGrant;
import io.minidrama.domain.authz.AuthorizationResult;
import io.minidrama.domain.authz.CopyrightGrants;
import io.minidrama.domain.authz.DramaGrants;
import io.minidrama.domain.authz.ReceivedAppGrant;
import io.minidrama.domain.cdn.CdnLogs;
import io.minidrama.domain.cdn.CdnUsage;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.DramaAuditDetail;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.domain.media.Task;
import io.minidrama.domain.traffic.TrafficPackages;
import io.minidrama.protocol.internal.Encoding;
import io.minidrama.protocol.internal.Json;
import io.minidrama.port.CdnPort;
import io.minidrama.port.Operation;
import io.minidrama.port.TrafficPackagePort;
import io.minidrama.protocol.internal.Codecs;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A domain value as the platform's own JSON: the field names and types of the official response
 * (through the same wire types {@link MiniDramaClient} reads, in the other direction), without
 * {@code errcode}/{@code errmsg}. For tools that print what the platform answered, such as the
 * CLI's {@code --json}.
 *
 * <p>{@link #toJson(Object)} writes the object the platform nests the value in
 * ({@code media_info} of a {@link Media}, {@code drama_info} of a {@link Drama},
 * {@code media_info} of a {@link PlayLink}, {@code task_info} of a {@link Task},
 * {@code audit_detail} of a {@link DramaAuditDetail}) or the whole answer of a listing
 * ({@link CdnUsage}, {@link CdnLogs}, {@link TrafficPackages}, {@link CopyrightGrants},
 * {@link DramaGrants} in the grantor's view). Lists and the grantee's view have their own methods;
 * the answer of a typed operation (the drama player's) is {@link #toJson(Operation, Object)}.
 * Stateless and thread-safe.
 */
public final class WireJson {
    private WireJson() {
    }

    /**
     * The platform's JSON of {@code value}.
     *
     * @throws IllegalArgumentException when the platform has no JSON of that type (a list:
     *                                  use the typed methods)
     */
    public static String toJson(Object value) {
        Objects.requireNonNull(value, "value");
        Object wire;
        if (value instanceof Media m) {
            wire = Encoding.media(m);
        } else if (value instanceof Drama d) {
            wire = Encoding.drama(d);
        } else if (value instanceof PlayLink l) {
            wire = Encoding.link(l);
        } else if (value instanceof Task t) {
            wire = Encoding.task(t);
        } else if (value instanceof DramaAuditDetail a) {
            wire = Encoding.dramaAudit(a);
        } else if (value instanceof CdnUsage u) {
            wire = Encoding.usage(u);
        } else if (value instanceof CdnLogs l) {
            return toJson(CdnPort.GET_CDN_LOGS, l);
        } else if (value instanceof TrafficPackages p) {
            return toJson(TrafficPackagePort.LIST_PACKAGES, p);
        } else if (value instanceof CopyrightGrants g) {
            wire = Encoding.copyrightGrants(g);
        } else if (value instanceof DramaGrants g) {
            wire = Encoding.dramaGrants(g, true);
        } else {
            throw new IllegalArgumentException("no platform JSON for a " + value.getClass().getName()
                    + (value instanceof List ? " (lists have their own methods of WireJson)" : ""));
        }
        return Json.jsonb().toJson(wire);
    }

    /** {@code getauthorizeobjects} ({@code grantorView}: {@code authorized_appid}) or {@code getauthorizedobjects} ({@code authorizer_appid}). */
    public static String dramaGrants(DramaGrants grants, boolean grantorView) {
        return Json.jsonb().toJson(Encoding.dramaGrants(Objects.requireNonNull(grants, "grants"), grantorView));
    }

    /** The {@code result} answer of the (de)authorisation calls. */
    public static String authorizationResults(List<AuthorizationResult> results) {
        return Json.jsonb().toJson(Encoding.results(List.copyOf(results)));
    }

    /** {@code getauthorizeapps}: {@code objects[{authorized_appid, authorized_time, authz_expire_time}]}. */
    public static String appGrants(List<AppGrant> grants) {
        return Json.jsonb().toJson(Encoding.appGrants(List.copyOf(grants)));
    }

    /** {@code getauthorizedapps}: {@code objects[{authorizer_appid, authorized_time, authz_expire_time}]}. */
    public static String receivedAppGrants(List<ReceivedAppGrant> grants) {
        return Json.jsonb().toJson(Encoding.receivedAppGrants(List.copyOf(grants)));
    }

    /**
     * The platform's JSON of {@code result}, the answer of {@code operation} (a typed operation,
     * such as every one of {@link io.minidrama.port.DramaPlayerPort}): the answer's fields
     * without {@code errcode}/{@code errmsg}, written by the codec the client reads that answer
     * with; e.g. {@code getfinderevent}'s {@code finder_event_list[{encrypted_event_id, event_name, event_url, src_appid, drama_id}]},
     * {@code drama_id} a string.
     *
     * @throws IllegalArgumentException when the operation has no result to write (it answers
     *                                  {@code errcode} only) or the SDK has no codec for it
     */
    public static <R> String toJson(Operation<?, R> operation, R result) {
        Function<R, ?> encode = Codecs.of(operation).encodeResult();
        if (encode == null) {
            throw new IllegalArgumentException(operation.wireName() + " answers errcode and errmsg only: no result to write");
        }
        Objects.requireNonNull(result, "result");
        return Json.jsonb().toJson(encode.apply(result));
    }
}
