package io.minidrama.domain.player;

import java.util.Objects;

/**
 * A Channels (视频号) promotion activity of a drama the caller submitted or may play, as
 * {@code getfinderevent} lists it.
 *
 * @param encryptedEventId {@code encrypted_event_id}: the activity's id, to filter by
 * @param name             {@code event_name}
 * @param url              {@code event_url}: the activity's page in Channels
 * @param drama            the drama it promotes
 */
public record FinderEvent(String encryptedEventId, String name, String url, DramaRef drama) {
    public FinderEvent {
        Objects.requireNonNull(encryptedEventId, "encryptedEventId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(drama, "drama");
    }
}
