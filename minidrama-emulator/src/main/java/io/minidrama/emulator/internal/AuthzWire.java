package io.minidrama.emulator.internal;

import io.minidrama.domain.AppId;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.authz.AppAuthorization;
import io.minidrama.domain.authz.AuthzPage;
import io.minidrama.domain.authz.CopyrightAuthorization;
import io.minidrama.domain.authz.CopyrightDeauthorization;
import io.minidrama.domain.authz.CopyrightGrant;
import io.minidrama.domain.authz.CopyrightGrantQuery;
import io.minidrama.domain.authz.CopyrightGrantee;
import io.minidrama.domain.authz.CopyrightGrants;
import io.minidrama.domain.authz.CopyrightReceivedQuery;
import io.minidrama.domain.authz.DramaAuthorization;
import io.minidrama.domain.authz.DramaDeauthorization;
import io.minidrama.domain.authz.Expiry;
import io.minidrama.domain.authz.GrantedDramasQuery;
import io.minidrama.domain.authz.ReceivedDramasQuery;
import io.minidrama.domain.authz.UnifiedSocialCreditCode;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.port.CopyrightAuthorizationPort;
import jakarta.json.JsonObject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.minidrama.emulator.internal.JsonBodies.optInt;
import static io.minidrama.emulator.internal.JsonBodies.optLong;
import static io.minidrama.emulator.internal.JsonBodies.optString;
import static io.minidrama.emulator.internal.JsonBodies.reqString;

/**
 * Reads the drama, whole-catalogue and copyright authorisations (API.md §7). An expiry
 * is Unix seconds, 0 or absent for permanent, checked against the emulator's clock; lists
 * default to offset 0, limit 100 (R-25: at most 1000).
 */
final class AuthzWire {
    private AuthzWire() {
    }

    // ------------------------------------------------------------ requests

    static DramaAuthorization authorizeDramas(JsonObject o, Clock clock) {
        return DramaAuthorization.of(appId(o, "authorized_appid"), dramaIds(o, "drama_id"),
                expiry(o, "authz_expire_time", clock));
    }

    static DramaDeauthorization deauthorizeDramas(JsonObject o) {
        return new DramaDeauthorization(dramaIds(o, "drama_id"), appId(o, "authorized_appid"));
    }

    static GrantedDramasQuery grantedDramas(JsonObject o) {
        GrantedDramasQuery q = GrantedDramasQuery.all(page(o));
        Optional<Long> drama = optLong(o, "drama_id").filter(id -> id != 0);
        if (drama.isPresent()) {
            q = q.forDrama(DramaId.of(drama.get()));
        }
        Optional<String> grantee = nonEmpty(o, "authorized_appid");
        return grantee.isPresent() ? q.forGrantee(AppId.of(grantee.get())) : q;
    }

    static ReceivedDramasQuery receivedDramas(JsonObject o) {
        ReceivedDramasQuery q = ReceivedDramasQuery.all(page(o));
        Optional<String> from = nonEmpty(o, "authorizer_appid");
        return from.isPresent() ? q.from(AppId.of(from.get())) : q;
    }

    static AppAuthorization authorizeApp(JsonObject o, Clock clock) {
        return new AppAuthorization(appId(o, "authorized_appid"), expiry(o, "authz_expire_time", clock));
    }

    static AppId deauthorizeApp(JsonObject o) {
        return appId(o, "authorized_appid");
    }

    static CopyrightAuthorization authorizeCopyright(JsonObject o, Clock clock) {
        return new CopyrightAuthorization(grantee(o), dramaIds(o, "drama_ids"), expiry(o, "expire_time", clock));
    }

    static CopyrightDeauthorization deauthorizeCopyright(JsonObject o) {
        return new CopyrightDeauthorization(grantee(o), dramaIds(o, "drama_ids"));
    }

    static CopyrightReceivedQuery receivedCopyrights(JsonObject o) {
        CopyrightReceivedQuery q = CopyrightReceivedQuery.all(page(o));
        Optional<String> from = nonEmpty(o, "authorizer_appid");
        return from.isPresent() ? q.from(AppId.of(from.get())) : q;
    }

