package io.minidrama.adapter.fake.internal;

import io.minidrama.adapter.fake.internal.Records.DramaRec;
import io.minidrama.domain.AppId;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.authz.AppAuthorization;
import io.minidrama.domain.authz.AppGrant;
import io.minidrama.domain.authz.AuthorizationResult;
import io.minidrama.domain.authz.CopyrightAuthorization;
import io.minidrama.domain.authz.CopyrightDeauthorization;
import io.minidrama.domain.authz.CopyrightGrantQuery;
import io.minidrama.domain.authz.CopyrightGrants;
import io.minidrama.domain.authz.CopyrightReceivedQuery;
import io.minidrama.domain.authz.DramaAuthorization;
import io.minidrama.domain.authz.DramaDeauthorization;
import io.minidrama.domain.authz.DramaGrants;
import io.minidrama.domain.authz.Expiry;
import io.minidrama.domain.authz.GrantedDramasQuery;
import io.minidrama.domain.authz.ReceivedAppGrant;
import io.minidrama.domain.authz.ReceivedDramasQuery;
import io.minidrama.domain.drama.Drama;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Authorizations of dramas, of the whole app and of copyright, given and received: the rules are
 * {@link GrantBook}'s; this capability runs them under the fake's lock against the dramas it
 * knows (a drama grant names an existing drama; copyright needs a drama that applied for
 * protection).
 */
final class Authorizations {
    private final Core core;
    private final GrantBook.Dramas dramas;

    Authorizations(Core core) {
        this.core = core;
        this.dramas = new GrantBook.Dramas() {
            @Override
            public Optional<Drama> find(DramaId id) {
                return Optional.ofNullable(core.dramas.get(id)).map(r -> r.drama);
            }

            @Override
            public boolean appliedForCopyrightProtection(DramaId id) {
                DramaRec r = core.dramas.get(id);
                return r != null && r.copyrightProtected;
            }

            @Override
            public List<DramaId> protectedDramas() {
                return core.dramas.entrySet().stream().filter(e -> e.getValue().copyrightProtected).map(Map.Entry::getKey)
                        .sorted(Comparator.comparing(DramaId::value)).toList();
            }
        };
    }

    List<AuthorizationResult> authorizeDramas(DramaAuthorization r) {
        return core.locked(out -> core.grants.authorizeDramas(r, core.clock.instant(), dramas));
    }

    List<AuthorizationResult> deauthorizeDramas(DramaDeauthorization r) {
        return core.locked(out -> core.grants.deauthorizeDramas(r, core.clock.instant(), dramas));
    }

    DramaGrants grantedDramas(GrantedDramasQuery q) {
        return core.locked(out -> core.grants.grantedDramas(q, core.clock.instant()));
    }

    DramaGrants receivedDramas(ReceivedDramasQuery q) {
        return core.locked(out -> core.grants.receivedDramas(q, core.clock.instant()));
    }

    void authorizeApp(AppAuthorization r) {
        core.run(out -> core.grants.authorizeApp(r, core.clock.instant()));
    }

    void deauthorizeApp(AppId grantee) {
        core.run(out -> core.grants.deauthorizeApp(grantee, core.clock.instant()));
    }

    List<AppGrant> authorizedApps() {
        return core.locked(out -> core.grants.authorizedApps(core.clock.instant()));
    }

    List<ReceivedAppGrant> receivedApps() {
        return core.locked(out -> core.grants.receivedApps(core.clock.instant()));
    }

    List<AuthorizationResult> authorizeCopyright(CopyrightAuthorization r) {
        return core.locked(out -> core.grants.authorizeCopyright(r, core.clock.instant(), dramas));
    }

    List<AuthorizationResult> deauthorizeCopyright(CopyrightDeauthorization r) {
        return core.locked(out -> core.grants.deauthorizeCopyright(r, core.clock.instant(), dramas));
    }

    CopyrightGrants grantedCopyrights(CopyrightGrantQuery q) {
        return core.locked(out -> core.grants.grantedCopyrights(q, core.clock.instant()));
    }

    CopyrightGrants receivedCopyrights(CopyrightReceivedQuery q) {
        return core.locked(out -> core.grants.receivedCopyrights(q, core.clock.instant()));
    }

    /** {@code appId} lacks the service category a grantee needs. */
    void lacksCategory(AppId appId) {
        core.run(out -> core.grants.lacksCategory(appId));
    }

    void receiveDramaGrant(AppId authorizer, DramaId drama, Expiry expiry) {
        core.run(out -> core.grants.receiveDrama(authorizer, drama, core.clock.instant(), expiry));
    }

    void receiveAppGrant(AppId authorizer, Expiry expiry) {
        core.run(out -> core.grants.receiveApp(authorizer, core.clock.instant(), expiry));
    }

    void receiveCopyrightGrant(AppId authorizer, DramaId drama, Expiry expiry) {
        core.run(out -> core.grants.receiveCopyright(authorizer, drama, core.clock.instant(), expiry));
    }

    /** Whether the drama's first submission (or an approved info change) applied for copyright protection. */
    boolean appliedForCopyrightProtection(DramaId id) {
        return core.locked(out -> core.dramaRec("control", id).copyrightProtected);
    }
}
