package io.minidrama.adapter.fake.internal;

import io.minidrama.domain.AppId;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.authz.AppAuthorization;
import io.minidrama.domain.authz.AppGrant;
import io.minidrama.domain.authz.AuthorizationResult;
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
import io.minidrama.domain.authz.DramaGrant;
import io.minidrama.domain.authz.DramaGrants;
import io.minidrama.domain.authz.Expiry;
import io.minidrama.domain.authz.GrantedDramasQuery;
import io.minidrama.domain.authz.ReceivedAppGrant;
import io.minidrama.domain.authz.ReceivedDramasQuery;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.error.ErrorCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Drama, whole-catalogue and copyright authorisations, granted and received. An expired grant is
 * gone (from lists and for revocation). A revocation of a grant that was revoked before is
 * 10090039 (already de-authorised); of one that never existed (or expired), 10090043 (no
 * authorisation relation). Not thread-safe: the engine calls it under its lock.
 */
final class GrantBook {
    /** What the book needs to know about this mini program's dramas. */
    interface Dramas {
        Optional<Drama> find(DramaId id);

        boolean appliedForCopyrightProtection(DramaId id);

        List<DramaId> protectedDramas();
    }

    private record DramaKey(DramaId drama, AppId grantee) {
    }

    private record CopyrightKey(int type, String grantee, DramaId drama) {
    }

    private record Granted(Instant at, Expiry expiry) {
        boolean expired(Instant now) {
            return expiry.instant().map(t -> !now.isBefore(t)).orElse(false);
        }
    }

    private record Received(AppId authorizer, DramaId drama, Instant at, Expiry expiry) {
        boolean live(Instant now) {
            return expiry.instant().map(now::isBefore).orElse(true);
        }
    }

    private final AppId self;
    private final Set<AppId> lacking = new HashSet<>();
    private final Map<DramaKey, Granted> dramaGrants = new LinkedHashMap<>();
    private final Set<DramaKey> revokedDramas = new HashSet<>();
    private final Map<AppId, Granted> appGrants = new LinkedHashMap<>();
    private final Set<AppId> revokedApps = new HashSet<>();
    private final Map<CopyrightKey, Granted> copyrightGrants = new LinkedHashMap<>();
    private final Set<CopyrightKey> revokedCopyrights = new HashSet<>();
    private final List<Received> receivedDramas = new ArrayList<>();
    private final List<Received> receivedCopyrights = new ArrayList<>();
    /** Whole-catalogue grants received, by authorizer: a new grant from the same authorizer replaces the last. */
    private final Map<AppId, Granted> receivedApps = new LinkedHashMap<>();

    GrantBook(AppId self) {
        this.self = self;
    }

    void clear() {
        lacking.clear();
        dramaGrants.clear();
        revokedDramas.clear();
        appGrants.clear();
        revokedApps.clear();
        copyrightGrants.clear();
        revokedCopyrights.clear();
        receivedDramas.clear();
        receivedCopyrights.clear();
        receivedApps.clear();
    }

    // ------------------------------------------------------------ control

    void lacksCategory(AppId appId) {
        lacking.add(appId);
    }

    void receiveDrama(AppId authorizer, DramaId drama, Instant now, Expiry expiry) {
        receivedDramas.add(new Received(authorizer, drama, now, expiry));
    }

    void receiveApp(AppId authorizer, Instant now, Expiry expiry) {
        receivedApps.put(authorizer, new Granted(now, expiry));
    }

    void receiveCopyright(AppId authorizer, DramaId drama, Instant now, Expiry expiry) {
        receivedCopyrights.add(new Received(authorizer, drama, now, expiry));
    }

    // ------------------------------------------------------------ dramas

    List<AuthorizationResult> authorizeDramas(DramaAuthorization r, Instant now, Dramas dramas) {
        String op = "authorizedrama";
        checkExpiry(op, "authz_expire_time", r.expiry(), now);
        List<AuthorizationResult> out = new ArrayList<>();
        for (DramaId id : r.dramaIds()) {
            Optional<Drama> d = dramas.find(id);
            if (d.isEmpty()) {
                out.add(result(id, ErrorCode.RESOURCE_NOT_FOUND, "drama " + id + " does not exist"));
            } else if (!d.get().status().isApproved()) {
                out.add(result(id, ErrorCode.OPERATION_FAILED, "drama " + id + " is " + d.get().status() + "; only approved dramas can be authorized"));
            } else if (lacking.contains(r.authorizedAppId())) {
                out.add(lacksCategory(id, r.authorizedAppId()));
            } else {
                DramaKey key = new DramaKey(id, r.authorizedAppId());
                dramaGrants.put(key, new Granted(now, r.expiry()));
                revokedDramas.remove(key);
                out.add(ok(id));
            }
        }
        return out;
    }

    List<AuthorizationResult> deauthorizeDramas(DramaDeauthorization r, Instant now, Dramas dramas) {
        List<AuthorizationResult> out = new ArrayList<>();
        for (DramaId id : r.dramaIds()) {
            if (dramas.find(id).isEmpty()) {
                out.add(result(id, ErrorCode.RESOURCE_NOT_FOUND, "drama " + id + " does not exist"));
                continue;
            }
            out.add(revoked(id, revoke(new DramaKey(id, r.authorizedAppId()), dramaGrants, revokedDramas, now)));
        }
        return out;
    }

