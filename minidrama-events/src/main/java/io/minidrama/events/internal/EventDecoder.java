package io.minidrama.events.internal;

import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.AuditType;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.domain.event.PushEvent.Envelope;
import io.minidrama.domain.event.UnknownEvent;
import io.minidrama.domain.event.UploadEvent;
import io.minidrama.domain.error.InvalidRequestException;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a verified (and decrypted) message into a domain event. Tolerant where the platform drifts:
 * numbers may arrive as numbers or strings, unknown fields are ignored, optional fields may be
 * missing. An event type this library does not model, or a known type carrying a status or audit
 * type code it cannot map, becomes an {@link UnknownEvent} with the raw body: never dropped.
 */
public final class EventDecoder {
    private static final Pattern INTEGER = Pattern.compile("\\s*([+-]?\\d{1,19})(?:\\.0*)?\\s*");

    private EventDecoder() {
    }

    /** Decodes {@code fields}, parsed from {@code rawBody}. */
    public static PushEvent decode(Fields fields, String rawBody) {
        Envelope envelope = new Envelope(
                fields.text("ToUserName").orElse(""),
                fields.text("FromUserName").orElse(""),
                instant(fields, "CreateTime"),
                fields.text("MsgType").map(String::strip).orElse(""),
                fields.text("Event").map(String::strip).orElse(""));
        switch (envelope.event()) {
            case UploadEvent.TYPE:
                return upload(envelope, required(fields, "upload_event"));
            case AuditEvent.TYPE:
                return audit(envelope, required(fields, "audit_event"), rawBody);
            default:
                return new UnknownEvent(envelope, rawBody);
        }
    }

    private static UploadEvent upload(Envelope envelope, Fields event) {
        long mediaId = optionalLong(event, "media_id").orElse(0L);
        if (mediaId < 0) {
            throw new MalformedBodyException("upload_event.media_id must not be negative");
        }
        long errcode = optionalLong(event, "errcode").orElse(0L);
        if (errcode < Integer.MIN_VALUE || errcode > Integer.MAX_VALUE) {
            throw new MalformedBodyException("upload_event.errcode is out of the 32-bit range");
        }
        return new UploadEvent(envelope, mediaId, event.text("source_context").orElse(""), (int) errcode,
                event.text("errmsg").orElse(""));
    }

    private static PushEvent audit(Envelope envelope, Fields event, String rawBody) {
        long dramaId = optionalLong(event, "drama_id")
                .orElseThrow(() -> new MalformedBodyException("audit_event.drama_id is missing"));
        if (dramaId <= 0) {
            throw new MalformedBodyException("audit_event.drama_id must be a positive id");
        }
        Fields detail = event.object("audit_detail")
                .orElseThrow(() -> new MalformedBodyException("audit_event.audit_detail is missing"));
        long status = optionalLong(detail, "status")
                .orElseThrow(() -> new MalformedBodyException("audit_event.audit_detail.status is missing"));
        // audit_type came later than the event itself: older pushes are first submissions
        long auditType = optionalLong(detail, "audit_type").orElse(0L);
        Optional<AuditStatus> mappedStatus = map(status, AuditStatus::of);
        Optional<AuditType> mappedType = map(auditType, AuditType::of);
        if (mappedStatus.isEmpty() || mappedType.isEmpty()) {
            return new UnknownEvent(envelope, rawBody);
        }
        return new AuditEvent(envelope, DramaId.of(dramaId), mappedStatus.get(), mappedType.get(),
                instant(detail, "create_time"),
                instant(detail, "audit_time"));
    }

    private static <T> Optional<T> map(long code, IntFunction<T> of) {
        if (code < Integer.MIN_VALUE || code > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        try {
            return Optional.of(of.apply((int) code));
        } catch (InvalidRequestException e) {
            return Optional.empty();
        }
    }

    private static Instant instant(Fields fields, String name) {
        Optional<Long> seconds = optionalLong(fields, name);
        try {
            return seconds.map(Instant::ofEpochSecond).orElse(Instant.EPOCH);
        } catch (DateTimeException e) {
            throw new MalformedBodyException(name + " is not a plausible Unix time");
        }
    }

    private static Fields required(Fields fields, String name) {
        return fields.object(name).orElseThrow(() -> new MalformedBodyException(name + " is missing"));
    }

    private static Optional<Long> optionalLong(Fields fields, String name) {
        Optional<String> text = fields.text(name);
        if (text.isEmpty() || text.get().isBlank()) {
            return Optional.empty();
        }
        Matcher m = INTEGER.matcher(text.get());
        if (!m.matches()) {
            throw new MalformedBodyException(name + " must be an integer");
        }
        try {
            return Optional.of(Long.parseLong(m.group(1)));
        } catch (NumberFormatException e) {
            throw new MalformedBodyException(name + " is out of the 64-bit range");
        }
    }
}
