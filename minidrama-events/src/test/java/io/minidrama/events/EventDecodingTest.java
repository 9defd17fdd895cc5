package io.minidrama.events;

import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.AuditType;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.domain.event.UnknownEvent;
import io.minidrama.domain.event.UploadEvent;
import io.minidrama.events.PushRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decoding rules, through plain-mode pushes (the signature does not cover the body there). */
class EventDecodingTest {
    private static final Map<String, String> QUERY =
            Map.of("signature", Vectors.SIGNATURE, "timestamp", Vectors.TIMESTAMP, "nonce", Vectors.NONCE);
    private final PushEventReceiver receiver = Vectors.receiverAllowingPlain().build();

    private PushEvent decode(String body) {
        return receiver.receive(QUERY, body);
    }

    private PushRejectedException malformed(String body) {
        PushRejectedException e = assertThrows(PushRejectedException.class, () -> decode(body));
        assertEquals(Reason.MALFORMED, e.reason(), e.getMessage());
        return e;
    }

    @Test
    void receive_whenOfficialAuditSampleIndented_decodesIt() {
        String body = """
                <xml>
                    <ToUserName>gh_abcdefg</ToUserName>
                    <FromUserName>oABCD</FromUserName>
                    <CreateTime>12344555555</CreateTime>
                    <MsgType>event</MsgType>
                    <Event>secvod_audit_event</Event>
                    <audit_event>
                        <drama_id>20001</drama_id>
                        <audit_detail>
                            <status>3</status>
                            <audit_type>0</audit_type>
                            <create_time>168625255</create_time>
                            <audit_time>168626255</audit_time>
                        </audit_detail>
                    </audit_event>
                </xml>
                """;

        AuditEvent audit = assertInstanceOf(AuditEvent.class, decode(body));

        assertEquals(20001, audit.dramaId().value());
        assertEquals(AuditStatus.APPROVED, audit.status());
        assertEquals(AuditType.FIRST_SUBMISSION, audit.auditType());
        assertEquals(Instant.ofEpochSecond(12344555555L), audit.envelope().createTime());
        assertEquals(Instant.ofEpochSecond(168626255), audit.auditTime());
    }

    @Test
    void receive_whenJsonNumbersAreStrings_decodesThem() {
        String body = "{\"Event\":\"secvod_audit_event\",\"CreateTime\":\"1714036504\",\"audit_event\":"
                + "{\"drama_id\":\"9007199254740993\",\"audit_detail\":{\"status\":\"4\",\"audit_type\":\"1\"}}}";

        AuditEvent audit = assertInstanceOf(AuditEvent.class, decode(body));

        assertEquals(9007199254740993L, audit.dramaId().value());
        assertEquals(AuditStatus.REJECTED_RESUBMIT, audit.status());
        assertEquals(AuditType.RESUBMISSION, audit.auditType());
        assertEquals(Instant.EPOCH, audit.createTime());
    }

    @Test
    void receive_whenOptionalFieldsMissing_usesDefaults() {
        UploadEvent upload = assertInstanceOf(UploadEvent.class,
                decode("<xml><Event>secvod_upload_event</Event><upload_event><media_id>7</media_id></upload_event></xml>"));

        assertEquals("", upload.envelope().toUserName());
        assertEquals(Instant.EPOCH, upload.envelope().createTime());
        assertEquals("", upload.sourceContext());
        assertEquals(0, upload.errcode());
        assertTrue(upload.succeeded());
    }

    @Test
    void receive_whenAuditTypeAbsent_treatsItAsFirstSubmission() {
        AuditEvent audit = assertInstanceOf(AuditEvent.class,
                decode("{\"Event\":\"secvod_audit_event\",\"audit_event\":{\"drama_id\":5,\"audit_detail\":{\"status\":1}}}"));

        assertEquals(AuditType.FIRST_SUBMISSION, audit.auditType());
        assertEquals(AuditStatus.UNDER_REVIEW, audit.status());
    }