    DramaGrants grantedDramas(GrantedDramasQuery q, Instant now) {
        prune(dramaGrants, now);
        List<DramaGrant> all = dramaGrants.entrySet().stream()
                .filter(e -> q.dramaId().map(e.getKey().drama()::equals).orElse(true))
                .filter(e -> q.authorizedAppId().map(e.getKey().grantee()::equals).orElse(true))
                .map(e -> new DramaGrant(e.getKey().drama(), e.getKey().grantee().value(), e.getValue().at(), e.getValue().expiry()))
                .sorted(Comparator.comparing(DramaGrant::authorizedTime).thenComparing(g -> g.dramaId().value()).thenComparing(DramaGrant::otherAppId))
                .toList();
        return new DramaGrants(all.size(), page(all, q.page()));
    }

    DramaGrants receivedDramas(ReceivedDramasQuery q, Instant now) {
        List<DramaGrant> all = received(receivedDramas, now, q.authorizerAppId())
                .map(x -> new DramaGrant(x.drama(), x.authorizer().value(), x.at(), x.expiry()))
                .toList();
        return new DramaGrants(all.size(), page(all, q.page()));
    }

    // ------------------------------------------------------------ whole catalogue

    void authorizeApp(AppAuthorization r, Instant now) {
        String op = "authorizeapp";
        checkExpiry(op, "authz_expire_time", r.expiry(), now);
        if (lacking.contains(r.authorizedAppId())) {
            throw Core.error(op, ErrorCode.GRANTEE_LACKS_CATEGORY, lacksCategoryMessage(r.authorizedAppId()));
        }
        appGrants.put(r.authorizedAppId(), new Granted(now, r.expiry()));
        revokedApps.remove(r.authorizedAppId());
    }

    void deauthorizeApp(AppId grantee, Instant now) {
        ErrorCode outcome = revoke(grantee, appGrants, revokedApps, now);
        if (outcome != ErrorCode.OK) {
            throw Core.error("deauthorizeapp", outcome, outcome.meaning() + ": " + grantee);
        }
    }

    List<AppGrant> authorizedApps(Instant now) {
        prune(appGrants, now);
        return appGrants.entrySet().stream()
                .map(e -> new AppGrant(e.getKey().value(), e.getValue().at(), e.getValue().expiry()))
                .sorted(Comparator.comparing(AppGrant::authorizedTime).thenComparing(AppGrant::authorizedAppId))
                .toList();
    }

    List<ReceivedAppGrant> receivedApps(Instant now) {
        prune(receivedApps, now);
        return receivedApps.entrySet().stream()
                .map(e -> new ReceivedAppGrant(e.getKey().value(), e.getValue().at(), e.getValue().expiry()))
                .sorted(Comparator.comparing(ReceivedAppGrant::authorizedTime).thenComparing(ReceivedAppGrant::authorizerAppId))
                .toList();
    }

    // ------------------------------------------------------------ copyright

    List<AuthorizationResult> authorizeCopyright(CopyrightAuthorization r, Instant now, Dramas dramas) {
        String op = "authorizecopyright";
        checkExpiry(op, "expire_time", r.expiry(), now);
        List<DramaId> ids = r.dramaIds();
        if (ids.isEmpty()) {
            ids = dramas.protectedDramas();
            if (ids.isEmpty()) {
                throw Core.error(op, ErrorCode.OPERATION_FAILED, "no drama of this mini program applied for copyright protection");
            }
        }
        List<AuthorizationResult> out = new ArrayList<>();
        for (DramaId id : ids) {
            if (dramas.find(id).isEmpty()) {
                out.add(result(id, ErrorCode.RESOURCE_NOT_FOUND, "drama " + id + " does not exist"));
            } else if (!dramas.appliedForCopyrightProtection(id)) {
                out.add(result(id, ErrorCode.OPERATION_FAILED, "drama " + id
                        + " did not apply for copyright protection; only such dramas can have their copyright authorized"));
            } else if (r.grantee() instanceof CopyrightGrantee.MiniProgram m && lacking.contains(m.appId())) {
                out.add(lacksCategory(id, m.appId()));
            } else {
                CopyrightKey key = new CopyrightKey(r.grantee().type(), granteeId(r.grantee()), id);
                copyrightGrants.put(key, new Granted(now, r.expiry()));
                revokedCopyrights.remove(key);
                out.add(ok(id));
            }
        }
        return out;
    }

