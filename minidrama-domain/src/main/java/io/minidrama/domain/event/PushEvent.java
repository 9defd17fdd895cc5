package io.minidrama.domain.event;

import java.time.Instant;

/**
 * A message the platform pushes to the mini program's server (API.md §5). Either an
 * {@link UploadEvent}, an {@link AuditEvent} or an {@link UnknownEvent} carrying the raw type, so
 * no message is ever dropped.
 */
public sealed interface PushEvent permits UploadEvent, AuditEvent, UnknownEvent {

    /** The envelope every push carries. */
    Envelope envelope();

    /**
     * The envelope fields: {@code ToUserName}, {@code FromUserName}, {@code CreateTime},
     * {@code MsgType} and {@code Event}.
     *
     * @param toUserName   the mini program's original id
     * @param fromUserName the sender (the platform's system account)
     * @param createTime   when the platform created the message
     * @param msgType      {@code event} for these messages
     * @param event        the event type, such as {@code secvod_upload_event}
     */
    record Envelope(String toUserName, String fromUserName, Instant createTime, String msgType, String event) {
        public Envelope {
            toUserName = toUserName == null ? "" : toUserName;
            fromUserName = fromUserName == null ? "" : fromUserName;
            createTime = createTime == null ? Instant.EPOCH : createTime;
            msgType = msgType == null ? "" : msgType;
            event = event == null ? "" : event;
        }
    }
}
