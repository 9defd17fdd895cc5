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
import io.minidrama.domain.player.DramaMonetization;
import io.minidrama.domain.player.DramaPromotion;
import io.minidrama.domain.player.FinderEvent;
import io.minidrama.domain.player.PublishedDrama;
import io.minidrama.domain.traffic.TrafficPackages;
import io.minidrama.protocol.internal.Encoding;
import io.minidrama.protocol.internal.Json;
import io.minidrama.protocol.internal.dto.PlayerWire;

import java.util.List;
import java.util.Objects;

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
 * {@link DramaGrants} in the grantor's view). Lists and the grantee's view have their own methods.
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
            wire = Encoding.logs(l);
        } else if (value instanceof TrafficPackages p) {
            wire = Encoding.packages(p);
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

    /** {@code developergetpublisheddrama}: {@code list[{src_appid, drama_id, publish_time}]}, {@code drama_id} a string. */
    public static String publishedDramas(List<PublishedDrama> dramas) {
        return Json.jsonb().toJson(PlayerWire.publishedResponse(List.copyOf(dramas)));
    }

    /** {@code developergetiaadrama}: {@code list[{src_appid, drama_id, iaa_type, vip_flag}]}. */
    public static String monetization(List<DramaMonetization> dramas) {
        return Json.jsonb().toJson(PlayerWire.monetizationResponse(List.copyOf(dramas)));
    }

    /** {@code batchprocessdramapromotion} (a query): {@code list[{src_appid, drama_id, status}]}. */
    public static String promotions(List<DramaPromotion> dramas) {
        return Json.jsonb().toJson(PlayerWire.promotionResponse(List.copyOf(dramas)));
    }

    /** {@code getfinderevent}: {@code finder_event_list[{encrypted_event_id, event_name, event_url, src_appid, drama_id}]}. */
    public static String finderEvents(List<FinderEvent> events) {
        return Json.jsonb().toJson(PlayerWire.finderEventResponse(List.copyOf(events)));
    }
}
