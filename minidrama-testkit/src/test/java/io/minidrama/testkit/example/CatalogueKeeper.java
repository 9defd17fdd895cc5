package io.minidrama.testkit.example;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.drama.MediaReplacement;
import io.minidrama.domain.drama.ReplacementApplication;
import io.minidrama.domain.drama.ReplacementRequest;
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.AuditType;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.port.service.MiniDrama;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An example service, written as a user of the library would: it replaces episodes of an approved
 * drama and applies the replacement as soon as the platform's audit event (audit type 2) says it
 * was approved, the same way a first audit's event (type 0) tells a publisher its drama is live.
 * Information-change events (type 3) are noted, so the service knows its change took effect.
 */
public final class CatalogueKeeper {
    private final MiniDrama miniDrama;
    private final Map<DramaId, List<MediaReplacement>> pending = new ConcurrentHashMap<>();
    private final Map<DramaId, AuditEvent> infoChanges = new ConcurrentHashMap<>();

    public CatalogueKeeper(MiniDrama miniDrama) {
        this.miniDrama = miniDrama;
    }

    /** Submits the replacement of {@code old} by {@code fresh} and waits for its audit event. */
    public void replace(DramaId drama, MediaId old, MediaId fresh) {
        List<MediaReplacement> items = List.of(new MediaReplacement(old, fresh));
        miniDrama.catalog().replaceEpisodes(new ReplacementRequest(drama, items));
        pending.put(drama, items);
    }

    /** Handles a push event (from {@code PushEventReceiver}); returns how many episodes it replaced. */
    public int onEvent(PushEvent event) {
        if (!(event instanceof AuditEvent audit)) {
            return 0;
        }
        if (audit.auditType() == AuditType.INFO_CHANGE) {
            infoChanges.put(audit.dramaId(), audit);
            return 0;
        }
        if (audit.auditType() != AuditType.REPLACEMENT) {
            return 0;
        }
        List<MediaReplacement> items = pending.remove(audit.dramaId());
        if (items == null || !audit.status().isApproved()) {
            return 0;
        }
        for (MediaReplacement r : items) {
            miniDrama.catalog().applyReplacement(new ReplacementApplication(audit.dramaId(), r.oldMedia(), r.newMedia()));
        }
        return items.size();
    }

    /** Whether a replacement of {@code drama} still waits for its audit. */
    public boolean waiting(DramaId drama) {
        return pending.containsKey(drama);
    }

    /** The last information-change audit event of {@code drama}, if any. */
    public java.util.Optional<AuditEvent> infoChangeAudit(DramaId drama) {
        return java.util.Optional.ofNullable(infoChanges.get(drama));
    }
}
