package io.minidrama.port.service;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.domain.media.PlayLinkRequest;
import io.minidrama.port.MediaCatalogPort;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Use cases around uploaded media: find, inspect, delete, and issue play links.
 * Thread-safe; every request is checked by the domain before it is sent.
 */
public final class MediaService {
    private final MediaCatalogPort port;
    private final Clock clock;

    MediaService(MediaCatalogPort port, Clock clock) {
        this.port = Objects.requireNonNull(port, "port");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One page of media matching {@code query}. */
    public List<Media> list(MediaQuery query) {
        return port.listMedia(query);
    }

    /**
     * Every media matching {@code query}, following pages until a short page, starting at the
     * query's page. Stops after {@code maxItems}.
     */
    public List<Media> listAll(MediaQuery query, int maxItems) {
        List<Media> all = new ArrayList<>();
        MediaQuery q = query;
        while (all.size() < maxItems) {
            List<Media> page = port.listMedia(q);
            all.addAll(page.subList(0, Math.min(page.size(), maxItems - all.size())));
            if (page.size() < q.page().limit()) {
                break;
            }
            q = q.withPage(q.page().next());
        }
        return all;
    }

    /** One media. */
    public Media get(MediaId id) {
        return port.getMedia(id);
    }

    /** Deletes a media. */
    public void delete(MediaId id) {
        port.deleteMedia(id);
    }

    /** A play link as requested; the request was checked against its clock when built. */
    public PlayLink playLink(PlayLinkRequest request) {
        return port.getPlayLink(request);
    }

    /** A play link to {@code id} that lives {@code lifetime} (at most 2 hours, R-9) from now. */
    public PlayLink playLink(MediaId id, Duration lifetime) {
        return port.getPlayLink(PlayLinkRequest.builder(id).expiresIn(lifetime).build(clock));
    }

    /** A builder for a link request; build it with {@link #clock()}. */
    public PlayLinkRequest.Builder linkRequest(MediaId id) {
        return PlayLinkRequest.builder(id);
    }

    /** The clock requests are checked against. */
    public Clock clock() {
        return clock;
    }
}