    @Test
    void receive_whenUnknownFieldsPresent_ignoresThem() {
        UploadEvent upload = assertInstanceOf(UploadEvent.class, decode("{\"Event\":\"secvod_upload_event\",\"new_top\":[1,{}],"
                + "\"upload_event\":{\"media_id\":8,\"new_field\":{\"a\":[true]},\"errcode\":0}}"));

        assertEquals(8, upload.mediaIdValue());
    }

    @Test
    void receive_whenAuditStatusCodeUnknown_keepsTheEventAsUnknown() {
        String body = "{\"Event\":\"secvod_audit_event\",\"audit_event\":{\"drama_id\":5,\"audit_detail\":{\"status\":9,\"audit_type\":0}}}";

        UnknownEvent unknown = assertInstanceOf(UnknownEvent.class, decode(body));

        assertEquals("secvod_audit_event", unknown.rawType());
        assertEquals(body, unknown.rawBody());
    }

    @Test
    void receive_whenEventElementMissing_keepsItAsUnknownWithEmptyType() {
        UnknownEvent unknown = assertInstanceOf(UnknownEvent.class, decode("<xml><MsgType>text</MsgType></xml>"));

        assertEquals("", unknown.rawType());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<xml><Event>secvod_audit_event</Event><audit_event><drama_id>abc</drama_id><audit_detail><status>3</status></audit_detail></audit_event></xml>",
            "<xml><Event>secvod_audit_event</Event><audit_event><drama_id>0</drama_id><audit_detail><status>3</status></audit_detail></audit_event></xml>",
            "<xml><Event>secvod_audit_event</Event><audit_event><drama_id>5</drama_id></audit_event></xml>",
            "<xml><Event>secvod_audit_event</Event><audit_event><audit_detail><status>3</status></audit_detail></audit_event></xml>",
            "<xml><Event>secvod_audit_event</Event><audit_event><drama_id>99999999999999999999</drama_id><audit_detail><status>3</status></audit_detail></audit_event></xml>",
            "<xml><Event>secvod_upload_event</Event><upload_event><media_id>1.5</media_id></upload_event></xml>",
            "<xml><Event>secvod_upload_event</Event><upload_event><media_id>-3</media_id></upload_event></xml>",
            "<xml><Event>secvod_upload_event</Event><upload_event>text</upload_event></xml>",
            "{\"Event\":\"secvod_upload_event\",\"upload_event\":{\"media_id\":{\"v\":1}}}",
            "{\"Event\":\"secvod_upload_event\",\"upload_event\":[1]}",
            "{\"Event\":\"secvod_upload_event\",\"upload_event\":{\"media_id\":1e3}}",
            "{\"Event\":\"secvod_upload_event\",\"CreateTime\":99999999999999999,\"upload_event\":{\"media_id\":1}}"})
    void receive_whenFieldInvalid_rejectsWithMalformed(String body) {
        malformed(body);
    }

    @Test
    void receive_whenXmlElementDuplicated_rejectsWithMalformed() {
        PushRejectedException e = malformed("<xml><Event>secvod_upload_event</Event><Event>other</Event></xml>");

        assertTrue(e.getMessage().contains("more than once"), e.getMessage());
    }

    @Test
    void receive_whenJsonKeyDuplicated_rejectsWithMalformed() {
        malformed("{\"Event\":\"secvod_upload_event\",\"Event\":\"other\",\"upload_event\":{}}");
    }

    @Test
    void receive_whenIntegralDecimalForm_acceptsIt() {
        UploadEvent upload = assertInstanceOf(UploadEvent.class,
                decode("{\"Event\":\"secvod_upload_event\",\"upload_event\":{\"media_id\":20001.0,\"errcode\":\" 0 \"}}"));

        assertEquals(20001, upload.mediaIdValue());
    }

    @Test
    void receive_whenXmlHasCdataAndEscapes_decodesText() {
        UploadEvent upload = assertInstanceOf(UploadEvent.class, decode("<xml><Event><![CDATA[secvod_upload_event]]></Event>"
                + "<upload_event><media_id>1</media_id><source_context><![CDATA[a<b]]>&amp;c</source_context></upload_event></xml>"));

        assertEquals("a<b&c", upload.sourceContext());
    }
}
