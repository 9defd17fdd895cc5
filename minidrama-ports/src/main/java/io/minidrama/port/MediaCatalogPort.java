package io.minidrama.port;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.domain.media.PlayLinkRequest;

import java.util.List;

/**
 * Reads and deletes uploaded media and issues play links ({@code listmedia}, {@code getmedia},
 * {@code getmedialink}, {@code deletemedia}).
 *
 * <p>Implementations MUST be thread-safe and MUST NOT accept {@code null}. Reads are safe to
 * retry. Every URL returned is temporary and MUST NOT be persisted by callers.
 */
public interface MediaCatalogPort {

    /** One page of media matching the query, in the platform's order (newest first). */
    List<Media> listMedia(MediaQuery query);

    /** One media; an unknown id fails with errcode 10093030. */
    Media getMedia(MediaId mediaId);

    /**
     * A play link. The platform refuses (with a platform error) when the episode's drama is not
     * approved, even if the episode itself is.
     */
    PlayLink getPlayLink(PlayLinkRequest request);

    /** Deletes a media; an unknown id fails with errcode 10093030. */
    void deleteMedia(MediaId mediaId);
}
