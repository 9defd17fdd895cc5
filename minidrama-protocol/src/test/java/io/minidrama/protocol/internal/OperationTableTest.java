package io.minidrama.protocol.internal;

import io.minidrama.port.DramaPlayerPort;
import io.minidrama.port.CdnPort;
import io.minidrama.port.PlatformOperation;
import io.minidrama.port.DramaMaintenancePort;
import io.minidrama.port.TrafficPackagePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The adapter's view of each operation, pinned to the table it had before it was derived from the
 * public catalogue {@link PlatformOperation}: the retry decisions (whether a call is repeated after
 * an ambiguous failure) and the 502-means-too-large rule must not change per operation.
 */
class OperationTableTest {

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(Operation.of(PlatformOperation.SINGLE_FILE_UPLOAD), "singlefileupload", false, true),
                Arguments.of(Operation.of(PlatformOperation.PULL_UPLOAD), "pullupload", false, false),
                Arguments.of(Operation.of(PlatformOperation.GET_TASK), "gettask", true, false),
                Arguments.of(Operation.of(PlatformOperation.APPLY_UPLOAD), "applyupload", false, false),
                Arguments.of(Operation.of(PlatformOperation.UPLOAD_PART), "uploadpart", true, true),
                Arguments.of(Operation.of(PlatformOperation.COMMIT_UPLOAD), "commitupload", false, false),
                Arguments.of(Operation.of(PlatformOperation.LIST_MEDIA), "listmedia", true, false),
                Arguments.of(Operation.of(PlatformOperation.GET_MEDIA), "getmedia", true, false),
                Arguments.of(Operation.of(PlatformOperation.GET_MEDIA_LINK), "getmedialink", true, false),
                Arguments.of(Operation.of(PlatformOperation.DELETE_MEDIA), "deletemedia", true, false),
                Arguments.of(Operation.of(PlatformOperation.AUDIT_DRAMA), "auditdrama", false, false),
                Arguments.of(Operation.of(PlatformOperation.LIST_DRAMAS), "listdramas", true, false),
                Arguments.of(Operation.of(PlatformOperation.GET_DRAMA), "getdrama", true, false),
                Arguments.of(Operation.of(PlatformOperation.GET_CDN_USAGE_DATA), "getcdnusagedata", true, false),
                Arguments.of(Operation.of(CdnPort.GET_CDN_LOGS), "getcdnlogs", true, false),
                Arguments.of(Operation.of(PlatformOperation.SUBMIT_REPLACE_DRAMA_MEDIAS), "submitreplacedramamedias", false, false),
                Arguments.of(Operation.of(PlatformOperation.REPLACE_DRAMA_MEDIA), "replacedramamedia", false, false),
                Arguments.of(Operation.of(PlatformOperation.MODIFY_DRAMA_BASIC_INFO), "modifydramabasicinfo", false, false),
                Arguments.of(Operation.of(DramaMaintenancePort.GET_DRAMA_LATEST_AUDIT_INFO), "getdramalatestauditinfo", true, false),
                Arguments.of(Operation.of(TrafficPackagePort.LIST_PACKAGES), "listpackages", true, false),
                Arguments.of(Operation.of(PlatformOperation.AUTHORIZE_DRAMA), "authorizedrama", false, false),
                Arguments.of(Operation.of(PlatformOperation.DEAUTHORIZE_DRAMA), "deauthorizedrama", false, false),
                Arguments.of(Operation.of(PlatformOperation.GET_AUTHORIZE_OBJECTS), "getauthorizeobjects", true, false),
                Arguments.of(Operation.of(PlatformOperation.GET_AUTHORIZED_OBJECTS), "getauthorizedobjects", true, false),
                Arguments.of(Operation.of(PlatformOperation.AUTHORIZE_APP), "authorizeapp", false, false),
                Arguments.of(Operation.of(PlatformOperation.DEAUTHORIZE_APP), "deauthorizeapp", false, false),
                Arguments.of(Operation.of(PlatformOperation.GET_AUTHORIZE_APPS), "getauthorizeapps", true, false),
                Arguments.of(Operation.of(PlatformOperation.GET_AUTHORIZED_APPS), "getauthorizedapps", true, false),
                Arguments.of(Operation.of(PlatformOperation.AUTHORIZE_COPYRIGHT), "authorizecopyright", false, false),
                Arguments.of(Operation.of(PlatformOperation.DEAUTHORIZE_COPYRIGHT), "deauthorizecopyright", false, false),
                Arguments.of(Operation.of(PlatformOperation.GET_COPYRIGHT_AUTHORIZATION_LIST), "getcopyrightauthorizationlist", true, false),
                Arguments.of(Operation.of(PlatformOperation.GET_COPYRIGHT_AUTHORIZED_LIST), "getcopyrightauthorizedlist", true, false));
    }

    /** The drama player's operations (API.md §8): under {@code /wxadrama/}, JSON bodies. */
    static Stream<Arguments> playerTable() {
        return Stream.of(
                Arguments.of(Operation.of(DramaPlayerPort.SET_PLAYER_DRAMA_RECMD_SWITCH), "setplayerdramarecmdswitch", true),
                Arguments.of(Operation.of(DramaPlayerPort.DEVELOPER_SET_FLUSH_DRAMA), "developersetflushdrama", true),
                Arguments.of(Operation.of(DramaPlayerPort.DEVELOPER_SET_RECMD_DRAMA), "developersetrecmddrama", true),
                Arguments.of(Operation.of(DramaPlayerPort.DEVELOPER_PUBLISH_DRAMA), "developerpublishdrama", true),
                Arguments.of(Operation.of(DramaPlayerPort.DEVELOPER_GET_PUBLISHED_DRAMA), "developergetpublisheddrama", true),
                Arguments.of(Operation.of(DramaPlayerPort.DEVELOPER_SET_IAA_DRAMA), "developersetiaadrama", true),
                Arguments.of(Operation.of(DramaPlayerPort.DEVELOPER_GET_IAA_DRAMA), "developergetiaadrama", true),
                Arguments.of(Operation.of(DramaPlayerPort.BATCH_PROCESS_DRAMA_PROMOTION), "batchprocessdramapromotion", false),
                Arguments.of(Operation.of(DramaPlayerPort.GET_FINDER_EVENT), "getfinderevent", true));
    }

    @ParameterizedTest(name = "{1}: idempotent={2}")
    @MethodSource("playerTable")
    void eachPlayerOperation_isUnderWxadramaWithItsRetryClass(Operation op, String wire, boolean idempotent) {
        assertEquals(wire, op.wire());
        assertEquals("/wxadrama/" + wire, op.path());
        assertEquals(idempotent, op.idempotent(), wire + " retry after an ambiguous failure");
        assertEquals(false, op.upload(), wire + " is JSON");
    }

    @ParameterizedTest(name = "{1}: idempotent={2}, upload={3}")
    @MethodSource("table")
    void eachOperation_keepsItsWireNameRetryClassAndUploadRule(Operation op, String wire, boolean idempotent, boolean upload) {
        assertEquals(wire, op.wire());
        assertEquals("/wxa/sec/vod/" + wire, op.path());
        assertEquals(idempotent, op.idempotent(), wire + " retry after an ambiguous failure");
        assertEquals(upload, op.upload(), wire + " 502 means too large");
    }

    @Test
    void theTableCoversEveryOperation_andEveryOperationIsTheCatalogueEntryOfTheSameName() {
        assertEquals(32, table().count());
        assertEquals(9, playerTable().count());
        assertEquals(table().count() + playerTable().count(), PlatformOperation.values().length);
        for (PlatformOperation entry : PlatformOperation.values()) {
            Operation op = Operation.of(entry);
            assertEquals(entry, op.operation());
            assertEquals(entry.wireName(), op.wire());
            assertSame(op, Operation.of(entry), "one view per catalogue entry");
        }
    }
}
