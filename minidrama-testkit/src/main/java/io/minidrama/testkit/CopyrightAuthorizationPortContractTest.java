package io.minidrama.testkit;

import io.minidrama.domain.AppId;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.authz.AuthorizationResult;
import io.minidrama.domain.authz.AuthzPage;
import io.minidrama.domain.authz.CopyrightAuthorization;
import io.minidrama.domain.authz.CopyrightDeauthorization;
import io.minidrama.domain.authz.CopyrightGrant;
import io.minidrama.domain.authz.CopyrightGrantQuery;
import io.minidrama.domain.authz.CopyrightGrantee;
import io.minidrama.domain.authz.CopyrightGrants;
import io.minidrama.domain.authz.CopyrightReceivedQuery;
import io.minidrama.domain.authz.Expiry;
import io.minidrama.domain.authz.UnifiedSocialCreditCode;
import io.minidrama.port.CopyrightAuthorizationPort;
import io.minidrama.port.DramaAuditPort;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.minidrama.testkit.MiniDramaFixtures.aDrama;
import static io.minidrama.testkit.MiniDramaFixtures.aProtectedDrama;
import static io.minidrama.testkit.MiniDramaFixtures.episode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link CopyrightAuthorizationPort} (R-24..R-26): the copyright of a drama whose
 * first submission applied for copyright protection can be granted to a company (type 1, by its
 * unified social credit code) or a mini program (type 2, by appid); any other drama is refused in
 * its result entry (10093011), an unknown one 10093030, a mini program without the mini-drama
 * category 10090038. Without drama ids the grant covers every protected drama. The grantor's view
 * lists live grants with both sides, filtered by grantee and drama, paged; an expiry ends a grant
 * with the clock; revoking is 0, again 10090039, never granted 10090043. The grantee's view lists
 * what others granted (fed through {@link PlatformControl#receiveCopyrightGrant}).
 *
 * <p>Extend it and implement {@link #createSubject()}.
 *
 * @param <P> the port under test
 */
public abstract class CopyrightAuthorizationPortContractTest<P extends CopyrightAuthorizationPort & DramaAuditPort> extends PlatformContract<P> {
    /** A company with a valid unified social credit code. */
    protected static final CopyrightGrantee COMPANY = new CopyrightGrantee.Company(UnifiedSocialCreditCode.of("91310000MA1FL8T219"));
    /** A mini program holding the mini-drama category. */
    protected static final CopyrightGrantee MINI_PROGRAM = new CopyrightGrantee.MiniProgram(AppId.of("wxgrantee000000001"));
    /** A mini program that grants this one copyrights. */
    protected static final AppId AUTHORIZER = AppId.of("wxauthorizer000001");

    private int episodes;

    private MediaId media() {
        return control.seedMedia(episode(++episodes), MiniDramaFixtures.tinyVideo());
    }

    private DramaId protectedDrama() {
        DramaId id = port.submit(aProtectedDrama(List.of(media())).build());
        control.approveDrama(id);
        return id;
    }

    private DramaId unprotectedDrama() {
        DramaId id = port.submit(aDrama(List.of(media())).build());
        control.approveDrama(id);
        return id;
    }

    private CopyrightGrants all() {
        return port.grantedCopyrights(CopyrightGrantQuery.all(AuthzPage.first()));
    }

    @Test
    void authorizeCopyright_toACompany_isListedWithBothSides() {
        DramaId id = protectedDrama();
        Instant at = control.now();

        List<AuthorizationResult> results = port.authorizeCopyright(new CopyrightAuthorization(COMPANY, List.of(id), Expiry.PERMANENT));

        assertEquals(0, results.get(0).errcode());
        CopyrightGrant g = all().grants().get(0);
        assertEquals(control.appId().value(), g.authorizerAppId());
        assertEquals(1, g.authorizationType());
        assertEquals("91310000MA1FL8T219", g.authorizedSubjectCertNo());
        assertEquals("", g.authorizedAppId());
        assertEquals(id.value(), g.dramaIdValue());
        assertEquals(at.getEpochSecond(), g.authorizedTime().getEpochSecond());
        assertTrue(g.expiry().permanent());
    }

    @Test
    void authorizeCopyright_toAMiniProgram_isListedByAppId() {
        DramaId id = protectedDrama();

        port.authorizeCopyright(new CopyrightAuthorization(MINI_PROGRAM, List.of(id), Expiry.PERMANENT));

        CopyrightGrant g = all().grants().get(0);
        assertEquals(2, g.authorizationType());
        assertEquals("wxgrantee000000001", g.authorizedAppId());
        assertEquals("", g.authorizedSubjectCertNo());
    }

    @Test
    void authorizeCopyright_ofADramaWithoutProtectionOrUnknown_refusesOnlyThoseEntries() {
        DramaId ok = protectedDrama();
        DramaId plain = unprotectedDrama();

        List<AuthorizationResult> results = port.authorizeCopyright(new CopyrightAuthorization(COMPANY,
                List.of(ok, plain, DramaId.of(424_242L)), Expiry.PERMANENT));

        assertEquals(List.of(0, 10093011, 10093030), results.stream().map(AuthorizationResult::errcode).toList());
        assertEquals(1, all().totalCount());
    }

    @Test
    void authorizeCopyright_withoutDramaIds_coversEveryProtectedDrama() {
        DramaId a = protectedDrama();
        unprotectedDrama();
        DramaId b = protectedDrama();

        List<AuthorizationResult> results = port.authorizeCopyright(new CopyrightAuthorization(MINI_PROGRAM, List.of(), Expiry.PERMANENT));

        assertEquals(List.of(a, b), results.stream().map(AuthorizationResult::dramaId).toList());
        assertEquals(List.of(a.value(), b.value()), all().grants().stream().map(CopyrightGrant::dramaIdValue).toList());
    }

    @Test
    void authorizeCopyright_toAMiniProgramWithoutTheCategory_isRefusedWithGranteeLacksCategory() {
        DramaId id = protectedDrama();
        control.lacksCategory(((CopyrightGrantee.MiniProgram) MINI_PROGRAM).appId());

        List<AuthorizationResult> results = port.authorizeCopyright(new CopyrightAuthorization(MINI_PROGRAM, List.of(id), Expiry.PERMANENT));

        assertEquals(10090038, results.get(0).errcode());
    }

    @Test
    void authorizeCopyright_withAnExpiry_endsWhenTheClockPassesIt() {
        DramaId id = protectedDrama();
        Expiry expiry = Expiry.at(control.now().plus(Duration.ofDays(10)), control.clock(), "expire_time");

        port.authorizeCopyright(new CopyrightAuthorization(COMPANY, List.of(id), expiry));

        assertEquals(expiry.epochSecond(), all().grants().get(0).expiry().epochSecond());
        control.advance(Duration.ofDays(10));
        assertEquals(0, all().totalCount());
    }

    @Test
    void deauthorizeCopyright_removesTheGrant_andASecondRevocationIsAlreadyDeauthorised() {
        DramaId id = protectedDrama();
        DramaId never = protectedDrama();
        port.authorizeCopyright(new CopyrightAuthorization(COMPANY, List.of(id), Expiry.PERMANENT));

        List<AuthorizationResult> first = port.deauthorizeCopyright(new CopyrightDeauthorization(COMPANY, List.of(id, never)));
        List<AuthorizationResult> again = port.deauthorizeCopyright(new CopyrightDeauthorization(COMPANY, List.of(id)));

        assertEquals(List.of(0, 10090043), first.stream().map(AuthorizationResult::errcode).toList());
        assertEquals(10090039, again.get(0).errcode());
        assertEquals(0, all().totalCount());
    }

    @Test
    void grantedCopyrights_filtersByGranteeAndDrama_andPages() {
        DramaId a = protectedDrama();
        DramaId b = protectedDrama();
        port.authorizeCopyright(new CopyrightAuthorization(COMPANY, List.of(a, b), Expiry.PERMANENT));
        port.authorizeCopyright(new CopyrightAuthorization(MINI_PROGRAM, List.of(a), Expiry.PERMANENT));

        CopyrightGrants toCompany = port.grantedCopyrights(CopyrightGrantQuery.all(AuthzPage.first()).to(COMPANY));
        CopyrightGrants ofB = port.grantedCopyrights(CopyrightGrantQuery.all(AuthzPage.first()).forDrama(b));
        CopyrightGrants page = port.grantedCopyrights(CopyrightGrantQuery.all(AuthzPage.of(2, 5)));

        assertEquals(2, toCompany.totalCount());
        assertTrue(toCompany.grants().stream().allMatch(g -> g.authorizationType() == 1));
        assertEquals(1, ofB.totalCount());
        assertEquals(b.value(), ofB.grants().get(0).dramaIdValue());
        assertEquals(3, page.totalCount());
        assertEquals(1, page.grants().size());
    }

    @Test
    void receivedCopyrights_listsWhatOtherMiniProgramsGranted() {
        control.receiveCopyrightGrant(AUTHORIZER, DramaId.of(6001), Expiry.PERMANENT);
        control.receiveCopyrightGrant(AppId.of("wxsomeoneelse00001"), DramaId.of(6002), Expiry.PERMANENT);

        CopyrightGrants fromOne = port.receivedCopyrights(CopyrightReceivedQuery.all(AuthzPage.first()).from(AUTHORIZER));

        assertEquals(2, port.receivedCopyrights(CopyrightReceivedQuery.all(AuthzPage.first())).totalCount());
        assertEquals(1, fromOne.totalCount());
        CopyrightGrant g = fromOne.grants().get(0);
        assertEquals(AUTHORIZER.value(), g.authorizerAppId());
        assertEquals(6001, g.dramaIdValue());
        assertEquals(control.appId().value(), g.authorizedAppId());
    }
}
