package io.minidrama.adapter.fake.internal;

import io.minidrama.adapter.fake.StoredMedia;
import io.minidrama.adapter.fake.internal.Records.LinkRec;
import io.minidrama.adapter.fake.internal.Records.MediaRec;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.error.ErrorCode;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.domain.media.PlayLinkRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static io.minidrama.adapter.fake.internal.Core.error;

/**
 * The media catalog: {@code listmedia}, {@code getmedia}, {@code deletemedia} and play links
 * ({@code getmedialink}, issued only for episodes of an approved drama, R-11 limits kept for
 * {@link Cdn#play}); and the control surface's view of what was stored.
 */
final class Catalog {
    private final Core core;

    Catalog(Core core) {
        this.core = core;
    }

    List<Media> listMedia(MediaQuery q) {
        return core.locked(out -> core.media.values().stream()
                .filter(m -> q.dramaId().map(d -> d.equals(m.dramaId)).orElse(true))
                .filter(m -> q.matchesName(m.name))
                .filter(m -> q.uploadedWithin().map(w -> w.contains(m.created)).orElse(true))
                .sorted(Comparator.comparing((MediaRec m) -> m.created).thenComparing(m -> m.id.value()).reversed())
                .skip(q.page().offset())
                .limit(q.page().limit())
                .map(core::toMedia)
                .toList());
    }

    Media getMedia(MediaId id) {
        return core.locked(out -> core.toMedia(core.mediaRec("getmedia", id)));
    }

    void deleteMedia(MediaId id) {
        core.run(out -> {
            core.mediaRec("deletemedia", id);
            core.media.remove(id);
        });
    }

    PlayLink getPlayLink(PlayLinkRequest r) {
        return core.locked(out -> {
            String op = "getmedialink";
            MediaRec m = core.mediaRec(op, r.mediaId());
            Instant now = core.clock.instant();
            DramaId dramaId = m.dramaId != null ? m.dramaId : m.stillPlayable(now) ? m.formerDrama : null;
            if (dramaId == null) {
                throw error(op, ErrorCode.OPERATION_FAILED, m.formerDrama != null
                        ? "media " + m.id + " was replaced in drama " + m.formerDrama + " more than 7 days ago; its links ended"
                        : "media " + m.id + " is not an episode of a submitted drama; links need an approved drama");
            }
            Drama d = core.dramas.get(dramaId).drama;
            if (!d.status().isApproved()) {
                throw error(op, ErrorCode.OPERATION_FAILED, "drama " + d.id() + " is " + d.status() + "; links are issued only for approved dramas");
            }
            if (!r.expiry().isAfter(now) || r.expiry().isAfter(now.plus(PlayLinkRequest.MAX_LIFETIME))) {
                throw error(op, ErrorCode.PARAMETER_ERROR, "t " + r.expiry().getEpochSecond() + " must be in the future and at most 2 hours away (now "
                        + now.getEpochSecond() + ")");
            }
            long seconds = m.duration().toSeconds();
            if (r.previewSeconds().isPresent() && seconds > 0 && r.previewSeconds().getAsInt() > seconds) {
                throw error(op, ErrorCode.PARAMETER_ERROR, "exper " + r.previewSeconds().getAsInt() + " exceeds the video's duration (" + seconds + " s)");
            }
            String token = Long.toString(core.nextId.getAndIncrement(), 36) + Long.toHexString(Double.doubleToLongBits(Math.random()) & 0xffffffL);
            core.links.put(token, new LinkRec(m.id, r.expiry(), r.rlimit().orElse(0), r.whref(), r.bkref(), r.previewSeconds().orElse(0)));
            String query = "?t=" + r.expiry().getEpochSecond() + r.us().map(u -> "&us=" + u + "-wxfake").orElse("");
            String base = core.settings.urlBase() + "/play/" + token;
            return new PlayLink(m.id, m.duration(), m.name, "", core.url("cover", m.id), base + ".mp4" + query, base + ".m3u8" + query);
        });
    }

    /** Sets a media's duration, or presets it for a media id not stored yet. */
    void setDuration(MediaId id, Duration duration) {
        core.run(out -> {
            if (core.media.containsKey(id)) {
                core.media.get(id).duration = duration;
            } else {
                core.presetDurations.put(id, duration);
            }
        });
    }

    Optional<StoredMedia> storedMedia(MediaId id) {
        return core.locked(out -> Optional.ofNullable(core.media.get(id))
                .map(m -> new StoredMedia(m.id, m.size, m.sha256, m.duration(), m.coverSize, m.coverSha256, m.content != null)));
    }

    Optional<byte[]> content(MediaId id) {
        return core.locked(out -> Optional.ofNullable(core.media.get(id)).map(m -> m.content).map(byte[]::clone));
    }
}
