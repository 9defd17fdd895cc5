package io.minidrama.testkit;

import io.minidrama.domain.AppId;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.authz.AppAuthorization;
import io.minidrama.domain.authz.AppGrant;
import io.minidrama.domain.authz.AuthorizationResult;
import io.minidrama.domain.authz.AuthzPage;
import io.minidrama.domain.authz.DramaAuthorization;
import io.minidrama.domain.authz.DramaDeauthorization;
import io.minidrama.domain.authz.DramaGrant;
import io.minidrama.domain.authz.DramaGrants;
import io.minidrama.domain.authz.Expiry;
import io.minidrama.domain.authz.GrantedDramasQuery;
import io.minidrama.domain.authz.ReceivedAppGrant;
import io.minidrama.domain.authz.ReceivedDramasQuery;
import io.minidrama.port.DramaAuditPort;
import io.minidrama.port.DramaAuthorizationPort;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.minidrama.testkit.MiniDramaFixtures.aDrama;
import static io.minidrama.testkit.MiniDramaFixtures.episode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link DramaAuthorizationPort}: only approved dramas can be
 * authorised; each drama gets its own result (0, 10093011 not approved, 10093030 unknown, 10090038
 * when the grantee lacks the mini-drama category), so a call can partly succeed; the grantor's view
 * lists live grants, filtered and paged; a grant with an expiry ends with the clock; revoking
 * removes a grant (0), again is 10090039, never granted is 10090043. Whole-catalogue grants are
 * listed, revoked (10090039 / 10090043 as whole-call errors) and refused for a grantee without the
 * category (10090038). The grantee's views list what others granted, drama by drama (fed through
 * {@link PlatformControl#receiveDramaGrant}) and whole catalogues ({@code getauthorizedapps}, fed
 * through {@link PlatformControl#receiveAppGrant}), until the grant expires; never what this mini
 * program granted itself.
 *
 * <p>The subject also submits dramas (to have approved ones). Extend it and implement
 * {@link #createSubject()}.
 *
 * @param <P> the port under test
 */
public abstract class DramaAuthorizationPortContractTest<P extends DramaAuthorizationPort & DramaAuditPort> extends PlatformContract<P> {
    /** A grantee holding the mini-drama category. */
    protected static final AppId GRANTEE = AppId.of("wxgrantee000000001");
    /** Another grantee holding the category. */
    protected static final AppId OTHER_GRANTEE = AppId.of("wxgrantee000000002");
    /** A mini program marked as lacking the category. */
    protected static final AppId WITHOUT_CATEGORY = AppId.of("wxnocategory000001");
    /** A mini program that authorises dramas to this one. */
    protected static final AppId AUTHORIZER = AppId.of("wxauthorizer000001");
    /** Another mini program that authorises dramas to this one. */
    protected static final AppId OTHER_AUTHORIZER = AppId.of("wxauthorizer000002");

    private int episodes;

    private DramaId submitted() {
        MediaId ep = control.seedMedia(episode(++episodes), MiniDramaFixtures.tinyVideo());
        return port.submit(aDrama(List.of(ep)).build());
    }

    private DramaId approved() {
        DramaId id = submitted();
        control.approveDrama(id);
        return id;
    }

    private List<DramaId> granted(GrantedDramasQuery q) {
        return port.grantedDramas(q).grants().stream().map(DramaGrant::dramaId).toList();
    }

    @Test
    void authorizeDramas_approvedDramas_areListedInTheGrantorsView() {
        DramaId a = approved();
        DramaId b = approved();
        Instant at = control.now();

        List<AuthorizationResult> results = port.authorizeDramas(DramaAuthorization.of(GRANTEE, List.of(a, b), Expiry.PERMANENT));

        assertEquals(List.of(a, b), results.stream().map(AuthorizationResult::dramaId).toList());
        assertTrue(results.stream().allMatch(AuthorizationResult::succeeded), results::toString);
        DramaGrants grants = port.grantedDramas(GrantedDramasQuery.all(AuthzPage.first()));
        assertEquals(2, grants.totalCount());
        DramaGrant g = grants.grants().get(0);
        assertEquals(GRANTEE.value(), g.otherAppId());
        assertEquals(at.getEpochSecond(), g.authorizedTime().getEpochSecond());
        assertTrue(g.expiry().permanent());
    }

    @Test
    void authorizeDramas_withADramaNotApprovedOrUnknown_refusesOnlyThoseEntries() {
        DramaId ok = approved();
        DramaId underReview = submitted();
        DramaId unknown = DramaId.of(424_242L);

        List<AuthorizationResult> results = port.authorizeDramas(DramaAuthorization.of(GRANTEE, List.of(ok, underReview, unknown),
                Expiry.PERMANENT));

        assertEquals(List.of(0, 10093011, 10093030), results.stream().map(AuthorizationResult::errcode).toList());
        assertEquals(List.of(ok), granted(GrantedDramasQuery.all(AuthzPage.first())));
    }

    @Test
    void authorizeDramas_toAGranteeWithoutTheCategory_isRefusedWithGranteeLacksCategory() {
        DramaId id = approved();
        control.lacksCategory(WITHOUT_CATEGORY);

        List<AuthorizationResult> results = port.authorizeDramas(DramaAuthorization.of(WITHOUT_CATEGORY, List.of(id), Expiry.PERMANENT));

        assertEquals(10090038, results.get(0).errcode());
        assertEquals(0, port.grantedDramas(GrantedDramasQuery.all(AuthzPage.first())).totalCount());
    }

    @Test
    void authorizeDramas_withAnExpiry_endsWhenTheClockPassesIt() {
        DramaId id = approved();
        Expiry expiry = Expiry.at(control.now().plus(Duration.ofDays(8)), control.clock(), "authz_expire_time");

        port.authorizeDramas(DramaAuthorization.of(GRANTEE, List.of(id), expiry));

        DramaGrant g = port.grantedDramas(GrantedDramasQuery.all(AuthzPage.first())).grants().get(0);
        assertEquals(expiry.epochSecond(), g.expiry().epochSecond());
        control.advance(Duration.ofDays(8));
        assertEquals(0, port.grantedDramas(GrantedDramasQuery.all(AuthzPage.first())).totalCount());
    }

    @Test
    void deauthorizeDramas_removesTheGrant_andASecondRevocationIsAlreadyDeauthorised() {
        DramaId id = approved();
        port.authorizeDramas(DramaAuthorization.of(GRANTEE, List.of(id), Expiry.PERMANENT));

        List<AuthorizationResult> first = port.deauthorizeDramas(new DramaDeauthorization(List.of(id), GRANTEE));
        List<AuthorizationResult> again = port.deauthorizeDramas(new DramaDeauthorization(List.of(id), GRANTEE));

        assertEquals(0, first.get(0).errcode());
        assertEquals(10090039, again.get(0).errcode());
        assertEquals(0, port.grantedDramas(GrantedDramasQuery.all(AuthzPage.first())).totalCount());
    }

    @Test
    void deauthorizeDramas_neverGranted_isNoAuthorisationRelation() {
        DramaId id = approved();

        List<AuthorizationResult> results = port.deauthorizeDramas(new DramaDeauthorization(List.of(id), GRANTEE));

        assertEquals(10090043, results.get(0).errcode());
    }

    @Test
    void grantedDramas_filtersByDramaAndGrantee_andPages() {
        DramaId a = approved();
        DramaId b = approved();
        port.authorizeDramas(DramaAuthorization.of(GRANTEE, List.of(a, b), Expiry.PERMANENT));
        control.advance(Duration.ofSeconds(10));
        port.authorizeDramas(DramaAuthorization.of(OTHER_GRANTEE, List.of(a), Expiry.PERMANENT));

        assertEquals(List.of(a, a), granted(GrantedDramasQuery.all(AuthzPage.first()).forDrama(a)));
        assertEquals(List.of(a), granted(GrantedDramasQuery.all(AuthzPage.first()).forGrantee(OTHER_GRANTEE)));
        assertEquals(List.of(b), granted(GrantedDramasQuery.all(AuthzPage.first()).forDrama(b).forGrantee(GRANTEE)));
        DramaGrants page = port.grantedDramas(GrantedDramasQuery.all(AuthzPage.of(1, 1)));
        assertEquals(3, page.totalCount());
        assertEquals(1, page.grants().size());
    }

    @Test
    void receivedDramas_listsWhatOtherMiniProgramsAuthorised() {
        control.receiveDramaGrant(AUTHORIZER, DramaId.of(5001), Expiry.PERMANENT);
        control.receiveDramaGrant(OTHER_GRANTEE, DramaId.of(5002), Expiry.PERMANENT);

        DramaGrants all = port.receivedDramas(ReceivedDramasQuery.all(AuthzPage.first()));
        DramaGrants fromOne = port.receivedDramas(ReceivedDramasQuery.all(AuthzPage.first()).from(AUTHORIZER));

        assertEquals(2, all.totalCount());
        assertEquals(1, fromOne.totalCount());
        assertEquals(DramaId.of(5001), fromOne.grants().get(0).dramaId());
        assertEquals(AUTHORIZER.value(), fromOne.grants().get(0).otherAppId());
    }

    @Test
    void authorizeApp_isListed_andRevokingTwiceIsAlreadyDeauthorised() {
        Expiry expiry = Expiry.at(control.now().plus(Duration.ofDays(30)), control.clock(), "authz_expire_time");

        port.authorizeApp(new AppAuthorization(GRANTEE, expiry));

        List<AppGrant> apps = port.authorizedApps();
        assertEquals(1, apps.size());
        assertEquals(GRANTEE.value(), apps.get(0).authorizedAppId());
        assertEquals(expiry.epochSecond(), apps.get(0).expiry().epochSecond());
        port.deauthorizeApp(GRANTEE);
        assertEquals(List.of(), port.authorizedApps());
        Expect.platformError(10090039, () -> port.deauthorizeApp(GRANTEE));
    }

    @Test
    void deauthorizeApp_neverAuthorised_failsWithNoAuthorisationRelation() {
        Expect.platformError(10090043, () -> port.deauthorizeApp(OTHER_GRANTEE));
    }

    @Test
    void authorizeApp_toAGranteeWithoutTheCategory_failsWithGranteeLacksCategory() {
        control.lacksCategory(WITHOUT_CATEGORY);

        Expect.platformError(10090038, () -> port.authorizeApp(new AppAuthorization(WITHOUT_CATEGORY, Expiry.PERMANENT)));
        assertEquals(List.of(), port.authorizedApps());
    }

    @Test
    void receivedApps_listsTheWholeCatalogueGrantsOfOtherMiniPrograms_untilTheyExpire() {
        Instant at = control.now();
        Expiry expiry = Expiry.at(control.now().plus(Duration.ofDays(8)), control.clock(), "authz_expire_time");
        control.receiveAppGrant(AUTHORIZER, Expiry.PERMANENT);
        control.advance(Duration.ofSeconds(10));
        control.receiveAppGrant(OTHER_AUTHORIZER, expiry);

        List<ReceivedAppGrant> apps = port.receivedApps();

        assertEquals(List.of(AUTHORIZER.value(), OTHER_AUTHORIZER.value()), apps.stream().map(ReceivedAppGrant::authorizerAppId).toList());
        assertEquals(at.getEpochSecond(), apps.get(0).authorizedTime().getEpochSecond());
        assertTrue(apps.get(0).expiry().permanent());
        assertEquals(expiry.epochSecond(), apps.get(1).expiry().epochSecond());
        control.advance(Duration.ofDays(8));
        assertEquals(List.of(AUTHORIZER.value()), port.receivedApps().stream().map(ReceivedAppGrant::authorizerAppId).toList());
    }

    @Test
    void receivedApps_leavesOutWhatThisMiniProgramGrantedOthers() {
        port.authorizeApp(new AppAuthorization(GRANTEE, Expiry.PERMANENT));

        assertEquals(List.of(), port.receivedApps());
        assertEquals(1, port.authorizedApps().size());
    }
}