    List<AuthorizationResult> deauthorizeCopyright(CopyrightDeauthorization r, Instant now, Dramas dramas) {
        String op = "deauthorizecopyright";
        prune(copyrightGrants, now);
        int type = r.grantee().type();
        String grantee = granteeId(r.grantee());
        List<DramaId> ids = r.dramaIds();
        if (ids.isEmpty()) {
            ids = copyrightGrants.keySet().stream().filter(k -> k.type() == type && k.grantee().equals(grantee)).map(CopyrightKey::drama).toList();
            if (ids.isEmpty()) {
                throw Core.error(op, ErrorCode.NO_AUTHORIZATION_RELATION, "no copyright authorization to " + grantee);
            }
        }
        List<AuthorizationResult> out = new ArrayList<>();
        for (DramaId id : ids) {
            if (dramas.find(id).isEmpty()) {
                out.add(result(id, ErrorCode.RESOURCE_NOT_FOUND, "drama " + id + " does not exist"));
                continue;
            }
            out.add(revoked(id, revoke(new CopyrightKey(type, grantee, id), copyrightGrants, revokedCopyrights, now)));
        }
        return out;
    }

    CopyrightGrants grantedCopyrights(CopyrightGrantQuery q, Instant now) {
        prune(copyrightGrants, now);
        Predicate<CopyrightKey> byGrantee = q.grantee().<Predicate<CopyrightKey>>map(g -> k -> k.type() == g.type() && k.grantee().equals(granteeId(g)))
                .orElse(k -> true);
        List<CopyrightGrant> all = copyrightGrants.entrySet().stream()
                .filter(e -> byGrantee.test(e.getKey()))
                .filter(e -> q.dramaId().map(e.getKey().drama()::equals).orElse(true))
                .map(e -> {
                    CopyrightKey k = e.getKey();
                    return new CopyrightGrant(self.value(), k.type(), k.type() == 2 ? k.grantee() : "", k.type() == 1 ? k.grantee() : "",
                            k.drama().value(), e.getValue().at(), e.getValue().expiry());
                })
                .sorted(Comparator.comparing(CopyrightGrant::authorizedTime).thenComparing(CopyrightGrant::dramaIdValue)
                        .thenComparing(CopyrightGrant::authorizationType))
                .toList();
        return new CopyrightGrants(all.size(), page(all, q.page()));
    }

    CopyrightGrants receivedCopyrights(CopyrightReceivedQuery q, Instant now) {
        List<CopyrightGrant> all = received(receivedCopyrights, now, q.authorizerAppId())
                .map(x -> new CopyrightGrant(x.authorizer().value(), 2, self.value(), "", x.drama().value(), x.at(), x.expiry()))
                .toList();
        return new CopyrightGrants(all.size(), page(all, q.page()));
    }

    // ------------------------------------------------------------ helpers

    /** R-24 against the fake's clock: a request built against another clock may have gone stale. */
    private static void checkExpiry(String op, String field, Expiry expiry, Instant now) {
        Optional<Instant> at = expiry.instant();
        if (at.isPresent() && at.get().isBefore(now.plus(Expiry.MIN_LEAD))) {
            throw Core.error(op, ErrorCode.ARGUMENT_INVALID, "argument invalid! " + field + " " + at.get().getEpochSecond()
                    + " must be 0 (permanent) or at least 7 days away (not before " + now.plus(Expiry.MIN_LEAD).getEpochSecond() + ")");
        }
    }

    /** Revokes {@code key}: 0, 10090039 (revoked before) or 10090043 (never granted, or expired). */
    private static <K> ErrorCode revoke(K key, Map<K, Granted> grants, Set<K> revoked, Instant now) {
        Granted g = grants.remove(key);
        if (g != null && !g.expired(now)) {
            revoked.add(key);
            return ErrorCode.OK;
        }
        return revoked.contains(key) ? ErrorCode.ALREADY_DEAUTHORIZED : ErrorCode.NO_AUTHORIZATION_RELATION;
    }

    private static AuthorizationResult revoked(DramaId id, ErrorCode outcome) {
        return outcome == ErrorCode.OK ? ok(id) : result(id, outcome, outcome.meaning());
    }

    private static <K> void prune(Map<K, Granted> grants, Instant now) {
        grants.values().removeIf(g -> g.expired(now));
    }

    private static Stream<Received> received(List<Received> list, Instant now, Optional<AppId> authorizer) {
        return list.stream()
                .filter(x -> x.live(now))
                .filter(x -> authorizer.map(x.authorizer()::equals).orElse(true))
                .sorted(Comparator.comparing(Received::at).thenComparing(x -> x.drama().value()));
    }

    private static <T> List<T> page(List<T> all, AuthzPage p) {
        return all.stream().skip(p.offset()).limit(p.limit()).toList();
    }

    private static String granteeId(CopyrightGrantee g) {
        return g instanceof CopyrightGrantee.Company c ? c.creditCode().value() : ((CopyrightGrantee.MiniProgram) g).appId().value();
    }

    private static AuthorizationResult lacksCategory(DramaId id, AppId appId) {
        return result(id, ErrorCode.GRANTEE_LACKS_CATEGORY, lacksCategoryMessage(appId));
    }

    private static String lacksCategoryMessage(AppId appId) {
        return "mini program " + appId + " does not hold the mini-drama category";
    }

    private static AuthorizationResult ok(DramaId id) {
        return new AuthorizationResult(id, 0, "ok");
    }

    private static AuthorizationResult result(DramaId id, ErrorCode code, String msg) {
        return new AuthorizationResult(id, code.code(), msg);
    }
}
