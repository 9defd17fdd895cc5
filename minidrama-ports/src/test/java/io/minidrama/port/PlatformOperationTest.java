package io.minidrama.port;

import io.minidrama.port.PlatformOperation.BodyKind;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlatformOperationTest {
    /** API.md §2, in the page's order: 15 operations. */
    private static final List<String> SECTION_2 = List.of("singlefileupload", "pullupload", "gettask", "applyupload", "uploadpart",
            "commitupload", "listmedia", "getmedia", "getmedialink", "deletemedia", "auditdrama", "listdramas", "getdrama",
            "getcdnusagedata", "getcdnlogs");
    /** API.md §7, in the page's order: 16 operations. */
    private static final List<String> SECTION_7 = List.of("submitreplacedramamedias", "replacedramamedia", "modifydramabasicinfo",
            "getdramalatestauditinfo", "listpackages", "authorizedrama", "deauthorizedrama", "getauthorizeobjects",
            "getauthorizedobjects", "authorizeapp", "deauthorizeapp", "getauthorizeapps", "authorizecopyright", "deauthorizecopyright",
            "getcopyrightauthorizationlist", "getcopyrightauthorizedlist");
    /** API.md §8, the drama player's operations, in the page's order: 9 operations. */
    private static final List<String> SECTION_8 = List.of("setplayerdramarecmdswitch", "developersetflushdrama", "developersetrecmddrama",
            "developerpublishdrama", "developergetpublisheddrama", "developersetiaadrama", "developergetiaadrama",
            "batchprocessdramapromotion", "getfinderevent");
    /** The grantee's view of app authorizations, which the port offers beside §7's grantor's view. */
    private static final List<String> BEYOND = List.of("getauthorizedapps");

    @Test
    void catalogue_listsExactlyTheOperationsOfApiMdSections2_7And8_plusGetAuthorizedApps() {
        assertEquals(15, SECTION_2.size());
        assertEquals(16, SECTION_7.size());
        assertEquals(9, SECTION_8.size());
        List<String> expected = new java.util.ArrayList<>(SECTION_2);
        expected.addAll(SECTION_7);
        expected.addAll(BEYOND);
        expected.addAll(SECTION_8);

        List<String> names = Arrays.stream(PlatformOperation.values()).map(PlatformOperation::wireName).toList();

        assertEquals(41, PlatformOperation.values().length);
        assertEquals(41, Set.copyOf(names).size());
        assertEquals(Set.copyOf(expected), Set.copyOf(names));
    }

    @Test
    void everyMediaPath_isPostUnderWxaSecVod_namedByTheWireName() {
        for (PlatformOperation op : PlatformOperation.values()) {
            if (!SECTION_8.contains(op.wireName())) {
                assertEquals("/wxa/sec/vod/" + op.wireName(), op.path(), op.name());
            }
            assertEquals("POST", op.httpMethod(), op.name());
        }
        assertEquals("/wxa/sec/vod/uploadpart", PlatformOperation.UPLOAD_PART.path());
    }

    @Test
    void everyPlayerPath_isPostUnderWxadrama_namedByTheWireName() {
        for (String wire : SECTION_8) {
            PlatformOperation op = PlatformOperation.of(wire);
            assertEquals("/wxadrama/" + wire, op.path(), op.name());
            assertTrue(op.isPlayer(), op.name());
        }
        assertEquals("/wxadrama/getfinderevent", DramaPlayerPort.GET_FINDER_EVENT.path());
        assertEquals(9, Arrays.stream(PlatformOperation.values()).filter(PlatformOperation::isPlayer).count());
    }

    @Test
    void permissionSet_is157ForThePlayerAnd153ForTheMediaOperations() {
        for (PlatformOperation op : PlatformOperation.values()) {
            assertEquals(SECTION_8.contains(op.wireName()) ? 157 : 153, op.permissionSet(), op.name());
        }
        assertEquals(153, PlatformOperation.MEDIA_PERMISSION_SET);
        assertEquals(157, PlatformOperation.PLAYER_PERMISSION_SET);
    }

    @Test
    void aTypedVodOperation_isAMediaOperationOfTheCatalogue_underItsOldName() {
        Operation<?, ?> listPackages = TrafficPackagePort.LIST_PACKAGES;

        assertEquals("/wxa/sec/vod/listpackages", listPackages.path());
        assertEquals(BodyKind.JSON, listPackages.bodyKind());
        assertEquals(153, listPackages.permissionSet());
        assertTrue(listPackages.repeatSafe());
        assertEquals(false, listPackages.isPlayer());
        assertSame(listPackages, PlatformOperation.of("listpackages"));
        assertSame(listPackages, PlatformOperation.valueOf("LIST_PACKAGES"));
        assertTrue(Arrays.asList(PlatformOperation.values()).contains(listPackages));
    }

    @Test
    void onlyTheTwoFileUploads_areMultipart() {
        Set<PlatformOperation> multipart = Arrays.stream(PlatformOperation.values()).filter(op -> op.bodyKind() == BodyKind.MULTIPART)
                .collect(Collectors.toSet());

        assertEquals(Set.of(PlatformOperation.SINGLE_FILE_UPLOAD, PlatformOperation.UPLOAD_PART), multipart);
    }

    @Test
    void repeatSafe_readsAndIdempotentWrites_notCreatingOrOutcomeHidingCalls() {
        Set<String> notRepeatSafe = Arrays.stream(PlatformOperation.values()).filter(op -> !op.repeatSafe())
                .map(PlatformOperation::wireName).collect(Collectors.toSet());

        assertEquals(Set.of("singlefileupload", "pullupload", "applyupload", "commitupload", "auditdrama", "submitreplacedramamedias",
                "replacedramamedia", "modifydramabasicinfo", "authorizedrama", "deauthorizedrama", "authorizeapp", "deauthorizeapp",
                "authorizecopyright", "deauthorizecopyright", "batchprocessdramapromotion"), notRepeatSafe);
    }

    @Test
    void of_findsEachOperationByItsWireName() {
        for (PlatformOperation op : PlatformOperation.values()) {
            assertSame(op, PlatformOperation.of(op.wireName()));
            assertEquals(Optional.of(op), PlatformOperation.find(op.wireName()));
        }
    }

    @Test
    void of_anUnknownName_failsListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlatformOperation.of("UPLOADPART"));

        assertTrue(e.getMessage().contains("'UPLOADPART'"), e.getMessage());
        assertTrue(e.getMessage().contains("uploadpart"), e.getMessage());
        assertEquals(Optional.empty(), PlatformOperation.find("nosuchop"));
        assertEquals(Optional.empty(), PlatformOperation.find(null));
        assertThrows(IllegalArgumentException.class, () -> PlatformOperation.of(null));
    }
}