    /**
     * {@code getcopyrightauthorizationlist}: the port filters by grantee and drama; a type without a
     * grantee is filtered here, over every grant, so the total count stays right.
     */
    static CopyrightGrants grantedCopyrights(JsonObject o, CopyrightAuthorizationPort port) {
        int type = optInt(o, "authorization_type").orElse(0);
        if (type < 0 || type > 2) {
            throw WireError.badArgument("authorization_type is 0 (all), 1 (company) or 2 (mini program)");
        }
        Optional<String> app = nonEmpty(o, "authorized_appid");
        Optional<String> cert = nonEmpty(o, "authorized_subject_cert_no");
        AuthzPage page = page(o);
        Optional<Long> drama = optLong(o, "drama_id").filter(id -> id != 0);
        CopyrightGrantee grantee = null;
        if (cert.isPresent() && type != 2) {
            grantee = new CopyrightGrantee.Company(UnifiedSocialCreditCode.of(cert.get()));
        } else if (app.isPresent() && type != 1) {
            grantee = new CopyrightGrantee.MiniProgram(AppId.of(app.get()));
        }
        if (grantee != null || type == 0) {
            CopyrightGrantQuery q = CopyrightGrantQuery.all(page);
            q = grantee == null ? q : q.to(grantee);
            return port.grantedCopyrights(drama.isPresent() ? q.forDrama(DramaId.of(drama.get())) : q);
        }
        List<CopyrightGrant> all = new ArrayList<>();
        for (int offset = 0; ; offset += AuthzPage.MAX_LIMIT) {
            CopyrightGrantQuery q = CopyrightGrantQuery.all(AuthzPage.of(offset, AuthzPage.MAX_LIMIT));
            CopyrightGrants chunk = port.grantedCopyrights(drama.isPresent() ? q.forDrama(DramaId.of(drama.get())) : q);
            chunk.grants().stream().filter(g -> g.authorizationType() == type).forEach(all::add);
            if (chunk.grants().isEmpty() || offset + AuthzPage.MAX_LIMIT >= chunk.totalCount()) {
                break;
            }
        }
        return new CopyrightGrants(all.size(), all.stream().skip(page.offset()).limit(page.limit()).toList());
    }

    private static CopyrightGrantee grantee(JsonObject o) {
        int type = optInt(o, "authorization_type").orElseThrow(() -> WireError.badArgument("authorization_type is required"));
        Optional<String> app = nonEmpty(o, "authorized_appid");
        Optional<String> cert = nonEmpty(o, "authorized_subject_cert_no");
        return switch (type) {
            case 1 -> {
                if (app.isPresent() || cert.isEmpty()) {
                    throw InvalidRequestException.of("authorized_subject_cert_no", Rule.R26, cert.orElse(null),
                            "authorization_type 1 names a company by authorized_subject_cert_no, and only that");
                }
                yield new CopyrightGrantee.Company(UnifiedSocialCreditCode.of(cert.get()));
            }
            case 2 -> {
                if (cert.isPresent() || app.isEmpty()) {
                    throw InvalidRequestException.of("authorized_appid", Rule.R26, app.orElse(null),
                            "authorization_type 2 names a mini program by authorized_appid, and only that");
                }
                yield new CopyrightGrantee.MiniProgram(AppId.of(app.get()));
            }
            default -> throw InvalidRequestException.of("authorization_type", Rule.R26, type, "authorization_type is 1 (company) or 2 (mini program)");
        };
    }

    private static AuthzPage page(JsonObject o) {
        return AuthzPage.of(optInt(o, "offset").orElse(0), optInt(o, "limit").orElse(100));
    }

    private static AppId appId(JsonObject o, String f) {
        return AppId.of(reqString(o, f));
    }

    private static Optional<String> nonEmpty(JsonObject o, String f) {
        return optString(o, f).filter(s -> !s.isEmpty());
    }

    private static Expiry expiry(JsonObject o, String f, Clock clock) {
        long t = optLong(o, f).orElse(0L);
        return t == 0 ? Expiry.PERMANENT : Expiry.at(Instant.ofEpochSecond(t), clock, f);
    }

    /** A list of drama ids (a {@code numarray} on the pages; its presence when required is {@link RequestTables}' check). */
    private static List<DramaId> dramaIds(JsonObject o, String f) {
        return JsonBodies.longList(o, f).stream().map(DramaId::of).toList();
    }
}
