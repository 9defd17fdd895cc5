package io.minidrama.samples.publisher;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.port.service.MiniDrama;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reacts to the audit event the platform pushes (through the starter's webhook; on the fake,
 * straight from it): an approved drama gets a play link per episode, a rejected one is logged.
 */
@Component
public class AuditReactions {
    private static final System.Logger LOG = System.getLogger(AuditReactions.class.getName());

    private final MiniDrama miniDrama;
    private final Map<DramaId, List<PlayLink>> links = new ConcurrentHashMap<>();
    private final Map<DramaId, AuditEvent> rejected = new ConcurrentHashMap<>();

    public AuditReactions(MiniDrama miniDrama) {
        this.miniDrama = miniDrama;
    }

    @EventListener
    void on(AuditEvent event) {
        if (event.status().isApproved()) {
            List<PlayLink> episodeLinks = new ArrayList<>();
            for (MediaId episode : miniDrama.dramas().get(event.dramaId()).mediaIds()) {
                episodeLinks.add(miniDrama.media().playLink(episode, Duration.ofHours(2)));
            }
            links.put(event.dramaId(), List.copyOf(episodeLinks));
            LOG.log(System.Logger.Level.INFO, () -> "drama " + event.dramaId().value() + " approved: " + episodeLinks.size() + " play links");
        } else {
            rejected.put(event.dramaId(), event);
            LOG.log(System.Logger.Level.WARNING, () -> "drama " + event.dramaId().value() + " not approved: " + event.status());
        }
    }

    /** The play links of an approved drama's episodes, once its audit event arrived. */
    public Optional<List<PlayLink>> playLinks(DramaId drama) {
        return Optional.ofNullable(links.get(drama));
    }

    /** The audit event of a drama that was not approved. */
    public Optional<AuditEvent> rejection(DramaId drama) {
        return Optional.ofNullable(rejected.get(drama));
    }
}
