package io.minidrama.events;

import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.domain.event.PushEvent.Envelope;
import io.minidrama.domain.event.UnknownEvent;
import io.minidrama.domain.event.UploadEvent;
import io.minidrama.events.internal.Bodies;
import io.minidrama.events.internal.MalformedBodyException;
import io.minidrama.events.internal.SafeJson;
import jakarta.json.JsonObjectBuilder;

import java.util.Objects;

/**
 * Writes a domain {@link PushEvent} as the platform writes the plain message: the envelope
 * ({@code ToUserName, FromUserName, CreateTime, MsgType, Event}) then {@code upload_event} or
 * {@code audit_event}, numbers as numbers, times as Unix seconds. XML strings go in CDATA sections.
 *
 * <p>An {@link UnknownEvent} is written as its raw body when that body is in the requested format,
 * otherwise as its envelope alone. Stateless and thread-safe.
 */
public final class PushEventEncoder {
    private PushEventEncoder() {
    }

    /** Writes {@code event} in {@code format}. */
    public static String encode(PushEvent event, PushFormat format) {
        Objects.requireNonNull(format, "format");
        return format == PushFormat.XML ? toXml(event) : toJson(event);
    }

    /** Writes {@code event} as {@code <xml>...</xml>}. */
    public static String toXml(PushEvent event) {
        Objects.requireNonNull(event, "event");
        if (event instanceof UnknownEvent u && isFormat(u.rawBody(), PushFormat.XML)) {
            return u.rawBody();
        }
        StringBuilder xml = new StringBuilder(512).append("<xml>");
        Envelope e = event.envelope();
        cdata(xml, "ToUserName", e.toUserName());
        cdata(xml, "FromUserName", e.fromUserName());
        number(xml, "CreateTime", e.createTime().getEpochSecond());
        cdata(xml, "MsgType", e.msgType());
        cdata(xml, "Event", e.event());
        if (event instanceof UploadEvent u) {
            xml.append("<upload_event>");
            number(xml, "media_id", u.mediaIdValue());
            cdata(xml, "source_context", u.sourceContext());
            number(xml, "errcode", u.errcode());
            cdata(xml, "errmsg", u.errmsg());
            xml.append("</upload_event>");
        } else if (event instanceof AuditEvent a) {
            xml.append("<audit_event>");
            number(xml, "drama_id", a.dramaId().value());
            xml.append("<audit_detail>");
            number(xml, "status", a.status().code());
            number(xml, "audit_type", a.auditType().code());
            number(xml, "create_time", a.createTime().getEpochSecond());
            number(xml, "audit_time", a.auditTime().getEpochSecond());
            xml.append("</audit_detail></audit_event>");
        }
        return xml.append("</xml>").toString();
    }

    /** Writes {@code event} as one JSON object with the XML form's field names. */
    public static String toJson(PushEvent event) {
        Objects.requireNonNull(event, "event");
        if (event instanceof UnknownEvent u && isFormat(u.rawBody(), PushFormat.JSON)) {
            return u.rawBody();
        }
        Envelope e = event.envelope();
        JsonObjectBuilder json = SafeJson.PROVIDER.createObjectBuilder()
                .add("ToUserName", e.toUserName())
                .add("FromUserName", e.fromUserName())
                .add("CreateTime", e.createTime().getEpochSecond())
                .add("MsgType", e.msgType())
                .add("Event", e.event());
        if (event instanceof UploadEvent u) {
            json.add("upload_event", SafeJson.PROVIDER.createObjectBuilder()
                    .add("media_id", u.mediaIdValue())
                    .add("source_context", u.sourceContext())
                    .add("errcode", u.errcode())
                    .add("errmsg", u.errmsg()));
        } else if (event instanceof AuditEvent a) {
            json.add("audit_event", SafeJson.PROVIDER.createObjectBuilder()
                    .add("drama_id", a.dramaId().value())
                    .add("audit_detail", SafeJson.PROVIDER.createObjectBuilder()
                            .add("status", a.status().code())
                            .add("audit_type", a.auditType().code())
                            .add("create_time", a.createTime().getEpochSecond())
                            .add("audit_time", a.auditTime().getEpochSecond())));
        }
        return json.build().toString();
    }

    private static boolean isFormat(String body, PushFormat format) {
        try {
            return !body.isBlank() && Bodies.detect(body) == format;
        } catch (MalformedBodyException e) {
            return false;
        }
    }

    private static void cdata(StringBuilder xml, String name, String value) {
        // "]]>" cannot appear inside one CDATA section: split it across two
        xml.append('<').append(name).append("><![CDATA[")
                .append(value.replace("]]>", "]]]]><![CDATA[>"))
                .append("]]></").append(name).append('>');
    }

    private static void number(StringBuilder xml, String name, long value) {
        xml.append('<').append(name).append('>').append(value).append("</").append(name).append('>');
    }
}
